/**
 * The encoding bill: circuit depth, CNOTs and qubits of the four encodings against the feature dimension
 * d, from the closed forms in src/encoding/counts.ts (verified against the built circuits in the unit
 * tests; `npm run experiment -- encoding-cost` counts the built circuits for small d), with the depth a
 * device can run before its T2 as a ceiling, and for the last step the gates a training run executes
 * just to load its data. Pure; no DOM.
 */
import { ENCODINGS, amplitudeQubits, type Encoding } from '../../encoding/circuits';
import { encodingCounts, type EncodingCounts } from '../../encoding/counts';
import { datasetPreset, deviceTiming, type DeviceTiming, type TimedDeviceId } from '../../costs/profiles';
import { shotsForPrecision } from '../../costs/pipeline';

export const LAST_STEP = 2;
export const D_MIN = 4;
export const D_MAX = 2 ** 20;

/** Feature dimensions on the x axis: powers of two from 4 to 2^20. */
export function sizes(): number[] {
  const out: number[] = [];
  for (let d = D_MIN; d <= D_MAX; d *= 2) out.push(d);
  return out;
}

export const ENCODING_LABEL: Record<Encoding, string> = {
  basis: 'basis',
  angle: 'angle',
  amplitude: 'amplitude',
  zz: 'ZZ feature map',
};
export const ENCODING_ORDER: readonly Encoding[] = ['amplitude', 'zz', 'basis', 'angle'];

/**
 * Depth a device runs before T2: a layer of the loading circuits alternates single-qubit rotations and
 * CNOTs, so it is timed at the mean of the two gate durations.
 */
export function depthCeiling(device: DeviceTiming): { depth: number; layerTime: number } {
  const layerTime = (device.oneQubitGate_s + device.twoQubitGate_s) / 2;
  return { depth: device.t2_s / layerTime, layerTime };
}

/** CNOTs in sequence before the state's fidelity falls to 1/e: (1 − p₂)^N = 1/e. */
export function cnotBudget(device: DeviceTiming): number | null {
  const p = device.twoQubitError;
  return p && p > 0 ? -1 / Math.log1p(-p) : null;
}

/** Step 0: one MNIST image; step 1: one ImageNet image; step 2: ImageNet's training set. */
export function stepDataset(step: number) {
  return datasetPreset(step === 0 ? 'mnist' : 'imagenet-1k');
}

export interface TrainingMultiplier {
  shots: number;
  circuitsPerExample: number;
  examples: number;
  /** Circuits executed per epoch, each for `shots` shots: examples · 2P · shots. */
  loads: number;
}

export function trainingMultiplier(eps: number, params: number, examples: number): TrainingMultiplier {
  const shots = shotsForPrecision(eps);
  const circuitsPerExample = 2 * params;
  return { shots, circuitsPerExample, examples, loads: examples * circuitsPerExample * shots };
}

/** Gates of a hardware-efficient ansatz of P rotations on q qubits (P RY + ⌈P/q⌉·(q − 1) CNOTs). */
export function ansatzGates(params: number, qubits: number): number {
  return params + (qubits > 1 ? Math.ceil(params / qubits) * (qubits - 1) : 0);
}

export interface SeriesPoint {
  d: number;
  value: number;
}
export interface Series {
  encoding: Encoding;
  points: SeriesPoint[];
}

export type Metric = 'depth' | 'trainingGates';

export function seriesFor(metric: Metric, mult: TrainingMultiplier): Series[] {
  return ENCODING_ORDER.map((encoding) => ({
    encoding,
    points: sizes().map((d) => {
      const c = encodingCounts(encoding, d);
      return { d, value: metric === 'depth' ? c.depth : (c.cnots + c.singleQubitGates) * mult.loads };
    }),
  }));
}

/** The model's own gates over the same training run (for amplitude encoding's q = log₂ d qubits). */
export function ansatzSeries(params: number, mult: TrainingMultiplier): SeriesPoint[] {
  return sizes().map((d) => ({ d, value: ansatzGates(params, amplitudeQubits(d)) * mult.loads }));
}

export interface Highlight {
  encoding: Encoding;
  counts: EncodingCounts;
  /** Gates to load one example × loads per epoch. */
  trainingGates: number;
  fitsQubits: boolean;
  fitsDepth: boolean;
  /** Seconds for one run of the loading circuit at the device's mean layer time. */
  duration: number;
}

export function highlights(d: number, device: DeviceTiming, mult: TrainingMultiplier): Highlight[] {
  const ceiling = depthCeiling(device);
  return ENCODING_ORDER.map((encoding) => {
    const counts = encodingCounts(encoding, d);
    return {
      encoding,
      counts,
      trainingGates: (counts.cnots + counts.singleQubitGates) * mult.loads,
      fitsQubits: counts.qubits <= device.qubits,
      fitsDepth: counts.depth <= ceiling.depth,
      duration: counts.depth * ceiling.layerTime,
    };
  });
}

export function deviceFor(id: TimedDeviceId): DeviceTiming {
  return deviceTiming(id);
}

export { ENCODINGS };
