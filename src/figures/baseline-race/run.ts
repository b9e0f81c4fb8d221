/**
 * The race's run as a pure state machine: which inputs it trains on, the last finished segment of
 * epochs, whether it is paused, and how many times it was reset. The view never stores a run of other
 * inputs as current: `runFor` reads any stored run through the current inputs' key, so changing the
 * dataset (or another race input) starts over without an update during render or in an effect.
 */
import type { RaceExperimentParams } from '../../experiments/baseline-race';
import type { RaceData, RaceOverrides } from '../../experiments/baseline-race/race';
import { RACE_EPOCHS, nextUntil } from './model';

export interface RaceRun {
  /** The race inputs this run belongs to (JSON of the race overrides). */
  key: string;
  /** Bumped by every reset: a new attempt never reuses a cached segment of the last one. */
  attempt: number;
  /** The last finished segment (its checkpoint resumes the next), or null before the first. */
  data: RaceData | null;
  paused: boolean;
}

export type RaceRunAction =
  /** A segment finished; `key` and `attempt` are those it was requested under. */
  | { type: 'segment'; key: string; attempt: number; data: RaceData }
  | { type: 'togglePause'; key: string }
  | { type: 'reset'; key: string };

export function raceKey(overrides: RaceOverrides): string {
  return JSON.stringify(overrides);
}

export function initialRaceRun(key: string): RaceRun {
  return { key, attempt: 0, data: null, paused: false };
}

/** The run as the inputs `key` see it: a run of other inputs starts over (keeping its attempt count). */
export function runFor(run: RaceRun, key: string): RaceRun {
  return run.key === key ? run : { key, attempt: run.attempt, data: null, paused: false };
}

export function epochOf(run: RaceRun): number {
  return run.data?.checkpoint.epoch ?? 0;
}

export function isComplete(run: RaceRun): boolean {
  return run.data?.complete ?? false;
}

export function raceRunReducer(stored: RaceRun, action: RaceRunAction): RaceRun {
  const run = runFor(stored, action.key);
  switch (action.type) {
    case 'segment':
      // A segment of an earlier attempt, or one that does not move the run forward, changes nothing.
      if (action.attempt !== run.attempt || action.data.checkpoint.epoch <= epochOf(run)) return run;
      return { ...run, data: action.data };
    case 'togglePause':
      return { ...run, paused: !run.paused };
    case 'reset':
      return { key: run.key, attempt: run.attempt + 1, data: null, paused: false };
  }
}

/** The next segment to ask the worker pool for: from the last checkpoint, `segment` epochs on (see raceSegment). */
export function segmentRequest(run: RaceRun, overrides: RaceOverrides, segment: number): Partial<RaceExperimentParams> {
  return {
    ...(overrides as Partial<RaceExperimentParams>),
    untilEpoch: nextUntil(epochOf(run), RACE_EPOCHS, segment),
    resumeFrom: run.data?.checkpoint ?? null,
    attempt: run.attempt,
  };
}
