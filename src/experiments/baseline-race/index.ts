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
import { DATASET_KINDS, MODEL_IDS, SCALINGS, VQC_ENCODINGS, ZERO_COST } from '../../ml';
import { runRace, type RaceData, type RaceOverrides } from './race';

/** The columns of a model's cumulative cost (the ModelCost fields both tables spread into their rows) and its time. */
const COST_COLUMNS = [...Object.keys(ZERO_COST), 'ms'];

/** The VQC's settings a race's flags can override. */
type VqcOverrides = NonNullable<RaceOverrides['vqc']>;
import { planSweep, runPlanned, type SweepData, type SweepParams } from './sweep';
import { throwIfAborted } from '../abort';
import {
  parseChoice,
  parseChoiceList,
  parseInteger,
  parseIntegerList,
  parseNumber,
  readFlags,
  readSeed,
  UsageError,
} from '../args';
import { resolveRange } from '../samples';
import { defineExperiment } from '../run';
import type { Row, SampleRunOptions } from '../types';
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
  opts: SampleRunOptions<RaceSamples>,
): RaceSamples {
  const [start, end] = resolveRange(range, 1);
  if (end <= start) return null;
  const from = p.resumeFrom ? p.resumeFrom.epoch : 0;
  // Each epoch is reported as work done (the worker's heartbeat) with no samples yet: the one sample is the
  // segment, complete at its end.
  return runRace(raceOnly(p), {
    resumeFrom: p.resumeFrom ?? undefined,
    untilEpoch: p.untilEpoch,
    signal: opts.signal,
    onEpoch: opts.onRound ? (done) => opts.onRound!(done - from, null) : undefined,
  }).data;
}

export const baselineRace = /* @__PURE__ */ defineExperiment(baselineRaceSpec, {
  runSamples: runRaceSamples,
  cli: {
    usage:
      'baseline-race [--dataset moons|circles|linear] [--seed 1] [--epochs 40] [--until 40] [--encoding angle|zz] [--layers 3] [--shots 100] [--scaling minmax-pi|standard|none]',
    parseArgs(args) {
      // The VQC's own flags are read flat and gathered under `vqc`.
      const { encoding, layers, shots, ...out } = readFlags<RaceExperimentInput & VqcOverrides>(args, {
        dataset: (s, flag) => ({ dataset: parseChoice(s, flag, DATASET_KINDS) }),
        seed: readSeed,
        epochs: (s, flag) => ({ epochs: parseInteger(s, flag, { min: 1, max: 1000 }) }),
        until: (s, flag) => ({ untilEpoch: parseInteger(s, flag, { min: 0, max: 1000 }) }),
        encoding: (s, flag) => ({ encoding: parseChoice(s, flag, VQC_ENCODINGS) }),
        layers: (s, flag) => ({ layers: parseInteger(s, flag, { min: 1, max: 12 }) }),
        shots: (s, flag) => ({ shots: parseInteger(s, flag, { min: 0, max: 1_000_000 }) }),
        scaling: (s, flag) => ({ scaling: parseChoice(s, flag, SCALINGS) }),
      });
      const vqc: VqcOverrides = {};
      if (encoding !== undefined) vqc.encoding = encoding;
      if (layers !== undefined) vqc.layers = layers;
      if (shots !== undefined) vqc.shots = shots;
      const input: RaceExperimentInput = out;
      if (Object.keys(vqc).length) input.vqc = vqc;
      return input as Partial<RaceExperimentParams>;
    },
    columns: ['epoch', 'model', 'loss', 'trainAccuracy', 'testAccuracy', ...COST_COLUMNS],
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
  opts: SampleRunOptions<SweepSamples>,
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
      const out = readFlags<SweepParams>(args, {
        dataset: (s, flag) => ({ dataset: parseChoice(s, flag, DATASET_KINDS) }),
        seed: readSeed,
        replicates: (s, flag) => ({ replicates: parseInteger(s, flag, { min: 1, max: 50 }) }),
        encodings: (s, flag) => ({ encodings: parseChoiceList(s, flag, VQC_ENCODINGS) }),
        depths: (s, flag) => ({ depths: parseIntegerList(s, flag, { min: 1, max: 12 }) }),
        scalings: (s, flag) => ({ scalings: parseChoiceList(s, flag, SCALINGS) }),
        epochs: (s, flag) => ({ epochs: parseInteger(s, flag, { min: 1, max: 1000 }) }),
        n: (s, flag) => ({ n: parseInteger(s, flag, { min: 10, max: 5000 }) }),
        noise: (s, flag) => ({ noise: parseNumber(s, flag, { min: 0, max: 2 }) }),
      });
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
      ...COST_COLUMNS,
    ],
    rows: (d: SweepData): Row[] =>
      d.runs.map((r) => {
        const { cost, ...rest } = r;
        return { ...rest, ...cost };
      }),
  },
});
