/** The fault-free probability of a loading circuit, in the words the pipeline-cost figure uses. */
import { fmtSig, superscript, MISSING } from '../format';

/**
 * The fault-free probability e^(−λ) of a circuit with λ expected faults: "0.24" while it reads as a
 * number, "e⁻³³³" once it is too small for that to mean anything.
 */
export function fmtFaultFree(lambda: number): string {
  if (!Number.isFinite(lambda) || lambda < 0) return MISSING;
  if (lambda <= 5) return fmtSig(Math.exp(-lambda), 2);
  return `e${superscript(-Math.round(lambda))}`;
}
