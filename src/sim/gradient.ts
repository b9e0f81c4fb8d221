/**
 * Gradients of f(θ) = ⟨0|U(θ)† O U(θ)|0⟩ with respect to the circuit's trainable parameters.
 *
 * A gate is trainable when it carries `paramIndex`: its first parameter is θ[paramIndex]. Several gates
 * may share one index (their contributions add, by the chain rule).
 *
 * - Parameter shift (what hardware can do): RX, RY, RZ, P, CP and U's θ use the two-term rule
 *   f'(θ) = [f(θ+π/2) − f(θ−π/2)] / 2 (generators with two eigenvalues a distance 1 apart).
 *   CRX, CRY, CRZ (generator eigenvalues 0, ±½) use the four-term rule
 *   f' = c₊[f(θ+π/2) − f(θ−π/2)] − c₋[f(θ+3π/2) − f(θ−3π/2)], c± = (√2 ± 1)/(4√2).
 * - Adjoint method (exact, simulator only): one forward pass, then one backward pass carrying
 *   |λ⟩ = O|ψ⟩ back through the inverse gates; ∂f/∂θ_g = 2 Re⟨λ_g| ∂G_g |ψ_{g−1}⟩.
 */
import { gateMatrix, inverseGate } from './gates';
import { parity } from './bits';
import { observableTerms, parsePauli, type Observable } from './pauli';
import { StateVector, type StateVectorOptions } from './statevector';
import type { Circuit, GateName, GateOp } from './types';

const TWO_TERM: ReadonlySet<GateName> = new Set<GateName>(['rx', 'ry', 'rz', 'p', 'cp', 'u']);
const FOUR_TERM: ReadonlySet<GateName> = new Set<GateName>(['crx', 'cry', 'crz']);

/** Gates whose first parameter can be trainable (carry `paramIndex`). */
export const DIFFERENTIABLE_GATES: readonly GateName[] = [...TWO_TERM, ...FOUR_TERM];

function trainableOp(op: GateOp): boolean {
  if (op.paramIndex === undefined) return false;
  if (!Number.isInteger(op.paramIndex) || op.paramIndex < 0) {
    throw new Error(`gate '${op.name}': paramIndex must be a non-negative integer, got ${op.paramIndex}`);
  }
  if (!TWO_TERM.has(op.name) && !FOUR_TERM.has(op.name)) {
    throw new Error(
      `gate '${op.name}' cannot carry a trainable parameter (supported: ${DIFFERENTIABLE_GATES.join(', ')})`,
    );
  }
  return true;
}

/** Number of trainable parameters (1 + the largest paramIndex) and their current values. */
export function trainableParameters(circuit: Circuit): { count: number; values: Float64Array } {
  let count = 0;
  for (const op of circuit.ops) if (op.kind === 'gate' && trainableOp(op)) count = Math.max(count, op.paramIndex! + 1);
  const values = new Float64Array(count);
  for (const op of circuit.ops)
    if (op.kind === 'gate' && op.paramIndex !== undefined) values[op.paramIndex] = op.params[0];
  return { count, values };
}

/** A copy of the circuit with every trainable gate's first parameter set to values[paramIndex]. */
export function bindParameters(circuit: Circuit, values: ArrayLike<number>): Circuit {
  return {
    ...circuit,
    ops: circuit.ops.map((op) => {
      if (op.kind !== 'gate' || !trainableOp(op)) return op;
      const k = op.paramIndex!;
      if (k >= values.length) throw new RangeError(`bindParameters: no value for parameter ${k}`);
      const params = op.params.slice();
      params[0] = values[k];
      return { ...op, params };
    }),
  };
}

/** ⟨O⟩ after running the circuit from |0…0⟩. */
export function expectationValue(circuit: Circuit, observable: Observable, opts: StateVectorOptions = {}): number {
  const sv = new StateVector(circuit.numQubits, opts);
  return sv.run(circuit).expectation(observable);
}

function requested(
  circuit: Circuit,
  paramIndices?: readonly number[],
): { indices: number[]; slot: Map<number, number> } {
  const indices = paramIndices
    ? [...paramIndices]
    : Array.from({ length: trainableParameters(circuit).count }, (_, i) => i);
  const slot = new Map<number, number>();
  indices.forEach((p, i) => {
    if (!Number.isInteger(p) || p < 0) throw new RangeError(`parameter index ${p} is not a non-negative integer`);
    if (slot.has(p)) throw new RangeError(`parameter index ${p} requested twice`);
    slot.set(p, i);
  });
  return { indices, slot };
}

const shifted = (op: GateOp, delta: number): GateOp => {
  const params = op.params.slice();
  params[0] += delta;
  return { ...op, params };
};

const C_PLUS = (Math.SQRT2 + 1) / (4 * Math.SQRT2);
const C_MINUS = (Math.SQRT2 - 1) / (4 * Math.SQRT2);

/** A gradient of ⟨O⟩: entry i is ∂⟨O⟩/∂θ[paramIndices[i]] (default: all parameters in order). */
export type GradientFunction = (
  circuit: Circuit,
  observable: Observable,
  paramIndices?: readonly number[],
  opts?: StateVectorOptions,
) => Float64Array;

/** The requested parameters as a gradient method sees them while it walks the circuit. */
interface GradientSlots {
  /** Whether the gate is trainable and its parameter was requested. */
  wants(op: GateOp): boolean;
  /** Adds one gate's derivative to its parameter's entry (gates sharing an index sum). */
  add(op: GateOp, derivative: number): void;
}

/** A gradient function from a method that walks the circuit and reports each wanted gate's derivative. */
function gradientBy(
  method: (circuit: Circuit, observable: Observable, opts: StateVectorOptions, slots: GradientSlots) => void,
): GradientFunction {
  return (circuit, observable, paramIndices, opts = {}) => {
    const { indices, slot } = requested(circuit, paramIndices);
    const grad = new Float64Array(indices.length);
    method(circuit, observable, opts, {
      wants: (op) => trainableOp(op) && slot.has(op.paramIndex!),
      add: (op, derivative) => {
        grad[slot.get(op.paramIndex!)!] += derivative;
      },
    });
    return grad;
  };
}

/**
 * Parameter-shift gradient of ⟨O⟩; entry i is ∂⟨O⟩/∂θ[paramIndices[i]] (default: all parameters in order).
 * Costs 2 (or 4 for controlled rotations) partial simulations per trainable gate.
 */
export const parameterShiftGradient: GradientFunction = gradientBy((circuit, observable, opts, slots) => {
  const prefix = new StateVector(circuit.numQubits, opts);
  const work = new StateVector(circuit.numQubits, opts);
  const ops = circuit.ops;
  const evalShift = (g: number, delta: number): number => {
    work.copyFrom(prefix);
    work.apply(shifted(ops[g] as GateOp, delta));
    for (let k = g + 1; k < ops.length; k++) {
      const op = ops[k];
      if (op.kind === 'gate') work.apply(op);
    }
    return work.expectation(observable);
  };
  for (let g = 0; g < ops.length; g++) {
    const op = ops[g];
    if (op.kind !== 'gate') continue;
    if (slots.wants(op)) {
      const h = Math.PI / 2;
      let d: number;
      if (FOUR_TERM.has(op.name)) {
        d = C_PLUS * (evalShift(g, h) - evalShift(g, -h)) - C_MINUS * (evalShift(g, 3 * h) - evalShift(g, -3 * h));
      } else {
        d = (evalShift(g, h) - evalShift(g, -h)) / 2;
      }
      slots.add(op, d);
    }
    prefix.apply(op);
  }
});

/**
 * Central finite difference of ⟨O⟩: every gate carrying the index has its first parameter moved by
 * ±step (so gates sharing an index move together). For checks only.
 */
export function finiteDifferenceGradient(
  circuit: Circuit,
  observable: Observable,
  paramIndices?: readonly number[],
  step = 1e-6,
  opts: StateVectorOptions = {},
): Float64Array {
  const { indices } = requested(circuit, paramIndices);
  const grad = new Float64Array(indices.length);
  const moved = (p: number, delta: number): Circuit => ({
    ...circuit,
    ops: circuit.ops.map((op) =>
      op.kind === 'gate' && trainableOp(op) && op.paramIndex === p ? shifted(op, delta) : op,
    ),
  });
  indices.forEach((p, i) => {
    grad[i] =
      (expectationValue(moved(p, step), observable, opts) - expectationValue(moved(p, -step), observable, opts)) /
      (2 * step);
  });
  return grad;
}

/** ∂G/∂θ for a trainable gate, as a (non-unitary) matrix in the gate's own layout. */
export function gateDerivativeMatrix(op: GateOp): Float64Array {
  switch (op.name) {
    case 'rx':
    case 'ry':
    case 'rz':
    case 'u': {
      // R(θ) has entries cos(θ/2), sin(θ/2) (times θ-free phases): dR/dθ = R(θ + π) / 2.
      const m = gateMatrix(shifted(op, Math.PI));
      for (let i = 0; i < m.length; i++) m[i] *= 0.5;
      return m;
    }
    case 'p':
    case 'cp': {
      // diag(1, …, e^{iλ}) → diag(0, …, i·e^{iλ}) = P(λ + π/2) with the constant entries removed.
      const m = gateMatrix(shifted(op, Math.PI / 2));
      const dim = op.name === 'p' ? 2 : 4;
      for (let d = 0; d < dim - 1; d++) m[2 * (d * dim + d)] = 0;
      return m;
    }
    case 'crx':
    case 'cry':
    case 'crz': {
      // Control = low bit: identity block on indices {0, 2} has zero derivative; the block on {1, 3} is R'(θ).
      const m = gateMatrix(shifted(op, Math.PI));
      for (let i = 0; i < m.length; i++) m[i] *= 0.5;
      m[0] = 0;
      m[2 * (2 * 4 + 2)] = 0;
      return m;
    }
    default:
      throw new Error(`gate '${op.name}' has no trainable parameter`);
  }
}

/** dst ← O·src for a weighted sum of Pauli strings (dst is overwritten). */
function applyObservable(src: StateVector, dst: StateVector, observable: Observable): void {
  const n = src.numQubits;
  const dim = src.dim;
  dst.re.fill(0);
  dst.im.fill(0);
  for (const term of observableTerms(observable)) {
    const { xMask, zMask, numY } = parsePauli(term.pauli, n);
    // phase i^numY · coeff
    const ph = numY & 3;
    const cr = (ph === 0 ? 1 : ph === 2 ? -1 : 0) * term.coeff;
    const ci = (ph === 1 ? 1 : ph === 3 ? -1 : 0) * term.coeff;
    for (let i = 0; i < dim; i++) {
      const sgn = parity(i & zMask) ? -1 : 1;
      const r = src.re[i] * sgn,
        m = src.im[i] * sgn;
      const j = i ^ xMask;
      dst.re[j] += cr * r - ci * m;
      dst.im[j] += cr * m + ci * r;
    }
  }
}

/**
 * Adjoint-method gradient of ⟨O⟩: exact, one forward and one backward pass, O(#gates) state passes
 * in total regardless of the number of parameters. Entry i is ∂⟨O⟩/∂θ[paramIndices[i]].
 */
export const adjointGradient: GradientFunction = gradientBy((circuit, observable, opts, slots) => {
  const psi = new StateVector(circuit.numQubits, opts).run(circuit);
  const lambda = new StateVector(circuit.numQubits, opts);
  applyObservable(psi, lambda, observable);
  const mu = new StateVector(circuit.numQubits, opts);
  for (let g = circuit.ops.length - 1; g >= 0; g--) {
    const op = circuit.ops[g];
    if (op.kind !== 'gate') continue;
    const inv = inverseGate(op);
    psi.apply(inv); // ψ_{g−1}
    if (slots.wants(op)) {
      mu.copyFrom(psi).applyMatrix(gateDerivativeMatrix(op), op.qubits);
      slots.add(op, 2 * lambda.innerProduct(mu).re);
    }
    lambda.apply(inv);
  }
});
