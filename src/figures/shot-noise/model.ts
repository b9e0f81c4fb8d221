/**
 * Shot noise, computed: a qubit prepared as RY(θ)|0⟩ by the state-vector simulator, measured N times
 * per run with the simulator's sampler (`sampleCounts`: the counts of N shots, drawn exactly), and the run's estimate of ⟨Z⟩ = (n₀ − n₁)/N
 * repeated over many runs. Pure and seeded: run r at N shots draws from deriveSeed(seed, N, r), so the
 * data does not depend on how the runs are split or ordered. No DOM, no React.
 */
import { createRng, deriveSeed } from '../../sim/rng';
import { sampleCounts, sampleCountsCost } from '../../sim/sampling';
import { StateVector } from '../../sim/statevector';

import type { ShotNoiseParams } from './meta';
import { clampStep } from '../../story/steps';

export { SHOT_NOISE_DEFAULTS, type ShotNoiseParams } from './meta';

/** Shots per run for the first four steps: 1, 10, 100, 10,000. */
export const STEP_SHOTS = [1, 10, 100, 10_000] as const;
/** The last step compares N with 100·N: one more decimal digit of precision. */
export const DIGIT_FACTOR = 100;
export const LAST_STEP = 4;
/** 97.5 % quantile of the standard normal: ±Z95·σ covers 95 %. */
export const Z95 = 1.959963984540054;

/** Outcome probabilities [P(0), P(1)] of RY(θ)|0⟩, from the simulator. */
export function outcomeProbabilities(theta: number): Float64Array {
  const sv = new StateVector(1);
  sv.apply({ kind: 'gate', name: 'ry', qubits: [0], params: [theta] });
  return sv.probabilities();
}

/** ⟨Z⟩ of RY(θ)|0⟩ from the simulator (equals cos θ). */
export function exactExpectation(theta: number): number {
  const sv = new StateVector(1);
  sv.apply({ kind: 'gate', name: 'ry', qubits: [0], params: [theta] });
  return sv.expectationZ([0]);
}

/** Standard deviation of an N-shot estimate of ⟨Z⟩: √((1 − cos²θ)/N). */
export function theoryStd(theta: number, shots: number): number {
  const c = Math.cos(theta);
  return Math.sqrt(Math.max(0, 1 - c * c) / shots);
}

/** One run: `shots` measurements sampled by the simulator, averaged as ±1 outcomes. */
export function runEstimate(probs: ArrayLike<number>, shots: number, seed: number, run: number): number {
  const counts = sampleCounts(probs, shots, createRng(deriveSeed(seed, shots, run)));
  const n0 = counts.get(0) ?? 0;
  const n1 = counts.get(1) ?? 0;
  return (n0 - n1) / shots;
}

/** Estimates of runs [from, to) at `shots` per run. */
export function simulateEstimates(theta: number, shots: number, seed: number, from: number, to: number): Float64Array {
  const probs = outcomeProbabilities(theta);
  const out = new Float64Array(Math.max(0, to - from));
  for (let r = from; r < to; r++) out[r - from] = runEstimate(probs, shots, seed, r);
  return out;
}

export interface SeriesSpec {
  shots: number;
  runs: number;
}

/** Histograms drawn at a step (`shown`) and every series the σ-against-N panel needs (`all`). */
export function seriesForStep(step: number, params: ShotNoiseParams): { shown: SeriesSpec[]; all: SeriesSpec[] } {
  const s = clampStep(step, LAST_STEP);
  const spec = (shots: number): SeriesSpec => ({ shots, runs: params.runs });
  const shownShots = s < LAST_STEP ? [STEP_SHOTS[s]] : [params.shots, params.shots * DIGIT_FACTOR];
  const allShots = new Set<number>([...STEP_SHOTS.slice(0, Math.min(s + 1, STEP_SHOTS.length)), ...shownShots]);
  return { shown: shownShots.map(spec), all: [...allShots].sort((a, b) => a - b).map(spec) };
}

export interface SeriesStats {
  shots: number;
  /** Runs computed so far (all runs once complete). */
  runs: number;
  mean: number;
  /** Sample standard deviation of the run estimates (n − 1), NaN with fewer than two runs. */
  std: number;
  theoryStd: number;
  trueValue: number;
  /** mean ± 1.96·std: the normal-theory 95 % interval of a single run's estimate. */
  low: number;
  high: number;
  /** Empirical 2.5 % and 97.5 % quantiles of the run estimates (linear interpolation). */
  q025: number;
  q975: number;
}

/** Quantile q ∈ [0, 1] of sorted values, linearly interpolated (NaN when empty). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * q;
  const i = Math.floor(h);
  return i + 1 < n ? sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]) : sorted[n - 1];
}

export function seriesStats(estimates: ArrayLike<number>, theta: number, shots: number): SeriesStats {
  const n = estimates.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += estimates[i];
  const mean = n > 0 ? sum / n : NaN;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (estimates[i] - mean) ** 2;
  const std = n > 1 ? Math.sqrt(ss / (n - 1)) : NaN;
  const sorted = Float64Array.from(estimates).sort();
  return {
    shots,
    runs: n,
    mean,
    std,
    theoryStd: theoryStd(theta, shots),
    trueValue: Math.cos(theta),
    low: mean - Z95 * std,
    high: mean + Z95 * std,
    q025: quantileSorted(sorted, 0.025),
    q975: quantileSorted(sorted, 0.975),
  };
}

export interface HistogramBin {
  /** Edges in ⟨Z⟩ units; bins are aligned to the lattice of possible estimates −1 + 2k/N. */
  x0: number;
  x1: number;
  count: number;
  /** count / number of runs. */
  share: number;
}

/**
 * Width of a histogram bin: about σ/2.5 (or a fiftieth of `span` when that is smaller), rounded up to
 * a whole number of lattice steps 2/N, so no bin is empty merely because of how estimates are spaced.
 */
export function latticeBinSize(shots: number, sigma: number, span: number): number {
  const target = sigma > 0 ? Math.min(span / 50, sigma / 2.5) : span / 50;
  const lattice = 2 / shots;
  return Math.max(1, Math.round(target / lattice));
}

/** Histogram of run estimates on the estimate lattice, from the lowest to the highest occupied bin. */
export function histogram(estimates: ArrayLike<number>, shots: number, perBin: number): HistogramBin[] {
  const n = estimates.length;
  if (n === 0) return [];
  const keys = new Int32Array(n);
  let lo = Infinity,
    hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const k = Math.round(((estimates[i] + 1) * shots) / 2);
    const b = Math.floor(k / perBin);
    keys[i] = b;
    if (b < lo) lo = b;
    if (b > hi) hi = b;
  }
  const counts = new Uint32Array(hi - lo + 1);
  for (let i = 0; i < n; i++) counts[keys[i] - lo]++;
  const half = 1 / shots;
  const bins: HistogramBin[] = [];
  for (let j = 0; j < counts.length; j++) {
    const b = lo + j;
    const kFirst = b * perBin;
    const kLast = Math.min(shots, kFirst + perBin - 1);
    bins.push({
      x0: Math.max(-1 - half, -1 + (2 * kFirst) / shots - half),
      x1: -1 + (2 * kLast) / shots + half,
      count: counts[j],
      share: counts[j] / n,
    });
  }
  return bins;
}

/** Visible ⟨Z⟩ range around the true value: ±6σ at `shots`, at least ±0.02, within [−1, 1]. */
export function zoomDomain(theta: number, shots: number): [number, number] {
  const c = Math.cos(theta);
  const half = Math.max(0.02, 6 * theoryStd(theta, shots));
  return [Math.max(-1, c - half), Math.min(1, c + half)];
}

/** The whole range of possible estimates, with room for the bars at ±1. */
export const FULL_DOMAIN: readonly [number, number] = [-1.1, 1.1];

function smoothstep(t: number): number {
  const x = Math.min(1, Math.max(0, t));
  return x * x * (3 - 2 * x);
}

/**
 * The ⟨Z⟩ axis range for a step and progress: the full [−1, 1] (plus a margin) for 1–100 shots; at 10,000 shots it
 * zooms in as the reader scrolls through the step (fully zoomed from 60 % of the step on); the last
 * step stays zoomed on the N-shot spread.
 */
export function domainFor(step: number, progress: number, params: ShotNoiseParams): [number, number] {
  const [f0, f1] = FULL_DOMAIN;
  if (step < 3) return [f0, f1];
  if (step === 3) {
    const [z0, z1] = zoomDomain(params.theta, STEP_SHOTS[3]);
    const t = smoothstep(progress / 0.6);
    if (t >= 1) return [z0, z1];
    return [f0 + (z0 - f0) * t, f1 + (z1 - f1) * t];
  }
  return zoomDomain(params.theta, params.shots);
}

/** Run estimates of one series, possibly partial (fewer than `runs` computed so far). */
export interface SeriesData extends SeriesSpec {
  estimates: Float64Array;
}

export interface ShotNoiseAcc {
  probs: Float64Array;
  estimates: Float64Array[];
}

/**
 * The computation behind a step as a divisible task: one unit per run, series in increasing N (so
 * cheap histograms complete first and the largest one fills in last).
 */
export function shotNoiseTask(params: ShotNoiseParams, series: readonly SeriesSpec[]) {
  const offsets: number[] = [];
  let total = 0,
    cost = 0;
  for (const s of series) {
    offsets.push(total);
    total += s.runs;
    cost += s.runs * sampleCountsCost(s.shots, 2);
  }
  const seriesOf = (unit: number): number => {
    let s = 0;
    while (s + 1 < series.length && offsets[s + 1] <= unit) s++;
    return s;
  };
  return {
    key: `shot-noise|${params.theta}|${params.seed}|${series.map((s) => `${s.shots}x${s.runs}`).join(',')}`,
    total,
    cost,
    init: (): ShotNoiseAcc => ({
      probs: outcomeProbabilities(params.theta),
      estimates: series.map((s) => new Float64Array(s.runs)),
    }),
    run: (acc: ShotNoiseAcc, from: number, to: number): void => {
      for (let u = from; u < to; u++) {
        const s = seriesOf(u);
        const r = u - offsets[s];
        acc.estimates[s][r] = runEstimate(acc.probs, series[s].shots, params.seed, r);
      }
    },
    view: (acc: ShotNoiseAcc, done: number): SeriesData[] =>
      series.map((s, i) => ({
        ...s,
        estimates: acc.estimates[i].slice(0, Math.max(0, Math.min(s.runs, done - offsets[i]))),
      })),
  };
}
