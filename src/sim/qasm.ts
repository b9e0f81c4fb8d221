/**
 * OpenQASM 2.0 import (`parseQasm`) and export (`toQasm`) for the circuit IR.
 *
 * Import supports the header, `include "qelib1.inc";`, several qreg/creg (flattened in declaration
 * order), the whole qelib1.inc gate set as Qiskit defines it, the built-ins U and CX, user `gate`
 * definitions (parameters, qubit arguments, nesting), register broadcasting, `measure` (bit or whole
 * register), `barrier`, and parameter expressions (pi, + − * / ^, unary minus, parentheses, sin cos tan
 * exp ln sqrt). `reset`, `if` and `opaque` are rejected. Gates the IR lacks are decomposed exactly into
 * IR gates (no global phase is lost except where Qiskit's own definition differs only by one).
 *
 * Every problem throws a QasmError carrying `line` and `column` (1-based), with a one-line message such
 * as "3:14: unknown gate 'foo'"; pieces of the input in it are escaped and truncated (quoteInput), so
 * printing it on a terminal is safe. The parser is linear in the input (tokens are produced on demand,
 * every check is a map or set lookup), bounds the input size, expression nesting and definition nesting,
 * and charges each gate call for its whole expansion before expanding it (QASM_LIMITS), so hostile input
 * cannot hang it, exhaust memory or crash it with a stack overflow.
 */
import { GATE_PARAM_COUNT, type Circuit, type GateName, type GateOp, type Op } from './types';

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

/**
 * Limits that keep hostile input bounded. `maxInputChars` caps the text; `maxOps` caps the expanded
 * circuit, counting every operation a gate call expands to (gates, barriers inside definitions, calls of
 * empty definitions, measurements), checked before expanding; `maxExprEvaluations` caps the expression
 * nodes evaluated while expanding gate bodies; `maxDepth` caps the nesting of expressions and of gate
 * definitions; `maxClbits` caps the classical bits of all cregs together.
 */
export const QASM_LIMITS = {
  maxInputChars: 32 * 1024 * 1024,
  maxOps: 1_000_000,
  maxExprEvaluations: 10_000_000,
  maxQubits: 64,
  maxClbits: 1 << 20,
  maxDepth: 100,
  maxRegisterSize: 1 << 20,
} as const;

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

// ---------------------------------------------------------------- lexer

type TokKind = 'id' | 'num' | 'str' | 'sym' | 'eof';
interface Token {
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
class Lexer {
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

// ---------------------------------------------------------------- expressions

/**
 * Chains of + − and of * / are one node each, evaluated left to right like the binary tree they stand
 * for: a 10,000-term sum is flat, and only real nesting (parentheses, unary minus, ^, functions) is deep.
 */
type Expr =
  | { t: 'num'; v: number }
  | { t: 'var'; name: string; tok: Token }
  | { t: 'neg'; a: Expr }
  | { t: 'chain'; first: Expr; ops: ('+' | '-' | '*' | '/')[]; rest: Expr[] }
  | { t: 'pow'; a: Expr; b: Expr }
  | { t: 'fn'; fn: (x: number) => number; a: Expr };

const FUNCTIONS = new Map<string, (x: number) => number>([
  ['sin', Math.sin],
  ['cos', Math.cos],
  ['tan', Math.tan],
  ['exp', Math.exp],
  ['ln', Math.log],
  ['sqrt', Math.sqrt],
]);

function evalExpr(e: Expr, env: ReadonlyMap<string, number>): number {
  switch (e.t) {
    case 'num':
      return e.v;
    case 'var': {
      const v = env.get(e.name);
      if (v === undefined) throw new QasmError(`unknown parameter ${quoteInput(e.name)}`, e.tok.line, e.tok.col);
      return v;
    }
    case 'neg':
      return -evalExpr(e.a, env);
    case 'fn':
      return e.fn(evalExpr(e.a, env));
    case 'pow':
      return evalExpr(e.a, env) ** evalExpr(e.b, env);
    case 'chain': {
      let acc = evalExpr(e.first, env);
      for (let k = 0; k < e.rest.length; k++) {
        const b = evalExpr(e.rest[k], env);
        switch (e.ops[k]) {
          case '+':
            acc += b;
            break;
          case '-':
            acc -= b;
            break;
          case '*':
            acc *= b;
            break;
          default:
            acc /= b;
        }
      }
      return acc;
    }
  }
}

/** Number of nodes of an expression (the work of one evaluation). */
function exprSize(e: Expr): number {
  switch (e.t) {
    case 'num':
    case 'var':
      return 1;
    case 'neg':
    case 'fn':
      return 1 + exprSize(e.a);
    case 'pow':
      return 1 + exprSize(e.a) + exprSize(e.b);
    case 'chain': {
      let s = 1 + exprSize(e.first);
      for (const r of e.rest) s += exprSize(r);
      return s;
    }
  }
}

// ---------------------------------------------------------------- gate library

/** A gate's expansion: into IR ops given evaluated params and absolute qubits. */
type Emit = (params: number[], q: number[], out: GateOp[]) => void;

interface UserGate {
  kind: 'user';
  name: string;
  params: string[];
  qubits: string[];
  body: BodyCall[];
  /** Operations one call expands to (see gateCost); a float, so 2^60 is fine. */
  cost: number;
  /** Expression nodes evaluated by one call's expansion. */
  evalCost: number;
}
interface BuiltinGate {
  kind: 'builtin';
  name: string;
  numParams: number;
  numQubits: number;
  emit: Emit;
  /** Operations one call emits (computed on first use: every built-in emits a fixed number). */
  cost?: number;
}
type GateDef = UserGate | BuiltinGate;

/** A gate call in a gate body. */
interface BodyCall {
  name: string;
  tok: Token;
  args: Expr[];
  qubits: number[]; // indices into the enclosing gate's qubit arguments
}

/**
 * Operations one call of `def` expands to. Every call counts at least one operation, so a call of an
 * empty definition is not free, and a barrier inside a body counts one: nested definitions whose
 * innermost body is empty or only a barrier are charged for their whole expansion.
 */
function gateCost(def: GateDef): number {
  if (def.kind === 'user') return Math.max(1, def.cost);
  if (def.cost === undefined) {
    const out: GateOp[] = [];
    def.emit(
      new Array(def.numParams).fill(0),
      Array.from({ length: def.numQubits }, (_, i) => i),
      out,
    );
    def.cost = out.length;
  }
  return Math.max(1, def.cost);
}

const op = (name: GateName, qubits: number[], params: number[] = []): GateOp => ({
  kind: 'gate',
  name,
  qubits,
  params,
});
const PI = Math.PI;

/** Multi-controlled phase diag(1, …, 1, e^{iλ}) on all listed qubits, from CX and P only:
 * x₁x₂…x_k = 2^{1−k} Σ_{S≠∅} (−1)^{|S|−1} ⊕_{i∈S} x_i, each parity phase computed onto the last qubit of S. */
function multiControlledPhase(lambda: number, qubits: number[], out: GateOp[]): void {
  const k = qubits.length;
  const scale = lambda / 2 ** (k - 1);
  for (let mask = 1; mask < 1 << k; mask++) {
    const members: number[] = [];
    for (let b = 0; b < k; b++) if (mask & (1 << b)) members.push(qubits[b]);
    const target = members[members.length - 1];
    const sign = members.length % 2 === 1 ? 1 : -1;
    for (let m = 0; m < members.length - 1; m++) out.push(op('cx', [members[m], target]));
    out.push(op('p', [target], [sign * scale]));
    for (let m = members.length - 2; m >= 0; m--) out.push(op('cx', [members[m], target]));
  }
}

/** Controlled-U3(θ, φ, λ) (exact, Qiskit's CU3) from P, CX and U. */
function controlledU3(theta: number, phi: number, lambda: number, c: number, t: number, out: GateOp[]): void {
  out.push(op('p', [c], [(lambda + phi) / 2]));
  out.push(op('p', [t], [(lambda - phi) / 2]));
  out.push(op('cx', [c, t]));
  out.push(op('u', [t], [-theta / 2, 0, -(phi + lambda) / 2]));
  out.push(op('cx', [c, t]));
  out.push(op('u', [t], [theta / 2, phi, 0]));
}

function native(name: GateName): Emit {
  return (p, q, out) => {
    out.push(op(name, q.slice(), p.slice()));
  };
}

function builtin(name: string, numParams: number, numQubits: number, emit: Emit): BuiltinGate {
  return { kind: 'builtin', name, numParams, numQubits, emit };
}

/** The language built-ins (always available). */
function coreGates(): GateDef[] {
  return [builtin('U', 3, 1, native('u')), builtin('CX', 0, 2, native('cx'))];
}

/** qelib1.inc as Qiskit defines it. */
function qelib1Gates(): GateDef[] {
  const defs: GateDef[] = [];
  const nativeNames: GateName[] = [
    'id',
    'x',
    'y',
    'z',
    'h',
    's',
    'sdg',
    't',
    'tdg',
    'sx',
    'sxdg',
    'rx',
    'ry',
    'rz',
    'p',
    'u',
    'cx',
    'cy',
    'cz',
    'swap',
    'crx',
    'cry',
    'crz',
    'cp',
    'ccx',
  ];
  for (const name of nativeNames) {
    const nq = name === 'ccx' ? 3 : ['cx', 'cy', 'cz', 'swap', 'crx', 'cry', 'crz', 'cp'].includes(name) ? 2 : 1;
    defs.push(builtin(name, GATE_PARAM_COUNT[name as Exclude<GateName, 'unitary'>], nq, native(name)));
  }
  defs.push(
    builtin('u3', 3, 1, native('u')),
    builtin('u2', 2, 1, (p, q, out) => {
      out.push(op('u', [q[0]], [PI / 2, p[0], p[1]]));
    }),
    builtin('u1', 1, 1, native('p')),
    builtin('u0', 1, 1, (_p, q, out) => {
      out.push(op('id', [q[0]]));
    }),
    builtin('cu1', 1, 2, native('cp')),
    builtin('ch', 0, 2, (_p, q, out) => controlledU3(PI / 2, 0, PI, q[0], q[1], out)),
    builtin('cu3', 3, 2, (p, q, out) => controlledU3(p[0], p[1], p[2], q[0], q[1], out)),
    builtin('cu', 4, 2, (p, q, out) => {
      out.push(op('p', [q[0]], [p[3]]));
      controlledU3(p[0], p[1], p[2], q[0], q[1], out);
    }),
    builtin('csx', 0, 2, (_p, q, out) => {
      out.push(op('h', [q[1]]), op('cp', [q[0], q[1]], [PI / 2]), op('h', [q[1]]));
    }),
    builtin('cswap', 0, 3, (_p, q, out) => {
      out.push(op('cx', [q[2], q[1]]), op('ccx', [q[0], q[1], q[2]]), op('cx', [q[2], q[1]]));
    }),
    builtin('rzz', 1, 2, (p, q, out) => {
      out.push(op('cx', [q[0], q[1]]), op('rz', [q[1]], [p[0]]), op('cx', [q[0], q[1]]));
    }),
    builtin('rxx', 1, 2, (p, q, out) => {
      out.push(
        op('h', [q[0]]),
        op('h', [q[1]]),
        op('cx', [q[0], q[1]]),
        op('rz', [q[1]], [p[0]]),
        op('cx', [q[0], q[1]]),
        op('h', [q[0]]),
        op('h', [q[1]]),
      );
    }),
    // Relative-phase Toffoli (Margolus), Qiskit's RCCXGate: H T CX(b) T† CX(a) T CX(b) T† H on the target.
    builtin('rccx', 0, 3, (_p, q, out) => {
      const [a, b, c] = q;
      out.push(
        op('h', [c]),
        op('t', [c]),
        op('cx', [b, c]),
        op('tdg', [c]),
        op('cx', [a, c]),
        op('t', [c]),
        op('cx', [b, c]),
        op('tdg', [c]),
        op('h', [c]),
      );
    }),
    // Relative-phase 3-controlled X, Qiskit's RC3XGate definition.
    builtin('rc3x', 0, 4, (_p, q, out) => {
      const [a, b, c, d] = q;
      out.push(
        op('h', [d]),
        op('t', [d]),
        op('cx', [c, d]),
        op('tdg', [d]),
        op('h', [d]),
        op('cx', [a, d]),
        op('t', [d]),
        op('cx', [b, d]),
        op('tdg', [d]),
        op('cx', [a, d]),
        op('t', [d]),
        op('cx', [b, d]),
        op('tdg', [d]),
        op('h', [d]),
        op('t', [d]),
        op('cx', [c, d]),
        op('tdg', [d]),
        op('h', [d]),
      );
    }),
    builtin('c3x', 0, 4, (_p, q, out) => {
      out.push(op('h', [q[3]]));
      multiControlledPhase(PI, q, out);
      out.push(op('h', [q[3]]));
    }),
    // 3-controlled √X: √X = H·S·H, so C³(√X) = H · C³(P(π/2)) · H on the target.
    builtin('c3sqrtx', 0, 4, (_p, q, out) => {
      out.push(op('h', [q[3]]));
      multiControlledPhase(PI / 2, q, out);
      out.push(op('h', [q[3]]));
    }),
    builtin('c4x', 0, 5, (_p, q, out) => {
      out.push(op('h', [q[4]]));
      multiControlledPhase(PI, q, out);
      out.push(op('h', [q[4]]));
    }),
  );
  return defs;
}

// ---------------------------------------------------------------- parser

interface Register {
  name: string;
  offset: number;
  size: number;
}
/** A gate/measure argument: one bit (`q[2]`) or a whole register (`q`). */
interface Arg {
  reg: Register;
  index: number | null;
  tok: Token;
}

const fmtCount = (n: number) => (n < 1e15 ? Math.round(n).toLocaleString('en-US') : n.toExponential(2));
const BODY_KEYWORDS = new Set(['gate', 'qreg', 'creg', 'measure', 'reset', 'if', 'include', 'opaque']);

class Parser {
  private tok: Token;
  private depth = 0;
  private readonly gates = new Map<string, GateDef>();
  private readonly qregs = new Map<string, Register>();
  private readonly cregs = new Map<string, Register>();
  private numQubits = 0;
  private numClbits = 0;
  private readonly ops: Op[] = [];
  /** Operations charged so far (see gateCost), never more than QASM_LIMITS.maxOps. */
  private opCount = 0;
  private evalCount = 0;
  private qelibIncluded = false;
  private readonly scratch: GateOp[] = [];

  constructor(private readonly lexer: Lexer) {
    for (const g of coreGates()) this.gates.set(g.name, g);
    this.tok = lexer.next();
  }

  // --- token helpers (one token of lookahead)
  private peek(): Token {
    return this.tok;
  }
  private next(): Token {
    const t = this.tok;
    if (t.kind !== 'eof') this.tok = this.lexer.next();
    return t;
  }
  private fail(t: Token, msg: string): never {
    throw new QasmError(msg, t.line, t.col);
  }
  private isSym(s: string): boolean {
    const t = this.tok;
    return t.kind === 'sym' && t.text === s;
  }
  private describe(t: Token): string {
    return t.kind === 'eof'
      ? 'end of input'
      : t.kind === 'str'
        ? `"${quoteInput(t.text).slice(1, -1)}"`
        : quoteInput(t.text);
  }
  private expectSym(s: string): Token {
    const t = this.peek();
    if (t.kind !== 'sym' || t.text !== s) this.fail(t, `expected '${s}' but found ${this.describe(t)}`);
    return this.next();
  }
  private expectId(what: string): Token {
    const t = this.peek();
    if (t.kind !== 'id') this.fail(t, `expected ${what} but found ${this.describe(t)}`);
    return this.next();
  }
  private expectInt(what: string): Token {
    const t = this.peek();
    if (t.kind !== 'num' || !/^[0-9]+$/.test(t.text))
      this.fail(t, `expected ${what} (a non-negative integer) but found ${this.describe(t)}`);
    return this.next();
  }

  /** Charges `n` operations to the budget, failing at `at` (so the message names its line) when exceeded. */
  private charge(n: number, at: Token, what: string): void {
    if (this.opCount + n > QASM_LIMITS.maxOps) {
      this.fail(
        at,
        `the circuit expands to more than ${fmtCount(QASM_LIMITS.maxOps)} operations: ${what} adds ${fmtCount(n)} to the ${fmtCount(this.opCount)} before it`,
      );
    }
    this.opCount += n;
  }

  parse(): Circuit {
    this.header();
    while (this.peek().kind !== 'eof') this.statement();
    if (this.numQubits === 0) this.fail(this.peek(), 'no qreg declared: the circuit has no qubits');
    return { numQubits: this.numQubits, numClbits: this.numClbits, ops: this.ops };
  }

  private header(): void {
    const t = this.peek();
    if (t.kind !== 'id' || t.text !== 'OPENQASM') this.fail(t, "expected the header 'OPENQASM 2.0;'");
    this.next();
    const v = this.peek();
    if (v.kind !== 'num') this.fail(v, `expected a version number after OPENQASM but found ${this.describe(v)}`);
    if (v.value !== 2) this.fail(v, `unsupported OpenQASM version ${quoteInput(v.text)}: only 2.0 is supported`);
    this.next();
    this.expectSym(';');
  }

  private statement(): void {
    const t = this.peek();
    if (t.kind !== 'id') this.fail(t, `expected a statement but found ${this.describe(t)}`);
    switch (t.text) {
      case 'include':
        return this.include();
      case 'qreg':
      case 'creg':
        return this.register(t.text);
      case 'gate':
        return this.gateDefinition();
      case 'measure':
        return this.measure();
      case 'barrier':
        return this.barrier();
      case 'opaque':
        this.fail(t, "'opaque' gates are not supported: they have no definition to simulate");
      // falls through (fail never returns)
      case 'reset':
        this.fail(t, "'reset' is not supported (the simulator runs unitary circuits)");
      // falls through
      case 'if':
        this.fail(t, "classically controlled 'if' is not supported");
      // falls through
      case 'OPENQASM':
        this.fail(t, "duplicate 'OPENQASM' header");
      // falls through
      default:
        return this.gateCall();
    }
  }

  private include(): void {
    this.next();
    const f = this.peek();
    if (f.kind !== 'str') this.fail(f, `expected a file name in quotes but found ${this.describe(f)}`);
    if (f.text !== 'qelib1.inc') this.fail(f, `cannot include ${this.describe(f)}: only "qelib1.inc" is available`);
    this.next();
    this.expectSym(';');
    if (this.qelibIncluded) return;
    this.qelibIncluded = true;
    for (const g of qelib1Gates()) {
      if (this.gates.has(g.name))
        this.fail(f, `qelib1.inc redefines gate '${g.name}' (include it before defining gates)`);
      this.gates.set(g.name, g);
    }
  }

  private register(kind: 'qreg' | 'creg'): void {
    this.next();
    const name = this.expectId('a register name');
    this.expectSym('[');
    const sizeTok = this.expectInt('a register size');
    this.expectSym(']');
    this.expectSym(';');
    const q = quoteInput(name.text);
    if (this.qregs.has(name.text) || this.cregs.has(name.text)) this.fail(name, `register ${q} is already declared`);
    const size = sizeTok.value;
    if (size < 1) this.fail(sizeTok, `register ${q} must have at least one bit`);
    if (size > QASM_LIMITS.maxRegisterSize)
      this.fail(sizeTok, `register ${q} is too large (${quoteInput(sizeTok.text)})`);
    if (kind === 'qreg') {
      if (this.numQubits + size > QASM_LIMITS.maxQubits)
        this.fail(sizeTok, `too many qubits: ${this.numQubits + size} > ${QASM_LIMITS.maxQubits}`);
      this.qregs.set(name.text, { name: name.text, offset: this.numQubits, size });
      this.numQubits += size;
    } else {
      if (this.numClbits + size > QASM_LIMITS.maxClbits)
        this.fail(sizeTok, `too many classical bits: ${this.numClbits + size} > ${QASM_LIMITS.maxClbits}`);
      this.cregs.set(name.text, { name: name.text, offset: this.numClbits, size });
      this.numClbits += size;
    }
  }

  // --- expressions (the depth counter bounds nesting: parentheses, functions, unary signs, ^)
  private enter(): void {
    if (++this.depth > QASM_LIMITS.maxDepth)
      this.fail(this.peek(), `expression nested too deeply (more than ${QASM_LIMITS.maxDepth} levels)`);
  }
  private expr(vars: ReadonlySet<string> | null): Expr {
    this.enter();
    const first = this.term(vars);
    let e: Expr = first;
    if (this.isSym('+') || this.isSym('-')) {
      const ops: ('+' | '-')[] = [],
        rest: Expr[] = [];
      while (this.isSym('+') || this.isSym('-')) {
        ops.push(this.next().text as '+' | '-');
        rest.push(this.term(vars));
      }
      e = { t: 'chain', first, ops, rest };
    }
    this.depth--;
    return e;
  }
  private term(vars: ReadonlySet<string> | null): Expr {
    const first = this.unary(vars);
    if (!this.isSym('*') && !this.isSym('/')) return first;
    const ops: ('*' | '/')[] = [],
      rest: Expr[] = [];
    while (this.isSym('*') || this.isSym('/')) {
      ops.push(this.next().text as '*' | '/');
      rest.push(this.unary(vars));
    }
    return { t: 'chain', first, ops, rest };
  }
  private unary(vars: ReadonlySet<string> | null): Expr {
    if (this.isSym('-') || this.isSym('+')) {
      this.enter();
      const neg = this.next().text === '-';
      const a = this.unary(vars);
      this.depth--;
      return neg ? { t: 'neg', a } : a;
    }
    const base = this.primary(vars);
    if (this.isSym('^')) {
      this.next();
      this.enter();
      const e: Expr = { t: 'pow', a: base, b: this.unary(vars) };
      this.depth--;
      return e;
    }
    return base;
  }
  private primary(vars: ReadonlySet<string> | null): Expr {
    const t = this.peek();
    if (t.kind === 'num') {
      this.next();
      return { t: 'num', v: t.value };
    }
    if (t.kind === 'sym' && t.text === '(') {
      this.next();
      const e = this.expr(vars);
      this.expectSym(')');
      return e;
    }
    if (t.kind === 'id') {
      this.next();
      if (t.text === 'pi') return { t: 'num', v: PI };
      const fn = FUNCTIONS.get(t.text);
      if (fn) {
        this.expectSym('(');
        const a = this.expr(vars);
        this.expectSym(')');
        return { t: 'fn', fn, a };
      }
      if (vars?.has(t.text)) return { t: 'var', name: t.text, tok: t };
      this.fail(
        t,
        vars
          ? `unknown parameter ${quoteInput(t.text)} in gate body`
          : `unknown identifier ${quoteInput(t.text)} in expression (only numbers, pi and sin cos tan exp ln sqrt are allowed here)`,
      );
    }
    this.fail(t, `expected an expression but found ${this.describe(t)}`);
  }

  private paramList(vars: ReadonlySet<string> | null): Expr[] {
    const out: Expr[] = [];
    if (!this.isSym('(')) return out;
    this.next();
    if (this.isSym(')')) {
      this.next();
      return out;
    }
    for (;;) {
      out.push(this.expr(vars));
      if (this.isSym(',')) {
        this.next();
        continue;
      }
      this.expectSym(')');
      return out;
    }
  }

  // --- gate definitions
  private gateDefinition(): void {
    this.next();
    const nameTok = this.expectId('a gate name');
    const name = nameTok.text;
    const qname = quoteInput(name);
    if (this.gates.has(name)) this.fail(nameTok, `gate ${qname} is already defined`);
    if (FUNCTIONS.has(name) || name === 'pi') this.fail(nameTok, `${qname} is reserved and cannot name a gate`);
    const params: string[] = [];
    const paramSet = new Set<string>();
    if (this.isSym('(')) {
      this.next();
      if (!this.isSym(')')) {
        for (;;) {
          const p = this.expectId('a parameter name');
          if (paramSet.has(p.text)) this.fail(p, `parameter ${quoteInput(p.text)} declared twice`);
          paramSet.add(p.text);
          params.push(p.text);
          if (this.isSym(',')) {
            this.next();
            continue;
          }
          break;
        }
      }
      this.expectSym(')');
    }
    const qubits: string[] = [];
    const qubitIndex = new Map<string, number>();
    for (;;) {
      const q = this.expectId('a qubit argument name');
      if (qubitIndex.has(q.text)) this.fail(q, `qubit argument ${quoteInput(q.text)} declared twice`);
      if (paramSet.has(q.text)) this.fail(q, `${quoteInput(q.text)} is both a parameter and a qubit argument`);
      qubitIndex.set(q.text, qubits.length);
      qubits.push(q.text);
      if (this.isSym(',')) {
        this.next();
        continue;
      }
      break;
    }
    this.expectSym('{');
    const body: BodyCall[] = [];
    let cost = 0,
      evalCost = 0;
    while (!this.isSym('}')) {
      const t = this.peek();
      if (t.kind === 'eof') this.fail(t, `missing '}' to close the definition of gate ${qname}`);
      if (t.kind !== 'id') this.fail(t, `expected a gate call in the body of ${qname} but found ${this.describe(t)}`);
      if (t.text === 'barrier') {
        this.next();
        this.bodyQubitList(qubitIndex);
        this.expectSym(';');
        // A barrier inside a gate has no effect on the unitary: it is not emitted, but it is counted.
        cost += 1;
        continue;
      }
      if (BODY_KEYWORDS.has(t.text)) this.fail(t, `'${t.text}' is not allowed inside a gate definition`);
      this.next();
      const def = this.lookupGate(t);
      const args = this.paramList(paramSet);
      const qs = this.bodyQubitList(qubitIndex);
      this.expectSym(';');
      this.checkArity(t, def, args.length, qs.length);
      body.push({ name: t.text, tok: t, args, qubits: qs });
      cost += gateCost(def);
      for (const a of args) evalCost += exprSize(a);
      if (def.kind === 'user') evalCost += def.evalCost;
    }
    this.next();
    this.gates.set(name, { kind: 'user', name, params, qubits, body, cost, evalCost });
  }

  private bodyQubitList(qubitIndex: ReadonlyMap<string, number>): number[] {
    const out: number[] = [];
    const seen = new Set<number>();
    for (;;) {
      const q = this.expectId('a qubit argument');
      if (this.isSym('[')) this.fail(this.peek(), `qubit arguments inside a gate definition cannot be indexed`);
      const k = qubitIndex.get(q.text);
      if (k === undefined) this.fail(q, `unknown qubit argument ${quoteInput(q.text)}`);
      if (seen.has(k)) this.fail(q, `qubit argument ${quoteInput(q.text)} used twice in one gate call`);
      seen.add(k);
      out.push(k);
      if (this.isSym(',')) {
        this.next();
        continue;
      }
      return out;
    }
  }

  private lookupGate(t: Token): GateDef {
    const def = this.gates.get(t.text);
    if (def) return def;
    const hint =
      !this.qelibIncluded && qelib1Gates().some((g) => g.name === t.text)
        ? ' (did you forget include "qelib1.inc";?)'
        : '';
    this.fail(t, `unknown gate ${quoteInput(t.text)}${hint}`);
  }

  private checkArity(t: Token, def: GateDef, nParams: number, nQubits: number): void {
    const wantP = def.kind === 'user' ? def.params.length : def.numParams;
    const wantQ = def.kind === 'user' ? def.qubits.length : def.numQubits;
    const q = quoteInput(def.name);
    if (nParams !== wantP) this.fail(t, `gate ${q} takes ${wantP} parameter(s), got ${nParams}`);
    if (nQubits !== wantQ) this.fail(t, `gate ${q} acts on ${wantQ} qubit(s), got ${nQubits}`);
  }

  // --- statements on registers
  private arg(regs: Map<string, Register>, what: 'qubit' | 'bit'): Arg {
    const t = this.expectId(what === 'qubit' ? 'a qubit register' : 'a classical register');
    const reg = regs.get(t.text);
    if (!reg) {
      const other = what === 'qubit' ? this.cregs.has(t.text) : this.qregs.has(t.text);
      this.fail(
        t,
        other
          ? `${quoteInput(t.text)} is a ${what === 'qubit' ? 'classical' : 'quantum'} register; expected a ${what === 'qubit' ? 'qreg' : 'creg'}`
          : `unknown register ${quoteInput(t.text)}`,
      );
    }
    if (!this.isSym('[')) return { reg, index: null, tok: t };
    this.next();
    const idx = this.expectInt('an index');
    this.expectSym(']');
    if (idx.value >= reg.size)
      this.fail(
        idx,
        `index ${idx.text.length <= 20 ? idx.text : quoteInput(idx.text)} out of range for register ${quoteInput(reg.name)} of size ${reg.size}`,
      );
    return { reg, index: idx.value, tok: t };
  }

  private argList(regs: Map<string, Register>, what: 'qubit' | 'bit'): Arg[] {
    const out = [this.arg(regs, what)];
    while (this.isSym(',')) {
      this.next();
      out.push(this.arg(regs, what));
    }
    return out;
  }

  /** Broadcast size of an argument list: registers must agree; single bits repeat. */
  private broadcast(args: Arg[], at: Token): number {
    let size = 1,
      fixed: Arg | null = null;
    for (const a of args) {
      if (a.index !== null) continue;
      if (fixed && a.reg.size !== size)
        this.fail(
          a.tok,
          `registers ${quoteInput(fixed.reg.name)} (${size}) and ${quoteInput(a.reg.name)} (${a.reg.size}) have different sizes`,
        );
      if (!fixed) {
        fixed = a;
        size = a.reg.size;
      }
    }
    if (!fixed && args.length === 0) this.fail(at, 'missing arguments');
    return size;
  }

  private resolve(a: Arg, k: number): number {
    return a.reg.offset + (a.index ?? k);
  }

  private measure(): void {
    const kw = this.next();
    const q = this.arg(this.qregs, 'qubit');
    this.expectSym('->');
    const c = this.arg(this.cregs, 'bit');
    this.expectSym(';');
    if ((q.index === null) !== (c.index === null))
      this.fail(kw, 'measure needs either two single bits or two whole registers');
    if (q.index === null && q.reg.size !== c.reg.size) {
      this.fail(
        c.tok,
        `cannot measure register ${quoteInput(q.reg.name)} (${q.reg.size}) into ${quoteInput(c.reg.name)} (${c.reg.size}): sizes differ`,
      );
    }
    const n = q.index === null ? q.reg.size : 1;
    this.charge(n, kw, 'this measure');
    for (let k = 0; k < n; k++)
      this.ops.push({ kind: 'measure', qubit: this.resolve(q, k), clbit: this.resolve(c, k) });
  }

  private barrier(): void {
    const kw = this.next();
    const args = this.argList(this.qregs, 'qubit');
    this.expectSym(';');
    this.charge(1, kw, 'this barrier');
    const seen = new Uint8Array(this.numQubits);
    const qubits: number[] = [];
    for (const a of args) {
      const n = a.index === null ? a.reg.size : 1;
      for (let k = 0; k < n; k++) {
        const q = this.resolve(a, k);
        if (!seen[q]) {
          seen[q] = 1;
          qubits.push(q);
        }
      }
    }
    this.ops.push({ kind: 'barrier', qubits });
  }

  private gateCall(): void {
    const t = this.next();
    const def = this.lookupGate(t);
    const argExprs = this.paramList(null);
    const args = this.argList(this.qregs, 'qubit');
    this.expectSym(';');
    this.checkArity(t, def, argExprs.length, args.length);
    const params = argExprs.map((e) => {
      const v = evalExpr(e, new Map());
      if (!Number.isFinite(v)) this.fail(t, `a parameter of ${quoteInput(t.text)} evaluates to ${v}`);
      return v;
    });
    const size = this.broadcast(args, t);
    // Charged before anything is expanded, so an exponential nest of definitions is refused at once.
    this.charge(
      size * gateCost(def),
      t,
      size > 1 ? `this call of ${quoteInput(t.text)} (broadcast ${size} times)` : `this call of ${quoteInput(t.text)}`,
    );
    if (def.kind === 'user') {
      const evals = size * def.evalCost;
      if (this.evalCount + evals > QASM_LIMITS.maxExprEvaluations) {
        this.fail(
          t,
          `expanding ${quoteInput(t.text)} evaluates ${fmtCount(evals)} expression node(s), more than the limit of ${fmtCount(QASM_LIMITS.maxExprEvaluations)} for the whole circuit`,
        );
      }
      this.evalCount += evals;
    }
    const seen = new Set<number>();
    for (let k = 0; k < size; k++) {
      const qubits = args.map((a) => this.resolve(a, k));
      seen.clear();
      for (let i = 0; i < qubits.length; i++) {
        if (seen.has(qubits[i]))
          this.fail(args[i].tok, `qubit ${this.qubitName(qubits[i])} used twice in one call of ${quoteInput(t.text)}`);
        seen.add(qubits[i]);
      }
      this.expand(def, params, qubits, t, 0);
    }
  }

  private qubitName(q: number): string {
    for (const r of this.qregs.values())
      if (q >= r.offset && q < r.offset + r.size) return quoteInput(`${r.name}[${q - r.offset}]`);
    return `#${q}`;
  }

  private expand(def: GateDef, params: number[], qubits: number[], at: Token, level: number): void {
    if (def.kind === 'builtin') {
      this.scratch.length = 0;
      def.emit(params, qubits, this.scratch);
      for (const o of this.scratch) this.ops.push(o);
      return;
    }
    if (level > QASM_LIMITS.maxDepth)
      this.fail(at, `gate definitions nested more than ${QASM_LIMITS.maxDepth} levels deep`);
    const env = new Map<string, number>();
    def.params.forEach((p, i) => env.set(p, params[i]));
    for (const call of def.body) {
      const inner = this.gates.get(call.name) as GateDef;
      const values = call.args.map((e) => {
        const v = evalExpr(e, env);
        if (!Number.isFinite(v))
          this.fail(at, `a parameter of ${quoteInput(call.name)} inside ${quoteInput(def.name)} evaluates to ${v}`);
        return v;
      });
      this.expand(
        inner,
        values,
        call.qubits.map((k) => qubits[k]),
        at,
        level + 1,
      );
    }
  }
}

/**
 * Parses OpenQASM 2.0 text into a Circuit. Throws QasmError (with line and column) on any problem,
 * including text longer than `opts.maxInputChars` (default QASM_LIMITS.maxInputChars; the CLI passes
 * its own input cap).
 */
export function parseQasm(text: string, opts: { maxInputChars?: number } = {}): Circuit {
  if (typeof text !== 'string') throw new QasmError('QASM input must be a string', 1, 1);
  const maxChars = opts.maxInputChars ?? QASM_LIMITS.maxInputChars;
  if (text.length > maxChars) {
    throw new QasmError(
      `the input is ${fmtCount(text.length)} characters, more than the limit of ${fmtCount(maxChars)}`,
      1,
      1,
    );
  }
  try {
    return new Parser(new Lexer(text)).parse();
  } catch (e) {
    if (e instanceof QasmError) throw e;
    // Defensive: anything unexpected becomes a QasmError (its message made safe to print).
    throw new QasmError(`could not parse: ${quoteInput(String((e as Error)?.message ?? e), 200)}`, 1, 1);
  }
}

// ---------------------------------------------------------------- export

/** Angle as QASM text: exact multiples k·pi/d are written symbolically, everything else round-trips exactly. */
export function formatAngle(x: number): string {
  if (x === 0) return '0';
  for (const d of [1, 2, 3, 4, 6, 8]) {
    const k = Math.round((x * d) / PI);
    if (k === 0 || Math.abs(k) > 64) continue;
    const sign = k < 0 ? '-' : '';
    const ak = Math.abs(k);
    const num = ak === 1 ? 'pi' : `${ak}*pi`;
    // evaluate the way parseQasm will: (ak*pi)/d, then negate
    const v = (ak === 1 ? PI : ak * PI) / d;
    if ((k < 0 ? -v : v) === x) return d === 1 ? `${sign}${num}` : `${sign}${num}/${d}`;
  }
  return String(x);
}

const EXPORT_NAME: Partial<Record<GateName, string>> = { u: 'u3' };

/** ZYZ Euler angles of a 2×2 unitary: U = e^{iα} U3(θ, φ, λ). */
function u3Angles(m: Float64Array): [number, number, number] {
  const [ar, ai, br, bi, cr, ci, dr, di] = m;
  const a = Math.hypot(ar, ai),
    c = Math.hypot(cr, ci);
  const theta = 2 * Math.atan2(c, a);
  const argA = Math.atan2(ai, ar),
    argB = Math.atan2(bi, br),
    argC = Math.atan2(ci, cr),
    argD = Math.atan2(di, dr);
  // M = e^{iα}·U3: arg M00 = α, arg M10 = α+φ, arg M01 = α+λ+π, arg M11 = α+φ+λ.
  let phi: number, lambda: number;
  if (c < 1e-12) {
    phi = 0;
    lambda = argD - argA;
  } // θ = 0: only φ+λ matters
  else if (a < 1e-12) {
    phi = argC;
    lambda = argB - PI;
  } // θ = π: choose α = 0
  else {
    phi = argC - argA;
    lambda = argB - PI - argA;
  }
  return [theta, phi, lambda];
}

/**
 * Writes a circuit as OpenQASM 2.0 (one `qreg q[n]`, one `creg c[m]`), using qelib1.inc names.
 * A 1-qubit 'unitary' op is written as u3 (exact up to a global phase); 2- and 3-qubit 'unitary' ops
 * have no OpenQASM 2.0 form and make toQasm throw.
 */
export function toQasm(circuit: Circuit): string {
  const lines = ['OPENQASM 2.0;', 'include "qelib1.inc";', `qreg q[${circuit.numQubits}];`];
  if (circuit.numClbits > 0) lines.push(`creg c[${circuit.numClbits}];`);
  const qs = (qubits: number[]) => qubits.map((q) => `q[${q}]`).join(',');
  for (const o of circuit.ops) {
    if (o.kind === 'measure') {
      lines.push(`measure q[${o.qubit}] -> c[${o.clbit}];`);
      continue;
    }
    if (o.kind === 'barrier') {
      if (o.qubits.length > 0) lines.push(`barrier ${qs(o.qubits)};`);
      continue;
    }
    if (o.name === 'unitary') {
      if (o.qubits.length !== 1 || !o.matrix)
        throw new Error(`toQasm: a ${o.qubits.length}-qubit 'unitary' op has no OpenQASM 2.0 form`);
      lines.push(`u3(${u3Angles(o.matrix).map(formatAngle).join(',')}) ${qs(o.qubits)};`);
      continue;
    }
    const name = EXPORT_NAME[o.name] ?? o.name;
    const params = o.params.length ? `(${o.params.map(formatAngle).join(',')})` : '';
    lines.push(`${name}${params} ${qs(o.qubits)};`);
  }
  return lines.join('\n') + '\n';
}
