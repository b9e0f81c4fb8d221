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
 * Every problem throws a QasmError carrying `line` and `column` (1-based), with a message such as
 * "3:14: unknown gate 'foo'". The parser is linear in the input, bounds recursion depth and the size
 * of the expanded circuit, so hostile input cannot hang it or crash it with a stack overflow.
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

/** Limits that keep hostile input bounded. */
export const QASM_LIMITS = { maxOps: 1_000_000, maxQubits: 64, maxDepth: 100, maxRegisterSize: 1 << 20 } as const;

// ---------------------------------------------------------------- lexer

type TokKind = 'id' | 'num' | 'str' | 'sym' | 'eof';
interface Token { kind: TokKind; text: string; value: number; line: number; col: number }

const SYMBOLS = ['->', '==', ';', ',', '(', ')', '[', ']', '{', '}', '+', '-', '*', '/', '^'];

function tokenize(src: string): Token[] {
  const toks: Token[] = [];
  let i = 0, line = 1, col = 1;
  const n = src.length;
  const adv = (k: number) => {
    for (let j = 0; j < k; j++) {
      if (src[i] === '\n') { line++; col = 1; } else col++;
      i++;
    }
  };
  while (i < n) {
    const c = src[i];
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === '\f' || c === '\v' || c === '\uFEFF') { adv(1); continue; }
    if (c === '/' && src[i + 1] === '/') {
      while (i < n && src[i] !== '\n') adv(1);
      continue;
    }
    if (c === '/' && src[i + 1] === '*') {
      const l0 = line, c0 = col;
      adv(2);
      while (i < n && !(src[i] === '*' && src[i + 1] === '/')) adv(1);
      if (i >= n) throw new QasmError('unterminated /* comment', l0, c0);
      adv(2);
      continue;
    }
    const l0 = line, c0 = col;
    if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < n && /[A-Za-z0-9_]/.test(src[j])) j++;
      toks.push({ kind: 'id', text: src.slice(i, j), value: 0, line: l0, col: c0 });
      adv(j - i);
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = /^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/.exec(src.slice(i, i + 400));
      const text = m![0];
      if (/[A-Za-z_]/.test(src[i + text.length] ?? '')) throw new QasmError(`malformed number '${text}${src[i + text.length]}'`, l0, c0);
      toks.push({ kind: 'num', text, value: Number(text), line: l0, col: c0 });
      adv(text.length);
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      while (j < n && src[j] !== '"' && src[j] !== '\n') j++;
      if (src[j] !== '"') throw new QasmError('unterminated string', l0, c0);
      toks.push({ kind: 'str', text: src.slice(i + 1, j), value: 0, line: l0, col: c0 });
      adv(j + 1 - i);
      continue;
    }
    const sym = SYMBOLS.find((s) => src.startsWith(s, i));
    if (!sym) throw new QasmError(`unexpected character '${c}'`, l0, c0);
    toks.push({ kind: 'sym', text: sym, value: 0, line: l0, col: c0 });
    adv(sym.length);
  }
  toks.push({ kind: 'eof', text: 'end of input', value: 0, line, col });
  return toks;
}

// ---------------------------------------------------------------- expressions

type Expr =
  | { t: 'num'; v: number }
  | { t: 'var'; name: string; tok: Token }
  | { t: 'neg'; a: Expr }
  | { t: 'bin'; op: '+' | '-' | '*' | '/' | '^'; a: Expr; b: Expr }
  | { t: 'fn'; fn: (x: number) => number; a: Expr };

const FUNCTIONS = new Map<string, (x: number) => number>([
  ['sin', Math.sin], ['cos', Math.cos], ['tan', Math.tan], ['exp', Math.exp], ['ln', Math.log], ['sqrt', Math.sqrt],
]);

function evalExpr(e: Expr, env: ReadonlyMap<string, number>): number {
  switch (e.t) {
    case 'num': return e.v;
    case 'var': {
      const v = env.get(e.name);
      if (v === undefined) throw new QasmError(`unknown parameter '${e.name}'`, e.tok.line, e.tok.col);
      return v;
    }
    case 'neg': return -evalExpr(e.a, env);
    case 'fn': return e.fn(evalExpr(e.a, env));
    case 'bin': {
      const a = evalExpr(e.a, env), b = evalExpr(e.b, env);
      switch (e.op) {
        case '+': return a + b;
        case '-': return a - b;
        case '*': return a * b;
        case '/': return a / b;
        default: return a ** b;
      }
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
}
interface BuiltinGate {
  kind: 'builtin';
  name: string;
  numParams: number;
  numQubits: number;
  emit: Emit;
}
type GateDef = UserGate | BuiltinGate;

interface BodyCall {
  name: string;
  tok: Token;
  args: Expr[];
  qubits: number[]; // indices into the enclosing gate's qubit arguments
}

const op = (name: GateName, qubits: number[], params: number[] = []): GateOp => ({ kind: 'gate', name, qubits, params });
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
  return (p, q, out) => { out.push(op(name, q.slice(), p.slice())); };
}

function builtin(name: string, numParams: number, numQubits: number, emit: Emit): BuiltinGate {
  return { kind: 'builtin', name, numParams, numQubits, emit };
}

/** The language built-ins (always available). */
function coreGates(): GateDef[] {
  return [
    builtin('U', 3, 1, native('u')),
    builtin('CX', 0, 2, native('cx')),
  ];
}

/** qelib1.inc as Qiskit defines it. */
function qelib1Gates(): GateDef[] {
  const defs: GateDef[] = [];
  const nativeNames: GateName[] = ['id', 'x', 'y', 'z', 'h', 's', 'sdg', 't', 'tdg', 'sx', 'sxdg', 'rx', 'ry', 'rz', 'p', 'u',
    'cx', 'cy', 'cz', 'swap', 'crx', 'cry', 'crz', 'cp', 'ccx'];
  for (const name of nativeNames) {
    const nq = name === 'ccx' ? 3 : ['cx', 'cy', 'cz', 'swap', 'crx', 'cry', 'crz', 'cp'].includes(name) ? 2 : 1;
    defs.push(builtin(name, GATE_PARAM_COUNT[name as Exclude<GateName, 'unitary'>], nq, native(name)));
  }
  defs.push(
    builtin('u3', 3, 1, native('u')),
    builtin('u2', 2, 1, (p, q, out) => { out.push(op('u', [q[0]], [PI / 2, p[0], p[1]])); }),
    builtin('u1', 1, 1, native('p')),
    builtin('u0', 1, 1, (_p, q, out) => { out.push(op('id', [q[0]])); }),
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
      out.push(op('h', [q[0]]), op('h', [q[1]]), op('cx', [q[0], q[1]]), op('rz', [q[1]], [p[0]]), op('cx', [q[0], q[1]]), op('h', [q[0]]), op('h', [q[1]]));
    }),
    // Relative-phase Toffoli (Margolus), Qiskit's RCCXGate: H T CX(b) T† CX(a) T CX(b) T† H on the target.
    builtin('rccx', 0, 3, (_p, q, out) => {
      const [a, b, c] = q;
      out.push(op('h', [c]), op('t', [c]), op('cx', [b, c]), op('tdg', [c]), op('cx', [a, c]), op('t', [c]),
        op('cx', [b, c]), op('tdg', [c]), op('h', [c]));
    }),
    // Relative-phase 3-controlled X, Qiskit's RC3XGate definition.
    builtin('rc3x', 0, 4, (_p, q, out) => {
      const [a, b, c, d] = q;
      out.push(op('h', [d]), op('t', [d]), op('cx', [c, d]), op('tdg', [d]), op('h', [d]),
        op('cx', [a, d]), op('t', [d]), op('cx', [b, d]), op('tdg', [d]), op('cx', [a, d]), op('t', [d]), op('cx', [b, d]), op('tdg', [d]),
        op('h', [d]), op('t', [d]), op('cx', [c, d]), op('tdg', [d]), op('h', [d]));
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

interface Register { name: string; offset: number; size: number }
/** A gate/measure argument: one bit (`q[2]`) or a whole register (`q`). */
interface Arg { reg: Register; index: number | null; tok: Token }

class Parser {
  private pos = 0;
  private depth = 0;
  private readonly gates = new Map<string, GateDef>();
  private readonly qregs = new Map<string, Register>();
  private readonly cregs = new Map<string, Register>();
  private numQubits = 0;
  private numClbits = 0;
  private readonly ops: Op[] = [];
  private gateOpCount = 0;
  private qelibIncluded = false;
  private readonly scratch: GateOp[] = [];

  constructor(private readonly toks: Token[]) {
    for (const g of coreGates()) this.gates.set(g.name, g);
  }

  // --- token helpers
  private peek(o = 0): Token { return this.toks[Math.min(this.pos + o, this.toks.length - 1)]; }
  private next(): Token { const t = this.peek(); if (t.kind !== 'eof') this.pos++; return t; }
  private fail(t: Token, msg: string): never { throw new QasmError(msg, t.line, t.col); }
  private isSym(s: string, o = 0): boolean { const t = this.peek(o); return t.kind === 'sym' && t.text === s; }
  private describe(t: Token): string { return t.kind === 'eof' ? 'end of input' : t.kind === 'str' ? `"${t.text}"` : `'${t.text}'`; }
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
    if (t.kind !== 'num' || !/^[0-9]+$/.test(t.text)) this.fail(t, `expected ${what} (a non-negative integer) but found ${this.describe(t)}`);
    return this.next();
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
    if (v.value !== 2) this.fail(v, `unsupported OpenQASM version ${v.text}: only 2.0 is supported`);
    this.next();
    this.expectSym(';');
  }

  private statement(): void {
    const t = this.peek();
    if (t.kind !== 'id') this.fail(t, `expected a statement but found ${this.describe(t)}`);
    switch (t.text) {
      case 'include': return this.include();
      case 'qreg': case 'creg': return this.register(t.text);
      case 'gate': return this.gateDefinition();
      case 'measure': return this.measure();
      case 'barrier': return this.barrier();
      case 'opaque': this.fail(t, "'opaque' gates are not supported: they have no definition to simulate");
      // falls through (fail never returns)
      case 'reset': this.fail(t, "'reset' is not supported (the simulator runs unitary circuits)");
      // falls through
      case 'if': this.fail(t, "classically controlled 'if' is not supported");
      // falls through
      case 'OPENQASM': this.fail(t, "duplicate 'OPENQASM' header");
      // falls through
      default: return this.gateCall();
    }
  }

  private include(): void {
    this.next();
    const f = this.peek();
    if (f.kind !== 'str') this.fail(f, `expected a file name in quotes but found ${this.describe(f)}`);
    if (f.text !== 'qelib1.inc') this.fail(f, `cannot include "${f.text}": only "qelib1.inc" is available`);
    this.next();
    this.expectSym(';');
    if (this.qelibIncluded) return;
    this.qelibIncluded = true;
    for (const g of qelib1Gates()) {
      if (this.gates.has(g.name)) this.fail(f, `qelib1.inc redefines gate '${g.name}' (include it before defining gates)`);
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
    if (this.qregs.has(name.text) || this.cregs.has(name.text)) this.fail(name, `register '${name.text}' is already declared`);
    const size = sizeTok.value;
    if (size < 1) this.fail(sizeTok, `register '${name.text}' must have at least one bit`);
    if (size > QASM_LIMITS.maxRegisterSize) this.fail(sizeTok, `register '${name.text}' is too large (${size})`);
    if (kind === 'qreg') {
      if (this.numQubits + size > QASM_LIMITS.maxQubits) this.fail(sizeTok, `too many qubits: ${this.numQubits + size} > ${QASM_LIMITS.maxQubits}`);
      this.qregs.set(name.text, { name: name.text, offset: this.numQubits, size });
      this.numQubits += size;
    } else {
      this.cregs.set(name.text, { name: name.text, offset: this.numClbits, size });
      this.numClbits += size;
    }
  }

  // --- expressions
  private expr(vars: ReadonlySet<string> | null): Expr {
    if (++this.depth > QASM_LIMITS.maxDepth) this.fail(this.peek(), `expression nested too deeply (more than ${QASM_LIMITS.maxDepth} levels)`);
    let e = this.term(vars);
    while (this.isSym('+') || this.isSym('-')) {
      const o = this.next().text as '+' | '-';
      e = { t: 'bin', op: o, a: e, b: this.term(vars) };
    }
    this.depth--;
    return e;
  }
  private term(vars: ReadonlySet<string> | null): Expr {
    let e = this.unary(vars);
    while (this.isSym('*') || this.isSym('/')) {
      const o = this.next().text as '*' | '/';
      e = { t: 'bin', op: o, a: e, b: this.unary(vars) };
    }
    return e;
  }
  private unary(vars: ReadonlySet<string> | null): Expr {
    if (this.isSym('-') || this.isSym('+')) {
      if (++this.depth > QASM_LIMITS.maxDepth) this.fail(this.peek(), `expression nested too deeply (more than ${QASM_LIMITS.maxDepth} levels)`);
      const neg = this.next().text === '-';
      const a = this.unary(vars);
      this.depth--;
      return neg ? { t: 'neg', a } : a;
    }
    const base = this.primary(vars);
    if (this.isSym('^')) {
      this.next();
      if (++this.depth > QASM_LIMITS.maxDepth) this.fail(this.peek(), `expression nested too deeply (more than ${QASM_LIMITS.maxDepth} levels)`);
      const e: Expr = { t: 'bin', op: '^', a: base, b: this.unary(vars) };
      this.depth--;
      return e;
    }
    return base;
  }
  private primary(vars: ReadonlySet<string> | null): Expr {
    const t = this.peek();
    if (t.kind === 'num') { this.next(); return { t: 'num', v: t.value }; }
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
      this.fail(t, vars ? `unknown parameter '${t.text}' in gate body` : `unknown identifier '${t.text}' in expression (only numbers, pi and sin cos tan exp ln sqrt are allowed here)`);
    }
    this.fail(t, `expected an expression but found ${this.describe(t)}`);
  }

  private paramList(vars: ReadonlySet<string> | null): Expr[] {
    const out: Expr[] = [];
    if (!this.isSym('(')) return out;
    this.next();
    if (this.isSym(')')) { this.next(); return out; }
    for (;;) {
      out.push(this.expr(vars));
      if (this.isSym(',')) { this.next(); continue; }
      this.expectSym(')');
      return out;
    }
  }

  // --- gate definitions
  private gateDefinition(): void {
    this.next();
    const nameTok = this.expectId('a gate name');
    const name = nameTok.text;
    if (this.gates.has(name)) this.fail(nameTok, `gate '${name}' is already defined`);
    if (FUNCTIONS.has(name) || name === 'pi') this.fail(nameTok, `'${name}' is reserved and cannot name a gate`);
    const params: string[] = [];
    if (this.isSym('(')) {
      this.next();
      if (!this.isSym(')')) {
        for (;;) {
          const p = this.expectId('a parameter name');
          if (params.includes(p.text)) this.fail(p, `parameter '${p.text}' declared twice`);
          params.push(p.text);
          if (this.isSym(',')) { this.next(); continue; }
          break;
        }
      }
      this.expectSym(')');
    }
    const qubits: string[] = [];
    for (;;) {
      const q = this.expectId('a qubit argument name');
      if (qubits.includes(q.text)) this.fail(q, `qubit argument '${q.text}' declared twice`);
      if (params.includes(q.text)) this.fail(q, `'${q.text}' is both a parameter and a qubit argument`);
      qubits.push(q.text);
      if (this.isSym(',')) { this.next(); continue; }
      break;
    }
    this.expectSym('{');
    const vars = new Set(params);
    const body: BodyCall[] = [];
    while (!this.isSym('}')) {
      const t = this.peek();
      if (t.kind === 'eof') this.fail(t, `missing '}' to close the definition of gate '${name}'`);
      if (t.kind !== 'id') this.fail(t, `expected a gate call in the body of '${name}' but found ${this.describe(t)}`);
      if (t.text === 'barrier') {
        this.next();
        this.bodyQubitList(qubits);
        this.expectSym(';');
        continue;
      }
      if (['gate', 'qreg', 'creg', 'measure', 'reset', 'if', 'include', 'opaque'].includes(t.text)) {
        this.fail(t, `'${t.text}' is not allowed inside a gate definition`);
      }
      this.next();
      const def = this.lookupGate(t);
      const args = this.paramList(vars);
      const qs = this.bodyQubitList(qubits);
      this.expectSym(';');
      this.checkArity(t, def, args.length, qs.length);
      body.push({ name: t.text, tok: t, args, qubits: qs });
    }
    this.next();
    this.gates.set(name, { kind: 'user', name, params, qubits, body });
  }

  private bodyQubitList(qubits: string[]): number[] {
    const out: number[] = [];
    for (;;) {
      const q = this.expectId('a qubit argument');
      if (this.isSym('[')) this.fail(this.peek(), `qubit arguments inside a gate definition cannot be indexed`);
      const k = qubits.indexOf(q.text);
      if (k < 0) this.fail(q, `unknown qubit argument '${q.text}'`);
      if (out.includes(k)) this.fail(q, `qubit argument '${q.text}' used twice in one gate call`);
      out.push(k);
      if (this.isSym(',')) { this.next(); continue; }
      return out;
    }
  }

  private lookupGate(t: Token): GateDef {
    const def = this.gates.get(t.text);
    if (def) return def;
    const hint = !this.qelibIncluded && qelib1Gates().some((g) => g.name === t.text) ? ' (did you forget include "qelib1.inc";?)' : '';
    this.fail(t, `unknown gate '${t.text}'${hint}`);
  }

  private checkArity(t: Token, def: GateDef, nParams: number, nQubits: number): void {
    const wantP = def.kind === 'user' ? def.params.length : def.numParams;
    const wantQ = def.kind === 'user' ? def.qubits.length : def.numQubits;
    if (nParams !== wantP) this.fail(t, `gate '${def.name}' takes ${wantP} parameter(s), got ${nParams}`);
    if (nQubits !== wantQ) this.fail(t, `gate '${def.name}' acts on ${wantQ} qubit(s), got ${nQubits}`);
  }

  // --- statements on registers
  private arg(regs: Map<string, Register>, what: 'qubit' | 'bit'): Arg {
    const t = this.expectId(what === 'qubit' ? 'a qubit register' : 'a classical register');
    const reg = regs.get(t.text);
    if (!reg) {
      const other = what === 'qubit' ? this.cregs.has(t.text) : this.qregs.has(t.text);
      this.fail(t, other ? `'${t.text}' is a ${what === 'qubit' ? 'classical' : 'quantum'} register; expected a ${what === 'qubit' ? 'qreg' : 'creg'}` : `unknown register '${t.text}'`);
    }
    if (!this.isSym('[')) return { reg, index: null, tok: t };
    this.next();
    const idx = this.expectInt('an index');
    this.expectSym(']');
    if (idx.value >= reg.size) this.fail(idx, `index ${idx.value} out of range for register '${reg.name}' of size ${reg.size}`);
    return { reg, index: idx.value, tok: t };
  }

  private argList(regs: Map<string, Register>, what: 'qubit' | 'bit'): Arg[] {
    const out = [this.arg(regs, what)];
    while (this.isSym(',')) { this.next(); out.push(this.arg(regs, what)); }
    return out;
  }

  /** Broadcast size of an argument list: registers must agree; single bits repeat. */
  private broadcast(args: Arg[], at: Token): number {
    let size = 1, fixed: Arg | null = null;
    for (const a of args) {
      if (a.index !== null) continue;
      if (fixed && a.reg.size !== size) this.fail(a.tok, `registers '${fixed.reg.name}' (${size}) and '${a.reg.name}' (${a.reg.size}) have different sizes`);
      if (!fixed) { fixed = a; size = a.reg.size; }
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
    if ((q.index === null) !== (c.index === null)) this.fail(kw, 'measure needs either two single bits or two whole registers');
    if (q.index === null && q.reg.size !== c.reg.size) {
      this.fail(c.tok, `cannot measure register '${q.reg.name}' (${q.reg.size}) into '${c.reg.name}' (${c.reg.size}): sizes differ`);
    }
    const n = q.index === null ? q.reg.size : 1;
    for (let k = 0; k < n; k++) this.ops.push({ kind: 'measure', qubit: this.resolve(q, k), clbit: this.resolve(c, k) });
  }

  private barrier(): void {
    this.next();
    const args = this.argList(this.qregs, 'qubit');
    this.expectSym(';');
    const qubits: number[] = [];
    for (const a of args) {
      const n = a.index === null ? a.reg.size : 1;
      for (let k = 0; k < n; k++) {
        const q = this.resolve(a, k);
        if (!qubits.includes(q)) qubits.push(q);
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
      if (!Number.isFinite(v)) this.fail(t, `a parameter of '${t.text}' evaluates to ${v}`);
      return v;
    });
    const size = this.broadcast(args, t);
    for (let k = 0; k < size; k++) {
      const qubits = args.map((a) => this.resolve(a, k));
      for (let i = 0; i < qubits.length; i++) {
        for (let j = 0; j < i; j++) {
          if (qubits[i] === qubits[j]) this.fail(args[i].tok, `qubit ${this.qubitName(qubits[i])} used twice in one call of '${t.text}'`);
        }
      }
      this.expand(def, params, qubits, t, 0);
    }
  }

  private qubitName(q: number): string {
    for (const r of this.qregs.values()) if (q >= r.offset && q < r.offset + r.size) return `${r.name}[${q - r.offset}]`;
    return `#${q}`;
  }

  private expand(def: GateDef, params: number[], qubits: number[], at: Token, level: number): void {
    if (def.kind === 'builtin') {
      this.scratch.length = 0;
      def.emit(params, qubits, this.scratch);
      this.gateOpCount += this.scratch.length;
      if (this.gateOpCount > QASM_LIMITS.maxOps) this.fail(at, `the circuit expands to more than ${QASM_LIMITS.maxOps} operations`);
      for (const o of this.scratch) this.ops.push(o);
      return;
    }
    if (level > QASM_LIMITS.maxDepth) this.fail(at, `gate definitions nested more than ${QASM_LIMITS.maxDepth} levels deep`);
    const env = new Map<string, number>();
    def.params.forEach((p, i) => env.set(p, params[i]));
    for (const call of def.body) {
      const inner = this.gates.get(call.name) as GateDef;
      const values = call.args.map((e) => {
        const v = evalExpr(e, env);
        if (!Number.isFinite(v)) this.fail(at, `a parameter of '${call.name}' inside '${def.name}' evaluates to ${v}`);
        return v;
      });
      this.expand(inner, values, call.qubits.map((k) => qubits[k]), at, level + 1);
    }
  }
}

/** Parses OpenQASM 2.0 text into a Circuit. Throws QasmError (with line and column) on any problem. */
export function parseQasm(text: string): Circuit {
  if (typeof text !== 'string') throw new QasmError('QASM input must be a string', 1, 1);
  try {
    return new Parser(tokenize(text)).parse();
  } catch (e) {
    if (e instanceof QasmError) throw e;
    // Defensive: anything unexpected (e.g. a stack overflow on pathological input) becomes a QasmError.
    throw new QasmError(`could not parse: ${(e as Error).message ?? String(e)}`, 1, 1);
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
  const a = Math.hypot(ar, ai), c = Math.hypot(cr, ci);
  const theta = 2 * Math.atan2(c, a);
  const argA = Math.atan2(ai, ar), argB = Math.atan2(bi, br), argC = Math.atan2(ci, cr), argD = Math.atan2(di, dr);
  // M = e^{iα}·U3: arg M00 = α, arg M10 = α+φ, arg M01 = α+λ+π, arg M11 = α+φ+λ.
  let phi: number, lambda: number;
  if (c < 1e-12) { phi = 0; lambda = argD - argA; } // θ = 0: only φ+λ matters
  else if (a < 1e-12) { phi = argC; lambda = argB - PI; } // θ = π: choose α = 0
  else { phi = argC - argA; lambda = argB - PI - argA; }
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
    if (o.kind === 'measure') { lines.push(`measure q[${o.qubit}] -> c[${o.clbit}];`); continue; }
    if (o.kind === 'barrier') { if (o.qubits.length > 0) lines.push(`barrier ${qs(o.qubits)};`); continue; }
    if (o.name === 'unitary') {
      if (o.qubits.length !== 1 || !o.matrix) throw new Error(`toQasm: a ${o.qubits.length}-qubit 'unitary' op has no OpenQASM 2.0 form`);
      lines.push(`u3(${u3Angles(o.matrix).map(formatAngle).join(',')}) ${qs(o.qubits)};`);
      continue;
    }
    const name = EXPORT_NAME[o.name] ?? o.name;
    const params = o.params.length ? `(${o.params.map(formatAngle).join(',')})` : '';
    lines.push(`${name}${params} ${qs(o.qubits)};`);
  }
  return lines.join('\n') + '\n';
}
