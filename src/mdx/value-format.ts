/**
 * Formats a number for the prose, by a short format spec (the `format` attribute of `<Value>`):
 *
 *   int        whole number with thousands separators        1457      → "1,457"
 *   fixed:N    N decimals, separators                        2.14      → "2.14"
 *   sig:N      N significant digits, never exponential       145700    → "150,000" (sig:2)
 *   pct:N      × 100, N decimals (the prose writes "per cent") 0.00143 → "0.143" (pct:3)
 *   sci:N      N significant digits, × 10 to a power          7.9e-4   → "7.9 × 10⁻⁴"
 *   usd:N      dollars with N decimals                        0.3       → "$0.30"
 *   inv:N      the reciprocal, N significant digits            7.9e-4   → "1,300" (inv:2)
 *   mag:N      N significant digits with a word               1.28e6    → "1.28 million"
 *
 * An optional scale multiplies the value first (`scale="1e-3"` turns µs into ms). Pure; used at build time.
 */

export type ValueFormat =
  { kind: 'int' } | { kind: 'fixed' | 'sig' | 'pct' | 'sci' | 'usd' | 'inv' | 'mag'; digits: number };

const KINDS_WITH_DIGITS = ['fixed', 'sig', 'pct', 'sci', 'usd', 'inv', 'mag'] as const;
export const FORMAT_HELP = 'int, fixed:N, sig:N, pct:N, sci:N, usd:N, inv:N or mag:N, N from 0 to 6';

/** Parses a format spec; null when it is not one of the forms above. */
export function parseFormat(spec: string): ValueFormat | null {
  if (spec === 'int') return { kind: 'int' };
  const m = /^([a-z]+):(\d)$/.exec(spec);
  if (!m) return null;
  const kind = m[1] as (typeof KINDS_WITH_DIGITS)[number];
  const digits = Number(m[2]);
  if (!KINDS_WITH_DIGITS.includes(kind) || digits > 6) return null;
  if ((kind === 'sig' || kind === 'sci' || kind === 'inv' || kind === 'mag') && digits < 1) return null;
  return { kind, digits };
}

const grouped = (v: number, decimals: number) =>
  new Intl.NumberFormat('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(v);

/** Rounds to `digits` significant digits. */
export function roundSig(v: number, digits: number): number {
  if (v === 0 || !Number.isFinite(v)) return v;
  return Number(v.toPrecision(digits));
}

function sigString(v: number, digits: number): string {
  const r = roundSig(v, digits);
  const magnitude = r === 0 ? 0 : Math.floor(Math.log10(Math.abs(r)));
  return grouped(r, Math.max(0, digits - 1 - magnitude));
}

const SUP: Record<string, string> = {
  '-': '⁻',
  0: '⁰',
  1: '¹',
  2: '²',
  3: '³',
  4: '⁴',
  5: '⁵',
  6: '⁶',
  7: '⁷',
  8: '⁸',
  9: '⁹',
};
const superscript = (e: number) =>
  String(e)
    .split('')
    .map((c) => SUP[c] ?? c)
    .join('');

const WORDS: Array<[number, string]> = [
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million'],
];

export function formatValue(value: number, format: ValueFormat, scale = 1): string {
  const v = value * scale;
  if (!Number.isFinite(v)) throw new RangeError(`cannot format ${value} × ${scale}`);
  switch (format.kind) {
    case 'int':
      return grouped(Math.round(v), 0);
    case 'fixed':
      return grouped(v, format.digits);
    case 'sig':
      return sigString(v, format.digits);
    case 'pct':
      return grouped(v * 100, format.digits);
    case 'usd':
      return `$${grouped(v, format.digits)}`;
    case 'inv': {
      if (v === 0) throw new RangeError('cannot invert 0');
      return sigString(1 / v, format.digits);
    }
    case 'sci': {
      if (v === 0) return '0';
      const [mantissa, exponent] = v.toExponential(format.digits - 1).split('e');
      const e = Number(exponent);
      return e === 0 ? mantissa : `${mantissa} × 10${superscript(e)}`;
    }
    case 'mag': {
      for (const [size, word] of WORDS)
        if (Math.abs(roundSig(v, format.digits)) >= size) return `${sigString(v / size, format.digits)} ${word}`;
      return sigString(v, format.digits);
    }
  }
}
