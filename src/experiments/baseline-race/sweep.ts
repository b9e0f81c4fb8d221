/**
 * The knob sweep behind the "Turn the knobs" step: the VQC is retrained for every combination of
 * seed × encoding × depth × feature scaling, the classical models for every seed × scaling (they have
 * no encoding or depth), and each run's final accuracies are returned for a strip plot.
 *
 * Seeds are seed, seed + 1, …, seed + replicates − 1: each one draws a new dataset, split,
 * initialisation, batch order and shot record. Accuracy is measured once, after the last epoch.
 */
import { SCALINGS, type Scaling } from '../../ml/datasets';
import { throwIfAborted } from '../abort';
import type { ExperimentResult } from '../types';
import { checkProblemParams, intIn } from '../../ml/validate';
import { DEFAULT_RACE_PARAMS } from './race';
import { RACE_VERSION } from './version';
import {
  ZERO_COST,
  addCost,
  buildProblem,
  type ModelCost,
  type ModelId,
  type ModelRunner,
  type ProblemParams,
  type ModelOverrides,
  withModelOverrides,
} from '../../ml/runners';
import { VQC_ENCODINGS, type VqcEncoding } from '../../ml/vqc';

export interface SweepParams extends Omit<ProblemParams, 'scaling' | 'classicalScaling'> {
  /** Number of seeds (seed, seed + 1, …). */
  replicates: number;
  encodings: VqcEncoding[];
  /** VQC layer counts. */
  depths: number[];
  /** Feature scalings, applied to every model in that run. */
  scalings: Scaling[];
}

export const DEFAULT_SWEEP_PARAMS: SweepParams = {
  dataset: 'moons',
  n: 100,
  noise: 0.15,
  seed: 1,
  trainFraction: 0.7,
  epochs: 30,
  batchSize: 10,
  // The race's three models, retrained along the knobs below.
  vqc: { ...DEFAULT_RACE_PARAMS.vqc },
  logistic: { ...DEFAULT_RACE_PARAMS.logistic },
  mlp: { ...DEFAULT_RACE_PARAMS.mlp },
  replicates: 4,
  encodings: ['angle', 'zz'],
  depths: [1, 3],
  scalings: ['minmax-pi', 'standard'],
};

export type SweepOverrides = ModelOverrides<SweepParams>;

export function sweepParams(overrides: SweepOverrides = {}): SweepParams {
  return withModelOverrides(DEFAULT_SWEEP_PARAMS, overrides);
}

export function checkSweepParams(p: SweepParams): void {
  intIn('replicates', p.replicates, 1, 50);
  const nonEmpty = (name: string, a: readonly unknown[]) => {
    if (!Array.isArray(a) || a.length === 0) throw new RangeError(`${name} must list at least one value`);
  };
  nonEmpty('encodings', p.encodings);
  nonEmpty('depths', p.depths);
  nonEmpty('scalings', p.scalings);
  for (const e of p.encodings)
    if (!(VQC_ENCODINGS as readonly string[]).includes(e)) throw new RangeError(`unknown VQC encoding '${e}'`);
  for (const s of p.scalings)
    if (!(SCALINGS as readonly string[]).includes(s)) throw new RangeError(`unknown scaling '${s}'`);
  for (const d of p.depths) intIn('depth', d, 1, 12);
  for (let r = 0; r < p.replicates; r++) {
    for (const scaling of p.scalings) checkProblemParams(problemFor(p, r, scaling, p.encodings[0], p.depths[0]));
  }
}

export interface SweepRun {
  model: ModelId;
  seed: number;
  scaling: Scaling;
  /** VQC only (null for the classical models). */
  encoding: VqcEncoding | null;
  depth: number | null;
  parameters: number;
  trainAccuracy: number;
  testAccuracy: number;
  /** Training loss of the last epoch. */
  finalLoss: number;
  cost: ModelCost;
  /** Wall-clock milliseconds (not reproducible). */
  ms: number;
}

export interface SweepData {
  runs: SweepRun[];
  /** Runs planned in total (runs.length when complete). */
  total: number;
  complete: boolean;
  /**
   * Runs are planned seed by seed (every setting for the first seed, then the next seed, …), so each
   * prefix of the plan is a complete strip plot with fewer seeds: level = seeds whose every run is in,
   * target = replicates.
   */
  refinement: { level: number; target: number; label: string };
}

/** Planned runs per seed: for each scaling, the two classical models and the VQC's encodings × depths. */
export function runsPerReplicate(p: SweepParams): number {
  return p.scalings.length * (2 + p.encodings.length * p.depths.length);
}

/** The summary of the runs computed so far; `indices[i]` is the plan index of `runs[i]` (default: a prefix). */
export function sweepData(p: SweepParams, runs: SweepRun[], indices?: readonly number[]): SweepData {
  const per = runsPerReplicate(p);
  const total = per * p.replicates;
  const seen = new Array<number>(p.replicates).fill(0);
  (indices ?? runs.map((_, i) => i)).forEach((k) => {
    seen[Math.floor(k / per)]++;
  });
  const level = seen.filter((c) => c === per).length;
  const label =
    level === p.replicates
      ? `${p.replicates} seeds per setting`
      : `${level} of ${p.replicates} seeds per setting so far (${runs.length} of ${total} runs)`;
  return { runs, total, complete: runs.length === total, refinement: { level, target: p.replicates, label } };
}

export type SweepResult = ExperimentResult<SweepData, SweepParams>;

export interface SweepContext {
  onProgress?(done: number, total: number, partial?: SweepData): void;
  signal?: AbortSignal;
}

export const SWEEP_METHOD =
  'For each seed and feature scaling: logistic regression and the MLP trained once; the VQC trained for each encoding × depth ' +
  '(finite shots, parameter-shift gradients, Adam). Test accuracy measured once after the last epoch (VQC with shots).';

function problemFor(p: SweepParams, r: number, scaling: Scaling, encoding: VqcEncoding, depth: number): ProblemParams {
  const { replicates: _r, encodings: _e, depths: _d, scalings: _s, ...base } = p;
  return { ...base, seed: p.seed + r, scaling, classicalScaling: scaling, vqc: { ...p.vqc, encoding, layers: depth } };
}

interface PlannedRun {
  model: ModelId;
  problem: ProblemParams;
}

/** Every run, in execution order: per seed, per scaling, the two classical models then the VQC grid. */
export function planSweep(p: SweepParams): PlannedRun[] {
  const runs: PlannedRun[] = [];
  for (let r = 0; r < p.replicates; r++) {
    for (const scaling of p.scalings) {
      const classical = problemFor(p, r, scaling, p.encodings[0], p.depths[0]);
      runs.push({ model: 'logistic', problem: classical }, { model: 'mlp', problem: classical });
      for (const encoding of p.encodings) {
        for (const depth of p.depths) runs.push({ model: 'vqc', problem: problemFor(p, r, scaling, encoding, depth) });
      }
    }
  }
  return runs;
}

function trainToEnd<S>(
  runner: ModelRunner<S>,
  epochs: number,
): Omit<SweepRun, 'model' | 'seed' | 'scaling' | 'encoding' | 'depth'> {
  const t0 = globalThis.performance.now();
  const state = runner.init();
  let cost = ZERO_COST,
    loss = NaN;
  for (let e = 0; e < epochs; e++) {
    const t = runner.train(state, e);
    cost = addCost(cost, t.cost);
    loss = t.loss;
  }
  const ev = runner.evaluate(state, epochs - 1);
  cost = addCost(cost, ev.cost);
  return {
    parameters: runner.parameters,
    trainAccuracy: ev.trainAccuracy,
    testAccuracy: ev.testAccuracy,
    finalLoss: loss,
    cost,
    ms: globalThis.performance.now() - t0,
  };
}

export function runPlanned(run: PlannedRun): SweepRun {
  const { runners } = buildProblem(run.problem);
  const r = run.problem;
  const out =
    run.model === 'vqc'
      ? trainToEnd(runners.vqc, r.epochs)
      : run.model === 'logistic'
        ? trainToEnd(runners.logistic, r.epochs)
        : trainToEnd(runners.mlp, r.epochs);
  return {
    model: run.model,
    seed: r.seed,
    scaling: r.scaling,
    encoding: run.model === 'vqc' ? r.vqc.encoding : null,
    depth: run.model === 'vqc' ? r.vqc.layers : null,
    ...out,
  };
}

function finish(p: SweepParams, runs: SweepRun[]): SweepResult {
  return {
    data: sweepData(p, runs),
    meta: { seed: p.seed, params: structuredClone(p), method: SWEEP_METHOD, version: RACE_VERSION },
  };
}

/** Synchronous sweep (the experiment contract); checks the signal between runs. */
export function runKnobSweep(params: SweepParams, ctx: SweepContext = {}): SweepResult {
  checkSweepParams(params);
  const plan = planSweep(params);
  const runs: SweepRun[] = [];
  for (const planned of plan) {
    throwIfAborted(ctx.signal);
    runs.push(runPlanned(planned));
    ctx.onProgress?.(runs.length, plan.length, sweepData(params, runs.slice()));
  }
  return finish(params, runs);
}
