/** Words and tables of the error-correction figure, built from the current model state. */
import { formatNumberOr, tableOf, type DataTable } from '../../story/data';
import type { ErrorCorrectionParams } from './meta';
import {
  A,
  CYCLE_US,
  D7,
  EPS7,
  LAMBDA,
  LARGEST_DEVICE,
  P_TH,
  QEC,
  SHOT_FAILURE_BUDGET,
  WILLOW_EQUIVALENT_P,
  fmtE,
  fmtP,
  fowlerLambda,
  fowlerLogicalError,
  qubitsPerLogical,
  willowLogicalError,
  type EcState,
  type Requirement,
} from './model';
import { fmtDuration, fmtInt } from '../../format';

const n = (v: number | null) => (v === null ? '–' : fmtInt(v));

function reqSentence(r: Requirement, logical: number): string {
  if (r.distance === null) return 'reaches it at no distance up to 401';
  const per = `${fmtInt(r.perLogical!)} physical qubits per logical qubit`;
  return logical === 1
    ? `needs distance ${r.distance}, ${per}`
    : `needs distance ${r.distance}: ${per}, ${fmtInt(r.total!)} for ${fmtInt(logical)} logical qubits`;
}

export function ecSummary(st: EcState, p: ErrorCorrectionParams): string {
  const largest = `Today's largest processor in our device list, ${LARGEST_DEVICE.name}, has ${fmtInt(LARGEST_DEVICE.qubits)} qubits.`;
  if (st.step === 0) {
    const parts = st.targets.map(
      (t, i) =>
        `For a logical error of ${fmtE(t)} per cycle, extrapolating Willow's measured Λ = ${LAMBDA} ${reqSentence(st.willow[i], 1)}; Fowler's model at p = ${fmtP(p.p)} (Λ = ${fowlerLambda(p.p).toFixed(1)}) ${reqSentence(st.fowler[i], 1)}.`,
    );
    return `One logical qubit in the rotated surface code uses 2d² − 1 physical qubits. ${parts.join(' ')} ${largest}`;
  }
  if (st.step === 1) {
    return `A machine of ${fmtInt(st.logical)} logical qubits at ${fmtE(st.targets[0])} logical error per cycle each: extrapolating Willow's Λ = ${LAMBDA} ${reqSentence(st.willow[0], st.logical)}; Fowler's model at p = ${fmtP(p.p)} ${reqSentence(st.fowler[0], st.logical)}. ${largest}`;
  }
  const w = st.workload!;
  const time = (s: number | null) => (s === null ? 'never finishes' : `takes ${fmtDuration(s)}`);
  return `A training run of ${fmtInt(w.steps)} gradient steps, each ${fmtInt(w.circuitsPerGradient)} circuits (parameter shift, ${fmtInt(w.parameters)} parameters) of ${fmtInt(w.shots)} shots, on ${fmtInt(w.logical)} logical qubits with ${fmtInt(w.layers)} logical layers per circuit (${fmtInt(w.totalShots)} shots in all). For each shot to fail with at most ${SHOT_FAILURE_BUDGET * 100}% probability, extrapolating Willow's Λ ${reqSentence(st.willow[0], w.logical)}, and the run ${time(st.seconds.willow)}; Fowler's model at p = ${fmtP(p.p)} ${reqSentence(st.fowler[0], w.logical)}, and the run ${time(st.seconds.fowler)} (a logical layer takes d cycles of ${CYCLE_US} µs). ${largest}`;
}

export function ecTable(st: EcState): DataTable {
  const requirements = st.targets.flatMap((target, i) =>
    [st.willow[i], st.fowler[i]].flatMap((r) => (r ? [{ target, ...r }] : [])),
  );
  return tableOf(requirements, [
    { key: 'model', value: (r) => r.label },
    { key: 'target', label: 'target logical error per cycle', format: formatNumberOr(fmtE) },
    { key: 'distance', label: 'code distance d' },
    { key: 'logicalError', label: 'logical error at d', format: formatNumberOr((x) => x.toExponential(2)) },
    { key: 'perLogical', label: 'physical qubits per logical (2d² − 1)', format: (v) => n(v as number | null) },
    { key: 'total', label: 'physical qubits in all', format: (v) => n(v as number | null) },
  ]);
}

/** The download: logical error per cycle for both models at every odd distance 3…99. */
export function ecDownload(p: ErrorCorrectionParams): DataTable {
  const rows: Record<string, number>[] = [];
  for (let d = 3; d <= 99; d += 2) {
    rows.push({ d, qubits: qubitsPerLogical(d), willow: willowLogicalError(d), fowler: fowlerLogicalError(d, p.p) });
  }
  return {
    columns: [
      { key: 'd', label: 'code distance d' },
      { key: 'qubits', label: 'physical qubits per logical qubit (2d^2 - 1)' },
      { key: 'willow', label: 'logical error per cycle, Willow Lambda extrapolation' },
      { key: 'fowler', label: `logical error per round, Fowler model at p = ${p.p}` },
    ],
    rows,
  };
}

export function ecMethod(p: ErrorCorrectionParams, st: EcState) {
  return {
    text:
      `Closed-form model, evaluated in your browser. Fowler et al. (2012): logical error per round P_L = A·(p/p_th)^((d+1)/2) with A = ${A} and p_th = ${fmtP(P_TH)} ` +
      `(their fit for the planar surface code under circuit-level depolarizing noise), so each step d → d + 2 divides P_L by Λ = p_th/p. ` +
      `Willow (Google 2024): measured Λ = ${LAMBDA} ± ${QEC.willow.lambdaUncertainty} and ε_${D7} = ${fmtP(EPS7)} per cycle, extrapolated as ε_d = ε_${D7}·Λ^(−(d−${D7})/2) — an assumption that Λ holds at larger d. ` +
      `(The two agree at d = 7: Fowler's formula at p = p_th/Λ = ${fmtP(WILLOW_EQUIVALENT_P)} gives ${fmtP(fowlerLogicalError(7, WILLOW_EQUIVALENT_P))}.) ` +
      `Qubits per logical qubit: 2d² − 1 in the rotated surface code (d² data and d² − 1 measure qubits); the unrotated layout Fowler analysed needs (2d − 1)². ` +
      `Not counted: routing between patches, magic-state factories for non-Clifford gates, and classical decoding hardware, so every count is a lower bound. ` +
      (st.step === 2
        ? `Workload: each shot is one circuit of L logical layers, each layer d code cycles of ${CYCLE_US} µs; d is the smallest odd distance with K·L·d·ε_d ≤ ${SHOT_FAILURE_BUDGET}; gradients by the parameter-shift rule, 2P circuits each; the layers, parameters, shots and steps are illustrative assumptions you can change, not a published model.`
        : 'The distance is the smallest odd d whose logical error per cycle is at or below the target.'),
    params: {
      'physical error rate p (Fowler)': p.p,
      'target (steps 1–2)': fmtE(10 ** -p.target),
      'logical qubits': p.logical,
      'logical layers per circuit': p.layers,
      'trainable parameters': p.parameters,
      'shots per circuit': p.shots,
      'training steps': p.steps,
    },
    seed: 0,
    sources: [
      { label: QEC.fowler.source, href: 'https://arxiv.org/abs/1208.0928' },
      { label: `${QEC.willow.source} (${QEC.willow.date})`, href: 'https://arxiv.org/abs/2408.13687' },
      { label: `Largest processor: ${LARGEST_DEVICE.name}, content/data/devices.json (${LARGEST_DEVICE.date})` },
    ],
  };
}
