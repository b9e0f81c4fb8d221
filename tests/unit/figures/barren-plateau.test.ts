import { describe, expect, it } from 'vitest';
import type { BarrenPlateauRow } from '../../../src/experiments';
import { createRng } from '../../../src/sim/rng';
import {
  LAST_STEP,
  NOISY_MAX_QUBITS,
  deepLimit,
  readerQubits,
  sceneFor,
  type FigureParams,
} from '../../../src/figures/barren-plateau/model';
import { fitExponential, fitValue } from '../../../src/experiments/barren-plateau/fit';
import { bpSummary, bpTable, describeFit } from '../../../src/figures/barren-plateau/text';

const P: FigureParams = { samples: 200, seed: 1, nMin: 2, nMax: 6, layers: 10, cost: 'local', noise: 0.1 };

describe('fitExponential', () => {
  it('recovers a known slope and intercept from exact synthetic data', () => {
    const rows = [2, 3, 4, 5, 6, 7, 8].map((n) => {
      const variance = 0.4 * Math.exp(-0.55 * n);
      return { qubits: n, variance, varianceStderr: 0.1 * variance, samples: 200 };
    });
    const fit = fitExponential(rows);
    expect(fit.slope).toBeCloseTo(-0.55, 10);
    expect(fit.intercept).toBeCloseTo(Math.log(0.4), 10);
    expect(fit.factor).toBeCloseTo(Math.exp(-0.55), 10);
    expect(fit.qubitsPerHalving).toBeCloseTo(Math.LN2 / 0.55, 10);
    expect(fitValue(fit, 5)).toBeCloseTo(0.4 * Math.exp(-2.75), 12);
  });

  it('recovers −ln 2 within its standard error from noisy synthetic variances', () => {
    const rng = createRng(42);
    const gauss = () => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
    const rows = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((n) => {
      const truth = deepLimit(n);
      const rel = 0.1; // ≈ √(2/K) for K = 200 circuits
      return { qubits: n, variance: truth * Math.exp(rel * gauss()), varianceStderr: rel * truth, samples: 200 };
    });
    const fit = fitExponential(rows);
    expect(Math.abs(fit.slope + Math.LN2)).toBeLessThan(4 * fit.slopeStderr);
    expect(Math.abs(fit.slope + Math.LN2)).toBeLessThan(0.05);
    expect(fit.slopeStderr).toBeGreaterThan(0);
  });

  it('down-weights a point with a large error and skips empty or non-positive rows', () => {
    const rows = [2, 3, 4, 5].map((n) => ({
      qubits: n,
      variance: Math.exp(-n),
      varianceStderr: 0.01 * Math.exp(-n),
      samples: 100,
    }));
    rows.push({ qubits: 6, variance: 1, varianceStderr: 100, samples: 100 }); // an outlier with a huge error bar
    rows.push({ qubits: 7, variance: 0, varianceStderr: 0, samples: 100 });
    rows.push({ qubits: 8, variance: 1e-3, varianceStderr: 1e-4, samples: 1 });
    const fit = fitExponential(rows);
    expect(fit.points).toBe(5);
    expect(fit.slope).toBeLessThan(-0.95);
    expect(fitExponential(rows.slice(0, 1)).slope).toBeNaN();
  });
});

describe('scenes', () => {
  it('step 0 runs two qubits only; steps 1–2 sweep 2–12 qubits of deep McClean circuits; the fit appears at step 2', () => {
    expect(sceneFor(0, P).series.map((s) => s.run.qubits)).toEqual([[2]]);
    const s1 = sceneFor(1, P),
      s2 = sceneFor(2, P);
    expect(s1.series[0].run).toEqual(s2.series[0].run);
    expect(s1.series[0].run.qubits).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(s1.series[0].run).toMatchObject({ cost: 'zz', ansatz: 'mcclean', noise: 0, layers: [100] });
    expect([s1.series[0].fit, s2.series[0].fit]).toEqual([false, true]);
  });

  it('step 3 compares global and local costs on the same shallow alternating circuits', () => {
    const s = sceneFor(3, P).series;
    expect(s.map((x) => x.run.cost)).toEqual(['global', 'local']);
    expect(s[0].run.layers).toEqual(s[1].run.layers);
    expect(s.every((x) => x.run.ansatz === 'alternating' && x.run.layers[0] <= 2)).toBe(true);
  });

  it('the last step runs the reader sweep, noisy beside noiseless, and clamps noisy ranges', () => {
    const s = sceneFor(LAST_STEP, P).series;
    expect(s.map((x) => x.run.noise)).toEqual([0.1, 0]);
    expect(s[0].run.qubits).toEqual([2, 3, 4, 5, 6]);
    const big = readerQubits({ ...P, nMin: 4, nMax: 12 });
    expect(Math.max(...big.qubits)).toBe(NOISY_MAX_QUBITS);
    expect(big.notes.join(' ')).toMatch(/density matrix/);
    expect(readerQubits({ ...P, noise: 0, nMin: 9, nMax: 3 }).qubits).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(readerQubits({ ...P, noise: 0, nMin: 12, nMax: 12 }).qubits).toEqual([11, 12]);
    expect(sceneFor(LAST_STEP, { ...P, noise: 0 }).series).toHaveLength(1);
  });
});

describe('text', () => {
  it('summarises variances that halve per qubit as slope −ln 2 = −0.693, ×0.50 per added qubit, halving every qubit', () => {
    // Var = 0.25, 0.125, 0.0625 at n = 2, 3, 4 (±10 %): ln Var falls by ln 2 = 0.693147 per qubit exactly.
    const row = (qubits: number, variance: number): BarrenPlateauRow => ({
      qubits,
      layers: 20,
      samples: 60,
      mean: 0,
      variance,
      meanStderr: 0,
      varianceStderr: variance / 10,
      reference: null,
      gradients: [],
    });
    const rows = [row(2, 0.25), row(3, 0.125), row(4, 0.0625)];
    const fit = fitExponential(rows);
    expect(fit.slope).toBeCloseTo(-Math.LN2, 12);
    const results = [{ key: 'zz', label: 'zz', rows, fit, complete: true }];
    const summary = bpSummary(2, results);
    expect(summary).toContain('fell from 0.25 ± 0.025 at 2 qubits to 0.0625 ± 0.00625 at 4 qubits');
    expect(summary).toContain('fitted slope -0.693');
    expect(describeFit(fit)).toMatch(/×0\.50 per added qubit, halving every 1\.00 qubits/);
    expect(bpTable(results).rows.map((r) => [r.qubits, r.variance])).toEqual([
      [2, 0.25],
      [3, 0.125],
      [4, 0.0625],
    ]);
  });
});
