import { describe, expect, it } from 'vitest';
import {
  barrenPlateau,
  deepLimitVariance,
  rxProductVariance,
  type BarrenPlateauParams,
} from '../../../src/experiments/barren-plateau';
import { isAbortError } from '../../../src/experiments/abort';
import { runDefinition, runRaw } from '../../../src/experiments/run';

const run = (p: Partial<BarrenPlateauParams>) => runDefinition(barrenPlateau, p);

describe('barren-plateau experiment', () => {
  it('deep McClean circuits reach the 2-design variance 2ⁿ/(3(4ⁿ−1)) within sampling error, mean ≈ 0', () => {
    for (const n of [2, 3, 4, 5, 6]) {
      const { data } = run({ qubits: [n], layers: [10 * n], samples: 1500, seed: 7 });
      const row = data.rows[0];
      expect(row.samples).toBe(1500);
      expect(row.reference).toBeCloseTo(deepLimitVariance(n), 15);
      // 3.5 standard errors of the variance estimate (seeded, so this is deterministic)
      expect(Math.abs(row.variance - deepLimitVariance(n))).toBeLessThan(3.5 * row.varianceStderr);
      expect(Math.abs(row.mean)).toBeLessThan(4 * row.meanStderr);
    }
  });

  it('the deep-limit formula has the documented values', () => {
    expect(deepLimitVariance(8)).toBeCloseTo(1.3e-3, 5);
    expect(deepLimitVariance(12)).toBeCloseTo(8.14e-5, 7);
  });

  it('warm-up V = ⊗RX reproduces Var[∂C_G] = (1/8)(3/8)^(n−1) and Var[∂C_L] = 1/(8n²)', () => {
    for (const cost of ['global', 'local'] as const) {
      const { data } = run({ qubits: [1, 2, 3, 4], layers: [1], samples: 4000, seed: 3, cost, ansatz: 'rx-product' });
      for (const row of data.rows) {
        expect(row.reference).toBeCloseTo(rxProductVariance(row.qubits, cost), 15);
        expect(Math.abs(row.variance - row.reference!)).toBeLessThan(3.5 * row.varianceStderr);
      }
    }
  });

  it('noise p follows ρ → (1−p)ρ + p·I/2 (q = 1 − p): for ⊗RX, Var[∂⟨Z₀Z₁⟩] = q⁴/4 exactly in expectation', () => {
    const p = 0.2;
    const noisy = run({ qubits: [2], layers: [1], samples: 3000, seed: 5, ansatz: 'rx-product', noise: p });
    const clean = run({ qubits: [2], layers: [1], samples: 3000, seed: 5, ansatz: 'rx-product' });
    // Same seeds, same circuits: every noisy gradient is the clean one times q² (q = 1 − p).
    const ratio = noisy.data.rows[0].variance / clean.data.rows[0].variance;
    expect(ratio).toBeCloseTo((1 - p) ** 4, 10);
    expect(noisy.meta.method).toMatch(/\(1 − p\)ρ \+ p·Tr_j\(ρ\) ⊗ I\/2/);
    expect(noisy.meta.method).toMatch(/q = 1 − p/);
  });

  it('noise flattens the landscape: the variance falls with depth much faster than without noise', () => {
    const base = { qubits: [3], layers: [2, 20], samples: 300, seed: 9 };
    const clean = run(base).data.rows;
    const noisy = run({ ...base, noise: 0.1 }).data.rows;
    expect(noisy[1].variance).toBeLessThan(clean[1].variance / 5);
    expect(noisy[1].variance).toBeLessThan(noisy[0].variance / 10);
  });

  it('global cost vanishes exponentially in n at shallow depth while the local cost does not', () => {
    const global = run({ qubits: [2, 6], layers: [1], samples: 800, seed: 2, cost: 'global' }).data.rows;
    const local = run({ qubits: [2, 6], layers: [1], samples: 800, seed: 2, cost: 'local' }).data.rows;
    const gRatio = global[1].variance / global[0].variance;
    const lRatio = local[1].variance / local[0].variance;
    expect(gRatio).toBeLessThan(lRatio / 3);
  });

  it('merges any split of the samples into bit-identical results', () => {
    const params = barrenPlateau.normalize({ qubits: [2, 3, 4], layers: [5, 8], samples: 20, seed: 11 });
    const whole = runRaw(barrenPlateau, params, undefined);
    const parts = [
      [13, 20],
      [0, 7],
      [7, 13],
    ].map((r) => runRaw(barrenPlateau, params, r as [number, number]));
    const merged = barrenPlateau.merge(params, parts);
    expect(merged).toEqual(whole);
    expect(barrenPlateau.summarize(params, merged)).toEqual(barrenPlateau.summarize(params, whole));
    const again = runRaw(barrenPlateau, params, undefined);
    expect(again).toEqual(whole);
  });

  it('every prefix of the sample indices is a complete coarse picture: every cell, the same circuits per cell', () => {
    const params = barrenPlateau.normalize({ qubits: [2, 3, 5], layers: [4, 9], samples: 24, seed: 11 });
    const whole = barrenPlateau.summarize(params, runRaw(barrenPlateau, params, undefined));
    expect(whole.refinement).toEqual({ level: 24, target: 24, label: '24 random circuits per point' });
    for (const end of [2, 3, 12]) {
      const data = barrenPlateau.summarize(params, runRaw(barrenPlateau, params, [0, end]));
      expect(data.rows).toHaveLength(6);
      for (const [i, row] of data.rows.entries()) {
        expect(row.samples).toBe(end);
        // the prefix's circuits are the first `end` circuits of the full run: same gradients, same order
        expect(row.gradients).toEqual(whole.rows[i].gradients.slice(0, end));
        expect(Number.isFinite(row.variance)).toBe(true);
      }
      expect(data.refinement).toMatchObject({ level: end, target: 24 });
      expect(data.refinement.label).toBe(`${end} of 24 random circuits per point so far`);
    }
    // a non-prefix subset reports the least-sampled cell
    const gap = barrenPlateau.merge(params, [
      runRaw(barrenPlateau, params, [0, 3]),
      runRaw(barrenPlateau, params, [10, 12]),
    ]);
    expect(barrenPlateau.summarize(params, gap).refinement.level).toBe(5);
  });

  it('reports the unbiased variance Σ(g − ḡ)²/(N − 1) of the raw gradients, computed here from the samples', () => {
    const params = barrenPlateau.normalize({ qubits: [2], layers: [3], samples: 10, seed: 4 });
    const raw = runRaw(barrenPlateau, params, undefined);
    const vals = raw.cells[0].values;
    const mean = vals.reduce((a: number, b: number) => a + b, 0) / vals.length;
    const unbiased = vals.reduce((a: number, b: number) => a + (b - mean) ** 2, 0) / (vals.length - 1);
    const row = barrenPlateau.summarize(params, raw).rows[0];
    expect(row.variance).toBeCloseTo(unbiased, 15);
    expect(row.varianceStderr).toBeGreaterThan(0);
  });

  it('fits ln(variance) against n with a slope near −ln 2 for deep circuits', () => {
    const { data } = run({ qubits: [2, 3, 4, 5, 6, 7], layers: [70], samples: 400, seed: 1 });
    expect(data.fits[0].slope).toBeGreaterThan(-0.9);
    expect(data.fits[0].slope).toBeLessThan(-0.5);
  });

  it('reports progress and stops when aborted', () => {
    const controller = new AbortController();
    const seen: number[] = [];
    let partialRows = 0;
    expect(() =>
      runDefinition(
        barrenPlateau,
        { qubits: [2, 3], layers: [4], samples: 50 },
        {
          signal: controller.signal,
          onProgress: (done, total, partial) => {
            seen.push(done / total);
            partialRows = partial!.rows[0].samples;
            if (seen.length === 5) controller.abort();
          },
        },
      ),
    ).toThrow(expect.objectContaining({ name: 'AbortError' }));
    expect(seen).toHaveLength(5);
    expect(partialRows).toBe(5);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    let last = 0;
    runDefinition(
      barrenPlateau,
      { qubits: [2], layers: [2], samples: 6 },
      {
        onProgress: (d, t) => {
          last = d / t;
        },
      },
    );
    expect(last).toBe(1);
  });

  it('validates parameters with readable messages', () => {
    expect(() => barrenPlateau.normalize({ qubits: [21] })).toThrow(/cap of 20/);
    expect(() => barrenPlateau.normalize({ qubits: [11], noise: 0.1 })).toThrow(/density-matrix/);
    expect(() => barrenPlateau.normalize({ samples: 1 })).toThrow(/samples/);
    expect(() => barrenPlateau.normalize({ noise: 2 })).toThrow(/noise/);
    expect(isAbortError(new Error('x'))).toBe(false);
  });
});
