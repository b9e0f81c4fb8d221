import type { ExperimentName } from '../../experiments/registry';

/** The race's segments (run by useRaceRun.ts) and the knob sweep (run by view.tsx). */
export const RACE_EXPERIMENTS = {
  race: 'baseline-race',
  sweep: 'baseline-race-sweep',
} as const satisfies Record<string, ExperimentName>;
