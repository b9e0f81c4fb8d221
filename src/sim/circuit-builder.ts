/**
 * Small helpers to build circuits in the IR: a fluent builder and a seeded random-circuit generator
 * (used by the cross-check tests, the QASM round-trip test and the benchmark).
 */
import { createRng } from './rng';
import { GATE_PARAM_COUNT, type Circuit, type GateName, type GateOp, type Op } from './types';

export class CircuitBuilder {
  private readonly ops: Op[] = [];
  private numClbits = 0;
  private nextParam = 0;

  constructor(readonly numQubits: number) {
    if (!Number.isInteger(numQubits) || numQubits < 1)
      throw new RangeError(`a circuit needs ≥ 1 qubit, got ${numQubits}`);
  }

  /** Appends a named gate. */
  gate(name: Exclude<GateName, 'unitary'>, qubits: number[], params: number[] = []): this {
    this.ops.push({ kind: 'gate', name, qubits, params });
    return this;
  }

  /** Appends a gate whose first parameter is trainable; returns the builder (the index is `lastParamIndex`). */
  trainable(
    name: 'rx' | 'ry' | 'rz' | 'p' | 'crx' | 'cry' | 'crz' | 'cp',
    qubits: number[],
    value: number,
    paramIndex = this.nextParam,
  ): this {
    this.ops.push({ kind: 'gate', name, qubits, params: [value], paramIndex });
    this.nextParam = Math.max(this.nextParam, paramIndex + 1);
    return this;
  }

  unitary(matrix: Float64Array, qubits: number[]): this {
    this.ops.push({ kind: 'gate', name: 'unitary', qubits, params: [], matrix });
    return this;
  }

  h(q: number): this {
    return this.gate('h', [q]);
  }
  x(q: number): this {
    return this.gate('x', [q]);
  }
  rx(q: number, t: number): this {
    return this.gate('rx', [q], [t]);
  }
  ry(q: number, t: number): this {
    return this.gate('ry', [q], [t]);
  }
  rz(q: number, t: number): this {
    return this.gate('rz', [q], [t]);
  }
  cx(c: number, t: number): this {
    return this.gate('cx', [c, t]);
  }
  cz(a: number, b: number): this {
    return this.gate('cz', [a, b]);
  }

  measure(qubit: number, clbit: number): this {
    this.ops.push({ kind: 'measure', qubit, clbit });
    this.numClbits = Math.max(this.numClbits, clbit + 1);
    return this;
  }

  measureAll(): this {
    for (let q = 0; q < this.numQubits; q++) this.measure(q, q);
    return this;
  }

  barrier(qubits?: number[]): this {
    this.ops.push({ kind: 'barrier', qubits: qubits ?? Array.from({ length: this.numQubits }, (_, i) => i) });
    return this;
  }

  /** Number of trainable parameters declared so far. */
  get parameterCount(): number {
    return this.nextParam;
  }

  build(): Circuit {
    return { numQubits: this.numQubits, numClbits: this.numClbits, ops: this.ops.slice() };
  }
}

export interface RandomCircuitOptions {
  /** Gate names to draw from (uniformly). Default: every named gate that fits in numQubits. */
  gates?: readonly Exclude<GateName, 'unitary'>[];
  /** Angles are drawn uniformly from (−range, range). Default 2π. */
  angleRange?: number;
}

const ALL_NAMED = Object.keys(GATE_PARAM_COUNT) as Exclude<GateName, 'unitary'>[];

function arity(name: GateName): number {
  if (name === 'ccx') return 3;
  return ['cx', 'cy', 'cz', 'swap', 'crx', 'cry', 'crz', 'cp'].includes(name) ? 2 : 1;
}

/** A seeded random circuit of `numGates` gates on `numQubits` qubits (distinct qubits per gate). */
export function randomCircuit(
  numQubits: number,
  numGates: number,
  seed: number,
  opts: RandomCircuitOptions = {},
): Circuit {
  const rng = createRng(seed);
  const pool = (opts.gates ?? ALL_NAMED).filter((g) => arity(g) <= numQubits);
  if (pool.length === 0) throw new RangeError(`no gate in the pool fits ${numQubits} qubit(s)`);
  const range = opts.angleRange ?? 2 * Math.PI;
  const ops: GateOp[] = [];
  const picked: number[] = [];
  for (let g = 0; g < numGates; g++) {
    const name = pool[rng.int(pool.length)];
    picked.length = 0;
    while (picked.length < arity(name)) {
      const q = rng.int(numQubits);
      if (!picked.includes(q)) picked.push(q);
    }
    const params: number[] = [];
    for (let k = 0; k < GATE_PARAM_COUNT[name]; k++) params.push((2 * rng.next() - 1) * range);
    ops.push({ kind: 'gate', name, qubits: picked.slice(), params });
  }
  return { numQubits, numClbits: 0, ops };
}
