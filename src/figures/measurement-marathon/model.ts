/**
 * The measurement marathon, as explicit arithmetic on measured gradient variances.
 *
 * Estimator. The parameter-shift gradient g = [C(θ + π/2) − C(θ − π/2)]/2 is estimated from N shots of each
 * shifted circuit; each shot gives ±1, so each mean has variance (1 − ⟨O⟩²)/N ≤ 1/N and the estimate ĝ has
 * standard error σ_shot ≤ √(1/N + 1/N)/2 = 1/√(2N). Its sign is right at 95 % confidence (two-sided, z = 1.96)
 * when |g| ≥ z·σ_shot, i.e. N ≥ z²/(2g²). Taking the typical gradient |g| ~ √Var[∂C] (random initialisation,
 * mean zero): N₉₅ ≈ z² / (2·Var[∂C]) ≈ 1.92 / Var. The looser one-sigma rule N ≈ 1/(2·Var) is z² = 3.84 times smaller.
 *
 * A training run (plain gradient descent on a per-example loss): every epoch needs, for each training example,
 * the full gradient: 2 circuits per parameter. Circuits = 2·P·M·E, shots = circuits·N₉₅, time = shots / rate.
 */
import cloud from '../../../content/data/cloud.json';
import type { BarrenPlateauRow } from '../../experiments/barren-plateau';
import type { ExpFit } from '../../experiments/barren-plateau/fit';
import type { MarathonProfile } from './meta';

export const LAST_STEP = 1;
export const Z95 = 1.959963984540054;
export const SWEEP_QUBITS = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
/** The x axis runs to this register size (extrapolating the fit). */
export const EXTRAPOLATE_TO = 30;

/** Shots per circuit to tell a gradient of size |g| from zero at 95 % (two-sided): z²/(2g²). */
export function shotsForSign(g2: number, z = Z95): number {
  return (z * z) / (2 * g2);
}

/** Worst-case standard error of a parameter-shift gradient from N shots per circuit: 1/√(2N). */
export function shotNoiseStderr(shots: number): number {
  return 1 / Math.sqrt(2 * shots);
}

/** N₉₅ from the deep-circuit (2-design) variance 2ⁿ/(3(4ⁿ − 1)). */
export function deepLimitShots(n: number): number {
  return shotsForSign(2 ** n / (3 * (4 ** n - 1)));
}

export interface ShotRow {
  qubits: number;
  variance: number;
  varianceStderr: number;
  samples: number;
  /** N₉₅ from the measured variance, and its range from Var ± SE. */
  shots: number;
  shotsLow: number;
  shotsHigh: number;
  /** The one-sigma rule 1/(2·Var). */
  shotsOneSigma: number;
}

export function shotRows(rows: readonly BarrenPlateauRow[]): ShotRow[] {
  return rows
    .filter((r) => r.variance > 0)
    .map((r) => ({
      qubits: r.qubits,
      variance: r.variance,
      varianceStderr: r.varianceStderr,
      samples: r.samples,
      shots: shotsForSign(r.variance),
      shotsLow: shotsForSign(r.variance + (Number.isFinite(r.varianceStderr) ? r.varianceStderr : 0)),
      shotsHigh: r.variance - r.varianceStderr > 0 ? shotsForSign(r.variance - r.varianceStderr) : Infinity,
      shotsOneSigma: 1 / (2 * r.variance),
    }));
}

/** N₉₅ extrapolated from a fit of ln Var = a + b·n. */
export function fittedShots(fit: ExpFit, n: number): number {
  return shotsForSign(Math.exp(fit.intercept + fit.slope * n));
}

export interface DeviceProfile {
  id: MarathonProfile;
  label: string;
  shotsPerSecond: number;
  note: string;
  source: string;
  date: string;
}

interface ShotRateItem {
  kind: string;
  shotsPerSecondShortCircuits?: number;
  defaultRepDelayMicroseconds?: number;
  samples?: number;
  seconds?: number;
  note?: string;
  source: string;
  date: string;
}

export function deviceProfile(id: MarathonProfile): DeviceProfile {
  const items = cloud.items as unknown as Record<string, ShotRateItem>;
  if (id === 'sycamore') {
    const s = items['sycamore-sampling'];
    return {
      id,
      label: 'Google Sycamore sampling rate',
      shotsPerSecond: s.samples! / s.seconds!,
      note: s.note ?? '',
      source: s.source,
      date: s.date,
    };
  }
  const s = items['ibm-shot-rate'];
  return {
    id,
    label: `IBM Heron, ${s.defaultRepDelayMicroseconds} µs repetition delay`,
    shotsPerSecond: s.shotsPerSecondShortCircuits!,
    note: s.note ?? '',
    source: s.source,
    date: s.date,
  };
}

export interface TrainingRun {
  qubits: number;
  layers: number;
  parameters: number;
  examples: number;
  epochs: number;
  shotsPerCircuit: number;
  circuitsPerGradient: number;
  circuits: number;
  shots: number;
  seconds: number;
  profile: DeviceProfile;
}

/** The bill of one training run for an n-qubit, L-layer McClean-type model (P = n·L rotation angles). */
export function trainingRun(o: {
  qubits: number;
  layers: number;
  examples: number;
  epochs: number;
  variance: number;
  profile: DeviceProfile;
}): TrainingRun {
  const parameters = o.qubits * o.layers;
  const shotsPerCircuit = Math.ceil(shotsForSign(o.variance));
  const circuitsPerGradient = 2 * parameters;
  const circuits = circuitsPerGradient * o.examples * o.epochs;
  const shots = circuits * shotsPerCircuit;
  return {
    qubits: o.qubits,
    layers: o.layers,
    parameters,
    examples: o.examples,
    epochs: o.epochs,
    shotsPerCircuit,
    circuitsPerGradient,
    circuits,
    shots,
    seconds: shots / o.profile.shotsPerSecond,
    profile: o.profile,
  };
}

/** Counts after a fraction f ∈ [0, 1] of the run (whole epochs and examples, as a counter would show). */
export function countsAt(
  run: TrainingRun,
  f: number,
): { epoch: number; circuits: number; shots: number; seconds: number } {
  const t = Math.min(1, Math.max(0, f));
  const gradients = Math.round(t * run.examples * run.epochs);
  const circuits = gradients * run.circuitsPerGradient;
  const shots = circuits * run.shotsPerCircuit;
  return {
    epoch: Math.min(run.epochs, Math.floor(gradients / run.examples)),
    circuits,
    shots,
    seconds: shots / run.profile.shotsPerSecond,
  };
}
