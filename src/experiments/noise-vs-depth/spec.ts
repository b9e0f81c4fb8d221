/**
 * The main-thread half of the noise-vs-depth experiment (parameters, merge, summary, method); the
 * density-matrix runs are in ./index.ts.
 */
import { DEVICE_IDS } from '../../sim/device-ids';
import { parsePauli } from '../../sim/pauli';
import { mergeByIndex } from '../samples';
import type { ExperimentSpec } from '../types';
import { defaultObservable, FAMILIES, type Family } from './circuits';

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
export const SOURCES = ['gate', 'decoherence', 'readout'] as const;
export type Source = (typeof SOURCES)[number];
export const MAX_QUBITS = 8;

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
  if (!(DEVICE_IDS as readonly string[]).includes(device))
    throw new Error(`unknown device '${device}' (known: ${DEVICE_IDS.join(', ')})`);
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

export const noiseVsDepthSpec: ExperimentSpec<NoiseVsDepthParams, NoiseVsDepthSamples, NoiseVsDepthData> = {
  name: 'noise-vs-depth',
  version: NVD_VERSION,
  description: 'Fidelity and a measured observable against circuit depth under a device noise model.',
  normalize,
  sampleCount: (p) => p.configs.length,
  workPerSample: (p) => p.maxDepth,
  merge,
  summarize: (p, s) => ({ configs: s.configs, observable: p.observable, device: p.device }),
  method,
  seedOf: (p) => p.seed,
};
