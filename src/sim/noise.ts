/**
 * Noise models for the density-matrix simulator, and device noise models built from the calibration
 * medians in content/data/devices.json.
 *
 * A device model has three independent sources, each of which can be switched on or off and scaled
 * (the figures turn them on one at a time):
 * - gate: a depolarizing channel after every 1- and 2-qubit gate, with its parameter converted from
 *   the vendor's error convention (channels.ts documents the conventions);
 * - decoherence: zero-temperature thermal relaxation from T1, T2 during each gate's duration, plus idle
 *   relaxation of waiting qubits in an ASAP schedule;
 * - readout: a per-qubit confusion matrix on the measured distribution (readout.ts).
 *
 * Reported gate errors (randomized benchmarking) already contain the decoherence during the gate. When
 * both gate and decoherence are on, the depolarizing part is therefore reduced so that depolarizing ∘
 * relaxation has exactly the reported average gate error (exact, via process fidelities:
 * F_e(D_λ ∘ R) = (1 − λ)·F_e(R) + λ/d²). If relaxation alone already exceeds the reported error, the
 * depolarizing part is 0 and a note says so.
 */
import devicesData from '../../content/data/devices.json';
import {
  averageErrorFromPauliError,
  depolarizing,
  processFidelity,
  thermalRelaxation,
  type Channel,
  type ErrorConvention,
} from './channels';
import type { ReadoutError } from './readout';
import type { GateName } from './types';

/** Idle relaxation settings for the ASAP schedule (all times in nanoseconds). */
export interface IdleNoise {
  t1_ns: number;
  t2_ns: number;
  oneQubitGate_ns: number;
  twoQubitGate_ns: number;
  /** Duration of a mid-circuit measurement, or null when unknown (then it takes no time). */
  measure_ns: number | null;
}

export interface NoiseModel {
  /** Human label, e.g. "IBM Heron r3 (ibm_boston) — gate + decoherence + readout". */
  label: string;
  /** 1-qubit channels applied to the qubit after every non-virtual 1-qubit gate. */
  oneQubitGate: Channel[];
  /**
   * Channels after every 2-qubit gate: a 2-qubit channel acts on the gate's pair (qubits[0] = low bit),
   * a 1-qubit channel acts on each of its qubits.
   */
  twoQubitGate: Channel[];
  /** Gates treated as error-free and instantaneous (frame changes, "virtual Z"). */
  virtualGates: readonly GateName[];
  /** Idle relaxation in an ASAP schedule, or null for none. */
  idle: IdleNoise | null;
  /** Readout confusion shared by all qubits, or null for perfect readout. */
  readout: ReadoutError | null;
  /** The numbers the model was built from and derived (for the figures' method panel). */
  parameters: Record<string, number | null>;
  /** Conversions, clamps and missing data, in words. */
  notes: string[];
}

/** Z-type rotations are frame changes on IBM, Google, Quantinuum and IonQ hardware: no time, no error. */
export const DEFAULT_VIRTUAL_GATES: readonly GateName[] = ['rz', 'p', 'z', 's', 'sdg', 't', 'tdg'];

// ---------------------------------------------------------------------------------------------
// device profiles

export interface DeviceProfile {
  id: string;
  name: string;
  vendor: string;
  technology: string;
  qubits: number;
  /** Median 1-qubit gate error in `errorConvention`. */
  oneQubitError: number | null;
  /** Median 2-qubit gate error in `errorConvention`. */
  twoQubitError: number | null;
  twoQubitGateName?: string;
  errorConvention: ErrorConvention;
  readoutError: ReadoutError | null;
  t1_us: number | null;
  t2_us: number | null;
  oneQubitGate_ns: number | null;
  twoQubitGate_ns: number | null;
  measure_ns: number | null;
  /** Shots per second, if known (see the device's notes for how it was obtained). */
  shotRate: number | null;
  clops: number | null;
  notes: string[];
  /** The primary document the numbers come from. */
  source: string;
  /** Date of the calibration or document. */
  date: string;
}

function isNullableNumber(v: unknown): v is number | null {
  return v === null || (typeof v === 'number' && Number.isFinite(v) && v >= 0);
}

/** Checks one raw JSON entry and returns it typed; throws naming the device and the field. */
export function validateDeviceProfile(raw: unknown): DeviceProfile {
  const d = raw as Record<string, unknown>;
  const id = typeof d?.id === 'string' ? d.id : '(no id)';
  const fail = (field: string, why: string): never => {
    throw new Error(`devices.json: device '${id}': ${field} ${why}`);
  };
  for (const f of ['id', 'name', 'vendor', 'technology', 'source', 'date'] as const) {
    if (typeof d[f] !== 'string' || (d[f] as string).length === 0) fail(f, 'must be a non-empty string');
  }
  if (!Number.isInteger(d.qubits) || (d.qubits as number) < 1) fail('qubits', 'must be a positive integer');
  if (d.errorConvention !== 'average' && d.errorConvention !== 'pauli')
    fail('errorConvention', "must be 'average' or 'pauli'");
  for (const f of [
    'oneQubitError',
    'twoQubitError',
    't1_us',
    't2_us',
    'oneQubitGate_ns',
    'twoQubitGate_ns',
    'measure_ns',
    'shotRate',
    'clops',
  ] as const) {
    if (!isNullableNumber(d[f])) fail(f, 'must be a non-negative number or null');
  }
  for (const f of ['oneQubitError', 'twoQubitError'] as const) {
    if (typeof d[f] === 'number' && (d[f] as number) >= 1) fail(f, 'must be below 1');
  }
  const ro = d.readoutError as Record<string, unknown> | null;
  if (ro !== null) {
    if (typeof ro !== 'object') fail('readoutError', 'must be { p01, p10 } or null');
    for (const f of ['p01', 'p10'] as const) {
      const v = ro[f];
      if (typeof v !== 'number' || !(v >= 0 && v <= 0.5))
        fail(`readoutError.${f}`, 'must be a probability in [0, 0.5]');
    }
  }
  if (!Array.isArray(d.notes) || !d.notes.every((n) => typeof n === 'string'))
    fail('notes', 'must be a list of strings');
  return d as unknown as DeviceProfile;
}

let cachedDevices: DeviceProfile[] | null = null;

/** All device profiles from content/data/devices.json (validated once). */
export function loadDevices(): DeviceProfile[] {
  if (!cachedDevices) {
    const list = (devicesData as { devices: unknown[] }).devices;
    const seen = new Set<string>();
    cachedDevices = list.map((raw) => {
      const dev = validateDeviceProfile(raw);
      if (seen.has(dev.id)) throw new Error(`devices.json: duplicate device id '${dev.id}'`);
      seen.add(dev.id);
      return dev;
    });
  }
  return cachedDevices;
}

/** One device profile by id; throws listing the known ids. */
export function getDevice(id: string): DeviceProfile {
  const dev = loadDevices().find((d) => d.id === id);
  if (!dev)
    throw new Error(
      `unknown device '${id}'; known: ${loadDevices()
        .map((d) => d.id)
        .join(', ')}`,
    );
  return dev;
}

// ---------------------------------------------------------------------------------------------
// building models

export type NoiseSource = 'gate' | 'decoherence' | 'readout';

export interface DeviceNoiseOptions {
  /** Depolarizing gate error (default on). */
  gate?: boolean;
  /** T1/T2 relaxation during gates and while idle (default on). */
  decoherence?: boolean;
  /** Readout confusion (default on). */
  readout?: boolean;
  /** Idle relaxation of waiting qubits (default on when decoherence is on). */
  idle?: boolean;
  /**
   * Multiplies error rates: gate errors and readout probabilities are multiplied, T1 and T2 divided.
   * A number scales every source; an object scales sources separately (missing = 1).
   */
  scale?: number | Partial<Record<NoiseSource, number>>;
  /** Remove relaxation's share from the reported gate error when both are on (default true). */
  compensateGateError?: boolean;
  /** Gates treated as noiseless frame changes (default DEFAULT_VIRTUAL_GATES). */
  virtualGates?: readonly GateName[];
}

function scaleOf(scale: DeviceNoiseOptions['scale'], source: NoiseSource): number {
  const s = typeof scale === 'number' ? scale : (scale?.[source] ?? 1);
  if (!Number.isFinite(s) || s < 0)
    throw new RangeError(`noise scale for ${source} must be a finite number ≥ 0, got ${s}`);
  return s;
}

/** Average gate infidelity r from a vendor figure. */
function averageError(error: number, convention: ErrorConvention, numQubits: 1 | 2): number {
  return convention === 'pauli' ? averageErrorFromPauliError(error, numQubits) : error;
}

/**
 * Replacement-form depolarizing parameter λ such that D_λ ∘ R has average infidelity r, where R has
 * process fidelity fR (fR = 1 when there is no relaxation). d = 2^numQubits. Clamped to [0, 1].
 */
export function depolarizingForTarget(r: number, fR: number, numQubits: 1 | 2): number {
  const d = 1 << numQubits;
  const fTarget = ((d + 1) * (1 - r) - 1) / d;
  const lambda = (fR - fTarget) / (fR - 1 / (d * d));
  return Math.min(1, Math.max(0, lambda));
}

const fmt = (x: number) => Number(x.toPrecision(3)).toString();

/** The noise model of a device profile, with each source switched on or off and scaled. */
export function deviceNoiseModel(device: DeviceProfile, options: DeviceNoiseOptions = {}): NoiseModel {
  const useGate = options.gate ?? true;
  const useDecoh = options.decoherence ?? true;
  const useReadout = options.readout ?? true;
  const sGate = scaleOf(options.scale, 'gate');
  const sDecoh = scaleOf(options.scale, 'decoherence');
  const sRead = scaleOf(options.scale, 'readout');
  const notes: string[] = [];
  const parameters: Record<string, number | null> = {};
  const oneQubitGate: Channel[] = [];
  const twoQubitGate: Channel[] = [];
  let idle: IdleNoise | null = null;

  // --- decoherence (built first: the gate part depends on it)
  let relax1: Channel | null = null,
    relax2: Channel | null = null;
  if (useDecoh && sDecoh > 0) {
    const t1 = device.t1_us,
      t2 = device.t2_us,
      g1 = device.oneQubitGate_ns,
      g2 = device.twoQubitGate_ns;
    if (t1 === null || g1 === null || g2 === null) {
      notes.push(`Decoherence is off: ${device.name} has no published ${t1 === null ? 'T1' : 'gate durations'}.`);
    } else {
      const t1ns = (t1 * 1000) / sDecoh;
      let t2ns: number;
      if (t2 === null) {
        t2ns = 2 * t1ns;
        notes.push('T2 not published: dephasing is T1-limited (T2 = 2·T1, no pure dephasing).');
      } else {
        t2ns = (t2 * 1000) / sDecoh;
        if (t2ns > 2 * t1ns) {
          notes.push(`Median T2 (${t2} µs) exceeds 2·T1; clamped to 2·T1 = ${2 * t1} µs.`);
          t2ns = 2 * t1ns;
        }
      }
      parameters.t1_ns = t1ns;
      parameters.t2_ns = t2ns;
      const k1 = thermalRelaxation(t1ns, t2ns, g1);
      const k2 = thermalRelaxation(t1ns, t2ns, g2);
      relax1 = {
        label: `thermal relaxation (T1=${fmt(t1ns / 1000)} µs, T2=${fmt(t2ns / 1000)} µs, t=${g1} ns)`,
        numQubits: 1,
        kraus: k1,
      };
      relax2 = {
        label: `thermal relaxation (T1=${fmt(t1ns / 1000)} µs, T2=${fmt(t2ns / 1000)} µs, t=${g2} ns)`,
        numQubits: 1,
        kraus: k2,
      };
      if (options.idle ?? true) {
        idle = { t1_ns: t1ns, t2_ns: t2ns, oneQubitGate_ns: g1, twoQubitGate_ns: g2, measure_ns: device.measure_ns };
      }
    }
  }

  // --- gate error
  if (useGate && sGate > 0) {
    const compensate = (options.compensateGateError ?? true) && relax1 !== null;
    for (const k of [1, 2] as const) {
      const raw = k === 1 ? device.oneQubitError : device.twoQubitError;
      if (raw === null) {
        notes.push(`No published ${k}-qubit gate error: no ${k}-qubit depolarizing noise.`);
        continue;
      }
      const r = averageError(raw, device.errorConvention, k) * sGate;
      // Relaxation during the gate: for two qubits, both relax (process fidelities multiply).
      const fRelax1 = compensate ? processFidelity((k === 1 ? relax1 : relax2)!.kraus) : 1;
      const fR = k === 1 ? fRelax1 : fRelax1 * fRelax1;
      const lambda = depolarizingForTarget(r, fR, k);
      parameters[`averageError${k}q`] = r;
      parameters[`depolarizing${k}q`] = lambda;
      if (device.errorConvention === 'pauli') {
        notes.push(`${k}q: Pauli error ${fmt(raw)} = average gate error ${fmt(averageError(raw, 'pauli', k))}.`);
      }
      if (compensate) {
        const rRelax = ((1 - fR) * (1 << k)) / ((1 << k) + 1);
        notes.push(
          `${k}q: relaxation during the gate accounts for ${fmt(rRelax)} of the average error ${fmt(r)}; depolarizing λ = ${fmt(lambda)} supplies the rest.`,
        );
        if (lambda === 0 && rRelax > r)
          notes.push(`${k}q: relaxation alone exceeds the reported gate error; no depolarizing noise added.`);
      }
      if (lambda > 0) {
        (k === 1 ? oneQubitGate : twoQubitGate).push({
          label: `depolarizing ${k}q (λ=${fmt(lambda)})`,
          numQubits: k,
          kraus: depolarizing(lambda, k),
        });
      }
    }
  }
  if (relax1) oneQubitGate.push(relax1);
  if (relax2) twoQubitGate.push(relax2);

  // --- readout
  let readout: ReadoutError | null = null;
  if (useReadout && sRead > 0) {
    if (device.readoutError === null) notes.push('No published readout error: readout is perfect.');
    else {
      readout = {
        p01: Math.min(0.5, device.readoutError.p01 * sRead),
        p10: Math.min(0.5, device.readoutError.p10 * sRead),
      };
      parameters.readout_p01 = readout.p01;
      parameters.readout_p10 = readout.p10;
    }
  }

  const on =
    [useGate && 'gate', useDecoh && 'decoherence', useReadout && 'readout'].filter(Boolean).join(' + ') || 'noiseless';
  const scaleText = [sGate, sDecoh, sRead].every((s) => s === 1)
    ? ''
    : ` (scale gate ×${sGate}, decoherence ×${sDecoh}, readout ×${sRead})`;
  return {
    label: `${device.name} — ${on}${scaleText}`,
    oneQubitGate,
    twoQubitGate,
    virtualGates: options.virtualGates ?? DEFAULT_VIRTUAL_GATES,
    idle,
    readout,
    parameters,
    notes,
  };
}

/** The device model for a device id from devices.json. */
export function deviceNoiseModelById(id: string, options: DeviceNoiseOptions = {}): NoiseModel {
  return deviceNoiseModel(getDevice(id), options);
}

/**
 * A plain model: depolarizing p1 after every 1-qubit gate and p2 after every 2-qubit gate
 * (replacement convention ρ → (1−p)ρ + p·I/d), optional symmetric readout error, no idle noise.
 * Virtual gates default to none, so every gate is noisy.
 */
export function depolarizingNoiseModel(
  p1: number,
  p2: number,
  options: { readout?: ReadoutError | null; virtualGates?: readonly GateName[] } = {},
): NoiseModel {
  return {
    label: `depolarizing p1=${fmt(p1)}, p2=${fmt(p2)}`,
    oneQubitGate: p1 > 0 ? [{ label: `depolarizing 1q (λ=${fmt(p1)})`, numQubits: 1, kraus: depolarizing(p1, 1) }] : [],
    twoQubitGate: p2 > 0 ? [{ label: `depolarizing 2q (λ=${fmt(p2)})`, numQubits: 2, kraus: depolarizing(p2, 2) }] : [],
    virtualGates: options.virtualGates ?? [],
    idle: null,
    readout: options.readout ?? null,
    parameters: { depolarizing1q: p1, depolarizing2q: p2 },
    notes: [],
  };
}
