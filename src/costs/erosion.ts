/**
 * Where the speedup goes: run time against problem size N for a classical algorithm costing N^α
 * elementary operations on a GPU, and for a quantum algorithm with a claimed speedup, to which the
 * steps add what the claim leaves out.
 *
 *   classical           T_c(N) = N^α · t_op,  t_op = 1 / (GPU dense BF16 peak × utilisation)
 *   0 claimed core      T_0(N) = C(N) · t_layer,  C = N^{α/2} (quadratic) or (log₂ N)² (exponential)
 *   1 + encoding        T_1(N) = (C(N) + 2N) · t_layer     (amplitude loading of N numbers: ≈ 2N layers)
 *   2 × shots           T_2(N) = S · T_1(N)
 *   3 + latency, queue  T_3(N) = S · (T_1(N) + t_measure + t_repetition) + latency + queue
 *
 * Shots S depend on what the algorithm outputs. A quadratic (Grover-type) search outputs a bit string that
 * is checked classically: one run succeeds with probability ≥ 1 − 1/N, so S = 1 (the expected number of
 * runs is 1/(1 − 1/N) ≈ 1). An exponential (HHL-type) speedup outputs an expectation value, a global
 * property of the solution state, estimated to precision ε from S = ⌈1/ε²⌉ shots.
 *
 * t_layer is the mean of the device's 1q and 2q gate times (physical gates, no error correction:
 * generous to the quantum side). Break-even: the smallest N from which the quantum curve stays below
 * the classical one up to N_MAX, or none. Pure; no DOM.
 */
import { shotsForPrecision } from './pipeline';
import { GPU_UTILISATION, deviceTiming, gpuProfile, type DeviceTiming, type TimedDeviceId } from './profiles';

export const N_MIN = 1;
export const N_MAX = 1e30;
export const STAGES = ['claimed', 'encoding', 'shots', 'latency'] as const;
export type Stage = (typeof STAGES)[number];
export interface ErosionInputs {
  speedup: 'quadratic' | 'exponential';
  alpha: number;
  eps: number;
  device: TimedDeviceId;
  latency: number;
  queue: number;
}

/** Runs of a search whose bit-string answer is verified classically (success probability ≥ 1 − 1/N per run). */
export const SEARCH_SHOTS = 1;

/** Shots per answer: O(1) for a bit-string (search) output, ⌈1/ε²⌉ for an expectation-value output. */
export function shotsFor(inputs: Pick<ErosionInputs, 'speedup' | 'eps'>): number {
  return inputs.speedup === 'quadratic' ? SEARCH_SHOTS : shotsForPrecision(inputs.eps);
}

export interface ErosionModel {
  inputs: ErosionInputs;
  device: DeviceTiming;
  tOp: number;
  tLayer: number;
  shots: number;
  classical(n: number): number;
  quantum(stage: Stage, n: number): number;
}

export function erosionModel(inputs: ErosionInputs): ErosionModel {
  const device = deviceTiming(inputs.device);
  const gpu = gpuProfile('h100-sxm');
  const tOp = 1 / (gpu.bf16DenseFlops * GPU_UTILISATION.value);
  const tLayer = (device.oneQubitGate_s + device.twoQubitGate_s) / 2;
  const S = shotsFor(inputs);
  const core = (n: number) =>
    inputs.speedup === 'quadratic' ? n ** (inputs.alpha / 2) : Math.max(1, Math.log2(Math.max(2, n)) ** 2);
  const loaded = (n: number) => (core(n) + 2 * n) * tLayer;
  return {
    inputs,
    device,
    tOp,
    tLayer,
    shots: S,
    classical: (n) => n ** inputs.alpha * tOp,
    quantum(stage, n) {
      switch (stage) {
        case 'claimed':
          return core(n) * tLayer;
        case 'encoding':
          return loaded(n);
        case 'shots':
          return S * loaded(n);
        case 'latency':
          return S * (loaded(n) + device.measure_s + device.repDelay_s) + inputs.latency + inputs.queue;
      }
    },
  };
}

/** Asymptotic exponent of a stage's cost in N (log N counts as 0). */
export function quantumExponent(stage: Stage, inputs: ErosionInputs): number {
  const core = inputs.speedup === 'quadratic' ? inputs.alpha / 2 : 0;
  return stage === 'claimed' ? core : Math.max(core, 1);
}

export interface BreakEven {
  /** Smallest N (on a grid of 1/100 decade) from which quantum stays faster up to N_MAX; null = none. */
  n: number | null;
  /** Run time at break-even (both sides equal there). */
  seconds: number | null;
  /** Why there is none: 'never' (grows at least as fast as classical, never cheaper), 'beyond' (not below N_MAX). */
  reason: 'never' | 'beyond' | null;
}

export function breakEven(m: ErosionModel, stage: Stage): BreakEven {
  const steps = 3000;
  const lo = Math.log10(N_MIN),
    hi = Math.log10(N_MAX);
  let start: number | null = null;
  for (let i = 0; i <= steps; i++) {
    const n = 10 ** (lo + ((hi - lo) * i) / steps);
    const faster = m.quantum(stage, n) < m.classical(n);
    if (faster && start === null) start = n;
    if (!faster) start = null;
  }
  if (start !== null) return { n: start, seconds: m.classical(start), reason: null };
  const never = quantumExponent(stage, m.inputs) >= m.inputs.alpha;
  return { n: null, seconds: null, reason: never ? 'never' : 'beyond' };
}
