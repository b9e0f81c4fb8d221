/** Money, in US dollars (every price in content/data is quoted in USD). */
import { MISSING, fmtCount, fmtSci, fmtSig } from './number';

/** Dollars: "$0", "$0.0042", "$12.3", "$1,230", "$7.6 million", "$1.2 × 10¹⁸"; MISSING when negative or not finite. */
export function fmtUsd(v: number): string {
  if (!Number.isFinite(v) || v < 0) return MISSING;
  if (v === 0) return '$0';
  if (v < 1e-4) return `$${fmtSci(v)}`;
  if (v < 1e6) return `$${fmtSig(v)}`;
  return `$${fmtCount(v)}`;
}
