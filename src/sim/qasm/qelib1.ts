/** The gate library: the language built-ins U and CX, qelib1.inc as Qiskit defines it, and what a call costs. */
import { gateArity } from '../gates';
import {
  GATE_PARAM_COUNT,
  ONE_QUBIT_GATES,
  THREE_QUBIT_GATES,
  TWO_QUBIT_GATES,
  type GateName,
  type GateOp,
} from '../types';
import type { Expr } from './expr';
import type { Token } from './lexer';

/** A gate's expansion: into IR ops given evaluated params and absolute qubits. */
export type Emit = (params: number[], q: number[], out: GateOp[]) => void;

export interface UserGate {
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
export interface BuiltinGate {
  kind: 'builtin';
  name: string;
  numParams: number;
  numQubits: number;
  emit: Emit;
  /** Operations one call emits (computed on first use: every built-in emits a fixed number). */
  cost?: number;
}
export type GateDef = UserGate | BuiltinGate;

/** A gate call in a gate body. */
export interface BodyCall {
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
export function gateCost(def: GateDef): number {
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

/**
 * A gate defined by a fixed sequence of calls, written as in qelib1.inc: its qubits named a, b, c, … (first,
 * second, third, … argument), a parameter by index in parentheses, e.g. 'cx a,b; rz(0) b; cx a,b'. Its arity
 * and parameter count are those the body uses. Parsed once; each call is checked against the gate's arity.
 */
function sequenceGate(name: string, body: string): BuiltinGate {
  const steps = body.split(';').map((call) => {
    const m = /^\s*([a-z0-9]+)(?:\((\d)\))? ([a-e](?:,[a-e])*)\s*$/.exec(call);
    if (!m) throw new Error(`${name}: bad call '${call}'`);
    const gate = m[1] as GateName;
    const qubits = m[3].split(',').map((x) => x.charCodeAt(0) - 97);
    if (gateArity(gate) !== qubits.length) throw new Error(`${name}: '${gate}' takes ${gateArity(gate)} qubits`);
    return { gate, qubits, param: m[2] === undefined ? -1 : Number(m[2]) };
  });
  const numQubits = 1 + Math.max(...steps.flatMap((s) => s.qubits));
  const numParams = 1 + Math.max(-1, ...steps.map((s) => s.param));
  return builtin(name, numParams, numQubits, (p, q, out) => {
    for (const s of steps)
      out.push(
        op(
          s.gate,
          s.qubits.map((i) => q[i]),
          s.param < 0 ? [] : [p[s.param]],
        ),
      );
  });
}

function builtin(name: string, numParams: number, numQubits: number, emit: Emit): BuiltinGate {
  return { kind: 'builtin', name, numParams, numQubits, emit };
}

/** The language built-ins (always available). */
export function coreGates(): GateDef[] {
  return [builtin('U', 3, 1, native('u')), builtin('CX', 0, 2, native('cx'))];
}

/** qelib1.inc as Qiskit defines it. */
export function qelib1Gates(): GateDef[] {
  const defs: GateDef[] = [];
  for (const name of [...ONE_QUBIT_GATES, ...TWO_QUBIT_GATES, ...THREE_QUBIT_GATES]) {
    defs.push(builtin(name, GATE_PARAM_COUNT[name], gateArity(name), native(name)));
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
    sequenceGate('cswap', 'cx c,b; ccx a,b,c; cx c,b'),
    sequenceGate('rzz', 'cx a,b; rz(0) b; cx a,b'),
    sequenceGate('rxx', 'h a; h b; cx a,b; rz(0) b; cx a,b; h a; h b'),
    // Relative-phase Toffoli (Margolus), Qiskit's RCCXGate: H T CX(b) T† CX(a) T CX(b) T† H on the target.
    sequenceGate('rccx', 'h c; t c; cx b,c; tdg c; cx a,c; t c; cx b,c; tdg c; h c'),
    // Relative-phase 3-controlled X, Qiskit's RC3XGate definition.
    sequenceGate(
      'rc3x',
      'h d; t d; cx c,d; tdg d; h d; cx a,d; t d; cx b,d; tdg d; cx a,d; t d; cx b,d; tdg d; h d; t d; cx c,d; tdg d; h d',
    ),
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
