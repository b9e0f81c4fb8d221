import { describe, expect, it } from 'vitest';
import {
  baselineRace,
  baselineRaceSweep,
  raceOnly,
  type RaceExperimentParams,
} from '../../../src/experiments/baseline-race';
import { EXPERIMENT_NAMES, loadExperiment } from '../../../src/experiments';
import { runDefinition } from '../../../src/experiments/run';
import { RaceRun, raceParams, runRace, type RaceData } from '../../../src/experiments/baseline-race/race';
import type { SweepData, SweepParams, SweepRun } from '../../../src/experiments/baseline-race/sweep';
import { defaultParams } from '../../../src/story/params';
import { baselineRaceParamSpec } from '../../../src/figures/baseline-race/meta';
import {
  LAST_STEP,
  RACE_EPOCHS,
  STEP_COUNT,
  bandOf,
  contourSegments,
  datasetPreviews,
  ledgerRows,
  nextUntil,
  raceOverrides,
  shadeRuns,
  stepState,
  stripRows,
  sweepEnabled,
  raceSegment,
  knobsPicture,
  sweepOverrides,
  verdicts,
  type BaselineRaceParams,
} from '../../../src/figures/baseline-race/model';
import { baselineRaceAlt, historyTable, sweepTable } from '../../../src/figures/baseline-race/text';
import { FIGURE_CATALOG } from '../../../src/figures/catalog';
import type { DecisionGrid } from '../../../src/experiments/baseline-race/race';

const DEFAULTS = defaultParams(baselineRaceParamSpec) as BaselineRaceParams;
/** A short race for tests: 40 points, 3 epochs, exact expectations off (shots on). */
const SMALL = { ...raceOverrides(DEFAULTS), n: 40, epochs: 3, gridSize: 8 };

describe('baseline-race model: step → state', () => {
  it('has as many steps as the catalogue', () => {
    expect(FIGURE_CATALOG.find((f) => f.id === 'baseline-race')!.steps).toHaveLength(STEP_COUNT);
    expect(LAST_STEP).toBe(STEP_COUNT - 1);
  });

  it('step 0 shows only the datasets and runs nothing', () => {
    const s = stepState(0);
    expect(s).toMatchObject({
      panel: 'datasets',
      needsRace: false,
      needsSweep: false,
      prefetchSweep: false,
      showBoundaries: false,
      controls: false,
    });
  });

  it('step 1 trains and draws boundaries; step 2 shows the ledger and may prefetch the sweep; step 3 the strip plot with controls', () => {
    expect(stepState(1)).toMatchObject({
      panel: 'training',
      needsRace: true,
      needsSweep: false,
      showBoundaries: true,
      showLedger: false,
      controls: false,
    });
    expect(stepState(2)).toMatchObject({
      panel: 'ledger',
      needsRace: true,
      needsSweep: false,
      prefetchSweep: true,
      showBoundaries: false,
      showLedger: true,
    });
    expect(stepState(3)).toMatchObject({
      panel: 'knobs',
      needsRace: true,
      needsSweep: true,
      showStrip: true,
      showBoundaries: true,
      controls: true,
    });
  });

  it('the sweep runs beside the race at step 3 on screen, after it in print and at step 2, never before step 2', () => {
    expect(sweepEnabled(stepState(3), false, false)).toBe(true);
    expect(sweepEnabled(stepState(3), true, false)).toBe(true);
    expect(sweepEnabled(stepState(3), false, false, true)).toBe(false);
    expect(sweepEnabled(stepState(3), true, false, true)).toBe(true);
    expect(sweepEnabled(stepState(2), false, false)).toBe(false);
    expect(sweepEnabled(stepState(2), false, true)).toBe(true);
    expect(sweepEnabled(stepState(3), false, true)).toBe(true);
    expect(sweepEnabled(stepState(2), true, false)).toBe(true);
    expect(sweepEnabled(stepState(1), true, false)).toBe(false);
    expect(sweepEnabled(stepState(0), true, true)).toBe(false);
  });

  it('clamps out-of-range and fractional steps: −2 → 0, 9 → 3, NaN → 0, 1.2 → 1', () => {
    expect(stepState(-2).step).toBe(0);
    expect(stepState(9).step).toBe(3);
    expect(stepState(NaN).step).toBe(0);
    expect(stepState(1.2).step).toBe(1);
  });

  it('step 3 has a first picture once the race has a segment and the sweep a whole seed', () => {
    const seeds = (level: number) => ({ refinement: { level, target: 4, label: '' } }) as SweepData;
    expect(knobsPicture(stepState(3), 10, seeds(1))).toBe(true);
    expect(knobsPicture(stepState(3), 0, seeds(1))).toBe(false);
    expect(knobsPicture(stepState(3), 40, seeds(0))).toBe(false);
    expect(knobsPicture(stepState(3), 40, undefined)).toBe(false);
    expect(knobsPicture(stepState(2), 40, seeds(4))).toBe(false);
  });

  it('race requests: 4 epochs at steps 1 and 2, 10 at step 3, the whole run with reduced motion or in print', () => {
    expect(raceSegment(stepState(1), false, false)).toBe(4);
    expect(raceSegment(stepState(2), false, false)).toBe(4);
    expect(raceSegment(stepState(3), false, false)).toBe(10);
    expect(raceSegment(stepState(1), true, false)).toBe(40);
    expect(raceSegment(stepState(3), false, true)).toBe(40);
  });

  it('the next segment ends `segment` epochs on, never past the last epoch', () => {
    expect([0, 4, 8, 36].map((e) => nextUntil(e, 40, 4))).toEqual([4, 8, 12, 40]);
    expect(nextUntil(38, 40, 4)).toBe(40);
    expect([0, 10, 30].map((e) => nextUntil(e, 40, 10))).toEqual([10, 20, 40]);
    expect(nextUntil(0, 40, 40)).toBe(40);
  });

  it('maps URL parameters onto the race and the sweep', () => {
    const p: BaselineRaceParams = { ...DEFAULTS, dataset: 'circles', seed: 9, encoding: 'zz', layers: 2, shots: 1000 };
    expect(raceOverrides(p)).toMatchObject({
      dataset: 'circles',
      seed: 9,
      noise: 0.1,
      epochs: RACE_EPOCHS,
      vqc: { encoding: 'zz', layers: 2, shots: 1000 },
    });
    expect(sweepOverrides(p)).toMatchObject({
      dataset: 'circles',
      seed: 9,
      replicates: 4,
      encodings: ['angle', 'zz'],
      depths: [1, 3],
      vqc: { shots: 1000 },
    });
  });

  it('step 0 shows exactly the split the race trains on', () => {
    const previews = datasetPreviews(DEFAULTS.seed);
    expect(previews.map((d) => d.kind)).toEqual(['moons', 'circles', 'linear']);
    for (const d of previews) expect(d.train.points.length + d.test.points.length).toBe(120);
    const run = new RaceRun(raceParams(raceOverrides(DEFAULTS)));
    const ds = run.data(false).dataset;
    expect(ds.train).toEqual(previews[0].train);
    expect(ds.test).toEqual(previews[0].test);
  });
});

describe('decision-boundary geometry', () => {
  const linearGrid = (n: number, f: (x: number, y: number) => number): DecisionGrid => {
    const values: number[] = [];
    for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) values.push(f(i / (n - 1), j / (n - 1)));
    return { x0: 0, x1: 1, y0: 0, y1: 1, nx: n, ny: n, values };
  };

  it('shade runs cover every cell exactly once with the right band', () => {
    const g = linearGrid(9, (x, y) => (x + y) / 2);
    const runs = shadeRuns(g, 6);
    const seen = new Array(81).fill(0);
    for (const r of runs)
      for (let i = r.i0; i <= r.i1; i++) {
        seen[r.j * 9 + i]++;
        expect(bandOf(g.values[r.j * 9 + i], 6)).toBe(r.band);
      }
    expect(seen.every((c) => c === 1)).toBe(true);
    expect(runs.length).toBeLessThan(81);
    expect(bandOf(1, 6)).toBe(5);
    expect(bandOf(0, 6)).toBe(0);
  });

  it('the 0.5 contour of p = x lies on x = 0.5 and spans the grid', () => {
    const g = linearGrid(11, (x) => x);
    const segs = contourSegments(g);
    expect(segs).toHaveLength(10);
    for (const [a, , c] of segs) {
      expect(a).toBeCloseTo(5, 9);
      expect(c).toBeCloseTo(5, 9);
    }
  });

  it('a circle of radius 0.3 gives a closed contour at that radius', () => {
    const n = 41;
    const g = linearGrid(n, (x, y) => 1 / (1 + Math.exp(-40 * (Math.hypot(x - 0.5, y - 0.5) - 0.3))));
    const segs = contourSegments(g);
    expect(segs.length).toBeGreaterThan(20);
    for (const [a, b] of segs) expect(Math.hypot(a / (n - 1) - 0.5, b / (n - 1) - 0.5)).toBeCloseTo(0.3, 2);
  });
});

describe('experiments: baseline-race and baseline-race-sweep', () => {
  it('are registered', async () => {
    expect(await loadExperiment('baseline-race')).toBe(baselineRace);
    expect(await loadExperiment('baseline-race-sweep')).toBe(baselineRaceSweep);
    expect(EXPERIMENT_NAMES).toEqual(expect.arrayContaining(['baseline-race', 'baseline-race-sweep']));
  });

  it('the race is one sample (never split across workers) and defaults to the whole run', () => {
    const p = baselineRace.normalize({});
    expect(baselineRace.sampleCount(p)).toBe(1);
    expect(p.untilEpoch).toBe(p.epochs);
    expect(p.resumeFrom).toBeNull();
    expect(raceOnly(p)).toEqual(raceParams({}));
  });

  it('segments chained through checkpoints give exactly the uninterrupted run', () => {
    const whole = runRace(raceParams(SMALL)).data;
    let data: RaceData | null = null;
    const epochsSeen: number[] = [];
    for (const until of [1, 2, 3]) {
      const res: { data: RaceData | null; meta: { seed: number } } = runDefinition(baselineRace, {
        ...SMALL,
        untilEpoch: until,
        resumeFrom: data?.checkpoint ?? null,
        attempt: 2,
      } as Partial<RaceExperimentParams>);
      const d: RaceData = res.data!;
      data = d;
      epochsSeen.push(d.checkpoint.epoch);
      expect(res.meta.seed).toBe(DEFAULTS.seed);
      expect(d.grids).not.toBeNull();
    }
    expect(epochsSeen).toEqual([1, 2, 3]);
    expect(data!.complete).toBe(true);
    const strip = (d: RaceData) =>
      d.epochs.map((e) => Object.values(e.models).map((m) => [m.loss, m.testAccuracy, m.trainAccuracy, m.cost]));
    expect(strip(data!)).toEqual(strip(whole));
    expect(data!.grids).toEqual(whole.grids);
  });

  it('refuses an untilEpoch before the checkpoint or past the end, and a checkpoint of other parameters', () => {
    expect(() => baselineRace.normalize({ ...SMALL, untilEpoch: 4 } as Partial<RaceExperimentParams>)).toThrow(
      /untilEpoch/,
    );
    const first = runDefinition(baselineRace, { ...SMALL, untilEpoch: 2 } as Partial<RaceExperimentParams>).data!;
    expect(() =>
      baselineRace.normalize({
        ...SMALL,
        untilEpoch: 1,
        resumeFrom: first.checkpoint,
      } as Partial<RaceExperimentParams>),
    ).toThrow(/untilEpoch/);
    expect(() =>
      runDefinition(baselineRace, {
        ...SMALL,
        seed: 5,
        untilEpoch: 3,
        resumeFrom: first.checkpoint,
      } as Partial<RaceExperimentParams>),
    ).toThrow(/different parameters/);
  });

  it('the sweep merges exactly whatever the split', () => {
    const p = baselineRaceSweep.normalize({
      ...(sweepOverrides(DEFAULTS) as Partial<SweepParams>),
      n: 30,
      epochs: 2,
      replicates: 1,
      depths: [1],
      scalings: ['minmax-pi'],
    });
    const count = baselineRaceSweep.sampleCount(p);
    expect(count).toBe(4); // logistic, MLP, VQC angle, VQC IQP
    const whole = baselineRaceSweep.runSamples(p, [0, count], {});
    const parts = [baselineRaceSweep.runSamples(p, [2, count], {}), baselineRaceSweep.runSamples(p, [0, 2], {})];
    const merged = baselineRaceSweep.merge(p, parts);
    const noMs = (rs: SweepRun[]) => rs.map(({ ms: _ms, ...r }) => r);
    expect(merged.indices).toEqual([0, 1, 2, 3]);
    expect(noMs(merged.runs)).toEqual(noMs(whole.runs));
    const data = baselineRaceSweep.summarize(p, merged);
    expect(data.complete).toBe(true);
    expect(baselineRaceSweep.summarize(p, parts[0]).complete).toBe(false);
  });
});

describe('ledger, strip plot and text', () => {
  const race = runRace(raceParams(SMALL)).data;

  it('the ledger counts the VQC circuits exactly and converts shots to device time', () => {
    const rows = ledgerRows(race);
    expect(rows.map((r) => r.model)).toEqual(['vqc', 'logistic', 'mlp']);
    const q = rows[0];
    // By hand: 40 points split 70/30 → 28 training and 12 test points. Two qubits, three layers: 2·2·3 = 12
    // circuit angles (+2 classical read-out parameters = 14). Parameter shift runs 1 + 2·12 = 25 circuits
    // per training point, and evaluation one per point: 28·25 + 28 + 12 = 740 a epoch, 2,220 in three.
    expect([race.dataset.train.points.length, race.dataset.test.points.length]).toEqual([28, 12]);
    expect(q.parameters).toBe(14);
    expect(q.circuits).toBe(2220);
    expect(q.shots).toBe(222_000);
    // IBM's 250 µs repetition delay (content/data/cloud.json) is 4,000 shots/s: 222,000 shots take 55.5 s.
    expect(q.deviceSeconds).toBeCloseTo(55.5, 9);
    expect(rows[1].circuits).toBe(0);
    expect(rows[1].flops).toBeGreaterThan(0);
    expect(rows[1].deviceSeconds).toBeNull();
  });

  const fakeRun = (
    model: SweepRun['model'],
    seed: number,
    scaling: SweepRun['scaling'],
    acc: number,
    encoding: SweepRun['encoding'] = null,
    depth: number | null = null,
  ): SweepRun => ({
    model,
    seed,
    scaling,
    encoding,
    depth,
    parameters: 10,
    trainAccuracy: acc,
    testAccuracy: acc,
    finalLoss: 0.3,
    cost: { trainCircuits: 0, evalCircuits: 0, shots: 0, trainFlops: 0, evalFlops: 0 },
    ms: 1,
  });
  const caseRuns = (seed: number, c: number, vqc: number[]) => [
    fakeRun('logistic', seed, 'standard', c),
    fakeRun('mlp', seed, 'standard', c - 0.1),
    fakeRun('vqc', seed, 'standard', vqc[0], 'angle', 1),
    fakeRun('vqc', seed, 'standard', vqc[1], 'angle', 3),
    fakeRun('vqc', seed, 'standard', vqc[2], 'zz', 1),
    fakeRun('vqc', seed, 'standard', vqc[3], 'zz', 3),
  ];
  const sweep: SweepData = {
    runs: [...caseRuns(1, 0.9, [0.6, 0.95, 0.7, 0.8]), ...caseRuns(2, 0.9, [0.92, 0.95, 0.93, 0.91])],
    total: 12,
    complete: true,
    refinement: { level: 2, target: 2, label: '2 seeds per setting' },
  };

  it('strip rows group runs by model and setting with min, median and max', () => {
    const rows = stripRows(sweep);
    expect(rows.map((r) => r.key)).toEqual(['logistic', 'mlp', 'vqc-angle-1', 'vqc-angle-3', 'vqc-zz-1', 'vqc-zz-3']);
    const a1 = rows[2];
    expect(a1.runs).toHaveLength(2);
    expect([a1.min, a1.median, a1.max]).toEqual([0.6, (0.6 + 0.92) / 2, 0.92]);
  });

  it('verdicts: the best VQC setting wins where the worst loses', () => {
    expect(verdicts(sweep)).toEqual({ cases: 2, bestVqcWins: 2, worstVqcWins: 1, classicalAhead: 0 });
    expect(verdicts({ ...sweep, runs: sweep.runs.slice(0, 9), complete: false }).cases).toBe(1);
  });

  it('the text alternative of each step states the split (84/36), the runs (12 of 12) and the wins (2 of 2, worst 1) counted by hand', () => {
    const previews = datasetPreviews(DEFAULTS.seed);
    const base = { params: DEFAULTS, previews, race, sweep, paused: false };
    // 120 points, 60 per class, round(0.7 × 60) = 42 of each to train: 84 training and 36 test points.
    expect(baselineRaceAlt({ ...base, state: stepState(0) }).summary).toMatch(
      /two moons: 84 training points \(42 and 42 per class\) and 36 test points/,
    );
    const s1 = baselineRaceAlt({ ...base, state: stepState(1) });
    expect(s1.summary).toContain(`After all 3 epochs on two moons`);
    expect(s1.summary).toContain(`${(100 * race.epochs[2].models.vqc.testAccuracy).toFixed(1)}%`);
    expect(s1.table.rows).toHaveLength(3);
    const s2 = baselineRaceAlt({ ...base, state: stepState(2) }).summary;
    expect(s2).toMatch(/the quantum classifier ran [\d,]+ circuits/);
    expect(s2).toContain('shots/s');
    const s3 = baselineRaceAlt({ ...base, state: stepState(3) });
    // The hand-made sweep: seed 1 has VQC 0.6 … 0.95 against classical 0.9 (best wins, worst loses); seed 2
    // has 0.91 … 0.95 (both win).
    expect(s3.summary).toContain('12 of 12 training runs');
    expect(s3.summary).toContain('beats both classical models in 2 of 2 cases; picking its worst, in 1');
    const paused = baselineRaceAlt({
      ...base,
      race: runRace(raceParams(SMALL), { untilEpoch: 1 }).data,
      paused: true,
      state: stepState(1),
    });
    expect(paused.summary).toContain('Paused at epoch 1 of 40');
  });

  it('downloads hold one row per epoch and model, and one per sweep run', () => {
    expect(historyTable(race).rows).toHaveLength(9);
    expect(sweepTable(sweep).rows).toHaveLength(12);
    expect(historyTable(undefined).rows).toHaveLength(0);
  });
});
