import { describe, expect, it } from 'vitest';
import { noiseVsDepth, parseConfig } from '../../../src/experiments/noise-vs-depth';
import { familyCircuit } from '../../../src/experiments/noise-vs-depth/circuits';
import { runDefinition, runRaw } from '../../../src/experiments/run';
import { simulateDensity } from '../../../src/sim/density';
import { deviceNoiseModelById, getDevice } from '../../../src/sim/noise';
import { StateVector } from '../../../src/sim/statevector';

describe('noise-vs-depth experiment', () => {
  it('GHZ echo blocks keep the ideal state GHZ at every depth', () => {
    for (const d of [1, 2, 5]) {
      const sv = new StateVector(4).run(familyCircuit('ghz', 4, d, 1));
      expect(sv.probability(0)).toBeCloseTo(0.5, 12);
      expect(sv.probability(15)).toBeCloseTo(0.5, 12);
      expect(sv.expectation('XXXX')).toBeCloseTo(1, 12);
    }
  });

  it('the ideal configuration reproduces the ideal values exactly, with fidelity 1', () => {
    for (const family of ['ghz', 'layered'] as const) {
      const { data } = runDefinition(noiseVsDepth, { family, qubits: 3, maxDepth: 6, configs: ['ideal'] });
      for (const pt of data.configs[0].points) {
        expect(pt.fidelity).toBeCloseTo(1, 12);
        expect(pt.noisy).toBeCloseTo(pt.ideal, 12);
      }
    }
  });

  it('readout error alone leaves the state intact and scales the X-parity by (1 − 2e)ⁿ', () => {
    const n = 4;
    const e = getDevice('ibm_boston').readoutError!;
    expect(e.p01).toBe(e.p10);
    const { data } = runDefinition(noiseVsDepth, {
      family: 'ghz',
      qubits: n,
      maxDepth: 3,
      device: 'ibm_boston',
      configs: ['readout'],
    });
    for (const pt of data.configs[0].points) {
      expect(pt.fidelity).toBeCloseTo(1, 12);
      expect(pt.noisy).toBeCloseTo((1 - 2 * e.p01) ** n, 12);
    }
  });

  it('gate noise: fidelity falls with depth and equals a from-scratch density-matrix run', () => {
    const { data } = runDefinition(noiseVsDepth, {
      family: 'layered',
      qubits: 3,
      maxDepth: 8,
      device: 'ibm_kingston',
      configs: ['gate'],
      seed: 4,
    });
    const pts = data.configs[0].points;
    for (let i = 1; i < pts.length; i++) expect(pts[i].fidelity).toBeLessThan(pts[i - 1].fidelity);
    const model = deviceNoiseModelById('ibm_kingston', { gate: true, decoherence: false, readout: false });
    const d = 8;
    const rho = simulateDensity(familyCircuit('layered', 3, d, 4), model);
    const ideal = new StateVector(3).run(familyCircuit('layered', 3, d, 4));
    expect(pts[d - 1].fidelity).toBeCloseTo(rho.fidelityWithPure(ideal), 12);
    expect(pts[d - 1].gates).toBe(familyCircuit('layered', 3, d, 4).ops.length);
  });

  it('finds the depth where the signal sinks below k standard errors', () => {
    const { data } = runDefinition(noiseVsDepth, {
      family: 'ghz',
      qubits: 4,
      maxDepth: 30,
      configs: ['all'],
      scale: 20,
      shots: 1000,
      k: 2,
    });
    const c = data.configs[0];
    expect(c.depthLost).not.toBeNull();
    const lost = c.points[c.depthLost! - 1];
    expect(Math.abs(lost.noisy)).toBeLessThan(2 * lost.stderr);
    for (const pt of c.points.slice(0, c.depthLost! - 1))
      expect(Math.abs(pt.noisy)).toBeGreaterThanOrEqual(2 * pt.stderr);
    expect(lost.stderr).toBeCloseTo(Math.sqrt((1 - lost.noisy ** 2) / 1000), 15);
    // the seeded shot estimate lies within a few standard errors of the exact value
    for (const pt of c.points) expect(Math.abs(pt.sampled - pt.noisy)).toBeLessThan(5 * pt.stderr + 1e-12);
  });

  it('splits across configurations and merges exactly', () => {
    const params = noiseVsDepth.normalize({ qubits: 3, maxDepth: 4 });
    const whole = runRaw(noiseVsDepth, params, undefined);
    const merged = noiseVsDepth.merge(params, [
      runRaw(noiseVsDepth, params, [3, 5]),
      runRaw(noiseVsDepth, params, [0, 3]),
    ]);
    expect(merged).toEqual(whole);
  });

  it('validates configurations, devices and sizes', () => {
    expect(() => parseConfig('gate+cosmic')).toThrow(/cosmic/);
    expect([...parseConfig('all')].sort()).toEqual(['decoherence', 'gate', 'readout']);
    expect(() => noiseVsDepth.normalize({ device: 'nope' })).toThrow(/unknown device/);
    expect(() => noiseVsDepth.normalize({ qubits: 12 })).toThrow(/qubits/);
    expect(() => noiseVsDepth.normalize({ qubits: 3, observable: 'III' })).toThrow(/identity/);
  });
});
