/**
 * The baseline race (race.ts) and its knob sweep (sweep.ts) as registered experiments, so
 * figures run them in the worker pool and `npm run experiment -- baseline-race …` runs them from Node.
 *
 * - `baseline-race` trains the three models epoch by epoch. Training is sequential, so the sample index
 *   space has exactly one sample (the pool never splits it). A figure animates training by chaining short
 *   segments: each request carries the previous segment's JSON checkpoint (`resumeFrom`) and the epoch to
 *   stop at (`untilEpoch`). An epoch's randomness depends only on (seed, model, epoch), so a chain of
 *   segments gives exactly the numbers of one uninterrupted run. Pausing = not requesting the next
 *   segment; resetting = starting again from `resumeFrom: null`.
 * - `baseline-race-sweep` retrains the models over seeds × encodings × depths × feature scalings; sample k
 *   is the k-th planned training run (planSweep order), so runs spread over workers and merge exactly.
 */
import { DATASET_KINDS, MODEL_IDS, SCALINGS, VQC_ENCODINGS } from '../../ml';
import {
  RACE_METHOD,
  checkRaceParams,
  raceParams,
  runRace,
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
  runPlanned,
  sweepData,
  sweepParams,
  type SweepData,
  type SweepOverrides,
  type SweepParams,
  type SweepRun,
} from './sweep';
import { RACE_VERSION } from './version';
import { throwIfAborted } from '../abort';
import { parseChoice, parseFlags, parseInteger, parseIntegerList, parseNumber, UsageError } from '../args';
import { resolveRange } from '../samples';
import type { ExperimentDefinition, Row } from '../types';

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

function runRaceSamples(
  p: RaceExperimentParams,
  range: readonly [number, number],
  opts: { signal?: AbortSignal; onRound?(doneWork: number, samples: RaceSamples): void },
): RaceSamples {
  const [start, end] = resolveRange(range, 1);
  if (end <= start) return null;
  const from = p.resumeFrom ? p.resumeFrom.epoch : 0;
  const result = runRace(raceOnly(p), {
    resumeFrom: p.resumeFrom ?? undefined,
    untilEpoch: p.untilEpoch,
    signal: opts.signal,
    onProgress: opts.onRound ? (done, _total, partial) => opts.onRound!(done - from, partial ?? null) : undefined,
  });
  return result.data;
}

export const baselineRace: ExperimentDefinition<RaceExperimentParams, RaceSamples, RaceData | null> = {
  name: 'baseline-race',
  version: RACE_VERSION,
  description:
    'A finite-shot variational quantum classifier against logistic regression and a small MLP on a seeded 2-D dataset, epoch by epoch.',
  normalize: normalizeRace,
  sampleCount: () => 1,
  workPerSample: (p) => Math.max(1, p.untilEpoch - (p.resumeFrom ? p.resumeFrom.epoch : 0)),
  runSamples: runRaceSamples,
  merge: (_p, parts) => parts.find((s) => s !== null) ?? null,
  summarize: (_p, s) => s,
  method: () => RACE_METHOD,
  seedOf: (p) => p.seed,
  cli: {
    usage:
      'baseline-race [--dataset moons|circles|linear] [--seed 1] [--epochs 40] [--until 40] [--encoding angle|zz] [--layers 3] [--shots 100] [--scaling minmax-pi|standard|none]',
    parseArgs(args) {
      const f = parseFlags(args, ['dataset', 'seed', 'epochs', 'until', 'encoding', 'layers', 'shots', 'scaling']);
      const out: RaceExperimentInput = {};
      const v = (k: string) => f.get(k);
      const vqc: NonNullable<RaceOverrides['vqc']> = {};
      if (v('dataset')) out.dataset = parseChoice(v('dataset')!, '--dataset', DATASET_KINDS);
      if (v('seed')) out.seed = parseInteger(v('seed')!, '--seed', { min: 0, max: 0xffffffff });
      if (v('epochs')) out.epochs = parseInteger(v('epochs')!, '--epochs', { min: 1, max: 1000 });
      if (v('until')) out.untilEpoch = parseInteger(v('until')!, '--until', { min: 0, max: 1000 });
      if (v('encoding')) vqc.encoding = parseChoice(v('encoding')!, '--encoding', VQC_ENCODINGS);
      if (v('layers')) vqc.layers = parseInteger(v('layers')!, '--layers', { min: 1, max: 12 });
      if (v('shots')) vqc.shots = parseInteger(v('shots')!, '--shots', { min: 0, max: 1_000_000 });
      if (v('scaling')) out.scaling = parseChoice(v('scaling')!, '--scaling', SCALINGS);
      if (Object.keys(vqc).length) out.vqc = vqc;
      return out as Partial<RaceExperimentParams>;
    },
    columns: [
      'epoch',
      'model',
      'loss',
      'trainAccuracy',
      'testAccuracy',
      'trainCircuits',
      'evalCircuits',
      'shots',
      'trainFlops',
      'evalFlops',
      'ms',
    ],
    rows: (d: RaceData | null): Row[] =>
      (d?.epochs ?? []).flatMap((e) =>
        MODEL_IDS.map((m) => {
          const r = e.models[m];
          return {
            epoch: e.epoch,
            model: m,
            loss: r.loss,
            trainAccuracy: r.trainAccuracy,
            testAccuracy: r.testAccuracy,
            ...r.cost,
            ms: r.ms,
          };
        }),
      ),
  },
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

function runSweepSamples(
  p: SweepParams,
  range: readonly [number, number],
  opts: { signal?: AbortSignal; onRound?(doneWork: number, samples: SweepSamples): void },
): SweepSamples {
  const plan = planSweep(p);
  const [start, end] = resolveRange(range, plan.length);
  const out: SweepSamples = { indices: [], runs: [] };
  for (let k = start; k < end; k++) {
    throwIfAborted(opts.signal);
    out.indices.push(k);
    out.runs.push(runPlanned(plan[k]));
    opts.onRound?.(k - start + 1, out);
  }
  return out;
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

export const baselineRaceSweep: ExperimentDefinition<SweepParams, SweepSamples, SweepData> = {
  name: 'baseline-race-sweep',
  version: RACE_VERSION,
  description:
    'Test accuracy of the VQC and the classical baselines across seeds, encodings, depths and feature scalings.',
  normalize: normalizeSweep,
  sampleCount: (p) => planSweep(p).length,
  workPerSample: () => 1,
  runSamples: runSweepSamples,
  merge: mergeSweep,
  summarize: (p, s) => sweepData(p, s.runs, s.indices),
  method: () => SWEEP_METHOD,
  seedOf: (p) => p.seed,
  cli: {
    usage:
      'baseline-race-sweep [--dataset moons|circles|linear] [--seed 1] [--replicates 4] [--encodings angle,zz] [--depths 1,3] [--scalings minmax-pi,standard] [--epochs 30] [--n 100] [--noise 0.15]',
    parseArgs(args) {
      const f = parseFlags(args, [
        'dataset',
        'seed',
        'replicates',
        'encodings',
        'depths',
        'scalings',
        'epochs',
        'n',
        'noise',
      ]);
      const out: Partial<SweepParams> = {};
      const v = (k: string) => f.get(k);
      const list = <T extends string>(text: string, flag: string, choices: readonly T[]) =>
        text.split(',').map((s) => parseChoice(s.trim(), flag, choices));
      if (v('dataset')) out.dataset = parseChoice(v('dataset')!, '--dataset', DATASET_KINDS);
      if (v('seed')) out.seed = parseInteger(v('seed')!, '--seed', { min: 0, max: 0xffffffff });
      if (v('replicates')) out.replicates = parseInteger(v('replicates')!, '--replicates', { min: 1, max: 50 });
      if (v('encodings')) out.encodings = list(v('encodings')!, '--encodings', VQC_ENCODINGS);
      if (v('depths')) out.depths = parseIntegerList(v('depths')!, '--depths', { min: 1, max: 12 });
      if (v('scalings')) out.scalings = list(v('scalings')!, '--scalings', SCALINGS);
      if (v('epochs')) out.epochs = parseInteger(v('epochs')!, '--epochs', { min: 1, max: 1000 });
      if (v('n')) out.n = parseInteger(v('n')!, '--n', { min: 10, max: 5000 });
      if (v('noise')) out.noise = parseNumber(v('noise')!, '--noise', { min: 0, max: 2 });
      if (out.encodings && out.encodings.length === 0) throw new UsageError('--encodings: need at least one');
      return out;
    },
    columns: [
      'model',
      'seed',
      'scaling',
      'encoding',
      'depth',
      'parameters',
      'trainAccuracy',
      'testAccuracy',
      'finalLoss',
      'trainCircuits',
      'evalCircuits',
      'shots',
      'trainFlops',
      'evalFlops',
      'ms',
    ],
    rows: (d: SweepData): Row[] =>
      d.runs.map((r) => {
        const { cost, ...rest } = r;
        return { ...rest, ...cost };
      }),
  },
};
