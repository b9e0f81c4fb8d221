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
import driftData from '../../../content/data/drift.json';
import { makeDataset, prepareData, type Point } from '../../ml/datasets';
import { createOptimizer, optimizerStep } from '../../ml/optim';
import { vqcCircuitOps, vqcInit, vqcLossAndGradient, ZExpectationRunner, type VqcConfig } from '../../ml/vqc';
import { bceWithLogit, sigmoid } from '../../ml/common';
import { DensityMatrix } from '../../sim/density';
import { deviceNoiseModel, getDevice, loadDevices, type DeviceProfile, type NoiseModel } from '../../sim/noise';
import { parity } from '../../sim/bits';
import { parsePauli } from '../../sim/pauli';
import { createRng, deriveSeed } from '../../sim/rng';
import { CdfSampler, pauliBasisRotation } from '../../sim/sampling';
import { StateVector } from '../../sim/statevector';
import type { Circuit } from '../../sim/types';
import { throwIfAborted } from '../abort';
import { parseFlags, parseInteger, parseNumber } from '../args';
import { familyCircuit } from '../noise-vs-depth/circuits';
import { resolveRange } from '../samples';
import type { ExperimentDefinition, Row } from '../types';

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

export const DRIFT = driftData;
export const CD_VERSION = 'calibration-drift@1';
export const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MAX_QUBITS = 6;

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
  qubits: 2,
  layers: 3,
  encoding: 'angle',
  reupload: true,
  entangler: 'cz',
  readout: 'logistic',
  loss: 'bce',
  shots: 0,
  optimizer: 'adam',
  learningRate: 0.1,
  batchSize: 10,
};
export const MODEL_EPOCHS = 25;
export const MODEL_POINTS = 80;

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
  if (!loadDevices().some((d) => d.id === device))
    throw new Error(
      `unknown device '${device}' (known: ${loadDevices()
        .map((d) => d.id)
        .join(', ')})`,
    );
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

function runSamples(
  p: CalibrationDriftParams,
  range: readonly [number, number],
  opts: { signal?: AbortSignal; onRound?(doneWork: number, samples: CalibrationDriftSamples): void },
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

export const calibrationDrift: ExperimentDefinition<
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
  runSamples,
  merge,
  summarize,
  method,
  seedOf: (p) => p.seed,
  cli: {
    usage:
      'calibration-drift [--device ibm_kingston] [--qubits 4] [--depth 10] [--days 5] [--shots 10000] [--eval-shots 1000] [--drift 1] [--seed 1]',
    parseArgs(args) {
      const f = parseFlags(args, ['device', 'qubits', 'depth', 'days', 'shots', 'eval-shots', 'drift', 'seed']);
      const out: Partial<CalibrationDriftParams> = {};
      const v = (k: string) => f.get(k);
      if (v('device')) out.device = v('device')!;
      if (v('qubits')) out.qubits = parseInteger(v('qubits')!, '--qubits', { min: 2, max: MAX_QUBITS });
      if (v('depth')) out.depth = parseInteger(v('depth')!, '--depth', { min: 1, max: 200 });
      if (v('days')) out.days = parseInteger(v('days')!, '--days', { min: 1, max: 28 });
      if (v('shots')) out.shots = parseInteger(v('shots')!, '--shots', { min: 1, max: 1e6 });
      if (v('eval-shots')) out.evalShots = parseInteger(v('eval-shots')!, '--eval-shots', { min: 1, max: 1e5 });
      if (v('drift')) out.drift = parseNumber(v('drift')!, '--drift', { min: 0, max: 10 });
      if (v('seed')) out.seed = parseInteger(v('seed')!, '--seed', { min: 0, max: 0xffffffff });
      return out;
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
};
