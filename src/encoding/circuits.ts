/**
 * Circuits that load a classical feature vector into a quantum state, built gate by gate so that their
 * cost is counted, not assumed. All four return a Circuit in the simulator's IR (src/sim/types.ts).
 *
 * - basis:     d bits → d qubits, an X on every qubit whose bit is 1.
 * - angle:     d features → d qubits, RY(x_i) on qubit i (features pre-scaled to angles).
 * - amplitude: d features → ⌈log₂ d⌉ qubits, the normalised vector as the state's amplitudes, by
 *              Möttönen et al. 2004 (quant-ph/0407010): a binary tree of uniformly controlled RY
 *              rotations, each decomposed into 2^k RY and 2^k CNOT (k = number of controls).
 *              Real amplitudes (signs included) need no RZ stage.
 * - zz:        the IQP-style ZZ feature map of Havlíček et al. 2019 (arXiv:1804.11313) with full
 *              entanglement, as Qiskit's ZZFeatureMap builds it: per repetition H on every qubit,
 *              P(2x_i), then for every pair i<j: CX(i,j) · P(2(π−x_i)(π−x_j)) on j · CX(i,j).
 */
import { parity } from '../sim/bits';
import type { Circuit, GateOp } from '../sim/types';

export const ENCODINGS = ['basis', 'angle', 'amplitude', 'zz'] as const;
export type Encoding = (typeof ENCODINGS)[number];

const gate = (name: GateOp['name'], qubits: number[], params: number[] = []): GateOp => ({
  kind: 'gate',
  name,
  qubits,
  params,
});

export function basisEncoding(bits: ArrayLike<number>): Circuit {
  const ops: GateOp[] = [];
  for (let i = 0; i < bits.length; i++) if (bits[i]) ops.push(gate('x', [i]));
  return { numQubits: bits.length, numClbits: 0, ops };
}

export function angleEncoding(x: ArrayLike<number>): Circuit {
  const ops: GateOp[] = [];
  for (let i = 0; i < x.length; i++) ops.push(gate('ry', [i], [x[i]]));
  return { numQubits: x.length, numClbits: 0, ops };
}

export function zzFeatureMap(x: ArrayLike<number>, reps = 2): Circuit {
  const d = x.length;
  const ops: GateOp[] = [];
  for (let r = 0; r < reps; r++) {
    for (let i = 0; i < d; i++) ops.push(gate('h', [i]));
    for (let i = 0; i < d; i++) ops.push(gate('p', [i], [2 * x[i]]));
    for (let i = 0; i < d; i++) {
      for (let j = i + 1; j < d; j++) {
        ops.push(gate('cx', [i, j]));
        ops.push(gate('p', [j], [2 * (Math.PI - x[i]) * (Math.PI - x[j])]));
        ops.push(gate('cx', [i, j]));
      }
    }
  }
  return { numQubits: d, numClbits: 0, ops };
}

/** Number of qubits amplitude encoding needs for d features (at least one). */
export function amplitudeQubits(d: number): number {
  return Math.max(1, Math.ceil(Math.log2(d)));
}

/** The padded, normalised amplitude vector that amplitudeEncoding(x) prepares. */
export function normalisedAmplitudes(x: ArrayLike<number>): Float64Array {
  const n = amplitudeQubits(x.length);
  const a = new Float64Array(1 << n);
  let norm = 0;
  for (let i = 0; i < x.length; i++) norm += x[i] * x[i];
  if (!(norm > 0) || !Number.isFinite(norm)) throw new RangeError('amplitude encoding needs a non-zero, finite vector');
  const s = 1 / Math.sqrt(norm);
  for (let i = 0; i < x.length; i++) a[i] = x[i] * s;
  return a;
}

function grayCode(i: number): number {
  return i ^ (i >>> 1);
}

/**
 * Uniformly controlled RY on `target`, controlled by `controls` (controls[m] carries bit m of the
 * selector j), rotating by alpha[j] for control value j. Decomposition: θ = 2^{-k} Mᵀ α with
 * M_{j,i} = (−1)^{gray(i)·j}; RY(θ_i) then CNOT from the control whose bit flips between gray(i) and
 * gray(i+1) (cyclically), so for every control value the X's cancel and the angles sum to α_j.
 */
function uniformlyControlledRy(ops: GateOp[], controls: number[], target: number, alpha: Float64Array): void {
  const k = controls.length;
  if (k === 0) {
    ops.push(gate('ry', [target], [alpha[0]]));
    return;
  }
  const size = 1 << k;
  for (let i = 0; i < size; i++) {
    const g = grayCode(i);
    let theta = 0;
    for (let j = 0; j < size; j++) theta += parity(g & j) ? -alpha[j] : alpha[j];
    ops.push(gate('ry', [target], [theta / size]));
    const flipped = g ^ grayCode((i + 1) % size);
    ops.push(gate('cx', [controls[31 - Math.clz32(flipped)], target]));
  }
}

export function amplitudeEncoding(x: ArrayLike<number>): Circuit {
  const amps = normalisedAmplitudes(x);
  const n = amplitudeQubits(x.length);
  const ops: GateOp[] = [];
  // Level k sets qubit t = n−1−k, controlled by the k qubits above it (q_{n−k} … q_{n−1}).
  for (let k = 0; k < n; k++) {
    const t = n - 1 - k;
    const half = 1 << t;
    const alpha = new Float64Array(1 << k);
    for (let j = 0; j < 1 << k; j++) {
      const base = j * 2 * half;
      let a0: number, a1: number;
      if (t === 0) {
        a0 = amps[base];
        a1 = amps[base + 1];
      } else {
        a0 = blockNorm(amps, base, half);
        a1 = blockNorm(amps, base + half, half);
      }
      alpha[j] = 2 * Math.atan2(a1, a0);
    }
    const controls: number[] = [];
    for (let m = 0; m < k; m++) controls.push(n - k + m);
    uniformlyControlledRy(ops, controls, t, alpha);
  }
  return { numQubits: n, numClbits: 0, ops };
}

function blockNorm(a: Float64Array, start: number, len: number): number {
  let s = 0;
  for (let i = start; i < start + len; i++) s += a[i] * a[i];
  return Math.sqrt(s);
}

/** Build the circuit for an encoding from a feature vector (basis encoding thresholds features at 0.5). */
export function encodeFeatures(encoding: Encoding, x: ArrayLike<number>): Circuit {
  switch (encoding) {
    case 'basis':
      return basisEncoding(Array.from(x, (v) => (v >= 0.5 ? 1 : 0)));
    case 'angle':
      return angleEncoding(x);
    case 'amplitude':
      return amplitudeEncoding(x);
    case 'zz':
      return zzFeatureMap(x);
  }
}
