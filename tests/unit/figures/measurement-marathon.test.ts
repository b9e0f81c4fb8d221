import { describe, expect, it } from 'vitest';
import cloud from '../../../content/data/cloud.json';
import type { BarrenPlateauRow } from '../../../src/experiments';
import { createRng } from '../../../src/sim/rng';
import {
  Z95,
  countsAt,
  deepLimitShots,
  deviceProfile,
  shotNoiseStderr,
  shotRows,
  shotsForSign,
  trainingRun,
} from '../../../src/figures/measurement-marathon/model';

describe('shots to tell a gradient sign', () => {
  it('N₉₅ = z²/(2g²) with z = 1.959964, the two-sided 95 % normal quantile', () => {
    expect(Z95).toBeCloseTo(1.959964, 6);
    // 1.959964² = 3.841459: a gradient of 0.01 needs 3.841459 / (2 · 10⁻⁴) = 19,207.3 shots per circuit.
    expect(shotsForSign(0.01 ** 2)).toBeCloseTo(19_207.29, 1);
    expect(shotsForSign(0.3 ** 2)).toBeCloseTo(21.341438, 5);
    // Worst-case standard error 1/√(2N): 50 shots → 1/√100.
    expect(shotNoiseStderr(50)).toBeCloseTo(0.1, 15);
    // The text's one-sigma rule 1/(2σ²) ≈ 1.5·2ⁿ is 1.96² smaller; in the 2-design limit,
    // σ² = 2¹²/(3(4¹² − 1)), so N₉₅ / 1.959964² = 3(4¹² − 1)/2¹³ = 6,143.9996.
    expect(deepLimitShots(12) / 3.8414588).toBeCloseTo(6144, 3);
  });

  it('a simulated shot-noise experiment resolves the sign about 97.5 % of the time at N₉₅ (one-sided)', () => {
    // Worst case ⟨O⟩ = 0 on both shifted circuits (each shot ±1 with probability 1/2); true g from the means.
    const rng = createRng(5);
    const g = 0.05;
    const n = Math.ceil(shotsForSign(g * g));
    const pPlus = (1 + g) / 2,
      pMinus = (1 - g) / 2; // ⟨O⟩± = ±g so g = (⟨O⟩+ − ⟨O⟩−)/2
    let right = 0;
    const trials = 400;
    for (let t = 0; t < trials; t++) {
      let sp = 0,
        sm = 0;
      for (let s = 0; s < n; s++) {
        sp += rng.next() < pPlus ? 1 : -1;
        sm += rng.next() < pMinus ? 1 : -1;
      }
      if ((sp / n - sm / n) / 2 > 0) right++;
    }
    expect(right / trials).toBeGreaterThan(0.94);
    expect(right / trials).toBeLessThan(1);
  });

  it('turns a measured variance ± its standard error into N₉₅ with a range; a range reaching 0 has no upper end', () => {
    const row = (qubits: number, variance: number, varianceStderr: number): BarrenPlateauRow => ({
      qubits,
      layers: 30,
      samples: 100,
      mean: 0,
      variance,
      meanStderr: 0,
      varianceStderr,
      reference: null,
      gradients: [],
    });
    const rows = shotRows([row(4, 1e-3, 2e-4), row(6, 4e-5, 5e-5), row(8, 0, 0)]);
    // The zero-variance row has no finite shot count and is left out.
    expect(rows.map((r) => r.qubits)).toEqual([4, 6]);
    // z² = 1.959964² = 3.841459. Var = 10⁻³: 3.841459 / 0.002 = 1,920.73 shots; the range uses Var ± stderr:
    // 3.841459 / 0.0024 = 1,600.61 and 3.841459 / 0.0016 = 2,400.91. One-sigma rule 1/(2·10⁻³) = 500.
    expect(rows[0].shots).toBeCloseTo(1920.73, 2);
    expect(rows[0].shotsLow).toBeCloseTo(1600.61, 2);
    expect(rows[0].shotsHigh).toBeCloseTo(2400.91, 2);
    expect(rows[0].shotsOneSigma).toBeCloseTo(500, 9);
    // Var = 4·10⁻⁵ ± 5·10⁻⁵: 3.841459 / 8·10⁻⁵ = 48,018.2; low end 3.841459 / 1.8·10⁻⁴ = 21,341.4; Var − stderr < 0.
    expect(rows[1].shots).toBeCloseTo(48018.2, 1);
    expect(rows[1].shotsLow).toBeCloseTo(21341.4, 1);
    expect(rows[1].shotsHigh).toBe(Infinity);
  });
});

describe('one training run', () => {
  const profile = deviceProfile('ibm');

  it('reads the shot rate from content/data/cloud.json (IBM: 250 µs repetition delay → 4,000 shots/s)', () => {
    expect(cloud.items['ibm-shot-rate'].defaultRepDelayMicroseconds).toBe(250);
    expect(profile.shotsPerSecond).toBe(1e6 / 250);
    expect(profile.date).toBeTruthy();
    expect(deviceProfile('sycamore').shotsPerSecond).toBe(5000);
  });

  it('counts 2 circuits per parameter per example per epoch, and converts shots to time', () => {
    const run = trainingRun({ qubits: 8, layers: 100, examples: 100, epochs: 50, variance: 1.3e-3, profile });
    // By hand: 8 × 100 = 800 angles; 2 × 800 × 100 × 50 = 8,000,000 circuits; ⌈3.841459 / 0.0026⌉ =
    // ⌈1,477.48⌉ = 1,478 shots each; 1.1824 × 10¹⁰ shots at 4,000 a second = 2,956,000 s (34 days).
    expect(run.parameters).toBe(800);
    expect(run.circuits).toBe(8_000_000);
    expect(run.shotsPerCircuit).toBe(1478);
    expect(run.shots).toBe(11_824_000_000);
    expect(run.seconds).toBeCloseTo(2_956_000, 3);
    const half = countsAt(run, 0.5);
    expect(half.epoch).toBe(25);
    expect(half.circuits).toBe(4_000_000);
    expect(countsAt(run, 1)).toMatchObject({ epoch: 50, circuits: 8_000_000, shots: 11_824_000_000 });
    expect(countsAt(run, 0).shots).toBe(0);
  });
});
