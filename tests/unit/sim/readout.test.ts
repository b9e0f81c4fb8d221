import { describe, expect, it } from 'vitest';
import {
  applyReadoutError,
  confusionMatrix,
  corruptOutcome,
  mitigateReadoutError,
  sampleNoisyCounts,
  sampleNoisyShots,
  type ReadoutError,
} from '../../../src/sim/readout';
import { createRng } from '../../../src/sim/rng';

// Hand-worked example: Bell distribution P(00) = P(11) = ½; qubit 0: p01 = 0.1, p10 = 0.2;
// qubit 1: p01 = 0.05, p10 = 0.3. Index = b0 + 2·b1.
//   true 00 → read (q1,q0): q0 reads 0 w.p. 0.9, 1 w.p. 0.1; q1 reads 0 w.p. 0.95, 1 w.p. 0.05
//   true 11 → q0 reads 0 w.p. 0.2, 1 w.p. 0.8; q1 reads 0 w.p. 0.3, 1 w.p. 0.7
//   P̃(00) = ½·0.9·0.95 + ½·0.2·0.3 = 0.4575
//   P̃(q0=1, q1=0) = ½·0.1·0.95 + ½·0.8·0.3 = 0.1675
//   P̃(q0=0, q1=1) = ½·0.9·0.05 + ½·0.2·0.7 = 0.0925
//   P̃(11) = ½·0.1·0.05 + ½·0.8·0.7 = 0.2825
const bell = [0.5, 0, 0, 0.5];
const errors: ReadoutError[] = [
  { p01: 0.1, p10: 0.2 },
  { p01: 0.05, p10: 0.3 },
];
const expected = [0.4575, 0.1675, 0.0925, 0.2825];

describe('readout confusion', () => {
  it('matches the hand-worked two-qubit example', () => {
    const measured = applyReadoutError(bell, errors);
    expected.forEach((v, i) => expect(measured[i]).toBeCloseTo(v, 15));
    expect(bell).toEqual([0.5, 0, 0, 0.5]); // input untouched
  });

  it('one qubit: the confusion matrix columns are the conditional distributions', () => {
    expect(confusionMatrix({ p01: 0.1, p10: 0.2 })).toEqual([
      [0.9, 0.2],
      [0.1, 0.8],
    ]);
    const m = applyReadoutError([0.3, 0.7], { p01: 0.1, p10: 0.2 });
    expect(m[0]).toBeCloseTo(0.9 * 0.3 + 0.2 * 0.7, 15);
    expect(m[1]).toBeCloseTo(0.1 * 0.3 + 0.8 * 0.7, 15);
  });

  it('a single error is shared by every qubit', () => {
    const e = { p01: 0.02, p10: 0.07 };
    const a = applyReadoutError([0.1, 0.2, 0.3, 0.4, 0, 0, 0, 0], e);
    const b = applyReadoutError([0.1, 0.2, 0.3, 0.4, 0, 0, 0, 0], [e, e, e]);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(a.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 15);
  });

  it('mitigation inverts the confusion', () => {
    const back = mitigateReadoutError(expected, errors);
    bell.forEach((v, i) => expect(back[i]).toBeCloseTo(v, 14));
    expect(() => mitigateReadoutError([0.5, 0.5], { p01: 0.5, p10: 0.5 })).toThrow(/cannot be inverted/);
  });

  it('rejects bad input', () => {
    expect(() => applyReadoutError([0.5, 0.25, 0.25], errors)).toThrow(/power of two/);
    expect(() => applyReadoutError(bell, [errors[0]])).toThrow(/1 entries for 2 qubits/);
    expect(() => applyReadoutError(bell, { p01: 1.2, p10: 0 })).toThrow(/p01/);
  });
});

describe('noisy shot sampling', () => {
  it('reproduces the confused distribution within statistical error, and is seeded', () => {
    const shots = 40_000;
    const counts = sampleNoisyCounts(bell, errors, shots, createRng(42));
    for (let i = 0; i < 4; i++) {
      const f = (counts.get(i) ?? 0) / shots;
      const sigma = Math.sqrt((expected[i] * (1 - expected[i])) / shots);
      expect(Math.abs(f - expected[i])).toBeLessThan(5 * sigma);
    }
    const a = sampleNoisyShots(bell, errors, 100, createRng(7));
    const b = sampleNoisyShots(bell, errors, 100, createRng(7));
    expect(Array.from(a)).toEqual(Array.from(b));
  });

  it('flips bits only with the error of the bit’s true value', () => {
    const sure: ReadoutError[] = [
      { p01: 1, p10: 0 },
      { p01: 0, p10: 1 },
    ];
    // true 0b10: q0 = 0 → always read 1; q1 = 1 → always read 0
    expect(corruptOutcome(0b10, sure, createRng(1))).toBe(0b01);
    // true 0b01: q0 = 1 (p10 = 0, kept), q1 = 0 (p01 = 0, kept)
    expect(corruptOutcome(0b01, sure, createRng(1))).toBe(0b01);
    expect(Array.from(sampleNoisyShots([0, 0, 1, 0], sure, 5, createRng(3)))).toEqual([1, 1, 1, 1, 1]);
  });
});
