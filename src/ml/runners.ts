/**
 * One uniform "runner" per model (VQC, logistic regression, MLP) on one prepared split, so that the
 * race and the knob sweep drive them the same way: init → train(e) / evaluate(e) → … → proba(raw point).
 * Every source of randomness is `deriveSeed(seed, model, purpose, epoch)`, so an epoch's result
 * depends only on the state before it and the epoch index: a run resumed from a checkpoint
 * continues exactly as the uninterrupted run would have.
 */
import {
  makeDataset,
  prepareData,
  applyScaler,
  type DatasetKind,
  type Point,
  type PreparedData,
  type Scaling,
} from './datasets';
import { streamSeed } from './common';
import {
  logisticEvaluate,
  logisticInit,
  logisticParamCount,
  logisticProba,
  logisticTrainEpoch,
  type LogisticConfig,
  type LogisticState,
} from './logistic';
import { mlpEvaluate, mlpInit, mlpParamCount, mlpProba, mlpTrainEpoch, type MlpConfig, type MlpState } from './mlp';
import {
  ZExpectationRunner,
  vqcEvaluate,
  vqcInit,
  vqcParamCount,
  vqcProba,
  vqcTrainEpoch,
  type VqcConfig,
  type VqcState,
} from './vqc';

export const MODEL_IDS = ['vqc', 'logistic', 'mlp'] as const;
export type ModelId = (typeof MODEL_IDS)[number];

/** Cumulative work done by a model. Classical models run no circuits; the VQC's FLOPs are its classical optimiser steps. */
export interface ModelCost {
  trainCircuits: number;
  evalCircuits: number;
  shots: number;
  trainFlops: number;
  evalFlops: number;
}

export const ZERO_COST: ModelCost = { trainCircuits: 0, evalCircuits: 0, shots: 0, trainFlops: 0, evalFlops: 0 };

export function addCost(a: ModelCost, b: ModelCost): ModelCost {
  return {
    trainCircuits: a.trainCircuits + b.trainCircuits,
    evalCircuits: a.evalCircuits + b.evalCircuits,
    shots: a.shots + b.shots,
    trainFlops: a.trainFlops + b.trainFlops,
    evalFlops: a.evalFlops + b.evalFlops,
  };
}

/** What one epoch of one model produced (cost = this epoch's work only). */
export interface EpochOutcome {
  loss: number;
  trainAccuracy: number;
  testAccuracy: number;
  cost: ModelCost;
}

export interface TrainOutcome {
  /** Mean training loss over the epoch's pass (binary cross-entropy unless the VQC uses MSE). */
  loss: number;
  cost: ModelCost;
}

export interface EvalOutcome {
  trainAccuracy: number;
  testAccuracy: number;
  cost: ModelCost;
}

export interface ModelRunner<S> {
  id: ModelId;
  label: string;
  parameters: number;
  description: string;
  init(): S;
  /** Trains one epoch, mutating `state`. */
  train(state: S, epoch: number): TrainOutcome;
  /** Measures train and test accuracy (the VQC runs one circuit per point; `epoch` seeds its shots). */
  evaluate(state: S, epoch: number): EvalOutcome;
  /** P(class 1) at a point given in the dataset's raw (unscaled) coordinates. */
  proba(state: S, raw: Point): number;
}

/** Train one epoch, then evaluate; the cost is the sum of both. */
export function runEpoch<S>(runner: ModelRunner<S>, state: S, epoch: number): EpochOutcome {
  const t = runner.train(state, epoch);
  const e = runner.evaluate(state, epoch);
  return { loss: t.loss, trainAccuracy: e.trainAccuracy, testAccuracy: e.testAccuracy, cost: addCost(t.cost, e.cost) };
}

/**
 * Each model's settings within a problem: its config less the batch size, which the problem sets for every
 * model, and less the optimizer where it is fixed (Adam for the VQC and the MLP; see the *ConfigOf below).
 */
export type VqcParams = Omit<VqcConfig, 'optimizer' | 'batchSize'>;
export type LogisticParams = Omit<LogisticConfig, 'batchSize'>;
export type MlpParams = Omit<MlpConfig, 'optimizer' | 'batchSize'>;

/** Everything that defines a training problem: the data, the split, and each model's settings. */
export interface ProblemParams {
  dataset: DatasetKind;
  /** Number of points in the dataset (before the split). */
  n: number;
  noise: number;
  seed: number;
  trainFraction: number;
  /** Feature scaling for the VQC (angles). */
  scaling: Scaling;
  /** Feature scaling for logistic regression and the MLP. */
  classicalScaling: Scaling;
  epochs: number;
  batchSize: number;
  vqc: VqcParams;
  logistic: LogisticParams;
  mlp: MlpParams;
}

type ModelSettings = Pick<ProblemParams, 'vqc' | 'logistic' | 'mlp'>;

/** Overrides of a parameter set with per-model settings; the model settings merge one level deep. */
export type ModelOverrides<P extends ModelSettings> = Partial<Omit<P, 'vqc' | 'logistic' | 'mlp'>> & {
  vqc?: Partial<P['vqc']>;
  logistic?: Partial<P['logistic']>;
  mlp?: Partial<P['mlp']>;
};

/** Defaults with overrides merged in (one level deep for the model settings). */
export function withModelOverrides<P extends ModelSettings>(defaults: P, overrides: ModelOverrides<P> = {}): P {
  return {
    ...defaults,
    ...overrides,
    vqc: { ...defaults.vqc, ...overrides.vqc },
    logistic: { ...defaults.logistic, ...overrides.logistic },
    mlp: { ...defaults.mlp, ...overrides.mlp },
  } as P;
}

export function vqcConfigOf(p: ProblemParams): VqcConfig {
  return { ...p.vqc, optimizer: 'adam', batchSize: p.batchSize };
}

export function logisticConfigOf(p: ProblemParams): LogisticConfig {
  return { ...p.logistic, batchSize: p.batchSize };
}

export function mlpConfigOf(p: ProblemParams): MlpConfig {
  return { ...p.mlp, optimizer: 'adam', batchSize: p.batchSize };
}

export interface Problem {
  /** Split and scaled for the VQC. */
  quantumData: PreparedData;
  /** The same split, scaled for the classical models. */
  classicalData: PreparedData;
  runners: { vqc: ModelRunner<VqcState>; logistic: ModelRunner<LogisticState>; mlp: ModelRunner<MlpState> };
}

export function buildProblem(p: ProblemParams): Problem {
  const data = makeDataset({ kind: p.dataset, n: p.n, noise: p.noise, seed: p.seed });
  const quantumData = prepareData(data, p.scaling, p.trainFraction, p.seed);
  const classicalData = prepareData(data, p.classicalScaling, p.trainFraction, p.seed);
  return {
    quantumData,
    classicalData,
    runners: {
      vqc: vqcRunner(p, quantumData),
      logistic: classicalRunner(p, classicalData, LOGISTIC, logisticConfigOf(p)),
      mlp: classicalRunner(p, classicalData, MLP, mlpConfigOf(p)),
    },
  };
}

function vqcRunner(p: ProblemParams, d: PreparedData): ModelRunner<VqcState> {
  const cfg = vqcConfigOf(p);
  const exact = new ZExpectationRunner(cfg.qubits, 0, null);
  const enc = cfg.encoding === 'angle' ? 'angle (RY) encoding' : 'ZZ (IQP) feature map';
  return {
    id: 'vqc',
    label: 'Variational quantum classifier',
    parameters: vqcParamCount(cfg),
    description:
      `${cfg.qubits} qubits, ${cfg.layers} layer(s) of RZ·RY + ${cfg.entangler.toUpperCase()}, ${enc}` +
      `${cfg.reupload ? ' re-uploaded every layer' : ''}; ${cfg.shots > 0 ? `${cfg.shots} shots per circuit` : 'exact expectations'}; ` +
      `parameter-shift gradients, Adam (lr ${cfg.learningRate}), ${cfg.readout === 'logistic' ? 'p = σ(α⟨Z₀⟩ + β)' : 'p = (1 + ⟨Z₀⟩)/2'}, ${cfg.loss.toUpperCase()} loss`,
    init: () => vqcInit(cfg, streamSeed(p.seed, 'vqc', 'init')),
    train(state, e) {
      const tr = vqcTrainEpoch(
        cfg,
        state,
        d.trainX,
        d.trainY,
        streamSeed(p.seed, 'vqc', 'batches', e),
        streamSeed(p.seed, 'vqc', 'shotsTrain', e),
      );
      return {
        loss: tr.loss,
        cost: { ...ZERO_COST, trainCircuits: tr.cost.circuits, shots: tr.cost.shots, trainFlops: tr.flops },
      };
    },
    evaluate(state, e) {
      const a = vqcEvaluate(cfg, state, d.trainX, d.trainY, streamSeed(p.seed, 'vqc', 'shotsEval', e, 0));
      const b = vqcEvaluate(cfg, state, d.testX, d.testY, streamSeed(p.seed, 'vqc', 'shotsEval', e, 1));
      return {
        trainAccuracy: a.accuracy,
        testAccuracy: b.accuracy,
        cost: { ...ZERO_COST, evalCircuits: a.cost.circuits + b.cost.circuits, shots: a.cost.shots + b.cost.shots },
      };
    },
    proba: (state, raw) => vqcProba(cfg, state, applyScaler(d.scaler, raw), exact),
  };
}

/**
 * A classical model as its runner needs it: pure functions of its configuration and state, costed in FLOPs
 * (the runner binds the configuration; `init` may ignore its seed).
 */
interface ClassicalModel<C, S> {
  id: 'logistic' | 'mlp';
  label: string;
  parameters(cfg: C): number;
  description(cfg: C): string;
  init(cfg: C, seed: number): S;
  trainEpoch(cfg: C, state: S, X: Point[], Y: number[], seed: number): { loss: number; flops: number };
  evaluate(cfg: C, state: S, X: Point[], Y: number[]): { accuracy: number; flops: number };
  /** P(class 1) at a point in scaled coordinates. */
  proba(cfg: C, state: S, x: Point): number;
}

/**
 * The runner of a classical model with configuration `cfg`: initialised from a seed per model, an epoch's
 * batches seeded per model and epoch, train and test accuracy evaluated with their FLOPs counted (both
 * passes), probabilities at raw points through the dataset's scaler.
 */
function classicalRunner<C, S>(p: ProblemParams, d: PreparedData, m: ClassicalModel<C, S>, cfg: C): ModelRunner<S> {
  return {
    id: m.id,
    label: m.label,
    parameters: m.parameters(cfg),
    description: m.description(cfg),
    init: () => m.init(cfg, streamSeed(p.seed, m.id, 'init')),
    train(state, e) {
      const tr = m.trainEpoch(cfg, state, d.trainX, d.trainY, streamSeed(p.seed, m.id, 'batches', e));
      return { loss: tr.loss, cost: { ...ZERO_COST, trainFlops: tr.flops } };
    },
    evaluate(state) {
      const train = m.evaluate(cfg, state, d.trainX, d.trainY);
      const test = m.evaluate(cfg, state, d.testX, d.testY);
      return {
        trainAccuracy: train.accuracy,
        testAccuracy: test.accuracy,
        cost: { ...ZERO_COST, evalFlops: train.flops + test.flops },
      };
    },
    proba: (state, raw) => m.proba(cfg, state, applyScaler(d.scaler, raw)),
  };
}

const LOGISTIC: ClassicalModel<LogisticConfig, LogisticState> = {
  id: 'logistic',
  label: 'Logistic regression',
  parameters: (cfg) => logisticParamCount(cfg.degree),
  description: (cfg) =>
    `polynomial features up to degree ${cfg.degree}, ${cfg.optimizer === 'adam' ? 'Adam' : 'gradient descent'} (lr ${cfg.learningRate}), cross-entropy loss`,
  init: logisticInit,
  trainEpoch: logisticTrainEpoch,
  evaluate: logisticEvaluate,
  proba: logisticProba,
};

const MLP: ClassicalModel<MlpConfig, MlpState> = {
  id: 'mlp',
  label: 'Neural network (MLP)',
  parameters: (cfg) => mlpParamCount(cfg.hidden),
  description: (cfg) => `2 → ${cfg.hidden} tanh → 1, Glorot init, Adam (lr ${cfg.learningRate}), cross-entropy loss`,
  init: mlpInit,
  trainEpoch: mlpTrainEpoch,
  evaluate: mlpEvaluate,
  proba: mlpProba,
};
