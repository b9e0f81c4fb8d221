import { describe, expect, it } from 'vitest';
import { getExperiment, runDefinition } from '../../../src/experiments';
import { costAt, gridAngles, landscape, preparedState } from '../../../src/experiments/landscape';
import { mccleanProgram, toCircuit } from '../../../src/experiments/barren-plateau/program';
import { runRaw } from '../../../src/experiments/run';
import { createRng, deriveSeed } from '../../../src/sim/rng';
import { StateVector } from '../../../src/sim/statevector';
import {
  LAST_STEP, colourPosition, landscapeDownload, landscapeSummary, panelComplete, panelsForStep, storyRun,
} from '../../../src/figures/landscape/model';

const P = { custom: 12, layers: 100, grid: 48, seed: 1 };

describe('landscape experiment', () => {
  it('is registered and computes a G×G grid per register size', () => {
    expect(getExperiment('landscape')).toBe(landscape);
    const { data } = runDefinition(landscape, { qubits: [2, 4], layers: 10, grid: 48, seed: 3 });
    expect(data.panels.map((p) => p.qubits)).toEqual([2, 4]);
    for (const panel of data.panels) {
      expect(panel.values).toHaveLength(48 * 48);
      expect(panel.rowsDone).toBe(48);
      expect(panel.values.every((v) => v !== null && v >= -1 - 1e-12 && v <= 1 + 1e-12)).toBe(true);
    }
    expect(data.thetas[1]).toBeCloseTo((2 * Math.PI) / 48, 12);
  });

  it('each grid point equals an independent full simulation of the whole circuit', () => {
    const n = 4, layers = 6, seed = 9, G = 16;
    const { data } = runDefinition(landscape, { qubits: [n], layers, grid: G, seed });
    const th = gridAngles(G);
    for (const [i, j] of [[0, 0], [3, 7], [15, 2], [8, 8]]) {
      const program = mccleanProgram(n, layers, createRng(deriveSeed(seed, n)));
      const circuit = toCircuit(program);
      circuit.ops.push({ kind: 'gate', name: 'ry', qubits: [0], params: [th[j]] }, { kind: 'gate', name: 'ry', qubits: [1], params: [th[i]] });
      const direct = new StateVector(n).run(circuit).expectationZ([0, 1]);
      expect(data.panels[0].values[i * G + j]).toBeCloseTo(direct, 12);
    }
  });

  it('two qubits with no random layers give the closed form ⟨Z₀Z₁⟩ = cos(θ₁ + π/4)·cos(θ₂ + π/4)', () => {
    const prepared = preparedState(2, 0, 1);
    const work = new StateVector(2);
    for (const [a, b] of [[0.3, 1.9], [2.5, 4.0], [5.5, 0.1]]) {
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

  it('merges any split of rows exactly and summarises partial grids', () => {
    const params = landscape.normalize({ qubits: [3, 5], layers: 8, grid: 12, seed: 2 });
    const whole = runRaw(landscape, params, [0, 24]);
    const parts = [runRaw(landscape, params, [13, 24]), runRaw(landscape, params, [0, 13])];
    expect(landscape.merge(params, parts)).toEqual(whole);
    const partial = landscape.summarize(params, runRaw(landscape, params, [0, 5]));
    expect(partial.panels[0].rowsDone).toBe(5);
    expect(partial.panels[1].rowsDone).toBe(0);
    expect(partial.panels[0].values.filter((v) => v === null)).toHaveLength(7 * 12);
    expect(() => landscape.normalize({ qubits: [1] })).toThrow(/qubits/);
    expect(() => landscape.normalize({ grid: 4 })).toThrow(/grid/);
  });
});

describe('landscape figure model', () => {
  it('shows 2, then 2 and 6, then 2, 6, 10 and the reader’s register size', () => {
    expect(panelsForStep(0, P).map((p) => p.qubits)).toEqual([2]);
    expect(panelsForStep(1, P).map((p) => p.qubits)).toEqual([2, 6]);
    expect(panelsForStep(LAST_STEP, P)).toEqual([
      { qubits: 2, custom: false }, { qubits: 6, custom: false }, { qubits: 10, custom: false }, { qubits: 12, custom: true },
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
});
