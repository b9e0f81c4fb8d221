/**
 * Same circuit, another day: the figure's pure model. Data from the `calibration-drift` experiment
 * (src/experiments/calibration-drift, run in the worker pool); this file maps steps to what is shown.
 */
import type { CalibrationDriftData, CalibrationDriftParams, DayResult } from '../../experiments/calibration-drift/spec';
import { pickParams } from '../../story/params';
import { clampStep } from '../../story/steps';
import type { CalibrationDriftFigureParams } from './meta';

export { CD_DEFAULTS, type CalibrationDriftFigureParams } from './meta';

export const LAST_STEP = 2;
export const DAYS = 5;
/** GHZ echo circuit: qubits and blocks (the noise-vs-depth circuit at a fixed depth). */
export const CIRCUIT = { qubits: 4, depth: 10 } as const;
export const EVAL_SHOTS = 10_000;
export const Z95 = 1.959963984540054;

export function experimentParams(p: CalibrationDriftFigureParams): CalibrationDriftParams {
  return { ...pickParams(p, ['device', 'shots', 'drift', 'seed']), ...CIRCUIT, days: DAYS, evalShots: EVAL_SHOTS };
}

/** Days drawn at a step: Monday only at step 0, all five afterwards. */
export function visibleDays(step: number, data: CalibrationDriftData | undefined): DayResult[] {
  const days = data?.days ?? [];
  return clampStep(step, LAST_STEP) === 0 ? days.filter((d) => d.index === 1) : days;
}

/** The day a paper reporting only its best run would pick (lowest loss), at the last step. */
export function highlightedDay(step: number, data: CalibrationDriftData | undefined): number | null {
  return clampStep(step, LAST_STEP) === LAST_STEP ? (data?.bestDay ?? null) : null;
}

/** Step is ready when the days it shows are all computed. */
export function stepReady(step: number, data: CalibrationDriftData | undefined, complete: boolean): boolean {
  if (clampStep(step, LAST_STEP) === 0) return (data?.days ?? []).some((d) => d.index === 1);
  return complete;
}
