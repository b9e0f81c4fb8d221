/** Chart wording: the fault-free probability of a loading circuit, and ticks of log-scale count axes. */
import { fmtInt, fmtSig, pow10, superscript, MISSING } from '../format';

/**
 * The fault-free probability e^(−λ) of a circuit with λ expected faults: "0.24" while it reads as a
 * number, "e⁻³³³" once it is too small for that to mean anything.
 */
export function fmtFaultFree(lambda: number): string {
  if (!Number.isFinite(lambda) || lambda < 0) return MISSING;
  if (lambda <= 5) return fmtSig(Math.exp(-lambda), 2);
  return `e${superscript(-Math.round(lambda))}`;
}

/** A tick of a log-scale count axis: the count itself below 10⁴ ("1,000"), a power of ten from there ("10⁵"). */
export function countTick(v: number): string {
  return v < 1e4 ? fmtInt(v) : pow10(Math.round(Math.log10(v)));
}
