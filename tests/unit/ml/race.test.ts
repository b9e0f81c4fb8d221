import { describe, expect, it } from 'vitest';
import {
  RaceRun,
  raceParams,
  raceSteps,
  runRace,
  runRaceAsync,
  type RaceData,
  type RaceResult,
} from '../../../src/experiments/baseline-race/race';
import { isAbortError } from '../../../src/experiments/abort';

/** A small race: 40 points (28 train, 12 test), 4 epochs, 2 layers, 20 shots. */
const SMALL = raceParams({ n: 40, epochs: 4, gridSize: 8, vqc: { layers: 2, shots: 20 } });

/** Everything except wall-clock times. */
function stripTimes<T>(v: T): T {
  return JSON.parse(JSON.stringify(v, (k, x) => (k === 'ms' ? undefined : x)));
}

describe('runRace', () => {
  const result = runRace(SMALL);
  const { data, meta } = result;

  it('returns the experiment contract with the params, seed and method', () => {
    expect(meta.seed).toBe(1);
    expect(meta.params).toEqual(SMALL);
    expect(meta.version).toMatch(/^baseline-race@\d+$/);
    expect(meta.method).toContain('parameter-shift');
    expect(data.complete).toBe(true);
    expect(data.epochs.map((e) => e.epoch)).toEqual([1, 2, 3, 4]);
  });

  it('splits 40 points 28/12 and counts parameters by hand: VQC 10, degree-3 logistic regression 10, MLP 13', () => {
    // 20 points per class, round(0.7 × 20) = 14 of each to train: 28 train, 12 test.
    expect(data.dataset.train.points).toHaveLength(28);
    expect(data.dataset.test.points).toHaveLength(12);
    // VQC: 2 qubits × 2 layers × 2 angles + α, β of the read-out = 10. Logistic regression on the 9 monomials
    // xᵃyᵇ with 1 ≤ a + b ≤ 3, plus a bias = 10. MLP 2 → 3 → 1: 2·3 + 3 weights and biases, 3 + 1 = 13.
    expect(data.models.vqc.parameters).toBe(10);
    expect(data.models.logistic.parameters).toBe(10);
    expect(data.models.mlp.parameters).toBe(13);
  });

  it('same seed → identical results (apart from wall-clock time); another seed differs', () => {
    expect(stripTimes(runRace(SMALL))).toEqual(stripTimes(result));
    const other = runRace({ ...SMALL, seed: 2 });
    expect(other.data.dataset.train.points).not.toEqual(data.dataset.train.points);
    expect(stripTimes(other.data.epochs)).not.toEqual(stripTimes(data.epochs));
  });

  it('counts the VQC work exactly and accumulates it per epoch', () => {
    // By hand, per epoch: 8 circuit angles, so 28 × (1 + 2·8) = 476 training circuits and 28 + 12 = 40
    // evaluation circuits; 20 shots each → 10,320 shots. Adam on 10 parameters is 4 + 14·10 = 144 FLOPs a
    // step, ⌈28/10⌉ = 3 steps → 432 FLOPs.
    data.epochs.forEach((e, i) => {
      expect(e.models.vqc.cost).toMatchObject({
        trainCircuits: (i + 1) * 476,
        evalCircuits: (i + 1) * 40,
        shots: (i + 1) * 10_320,
        trainFlops: (i + 1) * 432,
      });
      for (const m of ['logistic', 'mlp'] as const) {
        const k = e.models[m].cost;
        expect(k.trainCircuits + k.evalCircuits + k.shots).toBe(0);
        expect(k.trainFlops).toBe((i + 1) * data.epochs[0].models[m].cost.trainFlops);
        expect(k.evalFlops).toBe((i + 1) * data.epochs[0].models[m].cost.evalFlops);
      }
      for (const m of ['vqc', 'logistic', 'mlp'] as const) {
        const x = e.models[m];
        // Accuracies are counts of correctly classified points out of 28 and 12.
        expect(x.trainAccuracy * 28).toBeCloseTo(Math.round(x.trainAccuracy * 28), 9);
        expect(x.testAccuracy * 12).toBeCloseTo(Math.round(x.testAccuracy * 12), 9);
        expect(Number.isFinite(x.loss)).toBe(true);
      }
    });
  });

  it('samples decision grids in [0, 1] over the data box for every model', () => {
    expect(data.gridsEpoch).toBe(4);
    for (const m of ['vqc', 'logistic', 'mlp'] as const) {
      const g = data.grids![m];
      expect([g.nx, g.ny, g.values.length]).toEqual([8, 8, 64]);
      expect(g.values.every((v) => v >= 0 && v <= 1)).toBe(true);
      expect(new Set(g.values.map((v) => v.toFixed(6))).size).toBeGreaterThan(1);
      expect(g.x0).toBe(data.dataset.box.x0);
      const all = [...data.dataset.train.points, ...data.dataset.test.points];
      expect(all.every(([x, y]) => x > g.x0 && x < g.x1 && y > g.y0 && y < g.y1)).toBe(true);
    }
  });

  it('reports progress after every epoch with partial data', () => {
    const seen: [number, number, number][] = [];
    runRace(SMALL, { onProgress: (done, total, partial) => seen.push([done, total, partial!.epochs.length]) });
    expect(seen).toEqual([
      [1, 4, 1],
      [2, 4, 2],
      [3, 4, 3],
      [4, 4, 4],
    ]);
  });

  it('pausing at an epoch and resuming from the JSON checkpoint gives the uninterrupted result', () => {
    const paused = runRace(SMALL, { untilEpoch: 2 });
    expect(paused.data.complete).toBe(false);
    expect(paused.data.epochs).toHaveLength(2);
    expect(paused.data.grids).not.toBeNull(); // grids of the paused state, for display
    const checkpoint = JSON.parse(JSON.stringify(paused.data.checkpoint));
    const resumed = runRace(SMALL, { resumeFrom: checkpoint });
    expect(stripTimes(resumed.data.epochs)).toEqual(stripTimes(result.data.epochs));
    expect(resumed.data.grids).toEqual(result.data.grids);
    expect(() => runRace({ ...SMALL, seed: 5 }, { resumeFrom: checkpoint })).toThrow(/different parameters/);
  });

  it('stops with the abort reason when the signal is aborted', () => {
    const ac = new AbortController();
    let epochs = 0;
    let caught: unknown;
    try {
      runRace(SMALL, {
        signal: ac.signal,
        onProgress: (done) => {
          epochs = done;
          if (done === 2) ac.abort();
        },
      });
    } catch (e) {
      caught = e;
    }
    expect(isAbortError(caught)).toBe(true);
    expect(epochs).toBe(2);
  });

  it('the async runner can be cancelled from the event loop mid-run and otherwise matches', async () => {
    const ac = new AbortController();
    let epochs = 0;
    const p = runRaceAsync(SMALL, {
      signal: ac.signal,
      onProgress: (done) => {
        epochs = done;
        if (done === 1) setTimeout(() => ac.abort(), 0);
      },
    });
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    expect(epochs).toBeLessThan(4);
    const full: RaceResult = await runRaceAsync(SMALL);
    expect(stripTimes(full.data.epochs)).toEqual(stripTimes(result.data.epochs));
  });

  it('the generator yields every epoch and returns the same result', () => {
    const gen = raceSteps(SMALL);
    const partials: RaceData[] = [];
    let r = gen.next();
    while (!r.done) {
      partials.push(r.value);
      r = gen.next();
    }
    expect(partials.map((p) => p.epochs.length)).toEqual([1, 2, 3, 4]);
    expect(partials[1].complete).toBe(false);
    expect(stripTimes(r.value.data.epochs)).toEqual(stripTimes(result.data.epochs));
  });

  it('samples grids during the run when gridEvery is set', () => {
    const run = new RaceRun({ ...SMALL, gridEvery: 2 });
    run.step();
    expect(run.data(false).grids).toBeNull();
    run.step();
    expect(run.data(false).gridsEpoch).toBe(2);
  });

  it('rejects invalid parameters with a readable message', () => {
    expect(() => runRace({ ...SMALL, epochs: 0 })).toThrow(/epochs/);
    expect(() => runRace({ ...SMALL, dataset: 'spirals' as never })).toThrow(/unknown dataset/);
    expect(() => runRace({ ...SMALL, vqc: { ...SMALL.vqc, shots: -1 } })).toThrow(/shots/);
  });
});
