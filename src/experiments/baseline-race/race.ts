/**
 * The baseline race: a variational quantum classifier, logistic regression and a small MLP trained
 * side by side on the same seeded split, epoch by epoch, with their accuracy and their work
 * (circuits, shots, FLOPs, wall-clock time) recorded after every epoch, and their final decision
 * functions sampled on a grid over the plane.
 *
 * Three ways to drive it, all computing the same numbers:
 * - `runRace(params, ctx)`      synchronous, the experiment contract of ARCHITECTURE.md; checks
 *                               `ctx.signal` between epochs (throws src/experiments' AbortError); `ctx.untilEpoch` pauses early and the
 *                               result's `data.checkpoint` (plain JSON) resumes it via `ctx.resumeFrom`.
 * - `runRaceAsync(params, ctx)` the same, but yields to the event loop between epochs, so a worker
 *                               can receive a cancel message (abort its controller) mid-run.
 * - `raceSteps(params, from?)`  a generator yielding partial data after every epoch.
 * An epoch's randomness depends only on (seed, model, epoch), so pausing/resuming never changes
 * the outcome. Wall-clock milliseconds (`ms`) are the only non-deterministic numbers in the result.
 */
import { TWO_FEATURE_CIRCUIT } from '../../ml/two-feature-circuit';
import { boundingBox, type DatasetKind, type Point } from '../../ml/datasets';
import { throwIfAborted, yieldToEventLoop } from '../abort';
import type { ExperimentResult } from '../types';
import { checkProblemParams, intIn } from '../../ml/validate';
import { RACE_VERSION } from './version';
import {
  ZERO_COST,
  addCost,
  buildProblem,
  runEpoch,
  type ModelCost,
  type ModelId,
  type ModelRunner,
  type Problem,
  type ProblemParams,
  type ModelOverrides,
  withModelOverrides,
} from '../../ml/runners';
import type { VqcState } from '../../ml/vqc';
import type { LogisticState } from '../../ml/logistic';
import type { MlpState } from '../../ml/mlp';

export interface RaceParams extends ProblemParams {
  /** Decision-boundary grid resolution (gridSize × gridSize points over the data's bounding box). */
  gridSize: number;
  /** Also sample the decision grids every this many epochs during the run (0 = only at the end). */
  gridEvery: number;
}

export const DEFAULT_RACE_PARAMS: RaceParams = {
  dataset: 'moons',
  n: 120,
  noise: 0.15,
  seed: 1,
  trainFraction: 0.7,
  scaling: 'minmax-pi',
  classicalScaling: 'standard',
  epochs: 40,
  batchSize: 10,
  vqc: {
    ...TWO_FEATURE_CIRCUIT,
    shots: 100,
    learningRate: 0.1,
  },
  logistic: { degree: 3, optimizer: 'adam', learningRate: 0.1 },
  mlp: { hidden: 3, learningRate: 0.1 },
  gridSize: 40,
  gridEvery: 0,
};

export type RaceOverrides = ModelOverrides<RaceParams>;

/** Defaults with overrides merged in (one level deep for the model settings). */
export function raceParams(overrides: RaceOverrides = {}): RaceParams {
  return withModelOverrides(DEFAULT_RACE_PARAMS, overrides);
}

export function checkRaceParams(p: RaceParams): void {
  checkProblemParams(p);
  intIn('gridSize', p.gridSize, 2, 200);
  intIn('gridEvery', p.gridEvery, 0, 1000);
}

/** Per-model numbers after an epoch; cost and ms are cumulative since the start of the run. */
export interface ModelEpoch {
  loss: number;
  trainAccuracy: number;
  testAccuracy: number;
  cost: ModelCost;
  /** Wall-clock milliseconds spent on this model so far (training + evaluation). Not reproducible. */
  ms: number;
}

export interface RaceEpoch {
  /** 1-based: the number of epochs completed. */
  epoch: number;
  models: Record<ModelId, ModelEpoch>;
}

/**
 * P(class 1) sampled on a lattice in raw data coordinates: values[j·nx + i] is the prediction at
 * (x0 + i·(x1 − x0)/(nx − 1), y0 + j·(y1 − y0)/(ny − 1)), so row 0 is the bottom edge (y0).
 * The VQC's grid uses exact expectation values (its decision function without shot noise); grid
 * evaluations are not counted as work.
 */
export interface DecisionGrid {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  nx: number;
  ny: number;
  values: number[];
}

export interface RaceCheckpoint {
  version: string;
  params: RaceParams;
  /** Epochs completed. */
  epoch: number;
  states: { vqc: VqcState; logistic: LogisticState; mlp: MlpState };
  history: RaceEpoch[];
}

export interface ModelInfo {
  label: string;
  parameters: number;
  description: string;
}

export interface RaceData {
  dataset: {
    kind: DatasetKind;
    /** Raw (unscaled) coordinates and 0/1 labels. */
    train: { points: Point[]; labels: number[] };
    test: { points: Point[]; labels: number[] };
    /** The region the decision grids cover. */
    box: { x0: number; x1: number; y0: number; y1: number };
  };
  models: Record<ModelId, ModelInfo>;
  epochs: RaceEpoch[];
  /** The latest decision grids (always present once the race is complete or paused), or null. */
  grids: Record<ModelId, DecisionGrid> | null;
  /** The epoch the grids were sampled at (0 if none yet). */
  gridsEpoch: number;
  complete: boolean;
  /** Resume from here with `runRace(params, { resumeFrom: checkpoint })`. */
  checkpoint: RaceCheckpoint;
}

export type RaceResult = ExperimentResult<RaceData, RaceParams>;

export interface RaceContext {
  /** Called after every epoch with the partial data. */
  onProgress?(done: number, total: number, partial?: RaceData): void;
  /**
   * Called after every epoch with the count only: a heartbeat that builds no partial data (a partial copies
   * the whole history and checkpoint, ~15% of the race's time when done every epoch).
   */
  onEpoch?(done: number, total: number): void;
  signal?: AbortSignal;
  /** Continue a paused run (params must be identical to the checkpoint's). */
  resumeFrom?: RaceCheckpoint;
  /** Pause once this many epochs are complete (returns `complete: false` and a checkpoint). */
  untilEpoch?: number;
}

export const RACE_METHOD =
  'Same seeded stratified split for all models; mini-batch training for a fixed number of epochs. ' +
  'VQC on the project state-vector simulator: ⟨Z₀⟩ estimated from finite shots, gradients by the parameter-shift rule ' +
  '(1 + 2P circuits per training example per epoch, plus one circuit per point to measure accuracy). ' +
  'Logistic regression and MLP in double precision with exact FLOP counts (each +, −, ×, ÷, max/abs and elementary function = 1).';

const now = (): number => globalThis.performance.now();

const clone = <T>(v: T): T => structuredClone(v);

function sameParams(a: RaceParams, b: RaceParams): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Runs epochs on live model states; all state needed to continue is in `checkpoint()`. */
export class RaceRun {
  readonly params: RaceParams;
  private readonly problem: Problem;
  private readonly box: RaceData['dataset']['box'];
  private cp: RaceCheckpoint;
  private grids: Record<ModelId, DecisionGrid> | null = null;
  private gridsEpoch = 0;

  constructor(params: RaceParams, resumeFrom?: RaceCheckpoint) {
    checkRaceParams(params);
    this.params = clone(params);
    this.problem = buildProblem(this.params);
    const { runners } = this.problem;
    if (resumeFrom) {
      if (resumeFrom.version !== RACE_VERSION)
        throw new Error(`checkpoint version ${resumeFrom.version} does not match ${RACE_VERSION}`);
      if (!sameParams(resumeFrom.params, this.params)) throw new Error('checkpoint was made with different parameters');
      this.cp = clone(resumeFrom);
    } else {
      this.cp = {
        version: RACE_VERSION,
        params: clone(this.params),
        epoch: 0,
        states: { vqc: runners.vqc.init(), logistic: runners.logistic.init(), mlp: runners.mlp.init() },
        history: [],
      };
    }
    const raw = this.problem.classicalData.raw;
    this.box = boundingBox([...raw.trainX, ...raw.testX], 0.1);
  }

  get epoch(): number {
    return this.cp.epoch;
  }
  get done(): boolean {
    return this.cp.epoch >= this.params.epochs;
  }

  /** Trains every model for one more epoch and records the result. */
  step(): RaceEpoch {
    if (this.done) throw new Error('the race is already complete');
    const e = this.cp.epoch;
    const prev = this.cp.history[e - 1];
    const { runners } = this.problem;
    const { states } = this.cp;
    const models = {
      vqc: advance(runners.vqc, states.vqc, e, prev?.models.vqc),
      logistic: advance(runners.logistic, states.logistic, e, prev?.models.logistic),
      mlp: advance(runners.mlp, states.mlp, e, prev?.models.mlp),
    };
    const record: RaceEpoch = { epoch: e + 1, models };
    this.cp.history.push(record);
    this.cp.epoch = e + 1;
    if (this.params.gridEvery > 0 && this.cp.epoch % this.params.gridEvery === 0) this.sampleGrids();
    return record;
  }

  /** Samples every model's decision function on the grid (at the current epoch). */
  sampleGrids(): Record<ModelId, DecisionGrid> {
    const { runners } = this.problem;
    const { states } = this.cp;
    const n = this.params.gridSize;
    this.grids = {
      vqc: sampleGrid(runners.vqc, states.vqc, this.box, n),
      logistic: sampleGrid(runners.logistic, states.logistic, this.box, n),
      mlp: sampleGrid(runners.mlp, states.mlp, this.box, n),
    };
    this.gridsEpoch = this.cp.epoch;
    return this.grids;
  }

  checkpoint(): RaceCheckpoint {
    return clone(this.cp);
  }

  /** The data so far; `withFinalGrids` samples the grids now unless they are current. */
  data(withFinalGrids: boolean): RaceData {
    if (withFinalGrids && (this.grids === null || this.gridsEpoch !== this.cp.epoch)) this.sampleGrids();
    const raw = this.problem.classicalData.raw;
    const { runners } = this.problem;
    const info = (r: ModelRunner<unknown>): ModelInfo => ({
      label: r.label,
      parameters: r.parameters,
      description: r.description,
    });
    return {
      dataset: {
        kind: this.params.dataset,
        train: { points: clone(raw.trainX), labels: raw.trainY.slice() },
        test: { points: clone(raw.testX), labels: raw.testY.slice() },
        box: { ...this.box },
      },
      models: {
        vqc: info(runners.vqc as ModelRunner<unknown>),
        logistic: info(runners.logistic as ModelRunner<unknown>),
        mlp: info(runners.mlp as ModelRunner<unknown>),
      },
      epochs: clone(this.cp.history),
      grids: this.grids ? clone(this.grids) : null,
      gridsEpoch: this.grids ? this.gridsEpoch : 0,
      complete: this.done,
      checkpoint: this.checkpoint(),
    };
  }

  result(): RaceResult {
    return {
      data: this.data(true),
      meta: { seed: this.params.seed, params: clone(this.params), method: RACE_METHOD, version: RACE_VERSION },
    };
  }
}

function advance<S>(runner: ModelRunner<S>, state: S, epoch: number, prev: ModelEpoch | undefined): ModelEpoch {
  const t0 = now();
  const out = runEpoch(runner, state, epoch);
  const ms = now() - t0;
  return {
    loss: out.loss,
    trainAccuracy: out.trainAccuracy,
    testAccuracy: out.testAccuracy,
    cost: addCost(prev?.cost ?? ZERO_COST, out.cost),
    ms: (prev?.ms ?? 0) + ms,
  };
}

export function sampleGrid<S>(
  runner: ModelRunner<S>,
  state: S,
  box: RaceData['dataset']['box'],
  size: number,
): DecisionGrid {
  const values: number[] = [];
  const dx = (box.x1 - box.x0) / (size - 1),
    dy = (box.y1 - box.y0) / (size - 1);
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) values.push(runner.proba(state, [box.x0 + i * dx, box.y0 + j * dy]));
  }
  return { ...box, nx: size, ny: size, values };
}

/** Yields the partial data after every epoch; returns the complete result (with final grids). */
export function* raceSteps(params: RaceParams, resumeFrom?: RaceCheckpoint): Generator<RaceData, RaceResult, void> {
  const run = new RaceRun(params, resumeFrom);
  while (!run.done) {
    run.step();
    yield run.data(false);
  }
  return run.result();
}

function target(params: RaceParams, ctx: RaceContext): number {
  if (ctx.untilEpoch === undefined) return params.epochs;
  intIn('untilEpoch', ctx.untilEpoch, 0, params.epochs);
  return ctx.untilEpoch;
}

/** Synchronous race (the experiment contract). Pauses at `ctx.untilEpoch` if given. */
export function runRace(params: RaceParams, ctx: RaceContext = {}): RaceResult {
  const run = new RaceRun(params, ctx.resumeFrom);
  const stop = target(params, ctx);
  while (run.epoch < stop) {
    throwIfAborted(ctx.signal);
    run.step();
    ctx.onProgress?.(run.epoch, params.epochs, run.data(false));
    ctx.onEpoch?.(run.epoch, params.epochs);
  }
  return run.result();
}

/** As `runRace`, yielding to the event loop between epochs so an AbortSignal can fire mid-run. */
export async function runRaceAsync(params: RaceParams, ctx: RaceContext = {}): Promise<RaceResult> {
  const run = new RaceRun(params, ctx.resumeFrom);
  const stop = target(params, ctx);
  while (run.epoch < stop) {
    await yieldToEventLoop();
    throwIfAborted(ctx.signal);
    run.step();
    ctx.onProgress?.(run.epoch, params.epochs, run.data(false));
    ctx.onEpoch?.(run.epoch, params.epochs);
  }
  return run.result();
}
