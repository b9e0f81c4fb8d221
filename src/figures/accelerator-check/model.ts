/**
 * When is the accelerator worth calling? Five conditions for each workload, each computed:
 *
 *   depth budget      L_max = ln 2 / (⌊n/2⌋·e₂ + n·e₁): layers at which a run is still fault-free half the time
 *   cheap encoding    amplitude loading of d numbers takes D_enc layers (src/encoding/counts); holds if D_enc ≤ L_max
 *                     (d = 0, compiled or already quantum, holds)
 *   few outputs       shots = k·⌈1/ε²⌉, each paying measurement + repetition delay; holds if that readout fits
 *                     the stated QPU-hour budget
 *   tolerable noise   holds if L ≤ L_max (without error correction)
 *   large speedup     the speedup-erosion break-even with every cost counted (loading, shots, latency; no loading
 *                     when nothing is loaded; against experiments, one shot each, for quantum data); holds if one
 *                     exists at or below the workload's problem size N
 *   baseline holds    the cited classical baseline (a fact about the literature, with its citation)
 *
 * Pure; no DOM.
 */
import { encodingCounts } from '../../encoding/counts';
import { choicesOf, type ParamsOf } from '../../story/params';
import { clampStep } from '../../story/steps';
import { fmtCount, fmtDuration, fmtSci } from '../../format';
import { shotsForPrecision } from '../../costs/pipeline';
import { JOB_LATENCY, deviceTiming, type TimedDeviceId } from '../../costs/profiles';
import { N_MAX, breakEven, erosionModel } from '../../costs/erosion';
import type { WorkloadId, accelParamSpec } from './meta';
import { WORKLOADS, type Workload } from './workloads';

/** The conditions, in the order the steps add them. */
export const CONDITION_LABEL = {
  encoding: 'Cheap encoding',
  outputs: 'Few outputs',
  noise: 'Tolerable noise',
  speedup: 'A large speedup',
  baseline: 'A baseline that holds',
} as const;
export type Condition = keyof typeof CONDITION_LABEL;
export const CONDITIONS = choicesOf(CONDITION_LABEL);
export const LAST_STEP = 4;

export interface Cell {
  holds: boolean;
  value: number | null;
  detail: string;
}
export interface RowResult {
  workload: Workload;
  cells: Record<Condition, Cell>;
  depthBudget: number;
}

/** Smallest N (1/100-decade grid up to 10³⁰) from which quantum stays faster; the same scan as speedup-erosion's. */
export function scanBreakEven(
  quantum: (n: number) => number,
  classical: (n: number) => number,
): { n: number | null; reason: 'never' | 'beyond' | null } {
  let start: number | null = null;
  for (let i = 0; i <= 3000; i++) {
    const n = 10 ** ((Math.log10(N_MAX) * i) / 3000);
    const faster = quantum(n) < classical(n);
    if (faster && start === null) start = n;
    if (!faster) start = null;
  }
  return start === null ? { n: null, reason: 'beyond' } : { n: start, reason: null };
}

export function depthBudget(n: number, device: TimedDeviceId): number {
  const d = deviceTiming(device);
  const perLayer = Math.floor(n / 2) * (d.twoQubitError ?? 0) + n * (d.oneQubitError ?? 0);
  return perLayer > 0 ? Math.LN2 / perLayer : Number.POSITIVE_INFINITY;
}

export function loadingLayers(inputs: number): number {
  return inputs >= 2 ? encodingCounts('amplitude', Math.round(inputs)).depth : 0;
}

export function evaluate(w: Workload, device: TimedDeviceId, readoutHours: number): RowResult {
  const d = deviceTiming(device);
  const budget = depthBudget(w.qubits, device);
  const enc = loadingLayers(w.inputs);
  const S = w.outputs * shotsForPrecision(w.eps);
  // Readout alone (measurement + repetition delay per shot): the circuit's own length is the noise condition's business.
  const readoutSeconds = S * (d.measure_s + d.repDelay_s);
  let speedup: Cell;
  if (w.speedup === 'none') speedup = { holds: false, value: null, detail: 'no proven speedup to erode' };
  else {
    const m = erosionModel({
      speedup: w.speedup,
      alpha: w.alpha,
      eps: w.eps,
      device,
      latency: JOB_LATENCY.seconds,
      queue: 0,
    });
    // With data to load, every cost of the erosion model counts; with none (compiled or quantum input), loading is dropped.
    // The classical learner of quantum data runs experiments, one measured shot each, not GPU operations.
    const classical =
      w.classicalUnit === 'experiment' ? (n: number) => n ** w.alpha * (d.measure_s + d.repDelay_s) : m.classical;
    const b =
      w.inputs >= 2 && w.classicalUnit === 'gpu-op'
        ? breakEven(m, 'latency')
        : scanBreakEven(
            (n) => m.shots * (m.quantum('claimed', n) + d.measure_s + d.repDelay_s) + JOB_LATENCY.seconds,
            classical,
          );
    speedup =
      b.n === null
        ? {
            holds: false,
            value: null,
            detail:
              b.reason === 'never' ? 'no break-even once loading and shots count' : 'no break-even below N = 10³⁰',
          }
        : {
            holds: b.n <= w.size,
            value: b.n,
            detail: `break-even N ≈ ${fmtSci(b.n)} ${b.n <= w.size ? '≤' : '>'} ${fmtSci(w.size)}`,
          };
  }
  return {
    workload: w,
    depthBudget: budget,
    cells: {
      encoding: {
        holds: enc <= budget,
        value: enc,
        detail:
          w.inputs >= 2
            ? `${fmtCount(enc)} layers to load ${fmtCount(w.inputs)} numbers (budget ${fmtCount(Math.floor(budget))})`
            : 'nothing to load',
      },
      outputs: {
        holds: readoutSeconds <= readoutHours * 3600,
        value: readoutSeconds,
        detail: `${fmtCount(S)} shots: ${fmtDuration(readoutSeconds)}`,
      },
      noise: {
        holds: w.depth <= budget,
        value: w.depth,
        detail: `${fmtCount(w.depth)} layers, budget ${Number.isFinite(budget) ? fmtCount(Math.floor(budget)) : '∞'}`,
      },
      speedup,
      baseline: { holds: w.baseline.holds, value: null, detail: w.baseline.text },
    },
  };
}

export type AccelParams = ParamsOf<typeof accelParamSpec>;

/** The matrix: every workload from its preset, the edited one with the reader's numbers. */
export function matrix(p: AccelParams): RowResult[] {
  return (Object.keys(WORKLOADS) as WorkloadId[]).map((id) => {
    const w =
      id === p.workload
        ? { ...WORKLOADS[id], inputs: p.inputs, outputs: p.outputs, qubits: p.qubits, depth: p.depth, size: p.size }
        : WORKLOADS[id];
    return evaluate(w, p.device, p.readoutHours);
  });
}

export const conditionsForStep = (step: number): Condition[] => CONDITIONS.slice(0, clampStep(step, LAST_STEP) + 1);
