/**
 * Plain numbers: counts, significant digits, scientific notation, percentages and ratios. Every
 * function takes a number and returns text in one fixed locale ('en-US'), so the pre-render in Node
 * and the browser print the same characters. A value that is not finite prints as MISSING; no
 * formatter here ever prints "NaN" or "Infinity".
 */

/** What a missing or non-finite value prints as. */
export const MISSING = '–';

const cache = new Map<string, Intl.NumberFormat>();
/** One Intl.NumberFormat per option set, always in 'en-US' (never the reader's default locale). */
export function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = JSON.stringify(options);
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat('en-US', options);
    cache.set(key, f);
  }
  return f;
}

const SUPERSCRIPT: Record<string, string> = {
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

/** An integer written in superscript digits: −8 → "⁻⁸". */
export function superscript(n: number): string {
  return String(n)
    .split('')
    .map((c) => SUPERSCRIPT[c] ?? c)
    .join('');
}

/** 10 to an integer power with superscript digits: 10¹⁸, 10⁻⁸. */
export function pow10(e: number): string {
  return `10${superscript(e)}`;
}

/** A count with thousands separators, rounded to a whole number: 88800 → "88,800". */
export function fmtInt(v: number): string {
  if (!Number.isFinite(v)) return MISSING;
  return numberFormat({ maximumFractionDigits: 0 }).format(Math.round(v));
}

/**
 * `digits` significant digits, thousands separated, never exponential: 1234 → "1,230". Trailing zeros
 * are dropped ("2", not "2.00") unless `keepZeros`, for prose that states its precision ("2.10").
 */
export function fmtSig(v: number, digits = 3, keepZeros = false): string {
  if (!Number.isFinite(v)) return MISSING;
  return numberFormat({ maximumSignificantDigits: digits, minimumSignificantDigits: keepZeros ? digits : 1 }).format(v);
}

/** Exactly `decimals` decimals, thousands separated: fmtFixed(2.1, 2) → "2.10". */
export function fmtFixed(v: number, decimals: number): string {
  if (!Number.isFinite(v)) return MISSING;
  return numberFormat({ minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(v);
}

/** `digits` significant digits in scientific notation: 1.23 × 10¹⁸; exponent 0 prints the mantissa alone. */
export function fmtSci(v: number, digits = 3, keepZeros = false): string {
  if (!Number.isFinite(v)) return MISSING;
  if (v === 0) return '0';
  // toExponential works for subnormal numbers too (10 ** −324 would underflow to 0).
  const [mantissa, exponent] = v.toExponential(digits - 1).split('e');
  const m = fmtSig(Number(mantissa), digits, keepZeros);
  return Number(exponent) === 0 ? m : `${m} × ${pow10(Number(exponent))}`;
}

/** Up to 3 significant digits, scientific at or beyond a million and below a thousandth. */
export function fmtNumber(v: number): string {
  if (!Number.isFinite(v)) return MISSING;
  const a = Math.abs(v);
  if (a !== 0 && (a >= 1e6 || a < 1e-3)) return fmtSci(v);
  return fmtSig(v);
}

const MAGNITUDE_WORDS: Array<[number, string]> = [
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million'],
];

/** `digits` significant digits with a word from a million up: 1.28e6 → "1.28 million"; 145700 → "146,000". */
export function fmtMagnitude(v: number, digits = 3, keepZeros = false): string {
  if (!Number.isFinite(v)) return MISSING;
  const rounded = Number(v.toPrecision(digits));
  for (const [size, word] of MAGNITUDE_WORDS)
    if (Math.abs(rounded) >= size) return `${fmtSig(v / size, digits, keepZeros)} ${word}`;
  return fmtSig(v, digits, keepZeros);
}

/** A large count: exact below a million ("1,234"), then "1.23 million" … "1.23 trillion", then 1.23 × 10¹⁵. */
export function fmtCount(v: number): string {
  if (!Number.isFinite(v)) return MISSING;
  const a = Math.abs(v);
  if (a < 1e6) return fmtInt(v);
  if (a < 1e15) return fmtMagnitude(v);
  return fmtSci(v);
}

/** SI prefixes for compact labels, with B for billions (G reads as "giga", not as a count): 8.88e6 → "8.88M". */
export function fmtCompact(v: number): string {
  if (!Number.isFinite(v)) return MISSING;
  const a = Math.abs(v);
  if (a < 1e4) return fmtInt(v);
  for (const [size, prefix] of [
    [1e12, 'T'],
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'k'],
  ] as const)
    if (Number(a.toPrecision(3)) >= size) return `${fmtSig(v / size)}${prefix}`;
  return fmtInt(v);
}

/** A fraction as a percentage with `decimals` decimals: 0.8333 → "83.3%". */
export function fmtPercent(v: number, decimals = 1): string {
  if (!Number.isFinite(v)) return MISSING;
  return `${fmtFixed(100 * v, decimals)}%`;
}

/** A ratio "×1,234" / "×1.2 × 10⁹"; MISSING unless positive and finite. */
export function fmtRatio(v: number): string {
  if (!Number.isFinite(v) || v <= 0) return MISSING;
  return v < 1e6 ? `×${fmtSig(v)}` : `×${fmtSci(v)}`;
}
