/** The speedup-erosion model: curves by hand, break-even found correctly, "none" when it cannot exist. */
import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  STAGES,
  SEARCH_SHOTS,
  breakEven,
  erosionModel,
  shotsFor,
  type ErosionInputs,
} from '../../../src/costs/erosion';
import { stagesForStep } from '../../../src/figures/speedup-erosion/model';
import { erosionAlt } from '../../../src/figures/speedup-erosion/text';
import View from '../../../src/figures/speedup-erosion/view';
import { defaultParams } from '../../../src/story/params';
import { hostProps } from './host-props';
import { erosionParamSpec } from '../../../src/figures/speedup-erosion/meta';
import { TIMED_DEVICE_IDS } from '../../../src/sim/device-ids';

const base: ErosionInputs = { speedup: 'quadratic', alpha: 2, eps: 0.03, device: 'ibm_boston', latency: 15, queue: 0 };

describe('speedup-erosion model', () => {
  it('curves by hand (ibm_boston, H100 at 38 %)', () => {
    const m = erosionModel(base);
    const tOp = 1 / (989e12 * 0.38);
    const tL = 50e-9;
    expect(m.tOp).toBeCloseTo(tOp, 25);
    expect(m.classical(1e6)).toBeCloseTo(1e12 * tOp, 12);
    expect(m.quantum('claimed', 1e6)).toBeCloseTo(1e6 * tL, 12);
    expect(m.quantum('encoding', 1e6)).toBeCloseTo(3e6 * tL, 12);
    // A search's answer is a bit string checked classically: about one run, whatever ε.
    expect(m.shots).toBe(1);
    expect(m.quantum('shots', 1e6)).toBeCloseTo(3e6 * tL, 12);
    expect(m.quantum('latency', 1e6)).toBeCloseTo(3e6 * tL + 2.2e-6 + 250e-6 + 15, 9);
  });

  it('shots: O(1) for a search (bit-string output), ⌈1/ε²⌉ for an expectation value (exponential, HHL-type)', () => {
    expect(shotsFor({ speedup: 'quadratic', eps: 0.001 })).toBe(SEARCH_SHOTS);
    expect(shotsFor({ speedup: 'exponential', eps: 0.03 })).toBe(1112);
    const e = erosionModel({ ...base, speedup: 'exponential' });
    expect(e.quantum('shots', 1e6)).toBeCloseTo(1112 * e.quantum('encoding', 1e6), 9);
    expect(e.quantum('latency', 1e6)).toBeCloseTo(1112 * (e.quantum('encoding', 1e6) + 2.2e-6 + 250e-6) + 15, 9);
    // Nighthawk's default repetition delay is 4,000 µs (conf_miami.json).
    const miami = erosionModel({ ...base, speedup: 'exponential', device: 'ibm_miami' });
    expect(miami.device.repDelay_s).toBeCloseTo(4e-3, 12);
  });

  it('claimed quadratic over N²: break-even where N·t_layer = N²·t_op, i.e. N = t_layer/t_op ≈ 1.9 × 10⁷', () => {
    const m = erosionModel(base);
    const b = breakEven(m, 'claimed');
    const exact = m.tLayer / m.tOp;
    expect(Math.abs(Math.log10(b.n!) - Math.log10(exact))).toBeLessThan(0.011);
    // each added cost moves the break-even to larger N
    const ns = STAGES.map((s) => breakEven(m, s).n!);
    for (let i = 1; i < ns.length; i++) expect(ns[i]).toBeGreaterThanOrEqual(ns[i - 1]);
    expect(ns[2]).toBe(ns[1]); // a search needs about one run: the shots stage changes nothing
    const ex = STAGES.map((s) => breakEven(erosionModel({ ...base, speedup: 'exponential' }), s).n!);
    expect(ex[2] / ex[1]).toBeGreaterThan(500); // × 1,112 shots for an expectation value
  });

  it('against a linear classical algorithm, loading the input removes every break-even', () => {
    const m = erosionModel({ ...base, alpha: 1 });
    expect(breakEven(m, 'claimed').n).not.toBeNull();
    for (const s of ['encoding', 'shots', 'latency'] as const)
      expect(breakEven(m, s)).toMatchObject({ n: null, reason: 'never' });
    expect(erosionAlt(m, stagesForStep(4)).summary).toMatch(/no break-even at any size/);
  });

  it('steps add stages one at a time', () => {
    expect(stagesForStep(0)).toEqual(['claimed']);
    expect(stagesForStep(1)).toEqual(['claimed', 'encoding']);
    expect(stagesForStep(3)).toEqual(['claimed', 'encoding', 'shots', 'latency']);
    expect(stagesForStep(4)).toEqual(['claimed', 'encoding', 'shots', 'latency']);
  });

  it('fuzz: every setting renders without NaN or Infinity', () => {
    fc.assert(
      fc.property(
        fc.record({
          speedup: fc.constantFrom('quadratic' as const, 'exponential' as const),
          alpha: fc.integer({ min: 1, max: 4 }),
          eps: fc.double({ min: 0.0001, max: 1, noNaN: true }),
          device: fc.constantFrom(...TIMED_DEVICE_IDS),
          latency: fc.double({ min: 0, max: 1e6, noNaN: true }),
          queue: fc.double({ min: 0, max: 1e7, noNaN: true }),
        }),
        fc.integer({ min: 0, max: 4 }),
        (params, step) => {
          const html = renderToStaticMarkup(
            createElement(View, {
              id: 'speedup-erosion',
              ...hostProps('speedup-erosion', step),
              progress: 0,
              params,
              setParams: () => {},
              paramIssues: [],
              mode: 'article',
              reducedMotion: true,
            }),
          );
          expect(html.replace(/<[^>]*>/g, ' ')).not.toMatch(/NaN|Infinity/);
          expect(html).not.toMatch(/="[^"]*NaN/);
        },
      ),
      { numRuns: 40, seed: 3 },
    );
  });

  it('default view states its break-even, N² · t_op = 3N · t_layer + latency solved by hand: N = 1.08 × 10⁸', () => {
    const html = renderToStaticMarkup(
      createElement(View, {
        id: 'speedup-erosion',
        ...hostProps('speedup-erosion', 4),
        progress: 0,
        params: defaultParams(erosionParamSpec),
        setParams: () => {},
        paramIssues: [],
        mode: 'article',
        reducedMotion: true,
      }),
    );
    expect(html).toMatch(/break-even at N ≈ 1\.1 × 10⁸, where both take 32 s/);
    // The defaults are `base`. By hand: t_op = 1/(989 × 10¹² × 0.38) = 2.6608 × 10⁻¹⁵ s; the quantum run with
    // loading and latency takes 3N·50 ns + 2.2 µs + 250 µs + 15 s. N²·t_op = 1.5 × 10⁻⁷·N + 15.000252 gives
    // N = (1.5 × 10⁻⁷ + √(2.25 × 10⁻¹⁴ + 4 · 2.6608 × 10⁻¹⁵ · 15.000252)) / (2 · 2.6608 × 10⁻¹⁵) = 1.0839 × 10⁸,
    // found on the model's grid within 0.011 decades.
    const n = breakEven(erosionModel(base), 'latency').n!;
    expect(Math.abs(Math.log10(n) - Math.log10(1.0839e8))).toBeLessThan(0.011);
  });
});
