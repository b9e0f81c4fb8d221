/**
 * The race as the view runs it: the pure state machine of ./run.ts in a reducer, and the worker-pool
 * request for its next segment. A finished segment is stored from its delivery (useExperiment's
 * onResult), so nothing updates state during render or synchronously in an effect.
 */
import { useReducer } from 'react';
import type { RaceExperimentParams } from '../../experiments/baseline-race';
import type { RaceData, RaceOverrides } from '../../experiments/baseline-race/race';
import { useExperiment } from '../../story/useExperiment';
import { RACE_EXPERIMENTS } from './experiments';
import {
  epochOf,
  initialRaceRun,
  isComplete,
  raceKey,
  raceRunReducer,
  runFor,
  segmentRequest,
  type RaceRun,
} from './run';

export interface RaceRunView {
  run: RaceRun;
  epoch: number;
  complete: boolean;
  /** The segment request's failure, if any. */
  error: string | undefined;
  togglePause(): void;
  reset(): void;
}

export function useRaceRun(overrides: RaceOverrides, opts: { enabled: boolean; segment: number }): RaceRunView {
  const key = raceKey(overrides);
  const [stored, dispatch] = useReducer(raceRunReducer, key, initialRaceRun);
  const run = runFor(stored, key);
  const complete = isComplete(run);
  const { attempt } = run;
  const segment = useExperiment<RaceExperimentParams, RaceData | null>(
    RACE_EXPERIMENTS.race,
    segmentRequest(run, overrides, opts.segment),
    {
      enabled: opts.enabled && !run.paused && !complete,
      onResult: (data) => {
        if (data) dispatch({ type: 'segment', key, attempt, data });
      },
    },
  );
  return {
    run,
    epoch: epochOf(run),
    complete,
    error: segment.error,
    togglePause: () => dispatch({ type: 'togglePause', key }),
    reset: () => dispatch({ type: 'reset', key }),
  };
}
