/**
 * Same circuit, another day: the same circuits run under several calibrations of one device, each drawn
 * around the device profile's medians (content/data/drift.json: median × exp(σ·z) per figure and day).
 *
 * Sample k = 0 is the median calibration itself (the reference); k = 1…days are the days. Each sample:
 * - the GHZ echo circuit of noise-vs-depth (n qubits, `depth` blocks) simulated as a density matrix
 *   under the day's noise model; X⊗…⊗X measured as hardware does (noisy basis change, readout error);
 *   its exact value and a seeded `shots`-shot estimate with standard error √((1 − Ê²)/N);
 * - a tiny variational classifier (src/ml/vqc: 2 qubits, 3 re-uploading layers, logistic read-out),
 *   trained once without noise (exact expectations, Adam, seeded), then evaluated on its test set under
 *   the day's noise: exact noisy loss, and the loss from `evalShots` shots per test point, with its
 *   standard error by the delta method.
 * Randomness: day k's calibration from deriveSeed(seed, 1, k), its shots from deriveSeed(seed, 2, k, …);
 * the model from deriveSeed(seed, 3, …). Any split of the samples merges exactly.
 */
import { TWO_FEATURE_CIRCUIT } from '../../ml/two-feature-circuit';
import { makeDataset, prepareData, type Point } from '../../ml/datasets';
import { createOptimizer, optimizerStep } from '../../ml/optim';
import { vqcCircuitOps, vqcInit, vqcLossAndGradient, ZExpectationRunner, type VqcConfig } from '../../ml/vqc';
import { bceWithLogit, sigmoid } from '../../ml/common';
import { DensityMatrix } from '../../sim/density';
import { deviceNoiseModel, getDevice, type DeviceProfile, type NoiseModel } from '../../sim/noise';
import { parity } from '../../sim/bits';
import { parsePauli } from '../../sim/pauli';
import { createRng, deriveSeed } from '../../sim/rng';
import { CdfSampler, pauliBasisRotation } from '../../sim/sampling';
import { StateVector } from '../../sim/statevector';
import type { Circuit } from '../../sim/types';
import { throwIfAborted } from '../abort';
import { parseInteger, parseNumber, readFlags, readSeed } from '../args';
import { familyCircuit } from '../noise-vs-depth/circuits';
import { resolveRange } from '../samples';
import { defineExperiment } from '../run';
import type { Row, SampleRunOptions } from '../types';
import {
  calibrationDriftSpec,
  DAY_NAMES,
  DRIFT,
  MAX_QUBITS,
  MODEL_EPOCHS,
  MODEL_POINTS,
  type CalibrationDriftData,
  type CalibrationDriftParams,
  type CalibrationDriftSamples,
  type DayResult,
} from './spec';

export * from './spec';

// ------------------------------------------------------------------------------------------------
// the drift model

/** One day's calibration: each figure × exp(σ·z), z ~ N(0, 1) from deriveSeed(seed, 1, k). k = 0: the medians. */
export function driftedProfile(dev: DeviceProfile, k: number, seed: number, drift: number): DeviceProfile {
  if (k === 0 || drift === 0) return dev;
  const rng = createRng(deriveSeed(seed, 1, k));
  const s = DRIFT.relativeSpread;
  const f = (sigma: number) => Math.exp(drift * sigma * rng.normal());
  // Draw all five normals in a fixed order, whether or not the figure is published.
  const fT1 = f(s.t1),
    fT2 = f(s.t2),
    f1 = f(s.oneQubitError),
    f2 = f(s.twoQubitError),
    fR = f(s.readoutError);
  const mul = (v: number | null, x: number) => (v === null ? null : v * x);
  return {
    ...dev,
    t1_us: mul(dev.t1_us, fT1),
    t2_us: mul(dev.t2_us, fT2),
    oneQubitError: mul(dev.oneQubitError, f1),
    twoQubitError: mul(dev.twoQubitError, f2),
    readoutError:
      dev.readoutError === null
        ? null
        : { p01: Math.min(0.5, dev.readoutError.p01 * fR), p10: Math.min(0.5, dev.readoutError.p10 * fR) },
  };
}

// ------------------------------------------------------------------------------------------------
// the model: trained once per (seed) and memoised

export const MODEL_CONFIG: VqcConfig = {
  ...TWO_FEATURE_CIRCUIT,
  shots: 0,
  optimizer: 'adam',
  learningRate: 0.1,
  batchSize: 10,
};

export interface TrainedModel {
  params: number[];
  testX: Point[];
  testY: number[];
  idealLoss: number;
}

const trained = new Map<number, TrainedModel>();

export function trainModel(seed: number): TrainedModel {
  const hit = trained.get(seed);
  if (hit) return hit;
  const data = makeDataset({ kind: 'moons', n: MODEL_POINTS, noise: 0.15, seed: deriveSeed(seed, 3, 1) });
  const prep = prepareData(data, 'minmax-pi', 0.5, deriveSeed(seed, 3, 2));
  const state = vqcInit(MODEL_CONFIG, deriveSeed(seed, 3, 3));
  state.opt = createOptimizer(MODEL_CONFIG.optimizer, state.params.length, MODEL_CONFIG.learningRate);
  const runner = new ZExpectationRunner(MODEL_CONFIG.qubits, 0, null);
  for (let e = 0; e < MODEL_EPOCHS; e++) {
    const order = prep.trainX.map((_, i) => i);
    const rng = createRng(deriveSeed(seed, 3, 4, e));
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rng.next() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (let b = 0; b < order.length; b += MODEL_CONFIG.batchSize) {
      const idx = order.slice(b, b + MODEL_CONFIG.batchSize);
      const { grad } = vqcLossAndGradient(
        MODEL_CONFIG,
        state.params,
        idx.map((i) => prep.trainX[i]),
        idx.map((i) => prep.trainY[i]),
        runner,
      );
      optimizerStep(state.opt, state.params, grad);
    }
  }
  const idealLoss = modelLoss(state.params, prep.testX, prep.testY, (ops) => {
    const sv = new StateVector(MODEL_CONFIG.qubits);
    for (const op of ops) sv.apply(op);
    return sv.expectationZ([0]);
  }).loss;
  const model = { params: state.params, testX: prep.testX, testY: prep.testY, idealLoss };
  trained.set(seed, model);
  return model;
}

function readout(params: readonly number[], E: number, y: number): { p: number; loss: number; dLdE: number } {
  const P = params.length - 2;
  const alpha = params[P],
    beta = params[P + 1];
  const s = alpha * E + beta;
  const p = sigmoid(s);
  return { p, loss: bceWithLogit(s, y), dLdE: (p - y) * alpha };
}

function modelLoss(
  params: number[],
  X: readonly Point[],
  Y: readonly number[],
  expect: (ops: ReturnType<typeof vqcCircuitOps>['ops']) => number,
) {
  let loss = 0;
  for (let i = 0; i < X.length; i++)
    loss += readout(params, expect(vqcCircuitOps(MODEL_CONFIG, X[i], params).ops), Y[i]).loss;
  return { loss: loss / X.length };
}

// ------------------------------------------------------------------------------------------------
// one day

/** Measured distribution of `circuit` then the basis change, under `noise` (readout included). */
function measuredProbs(circuit: Circuit, rotation: Circuit, noise: NoiseModel): Float64Array {
  const rho = new DensityMatrix(circuit.numQubits, { maxQubits: MAX_QUBITS });
  rho.run(circuit, noise);
  if (rotation.ops.length) rho.run(rotation, noise);
  return rho.measuredProbabilities(noise);
}

function parityMean(probs: Float64Array, support: number): number {
  let v = 0;
  for (let i = 0; i < probs.length; i++) v += parity(i & support) ? -probs[i] : probs[i];
  return v;
}

export function runDay(p: CalibrationDriftParams, k: number): DayResult {
  const dev = getDevice(p.device);
  const prof = driftedProfile(dev, k, p.seed, p.drift);
  const noise = deviceNoiseModel(prof);
  const n = p.qubits;
  const obs = 'X'.repeat(n);
  const { support } = parsePauli(obs, n);
  const rotation: Circuit = { numQubits: n, numClbits: 0, ops: pauliBasisRotation(obs, n) };
  const probs = measuredProbs(familyCircuit('ghz', n, p.depth, p.seed), rotation, noise);
  const exact = parityMean(probs, support);
  const sampler = new CdfSampler(probs);
  const rng = createRng(deriveSeed(p.seed, 2, k, 0));
  const estimate = sampler.sumSigns(rng, p.shots, support) / p.shots;
  const stderr = Math.sqrt(Math.max(0, 1 - estimate * estimate) / p.shots);

  // The model under this day's noise: E = ⟨Z₀⟩ as measured (readout error on qubit 0 included).
  const model = trainModel(p.seed);
  const mq = MODEL_CONFIG.qubits;
  const mrng = createRng(deriveSeed(p.seed, 2, k, 1));
  let lossExact = 0,
    loss = 0,
    varSum = 0,
    correct = 0;
  const M = model.testX.length;
  for (let i = 0; i < M; i++) {
    const ops = vqcCircuitOps(MODEL_CONFIG, model.testX[i], model.params).ops;
    const mp = measuredProbs({ numQubits: mq, numClbits: 0, ops }, { numQubits: mq, numClbits: 0, ops: [] }, noise);
    const E = parityMean(mp, 1);
    const ms = new CdfSampler(mp);
    const Ehat = ms.sumSigns(mrng, p.evalShots, 1) / p.evalShots;
    const y = model.testY[i];
    lossExact += readout(model.params, E, y).loss;
    const r = readout(model.params, Ehat, y);
    loss += r.loss;
    varSum += (r.dLdE ** 2 * Math.max(0, 1 - Ehat * Ehat)) / p.evalShots;
    if ((r.p >= 0.5 ? 1 : 0) === y) correct++;
  }
  return {
    index: k,
    label: k === 0 ? 'median calibration' : DAY_NAMES[(k - 1) % 7] + (k > 7 ? ` (week ${Math.ceil(k / 7)})` : ''),
    calibration: {
      t1_us: prof.t1_us,
      t2_us: prof.t2_us,
      oneQubitError: prof.oneQubitError,
      twoQubitError: prof.twoQubitError,
      readout: prof.readoutError === null ? null : (prof.readoutError.p01 + prof.readoutError.p10) / 2,
    },
    exact,
    estimate,
    stderr,
    lossExact: lossExact / M,
    loss: loss / M,
    lossStderr: Math.sqrt(varSum) / M,
    accuracy: correct / M,
  };
}

function runSamples(
  p: CalibrationDriftParams,
  range: readonly [number, number],
  opts: SampleRunOptions<CalibrationDriftSamples>,
): CalibrationDriftSamples {
  const [start, end] = resolveRange(range, p.days + 1);
  const out: CalibrationDriftSamples = { days: [], idealLoss: trainModel(p.seed).idealLoss };
  for (let k = start; k < end; k++) {
    throwIfAborted(opts.signal);
    out.days.push(runDay(p, k));
    opts.onRound?.(k - start + 1, out);
  }
  return out;
}

export const calibrationDrift = /* @__PURE__ */ defineExperiment(calibrationDriftSpec, {
  runSamples,
  cli: {
    usage:
      'calibration-drift [--device ibm_kingston] [--qubits 4] [--depth 10] [--days 5] [--shots 10000] [--eval-shots 1000] [--drift 1] [--seed 1]',
    parseArgs(args) {
      return readFlags<CalibrationDriftParams>(args, {
        device: (device) => ({ device }),
        qubits: (s, flag) => ({ qubits: parseInteger(s, flag, { min: 2, max: MAX_QUBITS }) }),
        depth: (s, flag) => ({ depth: parseInteger(s, flag, { min: 1, max: 200 }) }),
        days: (s, flag) => ({ days: parseInteger(s, flag, { min: 1, max: 28 }) }),
        shots: (s, flag) => ({ shots: parseInteger(s, flag, { min: 1, max: 1e6 }) }),
        'eval-shots': (s, flag) => ({ evalShots: parseInteger(s, flag, { min: 1, max: 1e5 }) }),
        drift: (s, flag) => ({ drift: parseNumber(s, flag, { min: 0, max: 10 }) }),
        seed: readSeed,
      });
    },
    columns: [
      'day',
      'label',
      'exact',
      'estimate',
      'stderr',
      'lossExact',
      'loss',
      'lossStderr',
      'accuracy',
      't1_us',
      't2_us',
      'twoQubitError',
      'readout',
    ],
    rows: (d: CalibrationDriftData): Row[] =>
      [d.reference, ...d.days]
        .filter((x): x is DayResult => !!x)
        .map((x) => ({
          day: x.index,
          label: x.label,
          exact: x.exact,
          estimate: x.estimate,
          stderr: x.stderr,
          lossExact: x.lossExact,
          loss: x.loss,
          lossStderr: x.lossStderr,
          accuracy: x.accuracy,
          t1_us: x.calibration.t1_us,
          t2_us: x.calibration.t2_us,
          twoQubitError: x.calibration.twoQubitError,
          readout: x.calibration.readout,
        })),
  },
});
