/**
 * Number formatting for the data-loading figures. Every function returns a finite, readable string for
 * any input: non-finite or missing values become "–", so NaN or Infinity never reach the screen.
 */
import { format } from 'd3-format';

const comma = format(',');
const sig3 = format('.3~g');

/** 1,234 below a million, 1.23 million … 1.23 × 10^15 beyond; "–" when not finite. */
export function fmtCount(v: number): string {
  if (!Number.isFinite(v)) return '–';
  const a = Math.abs(v);
  if (a < 1e6) return comma(Math.round(v));
  if (a < 1e9) return `${sig3(v / 1e6)} million`;
  if (a < 1e12) return `${sig3(v / 1e9)} billion`;
  if (a < 1e15) return `${sig3(v / 1e12)} trillion`;
  return fmtSci(v);
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
/** 10 to an integer power with superscript digits: 10¹⁸, 10⁻⁸. */
export function pow10(e: number): string {
  return `10${String(e)
    .split('')
    .map((c) => SUP[c] ?? c)
    .join('')}`;
}

/**
 * The fault-free probability e^(−λ) of a circuit with λ expected faults: "0.24" while it reads as a
 * number, "e⁻³³³" once it is too small for that to mean anything.
 */
export function fmtFaultFree(lambda: number): string {
  if (!Number.isFinite(lambda) || lambda < 0) return '–';
  if (lambda <= 5) return format('.2~r')(Math.exp(-lambda));
  return `e${String(-Math.round(lambda))
    .split('')
    .map((c) => SUP[c] ?? c)
    .join('')}`;
}

/** 3 significant digits in scientific notation, e.g. 1.23 × 10¹⁸. */
export function fmtSci(v: number): string {
  if (!Number.isFinite(v)) return '–';
  if (v === 0) return '0';
  // toExponential works for subnormal numbers too (10 ** −324 would underflow to 0).
  const [mant, exp] = v.toExponential(2).split('e');
  return `${sig3(Number(mant))} × ${pow10(Number(exp))}`;
}

const UNITS: Array<[number, string]> = [
  [365.25 * 86400, 'years'],
  [86400, 'days'],
  [3600, 'h'],
  [60, 'min'],
  [1, 's'],
  [1e-3, 'ms'],
  [1e-6, 'µs'],
  [1e-9, 'ns'],
];

/** A duration in the largest fitting unit: "65.4 days", "12 µs", "2.4 × 10^6 years". */
export function fmtDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '–';
  if (seconds === 0) return '0 s';
  for (const [size, unit] of UNITS) {
    if (seconds >= size) {
      const v = seconds / size;
      if (unit === 'years' && v >= 1e4) return `${fmtSci(v)} years`;
      return `${sig3(v)} ${unit}`;
    }
  }
  return `${sig3(seconds * 1e12)} ps`;
}

/** Dollars: "$0.0042", "$12.3", "$7.6 million", "$1.2 × 10^18". */
export function fmtUsd(v: number): string {
  if (!Number.isFinite(v) || v < 0) return '–';
  if (v === 0) return '$0';
  if (v < 0.01) return `$${fmtSmall(v)}`;
  if (v < 1e6) return `$${format(',.3~r')(v)}`;
  return `$${fmtCount(v)}`;
}

/** Energy in kWh (Wh below 1 kWh, MWh/GWh above). */
export function fmtEnergy(kWh: number): string {
  if (!Number.isFinite(kWh) || kWh < 0) return '–';
  if (kWh === 0) return '0 kWh';
  if (kWh < 1e-3) return `${fmtSmall(kWh * 1000)} Wh`;
  if (kWh < 1) return `${sig3(kWh * 1000)} Wh`;
  if (kWh < 1e3) return `${sig3(kWh)} kWh`;
  if (kWh < 1e6) return `${sig3(kWh / 1e3)} MWh`;
  if (kWh < 1e9) return `${sig3(kWh / 1e6)} GWh`;
  return `${fmtSci(kWh / 1e6)} GWh`;
}

function fmtSmall(v: number): string {
  return v >= 1e-4 ? sig3(v) : fmtSci(v);
}

/** A plain number with up to 3 significant digits (scientific beyond 10^6 or below 10^-3). */
export function fmtNumber(v: number): string {
  if (!Number.isFinite(v)) return '–';
  const a = Math.abs(v);
  if (a !== 0 && (a >= 1e6 || a < 1e-3)) return fmtSci(v);
  return sig3(v);
}

/** A ratio "×1,234" / "×1.2 × 10^9". */
export function fmtRatio(v: number): string {
  if (!Number.isFinite(v) || v <= 0) return '–';
  return v < 1e6 ? `×${format(',.3~r')(v)}` : `×${fmtSci(v)}`;
}

const YEAR = 365.25 * 86400;
/** Human tick values for a log time axis: 1 ps … 1 s, 1 min, 1 h, 1 day, 1 year, 100 years, 10⁴ years … */
const TIME_TICKS: Array<[number, string]> = [
  ...[-12, -9, -6, -3].map((e): [number, string] => [10 ** e, fmtDuration(10 ** e)]),
  [1, '1 s'],
  [60, '1 min'],
  [3600, '1 h'],
  [86400, '1 day'],
  [YEAR, '1 year'],
  ...[2, 4, 6, 8, 10, 12, 14, 16, 18, 20].map((e): [number, string] => [
    YEAR * 10 ** e,
    e === 2 ? '100 years' : `${pow10(e)} years`,
  ]),
];

/** At most `max` human time ticks inside [lo, hi], evenly thinned. */
export function timeTicks(lo: number, hi: number, max: number): Array<{ value: number; label: string }> {
  const inside = TIME_TICKS.filter(([v]) => v >= lo * 0.999 && v <= hi * 1.001);
  const every = Math.max(1, Math.ceil(inside.length / Math.max(1, max)));
  return inside.filter((_, i) => i % every === 0).map(([value, label]) => ({ value, label }));
}

/** The label of a time tick value (for axis formatters). */
export function timeTickLabel(v: number): string {
  const hit = TIME_TICKS.find(([t]) => Math.abs(t / v - 1) < 1e-6);
  return hit ? hit[1] : fmtDuration(v);
}
