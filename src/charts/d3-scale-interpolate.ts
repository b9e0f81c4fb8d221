/**
 * What d3-scale imports from d3-interpolate (`interpolate`, `interpolateNumber`, `interpolateRound`,
 * `piecewise`), without d3-color. The build resolves d3-scale's `import … from 'd3-interpolate'` to this
 * module (plugin `qml:d3-scale-interpolate` in vite.config.ts); nothing else imports it. d3-interpolate's
 * generic `interpolate` parses strings as colours, which pulls d3-color and the colour interpolators
 * (≈ 4 kB gzipped) into every figure, although every scale here maps numbers to numbers (pixels). Figures
 * that need colour interpolation import d3-interpolate or d3-scale-chromatic themselves, unchanged.
 *
 * Numbers, dates, typed and plain arrays, objects, booleans and null interpolate exactly as in
 * d3-interpolate 3 (the functions below are its code, ISC licence, Mike Bostock); a string range throws
 * instead of being parsed as a colour: pass `.interpolate(interpolateRgb)` (or another) explicitly.
 * tests/unit/charts/d3-scale-interpolate.test.ts holds the two equal.
 */

type Interpolator<T> = (t: number) => T;

export function interpolateNumber(a: number | { valueOf(): number }, b: number | { valueOf(): number }) {
  const x = +a;
  const y = +b;
  return (t: number) => x * (1 - t) + y * t;
}

export function interpolateRound(a: number | { valueOf(): number }, b: number | { valueOf(): number }) {
  const x = +a;
  const y = +b;
  return (t: number) => Math.round(x * (1 - t) + y * t);
}

function interpolateDate(a: Date | number, b: Date | number): Interpolator<Date> {
  const d = new Date();
  const x = +a;
  const y = +b;
  return (t) => (d.setTime(x * (1 - t) + y * t), d);
}

type NumberArray = Exclude<ArrayBufferView, DataView> & ArrayLike<number> & { slice(): NumberArray };

function isNumberArray(x: unknown): x is NumberArray {
  return ArrayBuffer.isView(x) && !(x instanceof DataView);
}

function interpolateNumberArray(a: ArrayLike<number> | null, b: NumberArray): Interpolator<NumberArray> {
  const n = a ? Math.min(b.length, a.length) : 0;
  const c = b.slice() as unknown as number[];
  return (t) => {
    for (let i = 0; i < n; ++i) c[i] = a![i] * (1 - t) + b[i] * t;
    return c as unknown as NumberArray;
  };
}

function interpolateArray(a: unknown, b: unknown[]): Interpolator<unknown[]> {
  const nb = b ? b.length : 0;
  const na = Array.isArray(a) ? Math.min(nb, a.length) : 0;
  const x: Interpolator<unknown>[] = new Array(na);
  const c: unknown[] = new Array(nb);
  let i: number;
  for (i = 0; i < na; ++i) x[i] = interpolate((a as unknown[])[i], b[i]);
  for (; i < nb; ++i) c[i] = b[i];
  return (t) => {
    for (let k = 0; k < na; ++k) c[k] = x[k](t);
    return c;
  };
}

function interpolateObject(a: unknown, b: unknown): Interpolator<Record<string, unknown>> {
  const i: Record<string, Interpolator<unknown>> = {};
  const c: Record<string, unknown> = {};
  const from = (a === null || typeof a !== 'object' ? {} : a) as Record<string, unknown>;
  const to = (b === null || typeof b !== 'object' ? {} : b) as Record<string, unknown>;
  for (const k in to) {
    if (k in from) i[k] = interpolate(from[k], to[k]);
    else c[k] = to[k];
  }
  return (t) => {
    for (const k in i) c[k] = i[k](t);
    return c;
  };
}

/** d3-interpolate's `interpolate`, except that strings (which it would parse as colours) throw. */
export function interpolate(a: unknown, b: unknown): Interpolator<unknown> {
  const type = typeof b;
  if (b == null || type === 'boolean') return () => b;
  if (type === 'number') return interpolateNumber(a as number, b as number);
  if (type === 'string')
    throw new Error(
      `d3-scale: string range values (${JSON.stringify(b)}) are not interpolated in this build (no d3-color): ` +
        'pass .interpolate(…) from d3-interpolate explicitly (src/charts/d3-scale-interpolate.ts)',
    );
  if (b instanceof Date) return interpolateDate(a as Date, b);
  if (isNumberArray(b)) return interpolateNumberArray(a as ArrayLike<number> | null, b);
  if (Array.isArray(b)) return interpolateArray(a, b);
  const o = b as { valueOf?: unknown; toString?: unknown };
  if ((typeof o.valueOf !== 'function' && typeof o.toString !== 'function') || isNaN(b as number))
    return interpolateObject(a, b);
  return interpolateNumber(a as number, b as number);
}

export function piecewise<T>(
  interpolator: ((a: T, b: T) => Interpolator<unknown>) | T[],
  values?: T[],
): Interpolator<unknown> {
  let fn = interpolator as (a: T, b: T) => Interpolator<unknown>;
  let vs = values as T[];
  if (values === undefined) {
    vs = interpolator as T[];
    fn = interpolate as (a: T, b: T) => Interpolator<unknown>;
  }
  const n = vs.length - 1;
  let v = vs[0];
  const parts: Interpolator<unknown>[] = new Array(n < 0 ? 0 : n);
  for (let i = 0; i < n;) parts[i] = fn(v, (v = vs[++i]));
  return (t) => {
    const i = Math.max(0, Math.min(n - 1, Math.floor((t *= n))));
    return parts[i](t - i);
  };
}
