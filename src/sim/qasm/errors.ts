/** The one error every QASM problem throws, and quoting of input pieces safe to print in its message. */

export class QasmError extends Error {
  readonly line: number;
  readonly column: number;
  /** The message without the "line:column: " prefix. */
  readonly reason: string;
  constructor(reason: string, line: number, column: number) {
    super(`${line}:${column}: ${reason}`);
    this.name = 'QasmError';
    this.line = line;
    this.column = column;
    this.reason = reason;
  }
}

/** Longest piece of the input quoted in an error message. */
const QUOTE_MAX = 40;

/**
 * Quotes a piece of the input for an error message, safe to print on a terminal: control characters
 * (C0, DEL, C1), line/paragraph separators and bidirectional overrides are escaped as \xNN or \u{…},
 * and anything longer than `max` characters is cut, with its full length given.
 */
export function quoteInput(text: string, max = QUOTE_MAX): string {
  let cut = text.length > max ? max : text.length;
  const code = text.charCodeAt(cut - 1);
  if (cut < text.length && code >= 0xd800 && code <= 0xdbff) cut--; // keep a surrogate pair whole
  let out = '';
  for (let i = 0; i < cut; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else if (c === 0x27 || c === 0x5c) out += `\\${text[i]}`;
    else if (
      c === 0x2028 ||
      c === 0x2029 ||
      (c >= 0x200e && c <= 0x200f) ||
      (c >= 0x202a && c <= 0x202e) ||
      (c >= 0x2066 && c <= 0x2069)
    ) {
      out += `\\u{${c.toString(16)}}`;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      const pair = c <= 0xdbff && i + 1 < cut && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
      if (pair) {
        out += text[i] + text[i + 1];
        i++;
      } else out += `\\u{${c.toString(16)}}`; // a lone surrogate
    } else out += text[i];
  }
  return cut < text.length ? `'${out}…' (${text.length.toLocaleString('en-US')} characters)` : `'${out}'`;
}
