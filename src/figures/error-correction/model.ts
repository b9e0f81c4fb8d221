/**
 * What error correction costs: a closed-form model, cheap enough to evaluate during render.
 *
 * - Fowler et al. 2012 (arXiv:1208.0928, Eq. 11): logical error per round P_L(d, p) = A·(p/p_th)^((d+1)/2),
 *   A = 0.03, p_th = 0.57 %, for odd code distance d ≥ 3.
 * - Google 2024 (arXiv:2408.13687): measured suppression Λ = ε_d/ε_{d+2} = 2.14, ε_7 = 0.143 % per cycle;
 *   extrapolated as ε_d = ε_7·Λ^(−(d−7)/2) (the article's prose uses the same formula).
 * - Physical qubits per logical qubit: 2d² − 1 (rotated surface code: d² data + d² − 1 measure qubits).
 * All constants come from content/data/qec.json (with source and date). No DOM, no React.
 */
import qec from '../../../content/data/qec.json';
import devicesData from '../../../content/data/devices.json';
import type { ErrorCorrectionParams } from './meta';
import { clampStep } from '../../story/steps';
import { pow10 } from '../../format';

export { ERROR_CORRECTION_DEFAULTS, type ErrorCorrectionParams } from './meta';

export const QEC = qec;
export const A = qec.fowler.A;
export const P_TH = qec.fowler.pThreshold;
export const LAMBDA = qec.willow.lambda;
export const EPS7 = qec.willow.logicalErrorPerCycle;
export const D7 = qec.willow.distance;
export const CYCLE_US = qec.willow.cycle_us;
export const LAST_STEP = 2;
/** Largest code distance the figure searches. */
export const D_MAX = 401;
/** Failure budget of one circuit run (one shot) in the workload step: 1 %. */
export const SHOT_FAILURE_BUDGET = 0.01;

/** The largest processor in content/data/devices.json (for scale). */
export const LARGEST_DEVICE = (devicesData.devices as { name: string; qubits: number; date: string }[]).reduce(
  (a, b) => (b.qubits > a.qubits ? b : a),
);

/** Physical qubits of one distance-d patch in the rotated layout. */
export function qubitsPerLogical(d: number): number {
  return 2 * d * d - 1;
}

/** Fowler et al.: logical error per round at distance d and physical error rate p. */
export function fowlerLogicalError(d: number, p: number): number {
  return A * (p / P_TH) ** ((d + 1) / 2);
}

/** Willow extrapolation: ε_d = ε_7·Λ^(−(d−7)/2). */
export function willowLogicalError(d: number): number {
  return EPS7 * LAMBDA ** (-(d - D7) / 2);
}

/** The suppression factor of the Fowler model, Λ = p_th/p. */
export function fowlerLambda(p: number): number {
  return P_TH / p;
}

/** The physical error rate at which the Fowler model's Λ equals Willow's measured Λ. */
export const WILLOW_EQUIVALENT_P = P_TH / LAMBDA;

export type ErrorModel = (d: number) => number;

/** Smallest odd d ≥ 3 with model(d) ≤ target, or null when none up to D_MAX (p at or above threshold). */
export function distanceFor(model: ErrorModel, target: number): number | null {
  for (let d = 3; d <= D_MAX; d += 2) if (model(d) <= target) return d;
  return null;
}

/**
 * Smallest odd d for a workload whose every shot must succeed with probability ≥ 1 − budget:
 * K logical qubits × L logical layers × d cycles per layer × ε_d ≤ budget.
 */
export function distanceForWorkload(
  model: ErrorModel,
  logical: number,
  layers: number,
  budget = SHOT_FAILURE_BUDGET,
): number | null {
  for (let d = 3; d <= D_MAX; d += 2) if (logical * layers * d * model(d) <= budget) return d;
  return null;
}

export interface Requirement {
  label: string;
  distance: number | null;
  logicalError: number | null;
  perLogical: number | null;
  total: number | null;
}

function requirement(label: string, model: ErrorModel, d: number | null, logical: number): Requirement {
  return d === null
    ? { label, distance: null, logicalError: null, perLogical: null, total: null }
    : {
        label,
        distance: d,
        logicalError: model(d),
        perLogical: qubitsPerLogical(d),
        total: logical * qubitsPerLogical(d),
      };
}

export interface Workload {
  logical: number;
  layers: number;
  parameters: number;
  shots: number;
  steps: number;
  /** Circuits per gradient by the parameter-shift rule: 2P. */
  circuitsPerGradient: number;
  totalShots: number;
}

export function workloadOf(p: ErrorCorrectionParams): Workload {
  const circuitsPerGradient = 2 * p.parameters;
  return {
    logical: p.logical,
    layers: p.layers,
    parameters: p.parameters,
    shots: p.shots,
    steps: p.steps,
    circuitsPerGradient,
    totalShots: circuitsPerGradient * p.shots * p.steps,
  };
}

/** Wall-clock time of a workload at distance d: every shot runs L logical layers of d cycles each. */
export function workloadSeconds(w: Workload, d: number): number {
  return w.totalShots * w.layers * d * CYCLE_US * 1e-6;
}

export interface EcState {
  step: number;
  /** Logical qubits counted at this step (1 at step 0). */
  logical: number;
  /** Target per logical qubit per cycle at steps 0–1; at step 2 it follows from the workload. */
  targets: number[];
  willow: Requirement[];
  fowler: Requirement[];
  workload: Workload | null;
  /** Step 2: seconds for the whole training run with the Fowler and the Willow distance. */
  seconds: { fowler: number | null; willow: number | null };
}

/** Everything a step shows. Step 0: one logical qubit at 10^−target and 10^−12; 1: the K-qubit machine; 2: the workload. */
export function ecState(step: number, p: ErrorCorrectionParams): EcState {
  const s = clampStep(step, LAST_STEP);
  const fowler: ErrorModel = (d) => fowlerLogicalError(d, p.p);
  const willow: ErrorModel = willowLogicalError;
  const logical = s === 0 ? 1 : p.logical;
  if (s < 2) {
    const targets = s === 0 ? [...new Set([10 ** -p.target, 1e-12])].sort((a, b) => b - a) : [10 ** -p.target];
    return {
      step: s,
      logical,
      targets,
      willow: targets.map((t) => requirement(`Willow Λ, ${fmtE(t)}`, willow, distanceFor(willow, t), logical)),
      fowler: targets.map((t) =>
        requirement(`Fowler, p = ${fmtP(p.p)}, ${fmtE(t)}`, fowler, distanceFor(fowler, t), logical),
      ),
      workload: null,
      seconds: { fowler: null, willow: null },
    };
  }
  const w = workloadOf(p);
  const dw = distanceForWorkload(willow, w.logical, w.layers);
  const df = distanceForWorkload(fowler, w.logical, w.layers);
  const targetOf = (d: number | null) => (d === null ? NaN : SHOT_FAILURE_BUDGET / (w.logical * w.layers * d));
  return {
    step: s,
    logical,
    targets: [targetOf(dw), targetOf(df)],
    willow: [requirement('Willow Λ, workload', willow, dw, logical)],
    fowler: [requirement(`Fowler, p = ${fmtP(p.p)}, workload`, fowler, df, logical)],
    workload: w,
    seconds: {
      fowler: df === null ? null : workloadSeconds(w, df),
      willow: dw === null ? null : workloadSeconds(w, dw),
    },
  };
}

/** Qubits per machine against physical error rate (Fowler model), for the curve of steps 1–2. */
export function qubitsVsP(
  target: (d: number) => number,
  logical: number,
  pMin = 1e-4,
  pMax = P_TH * 0.98,
  n = 80,
): { p: number; d: number; total: number }[] {
  const out: { p: number; d: number; total: number }[] = [];
  for (let i = 0; i < n; i++) {
    const pp = pMin * (pMax / pMin) ** (i / (n - 1));
    let d: number | null = null;
    for (let dd = 3; dd <= D_MAX; dd += 2)
      if (fowlerLogicalError(dd, pp) <= target(dd)) {
        d = dd;
        break;
      }
    if (d !== null) out.push({ p: pp, d, total: logical * qubitsPerLogical(d) });
  }
  return out;
}

export function fmtE(x: number): string {
  if (!Number.isFinite(x)) return '–';
  const e = Math.floor(Math.log10(x) + 1e-9);
  const m = x / 10 ** e;
  return Math.abs(m - 1) < 1e-6 ? pow10(e) : `${m.toFixed(1)}×${pow10(e)}`;
}

export function fmtP(p: number): string {
  return `${Number((p * 100).toPrecision(3))}%`;
}
