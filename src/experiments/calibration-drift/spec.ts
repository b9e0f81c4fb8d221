/**
 * The main-thread half of the calibration-drift experiment (parameters, the drift figures, merge, summary
 * statistics, method); the density-matrix runs and the model's training are in ./index.ts.
 */
import { date, note, relativeSpread, source } from '../../../content/data/drift.json';
import { DEVICE_IDS } from '../../sim/device-ids';
import type { ExperimentSpec } from '../types';

export interface CalibrationDriftParams {
  device: string;
  qubits: number;
  /** GHZ echo blocks (as in noise-vs-depth). */
  depth: number;
  days: number;
  /** Shots for the circuit's expectation value, per day. */
  shots: number;
  /** Shots per test point when evaluating the model's loss. */
  evalShots: number;
  /** Multiplies every relative spread of drift.json (1 = as stated there; 0 = no drift). */
  drift: number;
  seed: number;
}

/** drift.json without its description (read by no code): the page and the worker each load this. */
export const DRIFT = { relativeSpread, note, source, date };
export const CD_VERSION = 'calibration-drift@1';
export const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
export const MAX_QUBITS = 6;

export interface DayCalibration {
  t1_us: number | null;
  t2_us: number | null;
  oneQubitError: number | null;
  twoQubitError: number | null;
  readout: number | null;
}

export interface DayResult {
  /** 0 = the median calibration (reference); 1… = days. */
  index: number;
  label: string;
  calibration: DayCalibration;
  /** Exact measured ⟨X…X⟩ under this calibration (infinite shots). */
  exact: number;
  /** Its `shots`-shot estimate and standard error. */
  estimate: number;
  stderr: number;
  /** Model loss on the test set: exact under this calibration, from shots, and the shot standard error. */
  lossExact: number;
  loss: number;
  lossStderr: number;
  /** Test accuracy from the shot estimates. */
  accuracy: number;
}

export interface CalibrationDriftSamples {
  days: DayResult[];
  /** The trained model's noiseless test loss. Computed where the days are (the worker), never in
   * `summarize`, which runs on the page's main thread for every progress report. */
  idealLoss: number;
}

export interface SpreadStats {
  mean: number;
  /** Sample standard deviation across days (n − 1). */
  sd: number;
  min: number;
  max: number;
  /** Mean shot standard error of a single day. */
  meanStderr: number;
  /** sd / meanStderr. */
  ratio: number;
  /** Pairs of days whose 95 % shot intervals (±1.96·stderr) do not overlap, of all pairs. */
  disjointPairs: number;
  pairs: number;
}

export interface CalibrationDriftData {
  device: string;
  reference: DayResult | undefined;
  days: DayResult[];
  /** Noiseless test loss of the trained model (exact). */
  idealLoss: number;
  idealValue: number;
  expectation: SpreadStats | null;
  loss: SpreadStats | null;
  /** Index (1-based day) with the lowest shot-estimated loss. */
  bestDay: number | null;
}

export const MODEL_EPOCHS = 25;
export const MODEL_POINTS = 80;
// ------------------------------------------------------------------------------------------------
// statistics

export function spreadStats(values: readonly number[], stderrs: readonly number[]): SpreadStats | null {
  const n = values.length;
  if (n < 2) return null;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1));
  const meanStderr = stderrs.reduce((a, b) => a + b, 0) / n;
  let disjoint = 0,
    pairs = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      pairs++;
      if (Math.abs(values[i] - values[j]) > 1.959963984540054 * (stderrs[i] + stderrs[j])) disjoint++;
    }
  }
  return {
    mean,
    sd,
    min: Math.min(...values),
    max: Math.max(...values),
    meanStderr,
    ratio: meanStderr > 0 ? sd / meanStderr : Infinity,
    disjointPairs: disjoint,
    pairs,
  };
}

function summarize(p: CalibrationDriftParams, s: CalibrationDriftSamples): CalibrationDriftData {
  const reference = s.days.find((d) => d.index === 0);
  const days = s.days.filter((d) => d.index > 0).sort((a, b) => a.index - b.index);
  const complete = days.length === p.days;
  let best: DayResult | null = null;
  for (const d of days) if (!best || d.loss < best.loss) best = d;
  return {
    device: p.device,
    reference,
    days,
    idealLoss: s.idealLoss,
    idealValue: 1,
    expectation: complete
      ? spreadStats(
          days.map((d) => d.estimate),
          days.map((d) => d.stderr),
        )
      : null,
    loss: complete
      ? spreadStats(
          days.map((d) => d.loss),
          days.map((d) => d.lossStderr),
        )
      : null,
    bestDay: complete && best ? best.index : null,
  };
}

// ------------------------------------------------------------------------------------------------
// the definition

function normalize(input: Partial<CalibrationDriftParams>): CalibrationDriftParams {
  const device = input.device ?? 'ibm_kingston';
  if (!(DEVICE_IDS as readonly string[]).includes(device))
    throw new Error(`unknown device '${device}' (known: ${DEVICE_IDS.join(', ')})`);
  const int = (name: string, v: number, lo: number, hi: number) => {
    if (!Number.isInteger(v) || v < lo || v > hi) throw new Error(`${name}: ${v} is not a whole number in ${lo}…${hi}`);
    return v;
  };
  const qubits = int('qubits', input.qubits ?? 4, 2, MAX_QUBITS);
  const depth = int('depth', input.depth ?? 10, 1, 200);
  const days = int('days', input.days ?? 5, 1, 28);
  const shots = int('shots', input.shots ?? 10_000, 1, 1e6);
  const evalShots = int('evalShots', input.evalShots ?? 10_000, 1, 1e5);
  const seed = int('seed', input.seed ?? 1, 0, 0xffffffff);
  const drift = input.drift ?? 1;
  if (!(drift >= 0 && drift <= 10)) throw new Error(`drift: ${drift} is not a number in 0…10`);
  return { device, qubits, depth, days, shots, evalShots, drift, seed };
}

function merge(_p: CalibrationDriftParams, parts: readonly CalibrationDriftSamples[]): CalibrationDriftSamples {
  const byIndex = new Map<number, DayResult>();
  for (const part of parts) for (const d of part.days) if (!byIndex.has(d.index)) byIndex.set(d.index, d);
  // Every part trained the same seeded model, so any part's idealLoss is the idealLoss.
  return { days: [...byIndex.values()].sort((a, b) => a.index - b.index), idealLoss: parts[0]?.idealLoss ?? NaN };
}

function method(p: CalibrationDriftParams): string {
  const s = DRIFT.relativeSpread;
  return (
    `Drift model: each day draws the device's calibration figures around the medians of ${p.device} (content/data/devices.json) as median × exp(σ·z), z standard normal, independently per figure and day, with σ = ${s.t1 * p.drift} for T1, ${s.t2 * p.drift} for T2, ${s.oneQubitError * p.drift} and ${s.twoQubitError * p.drift} for the 1- and 2-qubit gate errors and ${s.readoutError * p.drift} for the readout error (${DRIFT.source}; an assumption, not a fit: real drift has heavier tails). ` +
    `Circuit: the GHZ state on ${p.qubits} qubits followed by ${p.depth - 1} echo blocks (${(p.qubits - 1) * (2 * p.depth - 1)} CX in all), simulated as a density matrix under each day's noise model (depolarizing gate error, T1/T2 relaxation, readout confusion); ${'X'.repeat(p.qubits)} measured with noisy basis-change gates and readout error; ${p.shots} shots per day, standard error √((1 − Ê²)/N). ` +
    `Model: a variational classifier on 2 qubits (3 re-uploading layers of RY(x) then trainable RZ, RY, CZ between layers; p = σ(α⟨Z₀⟩ + β); ${MODEL_POINTS} two-moons points, half for training), trained once without noise (${MODEL_EPOCHS} epochs of Adam, exact parameter-shift gradients), then evaluated on the test half under each day's noise with ${p.evalShots} shots per point: mean cross-entropy, standard error by the delta method. ` +
    `Seeds: day k's calibration from deriveSeed(${p.seed}, 1, k), its shots from deriveSeed(${p.seed}, 2, k, ·), the model from deriveSeed(${p.seed}, 3, ·).`
  );
}

export const calibrationDriftSpec: ExperimentSpec<
  CalibrationDriftParams,
  CalibrationDriftSamples,
  CalibrationDriftData
> = {
  name: 'calibration-drift',
  version: CD_VERSION,
  description: 'One circuit and one trained model, run on several calibrations of a device drawn around its medians.',
  normalize,
  sampleCount: (p) => p.days + 1,
  workPerSample: () => 1,
  merge,
  summarize,
  method,
  seedOf: (p) => p.seed,
};
