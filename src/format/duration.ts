/**
 * Durations, from picoseconds to the age of the universe, in one rule:
 *
 *  - the value is first rounded to 3 significant digits, then written in the largest unit it fills
 *    at least once, so 3,599.9 s is "1 hour", not "60 minutes";
 *  - from a second up the unit is a word with English plural rules (Intl.NumberFormat's unit style in
 *    'en-US'): "1 second", "2 hours", "1.5 days", "1.1 years" (400 days);
 *  - below a second it is an SI symbol, which has no plural: "25 ms", "12 µs", "3 ns", "40 ps";
 *  - from 10,000 years up, scientific notation: "2.4 × 10⁶ years";
 *  - 0 is "0 seconds"; a negative or non-finite value prints as MISSING.
 */
import { MISSING, fmtSci, fmtSig, numberFormat, pow10 } from './number';

export const MINUTE = 60;
export const HOUR = 3600;
export const DAY = 86400;
/** The Julian year, 365.25 days. */
export const YEAR = 365.25 * DAY;

type WordUnit = 'second' | 'minute' | 'hour' | 'day' | 'year';

const WORD_UNITS: ReadonlyArray<readonly [number, WordUnit]> = [
  [YEAR, 'year'],
  [DAY, 'day'],
  [HOUR, 'hour'],
  [MINUTE, 'minute'],
  [1, 'second'],
];

const SYMBOL_UNITS: ReadonlyArray<readonly [number, string]> = [
  [1e-3, 'ms'],
  [1e-6, 'µs'],
  [1e-9, 'ns'],
  [1e-12, 'ps'],
];

const inWords = (v: number, unit: WordUnit) =>
  numberFormat({ style: 'unit', unit, unitDisplay: 'long', maximumSignificantDigits: 3 }).format(v);

/** A duration in seconds as text, by the rule above. */
export function fmtDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return MISSING;
  if (seconds === 0) return inWords(0, 'second');
  // The unit is chosen on the rounded value (3,599.9 s fills an hour); the digits come from the exact one.
  const s = Number(seconds.toPrecision(3));
  if (s >= 1e4 * YEAR) return `${fmtSci(seconds / YEAR)} years`;
  for (const [size, unit] of WORD_UNITS) if (s >= size) return inWords(seconds / size, unit);
  for (const [size, symbol] of SYMBOL_UNITS) if (s >= size) return `${fmtSig(seconds / size)} ${symbol}`;
  return `${fmtSig(seconds / 1e-12)} ps`;
}

/** Milliseconds, by the same rule. */
export function fmtMilliseconds(ms: number): string {
  return fmtDuration(ms / 1000);
}

/** Round tick values for a logarithmic time axis: 1 ps … 1 ms, 1 second, 1 minute, 1 hour, 1 day, 1 year, 100 years, 10⁴ years … 10²⁰ years. */
const TIME_TICKS: ReadonlyArray<readonly [number, string]> = [
  ...[-12, -9, -6, -3, 0].map((e) => 10 ** e),
  MINUTE,
  HOUR,
  DAY,
  YEAR,
  100 * YEAR,
]
  .map((v) => [v, fmtDuration(v)] as const)
  .concat([4, 6, 8, 10, 12, 14, 16, 18, 20].map((e) => [YEAR * 10 ** e, `${pow10(e)} years`] as const));

/** At most `max` time ticks inside [lo, hi] seconds, evenly thinned. */
export function timeTicks(lo: number, hi: number, max: number): Array<{ value: number; label: string }> {
  const inside = TIME_TICKS.filter(([v]) => v >= lo * 0.999 && v <= hi * 1.001);
  const every = Math.max(1, Math.ceil(inside.length / Math.max(1, max)));
  return inside.filter((_, i) => i % every === 0).map(([value, label]) => ({ value, label }));
}

/** The label of a time tick value (for axis formatters); any other value is written by fmtDuration. */
export function timeTickLabel(v: number): string {
  const hit = TIME_TICKS.find(([t]) => Math.abs(t / v - 1) < 1e-6);
  return hit ? hit[1] : fmtDuration(v);
}
