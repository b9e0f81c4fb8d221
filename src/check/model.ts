/**
 * The claim checker: the article's six-point list of what a credible speedup claim must show, applied
 * to one claim. Every input is optional; what can be computed from the claim's own numbers is computed
 * (closed forms only, whatever the size: nothing here is simulated), what cannot is marked as
 * something the claim must state. Pure; no DOM.
 *
 *   shots S            as stated, else ⌈1/ε²⌉ from the stated precision
 *   loading            amplitude encoding of d numbers per circuit: src/encoding/counts (depth in layers)
 *   one shot           (loading depth + layers) × mean gate time + measurement + repetition delay
 *   end-to-end         circuits · S · shot + ⌈circuits / 200⌉ · (latency + queue)
 *   fidelity           e^(−λ), λ = two-qubit gates · e₂ + qubits · layers · e₁ (gate faults only: optimistic)
 *   dollars            at the chosen list price; energy at the system power over execution and loading
 *   baseline           the ratio of the end-to-end quantum time to the stated classical runtime
 */
import { encodingCounts } from '../encoding/counts';
import { shotsForPrecision } from '../costs/pipeline';
import {
  JOB_LATENCY,
  QPU_POWER,
  deviceTiming,
  pricePlan,
  TIMED_DEVICE_IDS,
  type PlanId,
  type TimedDeviceId,
} from '../costs/profiles';

/** The devices with published gate times, then 'custom' (the claim's own numbers). */
export const CHECK_DEVICES = [...TIMED_DEVICE_IDS, 'custom'] as const;
export type CheckDevice = (typeof CHECK_DEVICES)[number];
export const CHECK_PLANS = [
  'ibm-payg',
  'braket-ionq-forte',
  'braket-iqm-garnet',
  'braket-rigetti-ankaa',
] as const satisfies readonly PlanId[];
export const TRISTATE = ['unstated', 'yes', 'no'] as const;
export type Tri = (typeof TRISTATE)[number];
export const CIRCUITS_PER_JOB = 200;

export interface NumberField {
  key: string;
  label: string;
  unit: string;
  min: number;
  max: number;
  int?: boolean;
  help: string;
}

/** Numeric inputs, their units and sane bounds (beyond them the input is refused with a note). */
export const NUMBER_FIELDS = [
  {
    key: 'qubits',
    label: 'qubits',
    unit: 'qubits',
    min: 1,
    max: 1e7,
    int: true,
    help: 'register size used by the claim',
  },
  {
    key: 'layers',
    label: 'circuit depth',
    unit: 'layers of gates',
    min: 1,
    max: 1e12,
    int: true,
    help: 'layers of two-qubit gates (cycles)',
  },
  {
    key: 'twoq',
    label: 'two-qubit gates',
    unit: 'gates per circuit',
    min: 0,
    max: 1e15,
    int: true,
    help: 'if empty: qubits/2 per layer',
  },
  {
    key: 'shots',
    label: 'shots',
    unit: 'shots per circuit',
    min: 1,
    max: 1e15,
    int: true,
    help: 'or give a target precision',
  },
  {
    key: 'eps',
    label: 'target precision ε',
    unit: 'fraction, 0–1',
    min: 1e-8,
    max: 1,
    help: 'used when shots are not stated',
  },
  {
    key: 'circuits',
    label: 'circuits per answer',
    unit: 'circuits',
    min: 1,
    max: 1e15,
    int: true,
    help: 'distinct circuits run for the answer',
  },
  {
    key: 'data',
    label: 'input numbers loaded',
    unit: 'numbers per circuit',
    min: 0,
    max: 1e12,
    int: true,
    help: 'classical data amplitude-encoded into each circuit',
  },
  { key: 'qtime', label: 'claimed quantum time', unit: 'seconds', min: 0, max: 1e20, help: 'as reported by the claim' },
  {
    key: 'base',
    label: 'classical baseline runtime',
    unit: 'seconds',
    min: 0,
    max: 1e40,
    help: 'the best classical method, as stated',
  },
  {
    key: 'e2',
    label: 'custom two-qubit error',
    unit: 'fraction, 0–1',
    min: 0,
    max: 1,
    help: 'average gate error, for a custom device',
  },
  { key: 'e1', label: 'custom one-qubit error', unit: 'fraction, 0–1', min: 0, max: 1, help: 'for a custom device' },
  {
    key: 'gate',
    label: 'custom gate time',
    unit: 'ns',
    min: 0,
    max: 1e9,
    help: 'mean gate duration, for a custom device',
  },
  {
    key: 'rep',
    label: 'custom shot overhead',
    unit: 'µs',
    min: 0,
    max: 1e9,
    help: 'measurement + repetition delay, for a custom device',
  },
  {
    key: 'latency',
    label: 'latency per job',
    unit: 'seconds',
    min: 0,
    max: 1e7,
    help: 'load/compile per job (default: the 2018 IBM anchor)',
  },
  { key: 'queue', label: 'queue per job', unit: 'seconds', min: 0, max: 1e9, help: 'wait before the job runs' },
] as const satisfies readonly NumberField[];
export type NumberKey = (typeof NUMBER_FIELDS)[number]['key'];

export interface CheckInputs {
  name: string;
  basehw: string;
  device: CheckDevice;
  plan: (typeof CHECK_PLANS)[number];
  task: Tri;
  protocol: Tri;
  num: Partial<Record<NumberKey, number>>;
}

export const DEFAULT_INPUTS: CheckInputs = {
  name: '',
  basehw: '',
  device: 'ibm_boston',
  plan: 'ibm-payg',
  task: 'unstated',
  protocol: 'unstated',
  num: { latency: JOB_LATENCY.seconds, queue: 0, circuits: 1 },
};

export interface FieldIssue {
  key: string;
  message: string;
}

const MAX_TEXT = 200;

/** Reads a query string into inputs; each refused value leaves its default and a note for its field. */
export function parseQuery(search: string): { inputs: CheckInputs; issues: FieldIssue[] } {
  const q = new URLSearchParams(search);
  const issues: FieldIssue[] = [];
  const inputs: CheckInputs = { ...DEFAULT_INPUTS, num: { ...DEFAULT_INPUTS.num } };
  inputs.name = (q.get('name') ?? '').slice(0, MAX_TEXT);
  inputs.basehw = (q.get('basehw') ?? '').slice(0, MAX_TEXT);
  const choice = <T extends string>(key: string, allowed: readonly T[], fallback: T): T => {
    const v = q.get(key);
    if (v === null || v === '') return fallback;
    if ((allowed as readonly string[]).includes(v)) return v as T;
    issues.push({ key, message: `“${v.slice(0, 40)}” is not one of the choices; kept ${fallback}.` });
    return fallback;
  };
  inputs.device = choice('device', CHECK_DEVICES, DEFAULT_INPUTS.device);
  inputs.plan = choice('plan', CHECK_PLANS, DEFAULT_INPUTS.plan);
  inputs.task = choice('task', TRISTATE, 'unstated');
  inputs.protocol = choice('protocol', TRISTATE, 'unstated');
  for (const f of NUMBER_FIELDS) {
    const raw = q.get(f.key);
    if (raw === null || raw.trim() === '') continue;
    const r = parseNumber(raw, f);
    if ('value' in r) inputs.num[f.key] = r.value;
    else issues.push({ key: f.key, message: r.error });
  }
  return { inputs, issues };
}

/** One numeric field: a plain number (1e6 and 1,000,000 accepted) within bounds, in the field's unit. */
export function parseNumber(raw: string, f: NumberField): { value: number } | { error: string } {
  const s = raw.trim().replace(/[,_ ]/g, '');
  const shown = raw.trim().slice(0, 40);
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) {
    return {
      error: /[a-zµ]/i.test(s)
        ? `“${shown}” has letters: enter a plain number in ${f.unit}.`
        : `“${shown}” is not a number.`,
    };
  }
  const v = Number(s);
  if (!Number.isFinite(v)) return { error: `“${shown}” is too large to be a real ${f.label}.` };
  if (v < f.min) return { error: `“${shown}” is below ${f.min} ${f.unit}.` };
  if (v > f.max)
    return { error: `“${shown}” is beyond ${f.max.toExponential(0)} ${f.unit}: not a size any claim could run.` };
  if (f.int && !Number.isInteger(v)) return { error: `“${shown}” must be a whole number of ${f.unit}.` };
  return { value: v };
}

/** The query string of some inputs (only what differs from the defaults), for shareable links. */
export function toQuery(i: CheckInputs): string {
  const q = new URLSearchParams();
  if (i.name) q.set('name', i.name);
  for (const f of NUMBER_FIELDS) {
    const v = i.num[f.key];
    if (v !== undefined && v !== DEFAULT_INPUTS.num[f.key]) q.set(f.key, String(v));
  }
  if (i.device !== DEFAULT_INPUTS.device) q.set('device', i.device);
  if (i.plan !== DEFAULT_INPUTS.plan) q.set('plan', i.plan);
  if (i.task !== 'unstated') q.set('task', i.task);
  if (i.protocol !== 'unstated') q.set('protocol', i.protocol);
  if (i.basehw) q.set('basehw', i.basehw);
  return q.toString();
}

export interface DeviceNumbers {
  name: string;
  e1: number | null;
  e2: number | null;
  gate_s: number | null;
  overhead_s: number | null;
  source: string;
}

export function deviceNumbers(i: CheckInputs): DeviceNumbers {
  if (i.device === 'custom') {
    return {
      name: 'custom device',
      e1: i.num.e1 ?? null,
      e2: i.num.e2 ?? null,
      gate_s: i.num.gate === undefined ? null : i.num.gate * 1e-9,
      overhead_s: i.num.rep === undefined ? null : i.num.rep * 1e-6,
      source: 'entered by the reader',
    };
  }
  const d = deviceTiming(i.device as TimedDeviceId);
  return {
    name: d.name,
    e1: d.oneQubitError,
    e2: d.twoQubitError,
    gate_s: (d.oneQubitGate_s + d.twoQubitGate_s) / 2,
    overhead_s: d.measure_s + d.repDelay_s,
    source: `${d.source} (${d.date})`,
  };
}

export type Verdict = 'pass' | 'fail' | 'computed' | 'must-state';

export interface Item {
  id: 'task' | 'protocol' | 'end-to-end' | 'energy' | 'dollars' | 'baseline';
  ask: string;
  verdict: Verdict;
  /** One-line result in words (numbers formatted by the caller's formatter). */
  lines: Array<{ text: string; formula?: string; source?: string }>;
}

export interface CheckResult {
  shots: number | null;
  twoQubitGates: number | null;
  loadingLayers: number;
  shotSeconds: number | null;
  loadingShare: number | null;
  endToEnd: number | null;
  execution: number | null;
  jobs: number;
  fidelity: number | null;
  usd: number | null;
  kWh: number | null;
  /** End-to-end quantum time / classical runtime: below 1 the quantum side is faster. */
  ratio: number | null;
  /** Whose quantum time the ratio uses: our end-to-end arithmetic, or (lacking inputs) the claim's own figure. */
  ratioFrom: 'ours' | 'claimed' | null;
  device: DeviceNumbers;
}

export function computeCheck(i: CheckInputs): CheckResult {
  const n = i.num;
  const device = deviceNumbers(i);
  const shots = n.shots ?? (n.eps !== undefined ? shotsForPrecision(n.eps) : null);
  const twoQubitGates =
    n.twoq ?? (n.qubits !== undefined && n.layers !== undefined ? Math.floor(n.qubits / 2) * n.layers : null);
  const loadingLayers = n.data ? encodingCounts('amplitude', Math.max(2, Math.round(n.data))).depth : 0;
  const circuits = n.circuits ?? 1;
  const jobs = Math.ceil(circuits / CIRCUITS_PER_JOB);
  let shotSeconds: number | null = null,
    loadingShare: number | null = null,
    execution: number | null = null,
    endToEnd: number | null = null;
  if (n.layers !== undefined && device.gate_s !== null && device.overhead_s !== null) {
    shotSeconds = (loadingLayers + n.layers) * device.gate_s + device.overhead_s;
    loadingShare = shotSeconds > 0 ? (loadingLayers * device.gate_s) / shotSeconds : 0;
    if (shots !== null) {
      execution = circuits * shots * shotSeconds;
      endToEnd = execution + jobs * ((n.latency ?? 0) + (n.queue ?? 0));
    }
  }
  let fidelity: number | null = null;
  if (twoQubitGates !== null && device.e2 !== null && n.qubits !== undefined && n.layers !== undefined) {
    fidelity = Math.exp(-(twoQubitGates * device.e2 + n.qubits * n.layers * (device.e1 ?? 0)));
  }
  let usd: number | null = null;
  const plan = pricePlan(i.plan);
  if (execution !== null && shots !== null) {
    usd =
      plan.kind === 'per-second'
        ? execution * plan.usdPerSecond
        : plan.kind === 'per-task-shot'
          ? circuits * (shots * plan.usdPerShot + plan.usdPerTask)
          : null;
  }
  const kWh = execution === null ? null : (QPU_POWER.kilowatts * (execution + jobs * (n.latency ?? 0))) / 3600;
  const quantum = endToEnd ?? n.qtime ?? null;
  const ratio = quantum !== null && n.base !== undefined && n.base > 0 ? quantum / n.base : null;
  const ratioFrom = ratio === null ? null : endToEnd !== null ? 'ours' : 'claimed';
  return {
    shots,
    twoQubitGates,
    loadingLayers,
    shotSeconds,
    loadingShare,
    endToEnd,
    execution,
    jobs,
    fidelity,
    usd,
    kWh,
    ratio,
    ratioFrom,
    device,
  };
}
