/**
 * Noise against depth: for a circuit family at n qubits and depth d = 1…D, under a device's noise model with
 * sources switched on and off, the fidelity with the ideal state, an observable ideal and noisy (as
 * measured: basis-change gates are noisy too and readout error applies), its shot-noise standard error for
 * a shot budget, a seeded shot-sampled estimate, and the first depth where |signal| < k·stderr.
 *
 * The sample index space is the list of noise configurations, so configurations run in parallel workers;
 * within one configuration depth grows incrementally (one density-matrix pass per block).
 */
import { DensityMatrix } from '../../sim/density';
import { deviceNoiseModel, getDevice, loadDevices, type NoiseModel } from '../../sim/noise';
import { parity } from '../../sim/bits';
import { parsePauli } from '../../sim/pauli';
import { createRng, deriveSeed } from '../../sim/rng';
import { CdfSampler, pauliBasisRotation } from '../../sim/sampling';
import { StateVector } from '../../sim/statevector';
import { circuitStats } from '../../sim/stats';
import type { Circuit } from '../../sim/types';
import { throwIfAborted } from '../abort';
import { parseChoice, parseFlags, parseInteger, parseNumber, UsageError } from '../args';
import { mergeByIndex, resolveRange } from '../samples';
import type { ExperimentDefinition, Row } from '../types';
import { defaultObservable, familyBlock, FAMILIES, type Family } from './circuits';

export interface NoiseVsDepthParams {
  family: Family;
  qubits: number;
  maxDepth: number;
  /** Device id from content/data/devices.json. */
  device: string;
  /** Noise configurations: 'ideal', 'all', or sources joined by '+' (gate, decoherence, readout). */
  configs: string[];
  shots: number;
  /** Threshold factor: a signal is lost when |⟨O⟩| < k·stderr. */
  k: number;
  seed: number;
  /** Qiskit-order Pauli string; default per family (see circuits.ts). */
  observable: string;
  /** Multiplies every error rate of the device (1 = as calibrated). */
  scale: number;
  /** Extra per-source factors (default 1), multiplied with `scale`: gate errors, decoherence rates 1/T1 and 1/T2, readout errors. */
  gateScale?: number;
  decoherenceScale?: number;
  readoutScale?: number;
}

export interface DepthPoint {
  depth: number;
  gates: number;
  twoQubitGates: number;
  fidelity: number;
  ideal: number;
  noisy: number;
  /** √((1 − ⟨O⟩²)/shots) at the noisy value. */
  stderr: number;
  /** Mean of `shots` seeded samples of the measured ±1 outcome. */
  sampled: number;
  /** |noisy| ≥ k·stderr. */
  resolvable: boolean;
}

export interface NoiseConfigResult {
  index: number;
  config: string;
  label: string;
  points: DepthPoint[];
  /** First depth whose |noisy| < k·stderr, or null if every depth up to maxDepth stays resolvable. */
  depthLost: number | null;
}

export interface NoiseVsDepthSamples {
  configs: NoiseConfigResult[];
}

export interface NoiseVsDepthData {
  configs: NoiseConfigResult[];
  observable: string;
  device: string;
}

export const NVD_VERSION = 'noise-vs-depth@1';
const SOURCES = ['gate', 'decoherence', 'readout'] as const;
type Source = (typeof SOURCES)[number];
const MAX_QUBITS = 8;

/** 'ideal' → none; 'all' → every source; 'gate+readout' → those two. Throws on unknown words. */
export function parseConfig(config: string): Set<Source> {
  if (config === 'ideal') return new Set();
  if (config === 'all') return new Set(SOURCES);
  const parts = config.split('+');
  for (const p of parts) {
    if (!(SOURCES as readonly string[]).includes(p)) {
      throw new Error(`noise configuration '${config}': '${p}' is not one of ideal, all, ${SOURCES.join(', ')}`);
    }
  }
  return new Set(parts as Source[]);
}

function modelFor(p: NoiseVsDepthParams, config: string): NoiseModel | undefined {
  const on = parseConfig(config);
  if (on.size === 0) return undefined;
  return deviceNoiseModel(getDevice(p.device), {
    gate: on.has('gate'),
    decoherence: on.has('decoherence'),
    readout: on.has('readout'),
    scale: {
      gate: p.scale * (p.gateScale ?? 1),
      decoherence: p.scale * (p.decoherenceScale ?? 1),
      readout: p.scale * (p.readoutScale ?? 1),
    },
  });
}

function normalize(input: Partial<NoiseVsDepthParams>): NoiseVsDepthParams {
  const family = input.family ?? 'ghz';
  if (!FAMILIES.includes(family)) throw new Error(`family '${family}' is not one of ${FAMILIES.join(', ')}`);
  const qubits = input.qubits ?? 4;
  if (!Number.isInteger(qubits) || qubits < 2 || qubits > MAX_QUBITS) {
    throw new Error(
      `qubits: ${qubits} is not a whole number in 2…${MAX_QUBITS} (density-matrix cap for this experiment)`,
    );
  }
  const maxDepth = input.maxDepth ?? 20;
  if (!Number.isInteger(maxDepth) || maxDepth < 1 || maxDepth > 500)
    throw new Error(`depth: ${maxDepth} is not a whole number in 1…500`);
  const device = input.device ?? 'ibm_boston';
  if (!loadDevices().some((d) => d.id === device)) {
    throw new Error(
      `unknown device '${device}' (known: ${loadDevices()
        .map((d) => d.id)
        .join(', ')})`,
    );
  }
  const configs = input.configs ?? ['ideal', 'gate', 'decoherence', 'readout', 'all'];
  if (configs.length === 0) throw new Error('configs: need at least one noise configuration');
  for (const c of configs) parseConfig(c);
  const shots = input.shots ?? 1000;
  if (!Number.isInteger(shots) || shots < 1 || shots > 1e9)
    throw new Error(`shots: ${shots} is not a whole number in 1…1e9`);
  const k = input.k ?? 2;
  if (!(k > 0 && Number.isFinite(k))) throw new Error(`k: ${k} is not a positive number`);
  const seed = input.seed ?? 1;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
    throw new Error(`seed: ${seed} is not a whole number in 0…4294967295`);
  const observable = input.observable ?? defaultObservable(family, qubits);
  parsePauli(observable, qubits);
  if (/^I+$/.test(observable)) throw new Error('observable: the identity carries no signal');
  const scale = input.scale ?? 1;
  if (!(scale >= 0 && Number.isFinite(scale))) throw new Error(`scale: ${scale} is not a number ≥ 0`);
  const out: NoiseVsDepthParams = {
    family,
    qubits,
    maxDepth,
    device,
    configs: [...configs],
    shots,
    k,
    seed,
    observable,
    scale,
  };
  for (const key of ['gateScale', 'decoherenceScale', 'readoutScale'] as const) {
    const v = input[key];
    if (v === undefined || v === 1) continue;
    if (!(typeof v === 'number' && v >= 0 && Number.isFinite(v))) throw new Error(`${key}: ${v} is not a number ≥ 0`);
    out[key] = v;
  }
  return out;
}

/** ⟨O⟩ as measured: the basis change is run (noisily) on a copy, readout error applied, parity averaged. */
function measuredExpectation(
  rho: DensityMatrix,
  rotation: Circuit,
  support: number,
  noise: NoiseModel | undefined,
): { value: number; probs: Float64Array } {
  const m = rho.clone();
  if (rotation.ops.length) m.run(rotation, noise);
  const probs = m.measuredProbabilities(noise);
  let value = 0;
  for (let i = 0; i < probs.length; i++) value += parity(i & support) ? -probs[i] : probs[i];
  return { value, probs };
}

function runConfig(p: NoiseVsDepthParams, index: number, signal: AbortSignal | undefined): NoiseConfigResult {
  const config = p.configs[index];
  const noise = modelFor(p, config);
  const n = p.qubits;
  const rho = new DensityMatrix(n, { maxQubits: MAX_QUBITS });
  const ideal = new StateVector(n);
  const rotation: Circuit = { numQubits: n, numClbits: 0, ops: pauliBasisRotation(p.observable, n) };
  const { support } = parsePauli(p.observable, n);
  const points: DepthPoint[] = [];
  let gates = 0,
    two = 0;
  let depthLost: number | null = null;
  for (let d = 1; d <= p.maxDepth; d++) {
    throwIfAborted(signal);
    const block = familyBlock(p.family, n, d, p.seed);
    const st = circuitStats(block);
    gates += st.singleQubitGates + st.twoQubitGates + st.multiQubitGates;
    two += st.twoQubitGates;
    rho.run(block, noise);
    ideal.run(block);
    const { value: noisy, probs } = measuredExpectation(rho, rotation, support, noise);
    const stderr = Math.sqrt(Math.max(0, 1 - noisy * noisy) / p.shots);
    const sampler = new CdfSampler(probs);
    const rng = createRng(deriveSeed(p.seed, n, d, index));
    const sum = sampler.sumSigns(rng, p.shots, support);
    const resolvable = Math.abs(noisy) >= p.k * stderr;
    if (!resolvable && depthLost === null) depthLost = d;
    points.push({
      depth: d,
      gates,
      twoQubitGates: two,
      fidelity: rho.fidelityWithPure(ideal),
      ideal: ideal.expectation(p.observable),
      noisy,
      stderr,
      sampled: sum / p.shots,
      resolvable,
    });
  }
  return { index, config, label: noise?.label ?? 'ideal (noiseless)', points, depthLost };
}

function runSamples(
  p: NoiseVsDepthParams,
  range: readonly [number, number],
  opts: { signal?: AbortSignal; onRound?(doneWork: number, samples: NoiseVsDepthSamples): void },
): NoiseVsDepthSamples {
  const [start, end] = resolveRange(range, p.configs.length);
  const out: NoiseVsDepthSamples = { configs: [] };
  for (let i = start; i < end; i++) {
    out.configs.push(runConfig(p, i, opts.signal));
    opts.onRound?.((i - start + 1) * p.maxDepth, out);
  }
  return out;
}

function merge(_p: NoiseVsDepthParams, parts: readonly NoiseVsDepthSamples[]): NoiseVsDepthSamples {
  return { configs: mergeByIndex(parts.map((part) => part.configs)) };
}

function scaleNote(p: NoiseVsDepthParams): string {
  const parts: string[] = [];
  if ((p.gateScale ?? 1) !== 1) parts.push(`gate errors ×${p.gateScale}`);
  if ((p.decoherenceScale ?? 1) !== 1) parts.push(`decoherence rates ×${p.decoherenceScale}`);
  if ((p.readoutScale ?? 1) !== 1) parts.push(`readout errors ×${p.readoutScale}`);
  return parts.length ? `; ${parts.join(', ')}` : '';
}

function method(p: NoiseVsDepthParams): string {
  const fam =
    p.family === 'ghz'
      ? 'GHZ preparation (H, then a CX chain) followed by d − 1 echo blocks that undo and redo the chain (ideal state unchanged, 2(n − 1) more CX each)'
      : 'a seeded random layered circuit of d blocks, each RY and RZ on every qubit (angles uniform in [0, 2π)) then a CX chain';
  return `Density-matrix simulation of ${fam} on ${p.qubits} qubits, depth d = 1…${p.maxDepth}, with the noise model of ${p.device} (scale ×${p.scale}${scaleNote(p)}): gate errors as depolarizing channels after each gate, decoherence as T1/T2 thermal relaxation during gates and while idle (blocks are separated by a barrier, so idle qubits catch up at each block end), readout as a confusion matrix on the measured distribution; RZ is a noiseless virtual gate. Configurations: ${p.configs.join(', ')}. Observable ${p.observable} (Qiskit order, last letter = qubit 0), measured as hardware does: basis-change gates (noisy) and readout error included. Fidelity = ⟨ψ_ideal|ρ|ψ_ideal⟩ before measurement. Shot noise for ${p.shots} shots: stderr = √((1 − ⟨O⟩²)/N); a seeded ${p.shots}-shot estimate per depth from deriveSeed(${p.seed}, n, d, configuration). The signal is lost at the first depth with |⟨O⟩| < ${p.k}·stderr.`;
}

const FLAGS = [
  'family',
  'qubits',
  'depth',
  'device',
  'configs',
  'shots',
  'k',
  'seed',
  'observable',
  'scale',
  'gate-scale',
  'decoherence-scale',
  'readout-scale',
];

function parseArgs(args: readonly string[]): Partial<NoiseVsDepthParams> {
  const f = parseFlags(args, FLAGS);
  const out: Partial<NoiseVsDepthParams> = {};
  const v = (k: string) => f.get(k);
  if (v('family')) out.family = parseChoice(v('family')!, '--family', FAMILIES);
  if (v('qubits')) out.qubits = parseInteger(v('qubits')!, '--qubits', { min: 2, max: MAX_QUBITS });
  if (v('depth')) out.maxDepth = parseInteger(v('depth')!, '--depth', { min: 1, max: 500 });
  if (v('device')) out.device = v('device')!;
  if (v('configs')) {
    out.configs = v('configs')!.split(',');
    for (const c of out.configs) {
      try {
        parseConfig(c);
      } catch (e) {
        throw new UsageError(`--configs: ${(e as Error).message}`);
      }
    }
  }
  if (v('shots')) out.shots = parseInteger(v('shots')!, '--shots', { min: 1, max: 1e9 });
  if (v('k')) out.k = parseNumber(v('k')!, '--k', { min: 0 });
  if (v('seed')) out.seed = parseInteger(v('seed')!, '--seed', { min: 0, max: 0xffffffff });
  if (v('observable')) out.observable = v('observable')!;
  if (v('scale')) out.scale = parseNumber(v('scale')!, '--scale', { min: 0 });
  if (v('gate-scale')) out.gateScale = parseNumber(v('gate-scale')!, '--gate-scale', { min: 0 });
  if (v('decoherence-scale'))
    out.decoherenceScale = parseNumber(v('decoherence-scale')!, '--decoherence-scale', { min: 0 });
  if (v('readout-scale')) out.readoutScale = parseNumber(v('readout-scale')!, '--readout-scale', { min: 0 });
  return out;
}

export const noiseVsDepth: ExperimentDefinition<NoiseVsDepthParams, NoiseVsDepthSamples, NoiseVsDepthData> = {
  name: 'noise-vs-depth',
  version: NVD_VERSION,
  description: 'Fidelity and a measured observable against circuit depth under a device noise model.',
  normalize,
  sampleCount: (p) => p.configs.length,
  workPerSample: (p) => p.maxDepth,
  runSamples,
  merge,
  summarize: (p, s) => ({ configs: s.configs, observable: p.observable, device: p.device }),
  method,
  seedOf: (p) => p.seed,
  cli: {
    usage:
      'noise-vs-depth --family ghz|layered --qubits 4 --depth 20 --device ibm_boston [--configs ideal,gate,decoherence,readout,all] [--shots 1000] [--k 2] [--seed 1] [--observable XXXX] [--scale 1] [--gate-scale 1] [--decoherence-scale 1] [--readout-scale 1]',
    parseArgs,
    columns: [
      'config',
      'depth',
      'gates',
      'twoQubitGates',
      'fidelity',
      'ideal',
      'noisy',
      'stderr',
      'sampled',
      'resolvable',
      'depthLost',
    ],
    rows: (d: NoiseVsDepthData): Row[] =>
      d.configs.flatMap((c) => c.points.map((pt) => ({ config: c.config, ...pt, depthLost: c.depthLost }))),
  },
};
