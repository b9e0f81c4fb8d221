/**
 * Text for numbers, durations, money and energy, shared by the figures, their text alternatives, the
 * prose values and the CLI. The lowest layer: imports nothing of ours. Always 'en-US'.
 */
export {
  MISSING,
  fmtCompact,
  fmtCount,
  fmtFixed,
  fmtInt,
  fmtMagnitude,
  fmtNumber,
  fmtPercent,
  fmtRatio,
  fmtSci,
  fmtSig,
  numberFormat,
  pow10,
  superscript,
} from './number';
export { DAY, HOUR, MINUTE, YEAR, fmtDuration, fmtMilliseconds, timeTickLabel, timeTicks } from './duration';
export { fmtUsd } from './money';
export { fmtEnergy } from './energy';
export { fmtBill, type Bill } from './bill';
