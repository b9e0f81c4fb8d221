/**
 * Typed access to the sourced constants in content/data/*.json that the data-loading figures use:
 * dataset presets, device timings, cloud price plans, latency anchors, QPU power and GPUs.
 * Pure data, no DOM. Every number returned carries its source and date for display.
 */
import cloud from '../../content/data/cloud.json';
import datasets from '../../content/data/datasets.json';
import devicesData from '../../content/data/devices.json';
import gpus from '../../content/data/gpus.json';
import type { TimedDeviceId } from '../sim/device-ids';
import type { GpuId, PlanId } from './params';

export { TIMED_DEVICE_IDS, type TimedDeviceId } from '../sim/device-ids';
export { GPU_IDS, PLAN_IDS, type GpuId, type PlanId } from './params';

export interface Sourced {
  source: string;
  date: string;
}

const cloudItems = cloud.items as Record<string, Record<string, unknown>>;

export const DATASET_IDS = ['iris', 'mnist', 'imagenet-1k', 'llama3-pretraining'] as const;
export type DatasetId = (typeof DATASET_IDS)[number];

export interface DatasetPreset extends Sourced {
  id: DatasetId;
  name: string;
  /** Training examples (tokens for the language-model corpus). */
  examples: number;
  /** Features per example (embedding dimension per token for the language-model corpus). */
  features: number;
  note?: string;
}

export function datasetPreset(id: DatasetId): DatasetPreset {
  const items = datasets.items as Record<string, Record<string, unknown>>;
  const d = items[id];
  if (id === 'llama3-pretraining') {
    return {
      id,
      name: String(d.name),
      examples: Number(d.trainTokens),
      features: Number(d.embeddingDimension),
      note: String(d.modelNote),
      source: String(d.source),
      date: String(d.date),
    };
  }
  return {
    id,
    name: String(d.name),
    examples: Number(d.trainExamples),
    features: Number(d.features),
    note: d.featureNote ? String(d.featureNote) : undefined,
    source: String(d.source),
    date: String(d.date),
  };
}

export interface DeviceTiming extends Sourced {
  id: TimedDeviceId;
  name: string;
  qubits: number;
  oneQubitGate_s: number;
  twoQubitGate_s: number;
  /** 0 when unpublished (see `notes`). */
  measure_s: number;
  /** T2 in seconds; for devices without a published T2, 2·T1 (the upper bound T2 ≤ 2T1) — noted. */
  t2_s: number;
  /** Average-convention gate errors (Pauli errors converted), null when unpublished. */
  oneQubitError: number | null;
  twoQubitError: number | null;
  /** Wait between shots: the backend's default repetition delay (IBM), 0 where none is published. */
  repDelay_s: number;
  notes: string[];
}

interface RawDevice {
  id: string;
  name: string;
  qubits: number;
  t1_us: number | null;
  t2_us: number | null;
  oneQubitGate_ns: number | null;
  twoQubitGate_ns: number | null;
  measure_ns: number | null;
  oneQubitError: number | null;
  twoQubitError: number | null;
  errorConvention: string;
  source: string;
  date: string;
  vendor: string;
  repDelay_us?: number;
}

export function deviceTiming(id: TimedDeviceId): DeviceTiming {
  const d = (devicesData.devices as RawDevice[]).find((x) => x.id === id);
  if (!d || d.oneQubitGate_ns === null || d.twoQubitGate_ns === null)
    throw new Error(`device ${id} has no published gate times`);
  const notes: string[] = [];
  let t2_us = d.t2_us;
  if (t2_us === null) {
    if (d.t1_us === null) throw new Error(`device ${id} has neither T1 nor T2`);
    t2_us = 2 * d.t1_us;
    notes.push(`${d.name}: no T2 published; the bound T2 ≤ 2·T1 = ${t2_us} µs is used (generous).`);
  }
  if (d.measure_ns === null) notes.push(`${d.name}: measurement duration not published; counted as 0.`);
  const repDelay_us = d.repDelay_us ?? null;
  if (repDelay_us === null) notes.push(`${d.name}: no repetition delay published; counted as 0 between shots.`);
  // Google reports Pauli error; the average gate error is 2/3 of it for 1q gates and 4/5 for 2q gates.
  const pauli = d.errorConvention === 'pauli';
  const twoQubitError = d.twoQubitError === null ? null : pauli ? (d.twoQubitError * 4) / 5 : d.twoQubitError;
  const oneQubitError = d.oneQubitError === null ? null : pauli ? (d.oneQubitError * 2) / 3 : d.oneQubitError;
  return {
    id,
    name: d.name,
    qubits: d.qubits,
    oneQubitGate_s: d.oneQubitGate_ns * 1e-9,
    twoQubitGate_s: d.twoQubitGate_ns * 1e-9,
    measure_s: (d.measure_ns ?? 0) * 1e-9,
    t2_s: t2_us * 1e-6,
    oneQubitError,
    twoQubitError,
    repDelay_s: (repDelay_us ?? 0) * 1e-6,
    notes,
    source: d.source,
    date: d.date,
  };
}

export type PricePlan =
  | ({ id: PlanId; kind: 'per-second'; label: string; usdPerSecond: number } & Sourced)
  | ({
      id: PlanId;
      kind: 'per-task-shot';
      label: string;
      usdPerTask: number;
      usdPerShot: number;
      taskSource: Sourced;
    } & Sourced)
  | ({
      id: PlanId;
      kind: 'per-gate-shot';
      label: string;
      usdPer1qGateShot: number;
      usdPer2qGateShot: number;
      usdMinimumPerJob: number;
    } & Sourced);

export function pricePlan(id: PlanId): PricePlan {
  const it = cloudItems[id];
  const src = { source: String(it.source), date: String(it.date) };
  const label = `${it.provider}${it.device ? `, ${it.device}` : ''}`;
  if (it.kind === 'per-second') return { id, kind: 'per-second', label, usdPerSecond: Number(it.usdPerSecond), ...src };
  if (it.kind === 'per-shot') {
    const task = cloudItems['braket-task'];
    return {
      id,
      kind: 'per-task-shot',
      label,
      usdPerTask: Number(task.usdPerTask),
      usdPerShot: Number(it.usdPerShot),
      taskSource: { source: String(task.source), date: String(task.date) },
      ...src,
    };
  }
  if (it.kind === 'per-gate-shot') {
    return {
      id,
      kind: 'per-gate-shot',
      label,
      usdPer1qGateShot: Number(it.usdPerOneQubitGateShot),
      usdPer2qGateShot: Number(it.usdPerTwoQubitGateShot),
      usdMinimumPerJob: Number(it.usdMinimumPerJob),
      ...src,
    };
  }
  throw new Error(`price plan ${id} has unsupported kind ${String(it.kind)}`);
}

/** A cloud.json entry's note with its source and date. */
const sourcedNote = (item: Record<string, unknown>) => ({
  note: String(item.note),
  source: String(item.source),
  date: String(item.date),
});

const latencyItem = cloudItems['ibm-2018-job-latency'];
/** Per-job overhead anchor: ≈ 15 s to load a job into the control electronics, from a 2018 IBM device (no current figure is published). */
export const JOB_LATENCY = { seconds: Number(latencyItem.loadSeconds), ...sourcedNote(latencyItem) };
export const QUEUE_NOTE = sourcedNote(cloudItems['queue-time']);
const powerItem = cloudItems['qpu-system-power'];
export const QPU_POWER = {
  kilowatts: Number(powerItem.kilowatts),
  system: String(powerItem.provider),
  ...sourcedNote(powerItem),
};

export interface GpuProfile extends Sourced {
  id: GpuId;
  name: string;
  bf16DenseFlops: number;
  memoryBandwidthBytes: number;
  watts: number;
  /** A sourced list price in $/GPU-hour, or null when none is in the data (the reader can enter one). */
  listUsdPerHour: number | null;
  priceSource: Sourced | null;
}

export function gpuProfile(id: GpuId): GpuProfile {
  const g = (gpus.items as Record<string, Record<string, unknown>>)[id];
  const lp = g.listPrice as { usdPerGpuHour: number; source: string; date: string } | undefined;
  return {
    id,
    name: String(g.name),
    bf16DenseFlops: Number(g.bf16DenseTflops) * 1e12,
    memoryBandwidthBytes: Number(g.memoryBandwidthTBs) * 1e12,
    watts: Number(g.tdpWatts),
    listUsdPerHour: lp ? lp.usdPerGpuHour : null,
    priceSource: lp ? { source: lp.source, date: lp.date } : null,
    source: String(g.source),
    date: String(g.date),
  };
}

export const GPU_UTILISATION = {
  value: gpus.utilisation.modelFlopsUtilisation,
  note: gpus.utilisation.note,
  source: gpus.utilisation.source,
  date: gpus.utilisation.date,
};
