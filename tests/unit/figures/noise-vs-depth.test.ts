import { describe, expect, it } from 'vitest';
import devicesData from '../../../content/data/devices.json';
import { noiseVsDepth } from '../../../src/experiments/noise-vs-depth';
import { runDefinition } from '../../../src/experiments/run';
import { DEVICE_IDS } from '../../../src/sim/device-ids';
import {
  ALL_CONFIGS,
  LAST_STEP,
  NVD_DEFAULTS,
  configsForStep,
  experimentParams,
  idealConfig,
  sampledDepths,
  scaledFigures,
  tableDepths,
} from '../../../src/figures/noise-vs-depth/model';
import { nvdDownload, nvdSummary, nvdTable } from '../../../src/figures/noise-vs-depth/text';
import { deviceNoiseModelById, getDevice } from '../../../src/sim/noise';
import { createRng, deriveSeed } from '../../../src/sim/rng';
import { referenceExpectation, type RefGate } from '../reference/quantum-circuit';

const small = { ...NVD_DEFAULTS, qubits: 2, depth: 1 };

describe('noise-vs-depth figure: physics', () => {
  it('2-qubit GHZ under depolarizing gate errors matches the closed form', () => {
    // H then CX, each followed by depolarizing (replacement form ρ → (1−λ)ρ + λ I/d):
    // F = (1 − λ₂)(1 − λ₁/2) + λ₂/4, and ⟨XX⟩ as measured (two noisy H for the basis change) = (1 − λ₁)³(1 − λ₂).
    for (const device of ['ibm_kingston', 'google_willow', 'ionq_aria'] as const) {
      const m = deviceNoiseModelById(device, { gate: true, decoherence: false, readout: false });
      const l1 = m.parameters.depolarizing1q!,
        l2 = m.parameters.depolarizing2q!;
      const { data } = runDefinition(noiseVsDepth, { ...experimentParams({ ...small, device }), configs: ['gate'] });
      const pt = data.configs[0].points[0];
      expect(pt.fidelity).toBeCloseTo((1 - l2) * (1 - l1 / 2) + l2 / 4, 12);
      expect(pt.noisy).toBeCloseTo((1 - l1) ** 3 * (1 - l2), 12);
      expect(pt.ideal).toBeCloseTo(1, 12);
    }
  });

  it('ideal GHZ echo on 3 qubits: ⟨XXX⟩ = 1 at every depth, 3 + 4(d − 1) gates of which 2 + 4(d − 1) are CX', () => {
    // Block 1 is H + CX(0,1) + CX(1,2); every later block undoes and redoes the chain (4 CX), leaving GHZ.
    const p = { ...NVD_DEFAULTS, family: 'ghz' as const, qubits: 3, depth: 12 };
    const local = idealConfig(p)!;
    const worker = runDefinition(noiseVsDepth, { ...experimentParams(p), configs: ['ideal'] }).data.configs[0];
    for (const points of [local.points, worker.points]) {
      expect(points.map((pt) => pt.gates)).toEqual([3, 7, 11, 15, 19, 23, 27, 31, 35, 39, 43, 47]);
      expect(points.map((pt) => pt.twoQubitGates)).toEqual([2, 6, 10, 14, 18, 22, 26, 30, 34, 38, 42, 46]);
      for (const pt of points) expect(pt.ideal).toBeCloseTo(1, 12);
    }
    expect(local.points.every((pt) => pt.fidelity === 1)).toBe(true);
  });

  it('the GHZ closed form on the page equals the simulator in the worker: 2–6 qubits, depth 40', () => {
    for (let qubits = 2; qubits <= 6; qubits++) {
      const p = { ...NVD_DEFAULTS, family: 'ghz' as const, qubits, depth: 40 };
      const local = idealConfig(p)!;
      const worker = runDefinition(noiseVsDepth, { ...experimentParams(p), configs: ['ideal'] }).data.configs[0];
      expect(local.points.length).toBe(worker.points.length);
      expect(local.depthLost).toBe(worker.depthLost);
      local.points.forEach((pt, i) => {
        const w = worker.points[i];
        expect([pt.depth, pt.gates, pt.twoQubitGates, pt.resolvable]).toEqual([
          w.depth,
          w.gates,
          w.twoQubitGates,
          w.resolvable,
        ]);
        expect(pt.ideal).toBeCloseTo(w.ideal, 12);
        expect(pt.fidelity).toBeCloseTo(w.fidelity, 12);
        expect(pt.stderr).toBeCloseTo(w.stderr, 6);
      });
    }
  });

  it('the layered family has no closed form: its ideal curve comes from the experiment', () => {
    expect(idealConfig({ ...NVD_DEFAULTS, family: 'layered' })).toBeUndefined();
  });

  it('ideal layered curve: ⟨Z₀⟩ at every depth equals quantum-circuit run on the circuit written from its description', () => {
    // Block l: RY(α), RZ(β) on each qubit with α, β = 2π·(next draws of createRng(deriveSeed(seed, n, l))),
    // then CX(0,1), CX(1,2): 3·2 + 2 = 8 gates, 2 of them CX, per block.
    const p = { ...NVD_DEFAULTS, family: 'layered' as const, qubits: 3, depth: 12 };
    const worker = runDefinition(noiseVsDepth, { ...experimentParams(p), configs: ['ideal'] }).data.configs[0];
    const gates: RefGate[] = [];
    for (let l = 1; l <= p.depth; l++) {
      const rng = createRng(deriveSeed(p.seed, 3, l));
      for (let q = 0; q < 3; q++) {
        gates.push({ name: 'ry', qubit: q, angle: rng.next() * 2 * Math.PI });
        gates.push({ name: 'rz', qubit: q, angle: rng.next() * 2 * Math.PI });
      }
      gates.push({ name: 'cx', control: 0, target: 1 }, { name: 'cx', control: 1, target: 2 });
      const want = referenceExpectation(3, gates, 'IIZ');
      expect(worker.points[l - 1].ideal, `depth ${l}`).toBeCloseTo(want, 10);
      expect([worker.points[l - 1].gates, worker.points[l - 1].twoQubitGates]).toEqual([8 * l, 2 * l]);
    }
  });

  it('per-source factors reach the noise model: gate ×0 is noiseless, gate ×2 decays faster', () => {
    const base = { ...NVD_DEFAULTS, qubits: 3, depth: 20 };
    const run = (gate: number) =>
      runDefinition(noiseVsDepth, { ...experimentParams({ ...base, gate }), configs: ['gate'] }).data.configs[0]
        .points[19];
    expect(run(0).fidelity).toBeCloseTo(1, 12);
    expect(run(2).fidelity).toBeLessThan(run(1).fidelity);
    const p = experimentParams({ ...base, decoherence: 5, readout: 0 });
    expect(p).toMatchObject({ gateScale: 1, decoherenceScale: 5, readoutScale: 0, configs: ALL_CONFIGS });
  });

  it('default view: decoherence alone is gentler than gate errors on IBM Heron, and the signal sinks into shot noise', () => {
    const { data } = runDefinition(noiseVsDepth, experimentParams(NVD_DEFAULTS));
    const at = (c: string) => data.configs.find((x) => x.config === c)!;
    const last = NVD_DEFAULTS.depth - 1;
    expect(at('decoherence').points[last].fidelity).toBeGreaterThan(at('gate').points[last].fidelity);
    // readout does not compound: the same factor at every depth
    expect(at('readout').points[0].noisy).toBeCloseTo(at('readout').points[last].noisy, 12);
    const all = at('all');
    expect(all.depthLost).not.toBeNull();
    const lost = all.points[all.depthLost! - 1];
    expect(Math.abs(lost.noisy)).toBeLessThan(2 * lost.stderr);
    const summary = nvdSummary(NVD_DEFAULTS, getDevice('ibm_boston'), 'all', at('ideal'), all, true);
    expect(summary).toContain(`at depth ${all.depthLost}`);
    expect(summary).toContain('IBM Heron r3 (ibm_boston)');
    expect(nvdTable(at('ideal'), all, NVD_DEFAULTS.depth).rows.at(-1)).toMatchObject({ depth: 300 });
    expect(nvdDownload([at('ideal'), all]).rows).toHaveLength(600);
  });
});

describe('noise-vs-depth figure: steps and parameters', () => {
  it('each step adds one noise source beside the ideal curve; the last has all', () => {
    expect(configsForStep(0)).toEqual(['ideal']);
    expect(configsForStep(1)).toEqual(['ideal', 'gate']);
    expect(configsForStep(2)).toEqual(['ideal', 'decoherence']);
    expect(configsForStep(3)).toEqual(['ideal', 'readout']);
    expect(configsForStep(LAST_STEP)).toEqual(['ideal', 'all']);
    expect(configsForStep(17)).toEqual(['ideal', 'all']);
  });

  it('the device choices are exactly the profiles in devices.json', () => {
    expect([...DEVICE_IDS].sort()).toEqual(devicesData.devices.map((d) => d.id).sort());
  });

  it('slider labels show the scaled physical figures: ibm_boston ×2 gate error 2.54e-3, T1 292 µs / 2, readout 0.51 % / 2', () => {
    // ibm_boston in devices.json: two-qubit error 1.27e-3, T1 292 µs, T2 353 µs, readout p01 = p10 = 0.0051.
    const s = scaledFigures(getDevice('ibm_boston'), { gate: 2, decoherence: 2, readout: 0.5 });
    expect(s.twoQubitError).toBeCloseTo(2.54e-3, 15);
    expect(s.t1_us).toBeCloseTo(146, 12);
    expect(s.t2_us).toBeCloseTo(176.5, 12);
    expect(s.readout).toBeCloseTo(0.00255, 12);
    expect(scaledFigures(getDevice('quantinuum_helios'), { gate: 1, decoherence: 1, readout: 1 }).t1_us).toBeNull();
  });

  it('tables and dots stay small', () => {
    expect(tableDepths(300)).toEqual([1, 5, 10, 25, 50, 100, 150, 200, 250, 300]);
    expect(tableDepths(37).at(-1)).toBe(37);
    expect(sampledDepths(300).length).toBeLessThanOrEqual(60);
    expect(sampledDepths(300).at(-1)).toBe(300);
  });
});
