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
import { runRace, type RaceData, type RaceOverrides } from './race';
import { planSweep, runPlanned, type SweepData, type SweepParams } from './sweep';
import { throwIfAborted } from '../abort';
import { parseChoice, parseFlags, parseInteger, parseIntegerList, parseNumber, UsageError } from '../args';
import { resolveRange } from '../samples';
import { defineExperiment } from '../run';
import type { Row } from '../types';
import {
  baselineRaceSpec,
  baselineRaceSweepSpec,
  raceOnly,
  type RaceExperimentInput,
  type RaceExperimentParams,
  type RaceSamples,
  type SweepSamples,
} from './spec';

export * from './spec';

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

export const baselineRace = /* @__PURE__ */ defineExperiment(baselineRaceSpec, {
  runSamples: runRaceSamples,
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
});

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

export const baselineRaceSweep = /* @__PURE__ */ defineExperiment(baselineRaceSweepSpec, {
  runSamples: runSweepSamples,
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
});
