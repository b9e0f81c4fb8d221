/**
 * The main-thread half of the baseline race and its sweep (parameters, merge, summary, method); training
 * runs in ./index.ts (race.ts's `runRace`, sweep.ts's `runPlanned`).
 */
import {
  RACE_METHOD,
  checkRaceParams,
  raceParams,
  type RaceCheckpoint,
  type RaceData,
  type RaceOverrides,
  type RaceParams,
} from './race';
import {
  DEFAULT_SWEEP_PARAMS,
  SWEEP_METHOD,
  checkSweepParams,
  planSweep,
  runsPerReplicate,
  sweepData,
  sweepParams,
  type SweepData,
  type SweepOverrides,
  type SweepParams,
  type SweepRun,
} from './sweep';
import { RACE_VERSION } from './version';
import type { ExperimentSpec } from '../types';

// ---------------------------------------------------------------------------------------------- race

export interface RaceExperimentParams extends RaceParams {
  /** Stop once this many epochs are complete (≤ epochs). */
  untilEpoch: number;
  /** Continue from a previous segment's checkpoint (null = from epoch 0). */
  resumeFrom: RaceCheckpoint | null;
  /** A label that tells restarted runs apart (so a reset is recomputed, not replayed from a cache); it changes no number. */
  attempt: number;
}

export type RaceExperimentInput = RaceOverrides & {
  untilEpoch?: number;
  resumeFrom?: RaceCheckpoint | null;
  attempt?: number;
};

/** The race parameters alone, in the canonical key order of DEFAULT_RACE_PARAMS (checkpoints compare them as JSON). */
export function raceOnly(p: RaceExperimentInput): RaceParams {
  const { untilEpoch: _u, resumeFrom: _r, attempt: _a, ...rest } = p;
  const known = raceParams({});
  const picked: RaceOverrides = {};
  for (const k of Object.keys(known) as (keyof RaceParams)[]) {
    if (k in rest && (rest as Record<string, unknown>)[k] !== undefined)
      (picked as Record<string, unknown>)[k] = (rest as Record<string, unknown>)[k];
  }
  return raceParams(picked);
}

function normalizeRace(input: Partial<RaceExperimentParams> | RaceExperimentInput): RaceExperimentParams {
  const race = raceOnly(input as RaceExperimentInput);
  checkRaceParams(race);
  const resumeFrom = input.resumeFrom ?? null;
  const from = resumeFrom ? resumeFrom.epoch : 0;
  const untilEpoch = input.untilEpoch ?? race.epochs;
  if (!Number.isInteger(untilEpoch) || untilEpoch < from || untilEpoch > race.epochs) {
    throw new RangeError(`untilEpoch must be an integer in ${from}…${race.epochs} (got ${untilEpoch})`);
  }
  const attempt = input.attempt ?? 0;
  if (!Number.isInteger(attempt) || attempt < 0)
    throw new RangeError(`attempt must be a whole number ≥ 0 (got ${attempt})`);
  return { ...race, untilEpoch, resumeFrom, attempt };
}

/** The race's samples: the data after the segment (null for an empty range). */
export type RaceSamples = RaceData | null;
export const baselineRaceSpec: ExperimentSpec<RaceExperimentParams, RaceSamples, RaceData | null> = {
  name: 'baseline-race',
  version: RACE_VERSION,
  description:
    'A finite-shot variational quantum classifier against logistic regression and a small MLP on a seeded 2-D dataset, epoch by epoch.',
  normalize: normalizeRace,
  sampleCount: () => 1,
  workPerSample: (p) => Math.max(1, p.untilEpoch - (p.resumeFrom ? p.resumeFrom.epoch : 0)),
  merge: (_p, parts) => parts.find((s) => s !== null) ?? null,
  summarize: (_p, s) => s,
  method: () => RACE_METHOD,
  seedOf: (p) => p.seed,
};

// --------------------------------------------------------------------------------------------- sweep

export interface SweepSamples {
  /** Planned-run indices, increasing; runs[i] belongs to indices[i]. */
  indices: number[];
  runs: SweepRun[];
}

function normalizeSweep(input: Partial<SweepParams>): SweepParams {
  const known = DEFAULT_SWEEP_PARAMS;
  const picked: SweepOverrides = {};
  for (const k of Object.keys(known) as (keyof SweepParams)[]) {
    if ((input as Record<string, unknown>)[k] !== undefined)
      (picked as Record<string, unknown>)[k] = (input as Record<string, unknown>)[k];
  }
  const p = sweepParams(picked);
  checkSweepParams(p);
  return p;
}

function mergeSweep(_p: SweepParams, parts: readonly SweepSamples[]): SweepSamples {
  const byIndex = new Map<number, SweepRun>();
  for (const part of parts)
    part.indices.forEach((k, i) => {
      if (!byIndex.has(k)) byIndex.set(k, part.runs[i]);
    });
  const indices = [...byIndex.keys()].sort((a, b) => a - b);
  return { indices, runs: indices.map((k) => byIndex.get(k)!) };
}

export const baselineRaceSweepSpec: ExperimentSpec<SweepParams, SweepSamples, SweepData> = {
  name: 'baseline-race-sweep',
  version: RACE_VERSION,
  description:
    'Test accuracy of the VQC and the classical baselines across seeds, encodings, depths and feature scalings.',
  normalize: normalizeSweep,
  sampleCount: (p) => planSweep(p).length,
  workPerSample: () => 1,
  merge: mergeSweep,
  summarize: (p, s) => sweepData(p, s.runs, s.indices),
  method: () => SWEEP_METHOD,
  seedOf: (p) => p.seed,
  // Runs are planned seed by seed: each whole seed is the strip plot at one more seed per setting.
  levelPrefixes: (p) => Array.from({ length: p.replicates - 1 }, (_, i) => (i + 1) * runsPerReplicate(p)),
};
