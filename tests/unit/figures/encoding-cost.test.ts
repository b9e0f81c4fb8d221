/** The encoding-cost figure's model: counts at the step datasets, the T2 ceiling, the training multiplier, the text. */
import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { encodingCounts } from '../../../src/encoding/counts';
import { circuitStats } from '../../../src/sim/stats';
import { amplitudeEncoding } from '../../../src/encoding/circuits';
import {
  ansatzGates,
  cnotBudget,
  depthCeiling,
  deviceFor,
  highlights,
  seriesFor,
  sizes,
  stepDataset,
  trainingMultiplier,
} from '../../../src/figures/encoding-cost/model';
import { encodingAlt, encodingDownload } from '../../../src/figures/encoding-cost/text';
import View from '../../../src/figures/encoding-cost/view';
import { defaultParams } from '../../../src/story/params';
import { hostProps } from './host-props';
import { encodingParamSpec } from '../../../src/figures/encoding-cost/meta';

const boston = deviceFor('ibm_boston');

describe('encoding-cost model', () => {
  it('steps: MNIST 784 → ImageNet 150,528 → ImageNet training set', () => {
    expect(stepDataset(0).features).toBe(784);
    expect(stepDataset(1).features).toBe(150_528);
    expect(stepDataset(2).examples).toBe(1_281_167);
  });

  it('MNIST amplitude encoding: 1,024 amplitudes on 10 qubits, 1,022 CNOTs (the prose’s numbers), equal to the built circuit', () => {
    const c = encodingCounts('amplitude', 784);
    expect(c).toMatchObject({ qubits: 10, cnots: 1022, depth: 2036 });
    const built = circuitStats(amplitudeEncoding(Array.from({ length: 784 }, (_, i) => Math.sin(i + 1))));
    expect([built.qubits, built.cnots, built.depth]).toEqual([10, 1022, 2036]);
    expect(encodingCounts('zz', 784).cnots).toBe(2 * 784 * 783); // "over a million"
    expect(encodingCounts('zz', 784).cnots).toBeGreaterThan(1e6);
  });

  it('ImageNet amplitude encoding: 18 qubits, ≈ 260,000 CNOTs', () => {
    const c = encodingCounts('amplitude', 150_528);
    expect(c.qubits).toBe(18);
    expect(c.cnots).toBe(2 ** 18 - 2);
  });

  it('T2 ceiling: 353 µs / mean(32, 68) ns = 7,060 layers on ibm_boston; MNIST fits, ImageNet does not', () => {
    const c = depthCeiling(boston);
    expect(c.layerTime).toBeCloseTo(50e-9, 15);
    expect(c.depth).toBeCloseTo(7060, 6);
    const mnist = highlights(784, boston, trainingMultiplier(0.03, 100, 1));
    expect(mnist.find((h) => h.encoding === 'amplitude')).toMatchObject({ fitsDepth: true, fitsQubits: true });
    expect(mnist.find((h) => h.encoding === 'angle')).toMatchObject({ fitsQubits: false });
    const img = highlights(150_528, boston, trainingMultiplier(0.03, 100, 1));
    expect(img.find((h) => h.encoding === 'amplitude')).toMatchObject({ fitsDepth: false, fitsQubits: true });
    expect(img.find((h) => h.encoding === 'amplitude')!.counts.depth / c.depth).toBeGreaterThan(70);
  });

  it('CNOT budget: (1 − p)^N = 1/e, ≈ 787 CNOTs at p = 1.27e-3; Willow’s Pauli error converted to average (×4/5)', () => {
    expect(cnotBudget(boston)).toBeCloseTo(-1 / Math.log(1 - 1.27e-3), 6);
    expect(deviceFor('google_willow').twoQubitError).toBeCloseTo(3.44e-3 * 0.8, 12);
    expect(deviceFor('google_willow').notes.join(' ')).toMatch(/T2 ≤ 2·T1/);
  });

  it('training multiplier: examples × 2P × ⌈1/ε²⌉; the encoding dwarfs the ansatz', () => {
    const m = trainingMultiplier(0.03, 100, 1_281_167);
    expect(m.loads).toBe(1_281_167 * 200 * 1112);
    const amp = highlights(150_528, boston, m).find((h) => h.encoding === 'amplitude')!;
    expect(amp.trainingGates).toBe((2 ** 18 - 2 + 2 ** 18 - 1) * m.loads);
    expect(amp.trainingGates / (ansatzGates(100, 18) * m.loads)).toBeGreaterThan(1000);
    expect(ansatzGates(100, 10)).toBe(100 + 10 * 9);
  });

  it('series cover d = 4 … 2^20 for every encoding, monotone', () => {
    expect(sizes()).toHaveLength(19);
    for (const s of seriesFor('depth', trainingMultiplier(0.03, 100, 1))) {
      for (let i = 1; i < s.points.length; i++) expect(s.points[i].value).toBeGreaterThanOrEqual(s.points[i - 1].value);
    }
  });

  it('text alternative: 1,022 CNOTs, 7,060 layers and 2.85 × 10¹¹ loads by hand; one download row per encoding and size', () => {
    const m = trainingMultiplier(0.03, 100, 1_281_167);
    const alt0 = encodingAlt(0, 784, 'MNIST', highlights(784, boston, m), boston, m);
    expect(alt0.summary).toContain('1,024 amplitudes on 10 qubits with 1,022 CNOTs');
    // 353 µs T2 / 50 ns per layer (mean of 32 ns and 68 ns gates) = 7,060 layers.
    expect(alt0.summary).toContain('7,060 layers');
    const alt2 = encodingAlt(2, 150_528, 'ImageNet-1k', highlights(150_528, boston, m), boston, m);
    // 1,281,167 images × 2·100 shifted circuits × ⌈1/0.03²⌉ = 1,112 shots = 2.849 × 10¹¹ loads.
    expect(alt2.summary).toMatch(/loads the data 2\.85 × 10¹¹ times/);
    const dl = encodingDownload();
    expect(dl.rows).toHaveLength(4 * 19);
    expect(dl.columns.map((c) => c.key)).toEqual([
      'encoding',
      'features',
      'qubits',
      'cnots',
      'single_qubit_gates',
      'depth',
    ]);
  });

  it('renders every step on the server with its data', () => {
    const params = defaultParams(encodingParamSpec);
    for (const step of [0, 1, 2]) {
      const html = renderToStaticMarkup(
        createElement(View, {
          id: 'encoding-cost',
          ...hostProps('encoding-cost', step),
          progress: 0,
          params,
          setParams: () => {},
          paramIssues: [],
          mode: 'article',
          reducedMotion: true,
        }),
      );
      expect(html).toContain(`data-step="${step}"`);
      expect(html).toContain('data-ready="true"');
      expect(html).not.toMatch(/NaN|Infinity/);
      expect((html.match(/class="ec-line"/g) ?? []).length).toBe(4);
    }
  });
});
