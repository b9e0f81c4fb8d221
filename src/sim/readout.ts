/**
 * Readout (measurement assignment) error as a per-qubit confusion matrix on outcomes.
 *
 * Convention: p01 = P(read 1 | qubit was 0), p10 = P(read 0 | qubit was 1) — "p_ab" is the probability
 * that a true a is recorded as b. For one qubit the measured distribution is
 *   [P̃(0)]   [1 − p01    p10  ] [P(0)]
 *   [P̃(1)] = [  p01    1 − p10] [P(1)]
 * and for n independent qubits the confusion matrix is the tensor product of these 2×2 blocks, applied
 * to the 2^n probability vector as one pass per qubit (never as a 2^n × 2^n matrix).
 */
import { CdfSampler } from './sampling';
import type { Rng } from './rng';

export interface ReadoutError {
  /** P(read 1 | prepared 0). */
  p01: number;
  /** P(read 0 | prepared 1). */
  p10: number;
}

/** One entry per qubit (index = qubit), or a single error shared by all qubits. */
export type ReadoutSpec = ReadoutError | readonly ReadoutError[];

function perQubit(spec: ReadoutSpec, numQubits: number): readonly ReadoutError[] {
  const list = Array.isArray(spec)
    ? (spec as readonly ReadoutError[])
    : Array.from({ length: numQubits }, () => spec as ReadoutError);
  if (list.length !== numQubits) throw new RangeError(`readout error: ${list.length} entries for ${numQubits} qubits`);
  for (const e of list) {
    for (const [k, v] of [
      ['p01', e.p01],
      ['p10', e.p10],
    ] as const) {
      if (!Number.isFinite(v) || v < 0 || v > 1) throw new RangeError(`readout error ${k} must be in [0, 1], got ${v}`);
    }
  }
  return list;
}

function numQubitsOf(length: number): number {
  const n = Math.round(Math.log2(length));
  if (length < 2 || 2 ** n !== length)
    throw new RangeError(`probability vector length ${length} is not a power of two ≥ 2`);
  return n;
}

/** Applies the 2×2 matrix [[a, b], [c, d]] to bit q of the vector v, in place. */
function mixBit(v: Float64Array, q: number, a: number, b: number, c: number, d: number): void {
  const stride = 1 << q;
  for (let block = 0; block < v.length; block += stride << 1) {
    for (let i0 = block; i0 < block + stride; i0++) {
      const i1 = i0 + stride;
      const x = v[i0],
        y = v[i1];
      v[i0] = a * x + b * y;
      v[i1] = c * x + d * y;
    }
  }
}

/** The 2×2 confusion matrix [[1−p01, p10], [p01, 1−p10]] (rows: measured, columns: true). */
export function confusionMatrix(e: ReadoutError): [[number, number], [number, number]] {
  return [
    [1 - e.p01, e.p10],
    [e.p01, 1 - e.p10],
  ];
}

/**
 * A copy of `probs` with each qubit's 2×2 matrix [[a, b], [c, d]] (from its confusion probabilities)
 * applied along that qubit's axis; a qubit with no readout error is left alone.
 */
function mixEachQubit(
  probs: ArrayLike<number>,
  spec: ReadoutSpec,
  matrix: (e: ReadoutError, q: number) => [number, number, number, number],
): Float64Array {
  const n = numQubitsOf(probs.length);
  const errors = perQubit(spec, n);
  const out = Float64Array.from(probs);
  for (let q = 0; q < n; q++) {
    if (errors[q].p01 === 0 && errors[q].p10 === 0) continue;
    mixBit(out, q, ...matrix(errors[q], q));
  }
  return out;
}

/** The measured distribution: the confusion tensor applied to `probs` (a new array; one pass per qubit). */
export function applyReadoutError(probs: ArrayLike<number>, spec: ReadoutSpec): Float64Array {
  return mixEachQubit(probs, spec, ({ p01, p10 }) => [1 - p01, p10, p01, 1 - p10]);
}

/**
 * Readout-error mitigation by inverting each qubit's confusion matrix (tensored). The result can have
 * small negative entries (an unbiased but not necessarily physical estimate); it sums to the input's sum.
 * Throws when a qubit's matrix is singular (p01 + p10 = 1: the readout carries no information).
 */
export function mitigateReadoutError(measured: ArrayLike<number>, spec: ReadoutSpec): Float64Array {
  return mixEachQubit(measured, spec, ({ p01, p10 }, q) => {
    const det = 1 - p01 - p10;
    if (Math.abs(det) < 1e-12)
      throw new RangeError(`qubit ${q}: p01 + p10 = 1, the confusion matrix cannot be inverted`);
    return [(1 - p10) / det, -p10 / det, -p01 / det, (1 - p01) / det];
  });
}

/** Flips the bits of one recorded outcome according to the per-qubit readout errors. */
export function corruptOutcome(outcome: number, errors: readonly ReadoutError[], rng: Rng): number {
  let out = outcome;
  for (let q = 0; q < errors.length; q++) {
    const bit = 1 << q;
    const flip = outcome & bit ? errors[q].p10 : errors[q].p01;
    if (flip > 0 && rng.next() < flip) out ^= bit;
  }
  return out;
}

/**
 * Noisy shots: draws each shot's true outcome from `probs`, then flips its bits with the readout
 * errors (the same distribution as sampling `applyReadoutError(probs)`, but shot by shot, as hardware
 * does). Returns the recorded outcome of every shot, in order.
 */
export function sampleNoisyShots(probs: ArrayLike<number>, spec: ReadoutSpec, shots: number, rng: Rng): Uint32Array {
  if (!Number.isInteger(shots) || shots < 0) throw new RangeError(`shots must be a non-negative integer, got ${shots}`);
  const n = numQubitsOf(probs.length);
  const errors = perQubit(spec, n);
  const sampler = new CdfSampler(probs);
  const out = new Uint32Array(shots);
  for (let s = 0; s < shots; s++) out[s] = corruptOutcome(sampler.sample(rng), errors, rng);
  return out;
}

/** Noisy shots as counts: recorded outcome → number of shots (only outcomes that occurred). */
export function sampleNoisyCounts(
  probs: ArrayLike<number>,
  spec: ReadoutSpec,
  shots: number,
  rng: Rng,
): Map<number, number> {
  const counts = new Map<number, number>();
  for (const k of sampleNoisyShots(probs, spec, shots, rng)) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
}
