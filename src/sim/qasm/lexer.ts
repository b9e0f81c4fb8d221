/** OpenQASM 2.0 tokens, produced on demand with their line and column. */
import { QasmError, quoteInput } from './errors';

export type TokKind = 'id' | 'num' | 'str' | 'sym' | 'eof';
export interface Token {
  kind: TokKind;
  text: string;
  value: number;
  line: number;
  col: number;
}

const SYMBOLS = ['->', '==', ';', ',', '(', ')', '[', ']', '{', '}', '+', '-', '*', '/', '^'];

const isIdStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isIdPart = (c: number) => isIdStart(c) || isDigit(c);

/**
 * Produces tokens one at a time (the parser holds one token of lookahead, never the whole list), so
 * memory stays proportional to the circuit, not to the text.
 */
export class Lexer {
  private i = 0;
  private line = 1;
  private col = 1;
  constructor(private readonly src: string) {}

  /** Skips whitespace and comments, keeping line and column. */
  private skip(): void {
    const { src } = this;
    const n = src.length;
    while (this.i < n) {
      const c = src.charCodeAt(this.i);
      if (c === 10) {
        this.i++;
        this.line++;
        this.col = 1;
        continue;
      }
      if (c === 32 || c === 9 || c === 13 || c === 12 || c === 11 || c === 0xfeff) {
        this.i++;
        this.col++;
        continue;
      }
      if (c === 47 && src.charCodeAt(this.i + 1) === 47) {
        const end = src.indexOf('\n', this.i);
        const stop = end < 0 ? n : end;
        this.col += stop - this.i;
        this.i = stop;
        continue;
      }
      if (c === 47 && src.charCodeAt(this.i + 1) === 42) {
        const end = src.indexOf('*/', this.i + 2);
        if (end < 0) throw new QasmError('unterminated /* comment', this.line, this.col);
        for (let j = this.i; j < end + 2; j++) {
          if (src.charCodeAt(j) === 10) {
            this.line++;
            this.col = 1;
          } else this.col++;
        }
        this.i = end + 2;
        continue;
      }
      return;
    }
  }

  private token(kind: TokKind, text: string, value: number, length: number): Token {
    const t: Token = { kind, text, value, line: this.line, col: this.col };
    this.i += length;
    this.col += length;
    return t;
  }

  next(): Token {
    this.skip();
    const { src } = this;
    const n = src.length;
    const i = this.i;
    if (i >= n) return { kind: 'eof', text: 'end of input', value: 0, line: this.line, col: this.col };
    const c = src.charCodeAt(i);
    if (isIdStart(c)) {
      let j = i + 1;
      while (j < n && isIdPart(src.charCodeAt(j))) j++;
      return this.token('id', src.slice(i, j), 0, j - i);
    }
    if (isDigit(c) || (c === 46 && isDigit(src.charCodeAt(i + 1)))) {
      let j = i;
      while (j < n && isDigit(src.charCodeAt(j))) j++;
      if (src.charCodeAt(j) === 46) {
        j++;
        while (j < n && isDigit(src.charCodeAt(j))) j++;
      }
      const e = src.charCodeAt(j);
      if (e === 69 || e === 101) {
        let k = j + 1;
        const sign = src.charCodeAt(k);
        if (sign === 43 || sign === 45) k++;
        if (isDigit(src.charCodeAt(k))) {
          j = k;
          while (j < n && isDigit(src.charCodeAt(j))) j++;
        }
      }
      if (j < n && isIdStart(src.charCodeAt(j))) {
        throw new QasmError(`malformed number ${quoteInput(src.slice(i, j + 1))}`, this.line, this.col);
      }
      const text = src.slice(i, j);
      return this.token('num', text, Number(text), j - i);
    }
    if (c === 34) {
      let j = i + 1;
      while (j < n && src.charCodeAt(j) !== 34 && src.charCodeAt(j) !== 10) j++;
      if (src.charCodeAt(j) !== 34) throw new QasmError('unterminated string', this.line, this.col);
      const t = this.token('str', src.slice(i + 1, j), 0, j + 1 - i);
      return t;
    }
    for (const sym of SYMBOLS) if (src.startsWith(sym, i)) return this.token('sym', sym, 0, sym.length);
    const cp = src.codePointAt(i)!;
    throw new QasmError(`unexpected character ${quoteInput(String.fromCodePoint(cp))}`, this.line, this.col);
  }
}
