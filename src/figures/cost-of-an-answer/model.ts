/**
 * What one answer costs, three ways, as the register grows (n = 2…60). The answer is computed by a
 * hardware-efficient ansatz of L layers on n qubits (each layer: n RY rotations, then n − 1 CZs in a
 * brickwork of depth 2), so a circuit has g = L·(2n − 1) gates and P = L·n parameters.
 *
 *   circuits per answer   expectation 1; VQE energy 3 (a Heisenberg-type Hamiltonian: all XX, all YY, all ZZ
 *                         terms, each group measured in one basis); gradient 2P (parameter shift); epoch 2P·examples
 *   QPU                   S = ⌈1/ε²⌉ shots per circuit; shot = L·(t₁ + 2·t₂) + measurement + repetition delay;
 *                         execution = C·S·shot; jobs = ⌈C / circuits per job⌉, each paying latency + queue;
 *                         dollars by the price plan; energy = system power × (execution + job latency)
 *                         available up to the device's qubit count
 *   noise                 λ = L·n·e₁ + L·(n − 1)·e₂ expected gate faults; F = e^(−λ) scales the signal, so
 *                         resolving the ideal value to ε needs S/F² shots; below F = ε the answer is lost
 *   GPU simulation        exact state vector, complex64 (8 bytes per amplitude): each gate is one read and
 *                         one write of 2ⁿ amplitudes at the memory bandwidth, plus one pass for the expectation
 *                         value (no shots: the simulator returns the exact value). k = the power of two of
 *                         GPUs whose memory holds 8·2ⁿ bytes, up to one 8-GPU node; a gate on one of the
 *                         log₂k "global" qubits also exchanges a GPU's share over NVLink.
 *   browser               our own StateVector (two Float64Arrays), one gate pass timed live for n ≤ 20 (the
 *                         browser cap), extrapolated as t(20)·2^(n−20) up to the simulator's hard maximum;
 *                         energy at a reader-set power; no dollars (the reader's machine is already paid for)
 *
 * Pure functions; no DOM.
 */
import gpus from '../../../content/data/gpus.json';
import type { ParamsOf } from '../../story/params';
import { shotsForPrecision } from '../../costs/pipeline';
import {
  deviceTiming,
  gpuProfile,
  pricePlan,
  type DeviceTiming,
  type GpuProfile,
  type PricePlan,
} from '../../costs/profiles';
import type { costParamSpec } from './meta';

export const LAST_STEP = 2;
export const N_MIN = 2;
export const N_MAX = 60;
/** The browser's state-vector cap (DESIGN: ≤ 20 qubits) and the simulator's hard maximum for extrapolation. */
export const BROWSER_MEASURED_MAX = 20;
export const BROWSER_EXTRAPOLATED_MAX = 30;
/** Bytes per amplitude: complex64 on the GPU (single precision, as GPU simulators default to), 2 × Float64 in ours. */
export const GPU_BYTES_PER_AMPLITUDE = 8;
/** One GPU node: p5.48xlarge, 8 × H100 (the node whose list price gpus.json cites). */
export const GPUS_PER_NODE = 8;

const h100 = gpus.items['h100-sxm'];
export const GPU_MEMORY_BYTES = h100.memoryGB * 1e9;
export const NVLINK_BYTES_PER_S = h100.nvlinkGBs * 1e9;

export type CostInputs = ParamsOf<typeof costParamSpec>;

export interface Cost {
  seconds: number;
  usd: number;
  kWh: number;
}

export interface QpuCost extends Cost {
  available: boolean;
  shots: number;
  circuits: number;
  jobs: number;
  shotSeconds: number;
  execution: number;
  /** Expected gate faults per run and the fault-free probability e^(−λ) (null without published errors). */
  faults: number | null;
  fidelity: number | null;
}

export interface GpuCost extends Cost {
  available: boolean;
  gpus: number;
  passSeconds: number;
  passes: number;
}

export interface BrowserCost extends Cost {
  available: boolean;
  measured: boolean;
  passSeconds: number;
  passes: number;
}

export function gatesPerCircuit(n: number, layers: number): { one: number; two: number; total: number } {
  const one = layers * n;
  const two = layers * (n - 1);
  return { one, two, total: one + two };
}

export function circuitsPerAnswer(i: Pick<CostInputs, 'answer' | 'layers' | 'examples'>, n: number): number {
  const P = i.layers * n;
  switch (i.answer) {
    case 'expectation':
      return 1;
    case 'vqe':
      return 3;
    case 'gradient':
      return 2 * P;
    case 'epoch':
      return 2 * P * i.examples;
  }
}

function planDollars(
  plan: PricePlan,
  circuits: number,
  shots: number,
  execution: number,
  gates: { one: number; two: number },
): number {
  switch (plan.kind) {
    case 'per-second':
      return execution * plan.usdPerSecond;
    case 'per-task-shot':
      return circuits * shots * plan.usdPerShot + circuits * plan.usdPerTask;
    case 'per-gate-shot': {
      const perCircuit = shots * (gates.one * plan.usdPer1qGateShot + gates.two * plan.usdPer2qGateShot);
      return circuits * Math.max(perCircuit, plan.usdMinimumPerJob);
    }
  }
}

export function qpuCost(
  i: CostInputs,
  n: number,
  device: DeviceTiming = deviceTiming(i.device),
  plan: PricePlan = pricePlan(i.plan),
): QpuCost {
  const S = shotsForPrecision(i.eps);
  const C = circuitsPerAnswer(i, n);
  const g = gatesPerCircuit(n, i.layers);
  const shotSeconds =
    i.layers * (device.oneQubitGate_s + 2 * device.twoQubitGate_s) + device.measure_s + device.repDelay_s;
  const execution = C * S * shotSeconds;
  const jobs = Math.ceil(C / i.perJob);
  const seconds = execution + jobs * (i.latency + i.queue);
  const usd = planDollars(plan, C, S, execution, g);
  const kWh = (i.qpuPower * (execution + jobs * i.latency)) / 3600;
  const faults =
    device.twoQubitError === null ? null : g.one * (device.oneQubitError ?? 0) + g.two * device.twoQubitError;
  return {
    available: n <= device.qubits,
    shots: S,
    circuits: C,
    jobs,
    shotSeconds,
    execution,
    seconds,
    usd,
    kWh,
    faults,
    fidelity: faults === null ? null : Math.exp(-faults),
  };
}

/** GPUs (a power of two) whose memory holds the state; null when more than one node would be needed. */
export function gpusFor(n: number): number | null {
  const bytes = GPU_BYTES_PER_AMPLITUDE * 2 ** n;
  const k = 2 ** Math.max(0, Math.ceil(Math.log2(bytes / GPU_MEMORY_BYTES)));
  return k <= GPUS_PER_NODE ? k : null;
}

export function gpuCost(i: CostInputs, n: number, gp: GpuProfile = gpuProfile('h100-sxm')): GpuCost {
  const k = gpusFor(n);
  const C = circuitsPerAnswer(i, n);
  const g = gatesPerCircuit(n, i.layers);
  const passes = C * (g.total + 1);
  if (k === null) return { available: false, gpus: 0, passSeconds: NaN, passes, seconds: NaN, usd: NaN, kWh: NaN };
  const share = (GPU_BYTES_PER_AMPLITUDE * 2 ** n) / k;
  const local = (2 * share) / gp.memoryBandwidthBytes;
  const globalFraction = k > 1 ? Math.log2(k) / n : 0;
  const passSeconds = local + globalFraction * (share / NVLINK_BYTES_PER_S);
  const seconds = passes * passSeconds;
  return {
    available: true,
    gpus: k,
    passSeconds,
    passes,
    seconds,
    usd: (k * seconds * i.gpuPrice) / 3600,
    kWh: (k * gp.watts * seconds) / 3.6e6,
  };
}

/** Measured seconds per gate pass by register size (n → s), from the live timing. */
export type PassTimings = ReadonlyMap<number, number>;

export function browserCost(i: CostInputs, n: number, timings: PassTimings): BrowserCost {
  const C = circuitsPerAnswer(i, n);
  const passes = C * (gatesPerCircuit(n, i.layers).total + 1);
  const measured = timings.get(n);
  const anchor = timings.get(BROWSER_MEASURED_MAX);
  let passSeconds: number;
  if (measured !== undefined) passSeconds = measured;
  else if (n > BROWSER_MEASURED_MAX && n <= BROWSER_EXTRAPOLATED_MAX && anchor !== undefined)
    passSeconds = anchor * 2 ** (n - BROWSER_MEASURED_MAX);
  else return { available: false, measured: false, passSeconds: NaN, passes, seconds: NaN, usd: NaN, kWh: NaN };
  const seconds = passes * passSeconds;
  return {
    available: true,
    measured: measured !== undefined,
    passSeconds,
    passes,
    seconds,
    usd: 0,
    kWh: (i.laptopW * seconds) / 3.6e6,
  };
}

export type Metric = 'seconds' | 'usd' | 'kWh';
export const METRICS: readonly Metric[] = ['seconds', 'usd', 'kWh'];

export interface Row {
  n: number;
  qpu: QpuCost;
  gpu: GpuCost;
  browser: BrowserCost;
}

export function sweep(i: CostInputs, timings: PassTimings): Row[] {
  const device = deviceTiming(i.device);
  const plan = pricePlan(i.plan);
  const gp = gpuProfile('h100-sxm');
  const rows: Row[] = [];
  for (let n = N_MIN; n <= N_MAX; n++)
    rows.push({ n, qpu: qpuCost(i, n, device, plan), gpu: gpuCost(i, n, gp), browser: browserCost(i, n, timings) });
  return rows;
}

export interface Crossover {
  /** Smallest n from which the QPU is available and cheaper (or the only option) at every larger n it covers; null = never. */
  n: number | null;
  /** 'cheaper': the QPU wins on the metric there; 'only': the classical side ended (memory) first. */
  why: 'cheaper' | 'only' | null;
}

/** Where the QPU overtakes a classical side on one metric (dollars: the browser never loses, it costs $0). */
export function crossover(rows: readonly Row[], side: 'gpu' | 'browser', metric: Metric): Crossover {
  let start: number | null = null;
  let why: Crossover['why'] = null;
  for (const r of rows) {
    if (!r.qpu.available) break;
    const c = r[side];
    const wins = !c.available || r.qpu[metric] < c[metric];
    if (wins && start === null) {
      start = r.n;
      why = c.available ? 'cheaper' : 'only';
    }
    if (!wins) {
      start = null;
      why = null;
    }
  }
  return { n: start, why };
}

/** Largest n each side can answer at all. */
export function lastAvailable(rows: readonly Row[], side: 'qpu' | 'gpu' | 'browser'): number | null {
  let last: number | null = null;
  for (const r of rows) if (r[side].available) last = r.n;
  return last;
}
