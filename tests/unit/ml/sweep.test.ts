import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SWEEP_PARAMS,
  planSweep,
  runKnobSweep,
  runsPerReplicate,
  sweepData,
  sweepParams,
} from '../../../src/experiments/baseline-race/sweep';

const SMALL = sweepParams({
  n: 30,
  epochs: 2,
  replicates: 2,
  depths: [1, 2],
  scalings: ['minmax-pi', 'standard'],
  vqc: { shots: 10 },
});

const stripTimes = <T>(v: T): T => JSON.parse(JSON.stringify(v, (k, x) => (k === 'ms' ? undefined : x)));

describe('runKnobSweep', () => {
  const res = runKnobSweep(SMALL);

  it('runs every seed × scaling × (2 classical + encoding × depth) and counts each VQC run’s circuits by hand', () => {
    const { runs } = res.data;
    expect(runs).toHaveLength(2 * 2 * (2 + 2 * 2));
    expect(res.data.complete).toBe(true);
    const vqc = runs.filter((r) => r.model === 'vqc');
    expect(vqc).toHaveLength(16);
    expect(new Set(vqc.map((r) => `${r.seed}/${r.scaling}/${r.encoding}/${r.depth}`)).size).toBe(16);
    expect(new Set(runs.map((r) => r.seed))).toEqual(new Set([1, 2]));
    expect(runs.filter((r) => r.model !== 'vqc').every((r) => r.encoding === null && r.depth === null)).toBe(true);
    // Test accuracy is a count of correct points out of the 8 held out (30 points, 70/30 per class).
    for (const r of runs) expect(r.testAccuracy * 8).toBeCloseTo(Math.round(r.testAccuracy * 8), 9);
    // By hand: 22 training points (round(0.7 × 15) = 11 per class); 2 qubits × 2 angles = 4 angles per layer, so
    // depth 1: P = 4, 2 epochs × 22 × (1 + 2·4) = 396 training circuits; depth 2: P = 8, 2 × 22 × 17 = 748.
    // One evaluation circuit per point (30), 10 shots per circuit, P + 2 parameters with the logistic read-out.
    const byDepth = {
      1: { train: 396, shots: 10 * (396 + 30), parameters: 6 },
      2: { train: 748, shots: 7780, parameters: 10 },
    };
    for (const r of vqc) {
      const want = byDepth[r.depth as 1 | 2];
      expect(r.cost.trainCircuits).toBe(want.train);
      expect(r.cost.evalCircuits).toBe(30);
      expect(r.cost.shots).toBe(want.shots);
      expect(r.parameters).toBe(want.parameters);
    }
  });

  it('is reproducible from its seed', () => {
    expect(stripTimes(runKnobSweep(SMALL).data)).toEqual(stripTimes(res.data));
    expect(stripTimes(runKnobSweep({ ...SMALL, seed: 3 }).data)).not.toEqual(stripTimes(res.data));
  });

  it('reports progress per run and honours an abort signal', () => {
    const ac = new AbortController();
    const seen: number[] = [];
    expect(() =>
      runKnobSweep(SMALL, {
        signal: ac.signal,
        onProgress: (done, total) => {
          seen.push(done);
          expect(total).toBe(24);
          if (done === 3) ac.abort();
        },
      }),
    ).toThrow();
    expect(seen).toEqual([1, 2, 3]);
  });

  it('the default plan is 4 seeds × 2 scalings × (2 classical + 2 encodings × 2 depths) = 48 runs', () => {
    expect(planSweep(DEFAULT_SWEEP_PARAMS)).toHaveLength(48);
  });

  it('rejects empty knob lists', () => {
    expect(() => runKnobSweep({ ...SMALL, depths: [] })).toThrow(/depths/);
    expect(() => runKnobSweep({ ...SMALL, encodings: ['amplitude' as never] })).toThrow(/encoding/);
  });
});

describe('sweep refinement', () => {
  it('the plan is seed-major: every prefix ending a seed is a complete strip plot with fewer seeds', async () => {
    const { baselineRaceSweep } = await import('../../../src/experiments/baseline-race');
    const { runRaw } = await import('../../../src/experiments/run');
    const p = baselineRaceSweep.normalize({ ...SMALL, epochs: 1 });
    const per = runsPerReplicate(p);
    expect(per).toBe(2 * (2 + 2 * 2));
    const settings = (
      runs: readonly { model: string; scaling: string; encoding: string | null; depth: number | null }[],
    ) => new Set(runs.map((r) => `${r.model}/${r.scaling}/${r.encoding}/${r.depth}`));
    const whole = baselineRaceSweep.summarize(p, runRaw(baselineRaceSweep, p, undefined));
    expect(whole.refinement).toEqual({ level: 2, target: 2, label: '2 seeds per setting' });
    const first = baselineRaceSweep.summarize(p, runRaw(baselineRaceSweep, p, [0, per]));
    expect(first.refinement.level).toBe(1);
    expect(first.refinement.label).toBe(`1 of 2 seeds per setting so far (${per} of ${2 * per} runs)`);
    // every setting of the full sweep is present after the first seed
    expect(settings(first.runs)).toEqual(settings(whole.runs));
    expect(new Set(first.runs.map((r) => r.seed))).toEqual(new Set([p.seed]));
    expect(baselineRaceSweep.summarize(p, runRaw(baselineRaceSweep, p, [0, per - 1])).refinement.level).toBe(0);
    // completeness counts whole seeds wherever they are in the plan (a worker may finish a later one first)
    const late = runRaw(baselineRaceSweep, p, [per, 2 * per]);
    expect(sweepData(p, late.runs, late.indices).refinement.level).toBe(1);
  });
});

describe('the sweep spec’s level prefixes', () => {
  it('end at each whole seed, where the summary’s refinement level steps up by one', async () => {
    const { baselineRaceSweepSpec } = await import('../../../src/experiments/baseline-race/spec');
    const p = sweepParams({ replicates: 4 });
    const levels = baselineRaceSweepSpec.levelPrefixes!(p);
    expect(levels).toEqual([12, 24, 36]);
    const runs = runKnobSweep(SMALL).data.runs;
    const small = baselineRaceSweepSpec.levelPrefixes!(SMALL);
    expect(small).toEqual([runsPerReplicate(SMALL)]);
    expect(sweepData(SMALL, runs.slice(0, small[0] - 1)).refinement.level).toBe(0);
    expect(sweepData(SMALL, runs.slice(0, small[0])).refinement.level).toBe(1);
  });
});
