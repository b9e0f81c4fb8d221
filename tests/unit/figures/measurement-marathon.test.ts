import { describe, expect, it } from 'vitest';
import cloud from '../../../content/data/cloud.json';
import { runBarrenPlateau } from '../../../src/experiments';
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
  it('N₉₅ = z²/(2g²) makes the 95 % interval of the parameter-shift estimate just reach the gradient', () => {
    for (const g of [0.3, 0.01, 1e-4]) {
      const n = shotsForSign(g * g);
      expect(Z95 * shotNoiseStderr(n)).toBeCloseTo(g, 12);
    }
    // The text's one-sigma rule 1/(2σ²) ≈ 1.5·2ⁿ is 1.96² smaller; in the 2-design limit N₉₅ ≈ 1.96²·1.5·2ⁿ.
    expect(deepLimitShots(12) / (1.5 * 2 ** 12)).toBeCloseTo(Z95 ** 2, 3);
    expect(Math.round(deepLimitShots(12) / Z95 ** 2)).toBe(6144);
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

  it('turns measured variances into shot counts with error ranges', () => {
    const { data } = runBarrenPlateau({
      qubits: [2, 4, 6],
      layers: [30],
      samples: 100,
      seed: 1,
      cost: 'zz',
      ansatz: 'mcclean',
      noise: 0,
    });
    const rows = shotRows(data.rows);
    expect(rows).toHaveLength(3);
    for (const r of rows) {
      expect(r.shots).toBeCloseTo(Z95 ** 2 / (2 * r.variance), 9);
      expect(r.shotsLow).toBeLessThan(r.shots);
      expect(r.shotsHigh).toBeGreaterThan(r.shots);
      expect(r.shots / r.shotsOneSigma).toBeCloseTo(Z95 ** 2, 9);
    }
    expect(rows[2].shots).toBeGreaterThan(rows[0].shots * 4);
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
    expect(run.parameters).toBe(800);
    expect(run.circuits).toBe(2 * 800 * 100 * 50);
    expect(run.shotsPerCircuit).toBe(Math.ceil(Z95 ** 2 / (2 * 1.3e-3)));
    expect(run.shots).toBe(run.circuits * run.shotsPerCircuit);
    expect(run.seconds).toBeCloseTo(run.shots / 4000, 6);
    const half = countsAt(run, 0.5);
    expect(half.epoch).toBe(25);
    expect(half.circuits).toBe(run.circuits / 2);
    expect(countsAt(run, 1)).toMatchObject({ epoch: 50, circuits: run.circuits, shots: run.shots });
    expect(countsAt(run, 0).shots).toBe(0);
  });
});
