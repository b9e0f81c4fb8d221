/**
 * Command-line argument helpers shared by the experiments' `cli.parseArgs` and src/cli. Every failure throws
 * UsageError with a one-line message naming the flag and the bad value.
 */

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * Splits `--flag value` / `--flag=value` arguments into a map, refusing flags not in `allowed`, repeated
 * flags and missing values. Flags listed in `booleans` take no value.
 */
export function parseFlags(
  args: readonly string[],
  allowed: readonly string[],
  booleans: readonly string[] = [],
): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--') || arg === '--')
      throw new UsageError(`unexpected argument '${arg}' (flags look like --name value)`);
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
    if (!allowed.includes(name) && !booleans.includes(name)) {
      throw new UsageError(
        `unknown flag --${name} (expected one of ${[...allowed, ...booleans].map((f) => `--${f}`).join(', ')})`,
      );
    }
    if (out.has(name)) throw new UsageError(`flag --${name} given twice`);
    if (booleans.includes(name)) {
      if (eq >= 0) throw new UsageError(`flag --${name} takes no value`);
      out.set(name, 'true');
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else {
      value = args[i + 1];
      if (value === undefined || (value.startsWith('--') && value.length > 2))
        throw new UsageError(`flag --${name} needs a value`);
      i++;
    }
    if (value === '') throw new UsageError(`flag --${name} needs a value`);
    out.set(name, value);
  }
  return out;
}

/**
 * Reads one flag's value into parameters; `flag` is its name as written ('--qubits'), for error messages, and
 * `before` the parameters read from the flags above it in the table (for a bound that depends on another flag).
 */
export type FlagReader<P> = (value: string, flag: string, before: Readonly<Partial<P>>) => Partial<P>;

/**
 * Parses `--flag value` arguments with one reader per allowed flag: the flags are the table's keys (without
 * the dashes), and the parameters are the results of the readers of the flags given, merged in table order,
 * then the parameters of each `switches` flag given (a flag that takes no value, e.g. `--progress`).
 * Refuses what parseFlags refuses.
 */
export function readFlags<P>(
  args: readonly string[],
  readers: Readonly<Record<string, FlagReader<P>>>,
  switches: Readonly<Record<string, Partial<P>>> = {},
): Partial<P> {
  const values = parseFlags(args, Object.keys(readers), Object.keys(switches));
  const out: Partial<P> = {};
  for (const [name, read] of Object.entries(readers)) {
    const value = values.get(name);
    if (value !== undefined) Object.assign(out, read(value, `--${name}`, { ...out }));
  }
  for (const [name, set] of Object.entries(switches)) if (values.has(name)) Object.assign(out, set);
  return out;
}

/** `--seed`: a 32-bit unsigned integer, as every experiment's seed. */
export function readSeed(value: string, flag: string): { seed: number } {
  return { seed: parseInteger(value, flag, { min: 0, max: 0xffffffff }) };
}

/** A finite number; `what` names the flag in the error. */
export function parseNumber(
  text: string,
  what: string,
  opts: { min?: number; max?: number; integer?: boolean } = {},
): number {
  const t = text.trim();
  const v = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(t) ? Number(t) : NaN;
  if (!Number.isFinite(v)) throw new UsageError(`${what}: '${text}' is not a number`);
  if (opts.integer && !Number.isInteger(v)) throw new UsageError(`${what}: '${text}' is not a whole number`);
  if (opts.min !== undefined && v < opts.min) throw new UsageError(`${what}: ${v} is below the minimum ${opts.min}`);
  if (opts.max !== undefined && v > opts.max) throw new UsageError(`${what}: ${v} is above the maximum ${opts.max}`);
  return v;
}

export function parseInteger(text: string, what: string, opts: { min?: number; max?: number } = {}): number {
  return parseNumber(text, what, { ...opts, integer: true });
}

/**
 * Whole numbers as a single value ("5"), an inclusive range ("2:12", or "a:b:step") or a list ("2,4,8").
 * At most `maxCount` values. A value listed twice is refused (it would only repeat rows).
 */
export function parseIntegerList(
  text: string,
  what: string,
  opts: { min?: number; max?: number; maxCount?: number } = {},
): number[] {
  const maxCount = opts.maxCount ?? 1000;
  let values: number[];
  if (text.includes(':')) {
    const parts = text.split(':');
    if (parts.length > 3) throw new UsageError(`${what}: '${text}' is not a range a:b or a:b:step`);
    const a = parseInteger(parts[0], what, opts);
    const b = parseInteger(parts[1], what, opts);
    const step = parts.length === 3 ? parseInteger(parts[2], what, { min: 1 }) : 1;
    if (b < a) throw new UsageError(`${what}: range '${text}' is empty (end below start)`);
    if ((b - a) / step + 1 > maxCount)
      throw new UsageError(`${what}: range '${text}' has more than ${maxCount} values`);
    values = [];
    for (let v = a; v <= b; v += step) values.push(v);
  } else {
    values = text.split(',').map((p) => parseInteger(p, what, opts));
    if (values.length > maxCount) throw new UsageError(`${what}: more than ${maxCount} values`);
    const seen = new Set<number>();
    for (const v of values) {
      if (seen.has(v)) throw new UsageError(`${what}: ${v} is listed twice in '${text}'`);
      seen.add(v);
    }
  }
  return values;
}

export function parseChoice<T extends string>(text: string, what: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(text))
    throw new UsageError(`${what}: '${text}' is not one of ${choices.join(', ')}`);
  return text as T;
}

/** A comma-separated list of choices ("angle,zz"), each trimmed; `what` names the flag in the error. */
export function parseChoiceList<T extends string>(text: string, what: string, choices: readonly T[]): T[] {
  return text.split(',').map((s) => parseChoice(s.trim(), what, choices));
}
