import { describe, expect, it } from 'vitest';
import { loadExperiment, runDefinition } from '../../../src/experiments';
import {
  LEVEL_STRIDES,
  costAt,
  gridAngles,
  landscape,
  levelPrefix,
  preparedState,
} from '../../../src/experiments/landscape';
import { toCircuit } from '../../../src/sim/layered-program';
import { mccleanProgram } from '../../../src/experiments/barren-plateau/program';
import { runRaw } from '../../../src/experiments/run';
import { createRng, deriveSeed } from '../../../src/sim/rng';
import { StateVector } from '../../../src/sim/statevector';
import {
  LAST_STEP,
  colourPosition,
  displayValue,
  landscapeDownload,
  landscapeSummary,
  panelComplete,
  panelsForStep,
  refinementLabel,
  storyRun,
} from '../../../src/figures/landscape/model';

const P = { custom: 12, layers: 100, grid: 48, seed: 1 };

describe('landscape experiment', () => {
  it('is registered and computes a G×G grid per register size; with no random layers, cos(θ₀ + π/4)·cos(θ₁ + π/4) at every point', async () => {
    expect(await loadExperiment('landscape')).toBe(landscape);
    const { data } = runDefinition(landscape, { qubits: [2, 4], layers: 10, grid: 48, seed: 3 });
    expect(data.panels.map((p) => p.qubits)).toEqual([2, 4]);
    for (const panel of data.panels) {
      expect(panel.values).toHaveLength(48 * 48);
      expect(panel.pointsDone).toBe(48 * 48);
      expect(panel.stride).toBe(1);
      expect(panel.values.every((v) => v !== null && v >= -1 - 1e-12 && v <= 1 + 1e-12)).toBe(true);
    }
    expect(data.thetas[1]).toBeCloseTo((2 * Math.PI) / 48, 12);
    // Two qubits and no random layers: RY(π/4) on each qubit, then the swept RY(θ) on each, so every grid point
    // is ⟨Z₀Z₁⟩ = cos(θ₀ + π/4)·cos(θ₁ + π/4) on the angles θ_k = 2πk/12.
    const flat = runDefinition(landscape, { qubits: [2], layers: 0, grid: 12, seed: 3 }).data.panels[0];
    for (let i = 0; i < 12; i++)
      for (let j = 0; j < 12; j++) {
        const want = Math.cos((2 * Math.PI * i) / 12 + Math.PI / 4) * Math.cos((2 * Math.PI * j) / 12 + Math.PI / 4);
        expect(flat.values[i * 12 + j]).toBeCloseTo(want, 12);
      }
  });

  it('each grid point equals an independent full simulation of the whole circuit', () => {
    const n = 4,
      layers = 6,
      seed = 9,
      G = 16;
    const { data } = runDefinition(landscape, { qubits: [n], layers, grid: G, seed });
    const th = gridAngles(G);
    for (const [i, j] of [
      [0, 0],
      [3, 7],
      [15, 2],
      [8, 8],
    ]) {
      const program = mccleanProgram(n, layers, createRng(deriveSeed(seed, n)));
      const circuit = toCircuit(program);
      circuit.ops.push(
        { kind: 'gate', name: 'ry', qubits: [0], params: [th[j]] },
        { kind: 'gate', name: 'ry', qubits: [1], params: [th[i]] },
      );
      const direct = new StateVector(n).run(circuit).expectationZ([0, 1]);
      expect(data.panels[0].values[i * G + j]).toBeCloseTo(direct, 12);
    }
  });

  it('two qubits with no random layers give the closed form ⟨Z₀Z₁⟩ = cos(θ₁ + π/4)·cos(θ₂ + π/4)', () => {
    const prepared = preparedState(2, 0, 1);
    const work = new StateVector(2);
    for (const [a, b] of [
      [0.3, 1.9],
      [2.5, 4.0],
      [5.5, 0.1],
    ]) {
      expect(costAt(prepared, work, a, b)).toBeCloseTo(Math.cos(a + Math.PI / 4) * Math.cos(b + Math.PI / 4), 12);
    }
  });

  it('flattens with the register size: the relief at 10 qubits is far smaller than at 2', () => {
    const { data } = runDefinition(landscape, { qubits: [2, 6, 10], layers: 100, grid: 48, seed: 1 });
    const range = data.panels.map((p) => p.max - p.min);
    expect(range[0]).toBeGreaterThan(range[1]);
    expect(range[1]).toBeGreaterThan(range[2]);
    expect(range[0] / range[2]).toBeGreaterThan(5);
  });

  it('merges any split exactly and summarises partial grids', () => {
    const params = landscape.normalize({ qubits: [3, 5], layers: 8, grid: 12, seed: 2 });
    const K = landscape.sampleCount(params);
    const whole = runRaw(landscape, params, [0, K]);
    for (const cut of [1, 13, K - 1]) {
      const parts = [runRaw(landscape, params, [cut, K]), runRaw(landscape, params, [0, cut])];
      expect(landscape.merge(params, parts)).toEqual(whole);
    }
    const partial = landscape.summarize(params, runRaw(landscape, params, [0, 2]));
    // two rows of the first panel's coarse level (stride 4: columns 0, 4, 8)
    expect(partial.panels[0].pointsDone).toBe(6);
    expect(partial.panels[0].stride).toBe(0);
    expect(partial.panels[1].pointsDone).toBe(0);
    expect(() => landscape.normalize({ qubits: [1] })).toThrow(/qubits/);
    expect(() => landscape.normalize({ grid: 4 })).toThrow(/grid/);
  });

  it('every prefix that ends a level is a complete picture of every panel at that resolution', () => {
    for (const G of [12, 16, 50]) {
      const params = landscape.normalize({ qubits: [2, 4, 3], layers: 5, grid: G, seed: 7 });
      const K = landscape.sampleCount(params);
      expect(levelPrefix(params, 2)).toBe(K);
      // The pool reports these prefixes at once (the coarse and middle levels; the last is the result).
      expect(landscape.levelPrefixes?.(params)).toEqual([levelPrefix(params, 0), levelPrefix(params, 1)]);
      LEVEL_STRIDES.forEach((stride, level) => {
        const end = levelPrefix(params, level);
        const data = landscape.summarize(params, runRaw(landscape, params, [0, end]));
        expect(data.refinement.level).toBe(Math.ceil(G / stride));
        expect(data.refinement.target).toBe(G);
        for (const panel of data.panels) {
          expect(panel.stride).toBe(stride);
          for (let i = 0; i < G; i++) {
            for (let j = 0; j < G; j++) {
              const onLattice = i % stride === 0 && j % stride === 0;
              expect(panel.values[i * G + j] !== null).toBe(onLattice);
            }
          }
          expect(Number.isFinite(panel.min) && Number.isFinite(panel.maxSlope)).toBe(true);
        }
        // one sample fewer leaves some panel short of this level
        if (end > 0) {
          const short = landscape.summarize(params, runRaw(landscape, params, [0, end - 1]));
          expect(short.panels.some((x) => x.stride !== stride)).toBe(true);
        }
      });
      expect(landscape.summarize(params, runRaw(landscape, params, [0, 1])).refinement.label).toMatch(/refining to/);
    }
  });

  it('gives exactly the reference values and statistics: every point simulated directly, stats over the full grid', () => {
    const G = 16,
      n = 4;
    const params = landscape.normalize({ qubits: [n], layers: 7, grid: G, seed: 5 });
    const { data } = runDefinition(landscape, params);
    const th = gridAngles(G);
    const prepared = preparedState(n, 7, 5),
      work = new StateVector(n);
    const want: number[] = [];
    for (let i = 0; i < G; i++) for (let j = 0; j < G; j++) want.push(costAt(prepared, work, th[j], th[i]));
    const panel = data.panels[0];
    want.forEach((v, idx) => expect(Object.is(panel.values[idx], v)).toBe(true));
    expect(panel.min).toBe(Math.min(...want));
    expect(panel.max).toBe(Math.max(...want));
    let slope = 0;
    const h = (2 * Math.PI) / G;
    for (let i = 0; i < G; i++)
      for (let j = 0; j < G; j++) {
        slope = Math.max(
          slope,
          Math.abs(want[i * G + ((j + 1) % G)] - want[i * G + ((j + G - 1) % G)]) / (2 * h),
          Math.abs(want[((i + 1) % G) * G + j] - want[((i + G - 1) % G) * G + j]) / (2 * h),
        );
      }
    expect(panel.maxSlope).toBe(slope);
    expect(data.refinement).toEqual({ level: G, target: G, label: `grid ${G}×${G}` });
  });
});

describe('landscape figure model', () => {
  it('shows 2, then 2 and 6, then 2, 6, 10 and the reader’s register size', () => {
    expect(panelsForStep(0, P).map((p) => p.qubits)).toEqual([2]);
    expect(panelsForStep(1, P).map((p) => p.qubits)).toEqual([2, 6]);
    expect(panelsForStep(LAST_STEP, P)).toEqual([
      { qubits: 2, custom: false },
      { qubits: 6, custom: false },
      { qubits: 10, custom: false },
      { qubits: 12, custom: true },
    ]);
    expect(storyRun(P)).toMatchObject({ qubits: [2, 6, 10], grid: 48 });
    expect(P.grid).toBeGreaterThanOrEqual(48);
  });

  it('uses one colour scale over ⟨Z₀Z₁⟩ ∈ [−1, 1] for every panel', () => {
    expect(colourPosition(-1)).toBe(0);
    expect(colourPosition(0)).toBe(0.5);
    expect(colourPosition(1)).toBe(1);
    expect(colourPosition(3)).toBe(1);
  });

  it('builds the text alternative and the download from the data', () => {
    const { data } = runDefinition(landscape, { qubits: [2, 6], layers: 20, grid: 48, seed: 1 });
    const summary = landscapeSummary(data.panels, data);
    expect(summary).toMatch(/48×48 grid/);
    expect(summary).toMatch(/at 2 qubits the cost ⟨Z₀Z₁⟩ ranges from -?0\.\d{3} to/);
    expect(summary).toMatch(/times flatter than at 2/);
    expect(landscapeDownload(data.panels, data.thetas).rows).toHaveLength(2 * 48 * 48);
    expect(panelComplete(data.panels[0], 48)).toBe(true);
    expect(panelComplete(undefined, 48)).toBe(false);
  });

  it('draws a partial panel from its coarse lattice and labels the refinement honestly', () => {
    const params = landscape.normalize({ qubits: [2, 6], layers: 20, grid: 48, seed: 1 });
    const coarse = landscape.summarize(params, runRaw(landscape, params, [0, levelPrefix(params, 0)]));
    const panel = coarse.panels[0];
    expect(displayValue(panel, 48, 5, 7)).toBe(panel.values[4 * 48 + 4]);
    expect(displayValue(panel, 48, 8, 8)).toBe(panel.values[8 * 48 + 8]);
    expect(refinementLabel(coarse.panels, 48)).toBe('Coarse grid 12×12, refining to 48×48');
    expect(refinementLabel([undefined], 48)).toMatch(/coarse grid first/);
    expect(landscapeSummary(coarse.panels, coarse)).toMatch(/Still refining: .*12×12/);
    expect(panelComplete(panel, 48)).toBe(false);
  });
});
