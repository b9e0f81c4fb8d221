import { describe, expect, it } from 'vitest';
import {
  LAST_STEP,
  SHOT_NOISE_DEFAULTS,
  domainFor,
  exactExpectation,
  histogram,
  latticeBinSize,
  outcomeProbabilities,
  seriesForStep,
  seriesStats,
  shotNoiseTask,
  simulateEstimates,
  theoryStd,
} from '../../../src/figures/shot-noise/model';
import { runTaskSync } from '../../../src/story/useSlicedTask';
import { shotNoiseAlt, shotNoiseDownload } from '../../../src/figures/shot-noise/text';

const THETA = 1.1;
const SEED = 12345;

describe('shot-noise model: physics', () => {
  it('prepares RY(θ)|0⟩ with ⟨Z⟩ = cos θ and P(0) = cos²(θ/2)', () => {
    for (const t of [0, 0.3, THETA, 2, Math.PI]) {
      expect(exactExpectation(t)).toBeCloseTo(Math.cos(t), 12);
      const p = outcomeProbabilities(t);
      expect(p[0]).toBeCloseTo(Math.cos(t / 2) ** 2, 12);
      expect(p[0] + p[1]).toBeCloseTo(1, 12);
    }
  });

  it('theory spread is √((1 − cos²θ)/N), shrinking 10× for 100× the shots', () => {
    expect(theoryStd(THETA, 1)).toBeCloseTo(Math.sin(THETA), 12);
    expect(theoryStd(THETA, 10_000) / theoryStd(THETA, 1_000_000)).toBeCloseTo(10, 10);
    expect(theoryStd(0, 100)).toBe(0);
  });

  it('single-shot estimates are exactly ±1', () => {
    const e = simulateEstimates(THETA, 1, SEED, 0, 400);
    expect([...new Set(e)].sort()).toEqual([-1, 1]);
  });

  for (const shots of [1, 10, 100, 10_000]) {
    it(`at N = ${shots} the empirical mean is within 4σ of cos θ`, () => {
      const runs = 400;
      const s = seriesStats(simulateEstimates(THETA, shots, SEED, 0, runs), THETA, shots);
      const sigmaOfMean = theoryStd(THETA, shots) / Math.sqrt(runs);
      expect(Math.abs(s.mean - Math.cos(THETA))).toBeLessThan(4 * sigmaOfMean);
    });
  }

  for (const shots of [100, 1000, 10_000]) {
    it(`at N = ${shots} the empirical std is within 10 % of theory`, () => {
      const s = seriesStats(simulateEstimates(THETA, shots, SEED, 0, 400), THETA, shots);
      expect(Math.abs(s.std / s.theoryStd - 1)).toBeLessThan(0.1);
    });
  }

  it('other angles too (θ = 0.4, 2.5) at N = 400', () => {
    for (const t of [0.4, 2.5]) {
      const s = seriesStats(simulateEstimates(t, 400, SEED, 0, 400), t, 400);
      expect(Math.abs(s.mean - Math.cos(t))).toBeLessThan((4 * theoryStd(t, 400)) / 20);
      expect(Math.abs(s.std / s.theoryStd - 1)).toBeLessThan(0.1);
    }
  });
});

describe('shot-noise model: seeds', () => {
  it('the same seed gives identical data', () => {
    expect(simulateEstimates(THETA, 100, SEED, 0, 50)).toEqual(simulateEstimates(THETA, 100, SEED, 0, 50));
  });

  it('a different seed gives different data', () => {
    const a = simulateEstimates(THETA, 100, SEED, 0, 50);
    const b = simulateEstimates(THETA, 100, SEED + 1, 0, 50);
    expect(a).not.toEqual(b);
  });

  it('data does not depend on how runs are split', () => {
    const whole = simulateEstimates(THETA, 37, SEED, 0, 30);
    const parts = new Float64Array([
      ...simulateEstimates(THETA, 37, SEED, 0, 11),
      ...simulateEstimates(THETA, 37, SEED, 11, 30),
    ]);
    expect(parts).toEqual(whole);
    const task = shotNoiseTask({ ...SHOT_NOISE_DEFAULTS, seed: SEED, runs: 30 }, [
      { shots: 10, runs: 30 },
      { shots: 37, runs: 30 },
    ]);
    const acc = task.init();
    for (let u = 0; u < task.total; u += 7) task.run(acc, u, Math.min(task.total, u + 7));
    expect(task.view(acc, task.total)[1].estimates).toEqual(whole);
    expect(runTaskSync(task)[1].estimates).toEqual(whole);
  });

  it('partial task views grow run by run, smallest N first', () => {
    const task = shotNoiseTask({ ...SHOT_NOISE_DEFAULTS, runs: 20 }, [
      { shots: 1, runs: 20 },
      { shots: 100, runs: 20 },
    ]);
    const acc = task.init();
    task.run(acc, 0, 25);
    const v = task.view(acc, 25);
    expect(v[0].estimates).toHaveLength(20);
    expect(v[1].estimates).toHaveLength(5);
  });
});

describe('shot-noise model: steps', () => {
  it('uses 1, 10, 100 and 10,000 shots, then N against 100·N', () => {
    const p = SHOT_NOISE_DEFAULTS;
    [1, 10, 100, 10_000].forEach((shots, s) => expect(seriesForStep(s, p).shown.map((x) => x.shots)).toEqual([shots]));
    expect(seriesForStep(LAST_STEP, p).shown.map((x) => x.shots)).toEqual([10_000, 1_000_000]);
    expect(seriesForStep(LAST_STEP, p).all.map((x) => x.shots)).toEqual([1, 10, 100, 10_000, 1_000_000]);
    expect(seriesForStep(2, p).all.map((x) => x.shots)).toEqual([1, 10, 100]);
    expect(seriesForStep(LAST_STEP, { ...p, shots: 50 }).shown.map((x) => x.shots)).toEqual([50, 5000]);
  });

  it('every histogram has the requested runs, 10⁶ shots included; a 10⁶-shot run costs what 512 single shots do', () => {
    const { all } = seriesForStep(LAST_STEP, SHOT_NOISE_DEFAULTS);
    expect(all.map((x) => x.runs)).toEqual(all.map(() => SHOT_NOISE_DEFAULTS.runs));
    // Counts of many shots are drawn as binomials (src/sim/sampling.ts): cost in single-shot draws.
    expect(shotNoiseTask(SHOT_NOISE_DEFAULTS, all).cost).toBe(400 * (1 + 10 + 100 + 512 + 512));
  });

  it('the axis spans all estimates for early steps, zooms through step 3 (exact at its edges) and stays zoomed', () => {
    const p = SHOT_NOISE_DEFAULTS;
    expect(domainFor(0, 0.7, p)).toEqual([-1.1, 1.1]);
    expect(domainFor(3, 0, p)).toEqual([-1.1, 1.1]);
    // Zoomed: cos θ ± 6σ with σ = sin θ/√N. By hand at θ = 1.1, N = 10,000: cos 1.1 = 0.4535961,
    // 6σ = 6 × 0.8912074 / 100 = 0.0534724 → [0.4001237, 0.5070686].
    const zoomed = [0.4001237, 0.5070686];
    for (const progress of [0.6, 1]) domainFor(3, progress, p).forEach((v, i) => expect(v).toBeCloseTo(zoomed[i], 6));
    // Progress 0.3 is half-way along the smoothstep (t = 0.5): the mean of the full and zoomed ends.
    const mid = domainFor(3, 0.3, p);
    expect(mid[0]).toBeCloseTo((-1.1 + 0.4001237) / 2, 6);
    expect(mid[1]).toBeCloseTo((1.1 + 0.5070686) / 2, 6);
    // The last step follows the reader's N: 100 shots give 6σ = 0.5347244, clipped to [−1, 1] only where
    // it would pass it; 1,000 shots give 0.1690947.
    domainFor(4, 0, { ...p, shots: 100 }).forEach((v, i) => expect(v).toBeCloseTo([-0.0811283, 0.9883205][i], 6));
    domainFor(4, 0, { ...p, shots: 1000 }).forEach((v, i) => expect(v).toBeCloseTo([0.2845014, 0.6226908][i], 6));
    // θ = 0.1 at one shot: cos θ + 6σ passes +1 and is clipped there.
    expect(domainFor(4, 0, { ...p, theta: 0.1, shots: 1 })[1]).toBe(1);
  });
});

describe('shot-noise histogram', () => {
  it('counts every run once and aligns bins to the estimate lattice', () => {
    for (const shots of [1, 10, 100, 10_000]) {
      const e = simulateEstimates(THETA, shots, SEED, 0, 400);
      const per = latticeBinSize(shots, theoryStd(THETA, shots), 2);
      const bins = histogram(e, shots, per);
      expect(bins.reduce((n, b) => n + b.count, 0)).toBe(400);
      expect(bins.reduce((n, b) => n + b.share, 0)).toBeCloseTo(1, 12);
      for (const b of bins) expect((b.x1 - b.x0) / (2 / shots)).toBeCloseTo(per, 6);
      for (const v of e) expect(bins.some((b) => v >= b.x0 && v <= b.x1 && b.count > 0)).toBe(true);
    }
  });

  it('N = 1 gives two bars at −1 and +1; N = 10 one bar per possible value', () => {
    const one = histogram(simulateEstimates(THETA, 1, SEED, 0, 400), 1, latticeBinSize(1, theoryStd(THETA, 1), 2));
    expect(one.filter((b) => b.count > 0).map((b) => (b.x0 + b.x1) / 2)).toEqual([-1, 1]);
    const ten = histogram(simulateEstimates(THETA, 10, SEED, 0, 400), 10, latticeBinSize(10, theoryStd(THETA, 10), 2));
    for (const b of ten) expect(b.x1 - b.x0).toBeCloseTo(0.2, 12);
  });
});

describe('shot-noise text alternative and downloads', () => {
  it('describes the current data and narrows 10× in the last step', () => {
    const p = { ...SHOT_NOISE_DEFAULTS, shots: 100 };
    const data = runTaskSync(shotNoiseTask(p, seriesForStep(LAST_STEP, p).all));
    const stats = data.map((d) => seriesStats(d.estimates, p.theta, d.shots));
    const alt = shotNoiseAlt(LAST_STEP, p, stats, [100, 10_000]);
    expect(alt.summary).toContain('cos θ = 0.454');
    expect(alt.summary).toMatch(/N = 100 shots per run, 400 simulated runs averaged 0\.4\d\d/);
    const ratio = Number(/made the ±1.96σ interval ([\d.]+) times narrower/.exec(alt.summary)?.[1]);
    expect(ratio).toBeGreaterThan(8.5);
    expect(ratio).toBeLessThan(11.5);
    expect(alt.table.rows.map((r) => r.shots)).toEqual([1, 10, 100, 10_000]);
    const csv = shotNoiseDownload(data.filter((d) => d.shots === 100));
    expect(csv.rows).toHaveLength(400);
    expect(csv.rows[3]).toEqual({ shots: 100, run: 3, estimate: data.find((d) => d.shots === 100)!.estimates[3] });
  });
});

describe('shot-noise quantiles', () => {
  it('the middle 95 % of single-shot runs spans exactly −1 to +1', () => {
    const s = seriesStats(simulateEstimates(THETA, 1, SEED, 0, 400), THETA, 1);
    expect(s.q025).toBe(-1);
    expect(s.q975).toBe(1);
  });
  it('quantiles of N = 10,000 runs bracket cos θ at about ±1.96σ', () => {
    const s = seriesStats(simulateEstimates(THETA, 10_000, SEED, 0, 400), THETA, 10_000);
    const half = 1.96 * theoryStd(THETA, 10_000);
    expect(Math.abs(s.q025 - (Math.cos(THETA) - half))).toBeLessThan(0.3 * half);
    expect(Math.abs(s.q975 - (Math.cos(THETA) + half))).toBeLessThan(0.3 * half);
  });
});
