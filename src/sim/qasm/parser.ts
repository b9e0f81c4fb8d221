/** The OpenQASM 2.0 parser: declarations, gate definitions and calls into the circuit IR, within QASM_LIMITS. */
import type { Circuit, GateOp, Op } from '../types';
import { QasmError, quoteInput } from './errors';
import { evalExpr, exprSize, FUNCTIONS, type Expr } from './expr';
import { Lexer, type Token } from './lexer';
import { coreGates, gateCost, qelib1Gates, type BodyCall, type GateDef } from './qelib1';

const PI = Math.PI;

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
    let params: string[] = [];
    if (this.isSym('(')) {
      this.next();
      if (!this.isSym(')')) params = this.declaredNames('parameter');
      this.expectSym(')');
    }
    const paramSet = new Set(params);
    const qubits = this.declaredNames('qubit argument', paramSet);
    const qubitIndex = new Map(qubits.map((q, i) => [q, i]));
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

  /** A gate definition's comma-separated list of distinct names; `params` are names a qubit argument may not reuse. */
  private declaredNames(what: 'parameter' | 'qubit argument', params?: ReadonlySet<string>): string[] {
    const names = new Set<string>();
    for (;;) {
      const tok = this.expectId(`a ${what} name`);
      if (names.has(tok.text)) this.fail(tok, `${what} ${quoteInput(tok.text)} declared twice`);
      if (params?.has(tok.text)) this.fail(tok, `${quoteInput(tok.text)} is both a parameter and a qubit argument`);
      names.add(tok.text);
      if (!this.isSym(',')) return [...names];
      this.next();
    }
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
