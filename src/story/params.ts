/**
 * Figure parameters in the URL query string, namespaced by figure id (`?shot-noise.theta=0.8`).
 * Pure parse/serialise functions plus validation: an invalid value falls back to the default and
 * yields a readable note for the reader — never an error.
 */
import { DEVICE_IDS, type DeviceId } from '../sim/device-ids';

export interface NumberParamSpec {
  type: 'number';
  label: string;
  default: number;
  min: number;
  max: number;
}

export interface IntParamSpec {
  type: 'int';
  label: string;
  default: number;
  min: number;
  max: number;
}

export interface ChoiceParamSpec<C extends string = string> {
  type: 'choice';
  label: string;
  default: C;
  choices: readonly C[];
}

export type ParamSpecEntry = NumberParamSpec | IntParamSpec | ChoiceParamSpec;
export type ParamSpec = Readonly<Record<string, ParamSpecEntry>>;

/**
 * Declares a figure's parameter spec. The spec is the single source of the parameters' type: the
 * `const` type parameter keeps its literal keys and choices, so `ParamsOf<typeof spec>` is exact,
 * and every entry is checked against `ParamSpecEntry` where it is written.
 */
export function defineParams<const S extends ParamSpec>(spec: S): S {
  return spec;
}

/** The values a spec describes: numbers for number/int entries, one of the choices otherwise. */
export type ParamsOf<S extends ParamSpec> = {
  -readonly [K in keyof S]: S[K] extends { type: 'choice'; choices: readonly (infer C)[] } ? C : number;
};

/**
 * The ids of a labelled choice list, in the order the labels are written: the labels record is the one list
 * (`choices: choicesOf(LABELS)` and `LABELS[id]` cannot fall out of step).
 */
export function choicesOf<L extends Readonly<Record<string, string>>>(labels: L): readonly (keyof L & string)[] {
  return Object.keys(labels) as (keyof L & string)[];
}

/**
 * The named parameters as they are, in the order named: the part of a figure's mapping to its experiment's or
 * model's inputs that passes parameters through unchanged (the mapping adds what it renames or fixes).
 */
export function pickParams<P extends object, K extends keyof P>(params: P, names: readonly K[]): Pick<P, K> {
  const out = {} as Pick<P, K>;
  for (const name of names) out[name] = params[name];
  return out;
}

/** Largest seed: the seeded generators take an unsigned 32-bit integer (src/sim/rng.ts). */
export const SEED_MAX = 0xffff_ffff;

/** The seed parameter of every seeded figure: a whole number in 0…2³²−1; figures differ only in the default. */
export function seedParam(defaultSeed = 1): IntParamSpec {
  return { type: 'int', label: 'seed', default: defaultSeed, min: 0, max: SEED_MAX };
}

/** The device parameter of the noise figures: one of the devices in content/data/devices.json. */
export function deviceParam(defaultDevice: DeviceId): ChoiceParamSpec<DeviceId> {
  return { type: 'choice', label: 'device', default: defaultDevice, choices: DEVICE_IDS };
}

export interface ParamIssue {
  name: string;
  raw: string;
  /** Sentence shown to the reader, e.g. "θ = "abc" is not a number; using 1.1." */
  message: string;
}

/** The query-string key of a parameter. */
export function paramKey(figureId: string, name: string): string {
  return `${figureId}.${name}`;
}

export function defaultParams<S extends ParamSpec>(spec: S): ParamsOf<S> {
  const out: Record<string, number | string> = {};
  for (const [name, entry] of Object.entries(spec)) out[name] = entry.default;
  return out as ParamsOf<S>;
}

/** Validates one raw string; returns the value or a reason it was refused. */
export function parseParamValue(entry: ParamSpecEntry, raw: string): { value: number | string } | { reason: string } {
  if (entry.type === 'choice') {
    return entry.choices.includes(raw) ? { value: raw } : { reason: `is not one of ${entry.choices.join(', ')}` };
  }
  const trimmed = raw.trim();
  const value = trimmed === '' ? NaN : Number(trimmed);
  if (!Number.isFinite(value)) return { reason: 'is not a number' };
  if (entry.type === 'int' && !Number.isInteger(value)) return { reason: 'is not a whole number' };
  if (value < entry.min || value > entry.max) return { reason: `is outside ${entry.min}–${entry.max}` };
  return { value };
}

/** Clamps/validates a value set from a control; out-of-range numbers are clamped, others keep `fallback`. */
export function coerceParamValue(entry: ParamSpecEntry, value: unknown, fallback: number | string): number | string {
  if (entry.type === 'choice') return typeof value === 'string' && entry.choices.includes(value) ? value : fallback;
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  const v = entry.type === 'int' ? Math.round(value) : value;
  return Math.min(entry.max, Math.max(entry.min, v));
}

/** Reads a figure's parameters from a query string (`location.search`), with notes for refused values. */
export function parseFigureParams<S extends ParamSpec>(
  search: string,
  figureId: string,
  spec: S,
): { params: ParamsOf<S>; issues: ParamIssue[] } {
  const query = new URLSearchParams(search);
  const params = defaultParams(spec) as Record<string, number | string>;
  const issues: ParamIssue[] = [];
  for (const [name, entry] of Object.entries(spec)) {
    const raw = query.get(paramKey(figureId, name));
    if (raw === null) continue;
    const parsed = parseParamValue(entry, raw);
    if ('value' in parsed) params[name] = parsed.value;
    else issues.push({ name, raw, message: `${entry.label} = “${raw}” ${parsed.reason}; using ${entry.default}.` });
  }
  return { params: params as ParamsOf<S>, issues };
}

/**
 * Writes a figure's parameters into a query string, keeping every other key. Parameters at their
 * default are removed, so the URL stays short and the default view has a clean URL.
 */
export function writeFigureParams<S extends ParamSpec>(
  search: string,
  figureId: string,
  spec: S,
  params: ParamsOf<S>,
): string {
  const query = new URLSearchParams(search);
  for (const [name, entry] of Object.entries(spec)) {
    const key = paramKey(figureId, name);
    const value = (params as Record<string, number | string>)[name];
    if (value === entry.default || value === undefined) query.delete(key);
    else query.set(key, String(value));
  }
  const s = query.toString();
  return s ? `?${s}` : '';
}
