/** accelerator-check: each condition's cell against a hand calculation from the sourced device and workload numbers. */
import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import {
  depthBudget,
  evaluate,
  loadingLayers,
  matrix,
  conditionsForStep,
  type AccelParams,
} from '../../../src/figures/accelerator-check/model';
import { WORKLOADS } from '../../../src/figures/accelerator-check/workloads';
import { accelParamSpec } from '../../../src/figures/accelerator-check/meta';
import View from '../../../src/figures/accelerator-check/view';
import { defaultParams } from '../../../src/story/params';
import { hostProps } from './host-props';

const defaults = defaultParams(accelParamSpec) as AccelParams;

describe('accelerator-check', () => {
  it('depth budget on ibm_boston: ln 2 / (5 × 1.27e-3 + 10 × 1.4e-4) at 10 qubits', () => {
    expect(depthBudget(10, 'ibm_boston')).toBeCloseTo(Math.LN2 / (5 * 1.27e-3 + 10 * 1.4e-4), 10); // 89.4
  });

  it('MNIST: 784 pixels padded to 1,024 need 2·1,024 − 12 = 2,036 layers, far beyond 89; 10 outputs at ε = 0.01 = 10⁵ shots × 252.2 µs', () => {
    expect(loadingLayers(784)).toBe(2036);
    const r = evaluate(WORKLOADS.mnist, 'ibm_boston', 24);
    expect(r.cells.encoding.holds).toBe(false);
    expect(r.cells.outputs.value).toBeCloseTo(1e5 * (2.2e-6 + 250e-6), 8);
    expect(r.cells.outputs.holds).toBe(true);
    expect(r.cells.noise.holds).toBe(false); // 100 layers > 89.4
    expect(r.cells.speedup.holds).toBe(false);
    expect(r.cells.baseline.holds).toBe(false);
  });

  it('language model: 405e9 weights × 10⁴ shots × 252.2 µs ≈ 32,400 years of readout', () => {
    const r = evaluate(WORKLOADS.llm, 'ibm_boston', 24);
    expect(r.cells.outputs.value! / (365.25 * 86400)).toBeCloseTo((405e9 * 1e4 * 252.2e-6) / (365.25 * 86400), 3);
  });

  it('quantum-sensor data passes all five, its break-even bracketed by the cost curves written by hand; FeMoco fails only on noise', () => {
    const rows = matrix(defaults);
    const holds = Object.fromEntries(rows.map((r) => [r.workload.id, Object.values(r.cells).map((c) => c.holds)]));
    expect(holds.sensor).toEqual([true, true, true, true, true]);
    expect(holds.femoco).toEqual([true, true, false, true, true]);
    // sensor speedup: quantum ≈ 1,112 × ((log₂N)²·50 ns + 252.2 µs) + 15 s; classical N × 252.2 µs; equal near N ≈ 6.2e4 ≤ 2²⁰
    const q = (n: number) => 1112 * (Math.log2(n) ** 2 * 50e-9 + 252.2e-6) + 15;
    const be = rows.find((r) => r.workload.id === 'sensor')!.cells.speedup.value!;
    expect(q(be * 1.03)).toBeLessThan(be * 1.03 * 252.2e-6);
    expect(q(be / 1.03)).toBeGreaterThan((be / 1.03) * 252.2e-6);
  });

  it('editing the workload flips cells: MNIST fits the noise budget up to 89 layers, not at 90', () => {
    // ln 2 / (5 × 1.27e-3 + 10 × 1.4e-4) = 0.693147 / 0.00775 = 89.44 layers on 10 qubits of ibm_boston.
    const mnistNoise = (depth: number) =>
      matrix({ ...defaults, depth }).find((r) => r.workload.id === 'mnist')!.cells.noise.holds;
    expect([10, 89, 90, 100].map(mnistNoise)).toEqual([true, true, false, false]);
  });

  it('steps reveal one condition at a time; the view renders without NaN', () => {
    expect(conditionsForStep(0)).toEqual(['encoding']);
    expect(conditionsForStep(4)).toHaveLength(5);
    for (const step of [0, 4]) {
      const html = renderToStaticMarkup(
        createElement(View, {
          id: 'accelerator-check',
          ...hostProps('accelerator-check', step),
          progress: 0,
          params: defaults,
          setParams: () => {},
          paramIssues: [],
          mode: 'article',
          reducedMotion: true,
        }),
      );
      expect(html.replace(/<[^>]*>/g, ' ')).not.toMatch(/NaN|Infinity/);
      expect((html.match(/data-condition=/g) ?? []).length).toBe(6 * (step + 1));
    }
  });
});
