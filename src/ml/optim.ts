/**
 * Optimisers on plain number arrays with serialisable state (so a training run can be checkpointed
 * as JSON and resumed in another worker), plus the FLOP conventions shared by the classical models.
 *
 * FLOP convention (used by every counter in src/ml): each +, −, ×, ÷, comparison-based max/abs and
 * each elementary function call (exp, log1p, tanh, sqrt) counts as one floating-point operation.
 * Counters are incremented next to the code that performs the operations, so the counts are exact
 * for this implementation by construction (tests pin them to closed forms).
 */

export type OptimizerKind = 'adam' | 'gd';

export interface OptimizerState {
  kind: OptimizerKind;
  learningRate: number;
  /** Steps taken so far. */
  t: number;
  /** Adam first and second moments (empty for plain gradient descent). */
  m: number[];
  v: number[];
}

export const ADAM_BETA1 = 0.9;
export const ADAM_BETA2 = 0.999;
export const ADAM_EPS = 1e-8;

/** FLOPs of one optimiser step on P parameters (see `step`). */
export function optimizerStepFlops(kind: OptimizerKind, numParams: number): number {
  return kind === 'adam' ? 4 + 14 * numParams : 2 * numParams;
}

export function createOptimizer(kind: OptimizerKind, numParams: number, learningRate: number): OptimizerState {
  if (!(learningRate > 0) || !Number.isFinite(learningRate))
    throw new RangeError(`learning rate must be > 0 (got ${learningRate})`);
  const zeros = () => new Array<number>(numParams).fill(0);
  return { kind, learningRate, t: 0, m: kind === 'adam' ? zeros() : [], v: kind === 'adam' ? zeros() : [] };
}

/** One descent step θ ← θ − update(g), in place. Returns the FLOPs spent. */
export function optimizerStep(opt: OptimizerState, theta: number[], grad: ArrayLike<number>): number {
  const P = theta.length;
  if (grad.length !== P) throw new RangeError(`gradient has ${grad.length} entries for ${P} parameters`);
  const lr = opt.learningRate;
  opt.t++;
  if (opt.kind === 'gd') {
    for (let i = 0; i < P; i++) theta[i] -= lr * grad[i]; // 2
    return 2 * P;
  }
  const bc1 = 1 - ADAM_BETA1 ** opt.t; // 2
  const bc2 = 1 - ADAM_BETA2 ** opt.t; // 2
  const { m, v } = opt;
  for (let i = 0; i < P; i++) {
    const g = grad[i];
    m[i] = ADAM_BETA1 * m[i] + (1 - ADAM_BETA1) * g; // 3 (1 − β₁ is a constant)
    v[i] = ADAM_BETA2 * v[i] + (1 - ADAM_BETA2) * g * g; // 4
    const mHat = m[i] / bc1; // 1
    const vHat = v[i] / bc2; // 1
    theta[i] -= (lr * mHat) / (Math.sqrt(vHat) + ADAM_EPS); // 5
  }
  return 4 + 14 * P;
}
