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
 * The digits come from src/format, the same functions the figures use.
 */
import { fmtFixed, fmtInt, fmtMagnitude, fmtSci, fmtSig } from '../format';

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

/** Rounds to `digits` significant digits. */
export function roundSig(v: number, digits: number): number {
  if (v === 0 || !Number.isFinite(v)) return v;
  return Number(v.toPrecision(digits));
}

/** Formats one prose value; throws on a non-finite value (a broken data key must fail the build, not print "–"). */
export function formatValue(value: number, format: ValueFormat, scale = 1): string {
  const v = value * scale;
  if (!Number.isFinite(v)) throw new RangeError(`cannot format ${value} × ${scale}`);
  switch (format.kind) {
    case 'int':
      return fmtInt(v);
    case 'fixed':
      return fmtFixed(v, format.digits);
    case 'sig':
      return fmtSig(v, format.digits, true);
    case 'pct':
      return fmtFixed(v * 100, format.digits);
    case 'usd':
      return `$${fmtFixed(v, format.digits)}`;
    case 'inv': {
      if (v === 0) throw new RangeError('cannot invert 0');
      return fmtSig(1 / v, format.digits, true);
    }
    case 'sci':
      return fmtSci(v, format.digits, true);
    case 'mag':
      return fmtMagnitude(v, format.digits, true);
  }
}
