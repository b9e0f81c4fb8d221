import { describe, expect, it } from 'vitest';
import {
  DEFAULT_VIRTUAL_GATES,
  depolarizingNoiseModel,
  deviceNoiseModel,
  deviceNoiseModelById,
  getDevice,
  loadDevices,
  validateDeviceProfile,
} from '../../../src/sim/noise';
import { averageGateFidelity, composeKraus, processFidelity, tensorKraus } from '../../../src/sim/channels';
import { DensityMatrix, simulateDensity } from '../../../src/sim/density';
import { StateVector } from '../../../src/sim/statevector';
import type { Circuit, GateName, GateOp } from '../../../src/sim/types';

const g = (name: GateName, qubits: number[], params: number[] = []): GateOp => ({ kind: 'gate', name, qubits, params });

function ghz(n: number): Circuit {
  const ops: GateOp[] = [g('h', [0])];
  for (let q = 1; q < n; q++) ops.push(g('cx', [q - 1, q]));
  return { numQubits: n, numClbits: 0, ops };
}

describe('device profiles (content/data/devices.json)', () => {
  it('contains the required devices, each with a source and a date', () => {
    const ids = loadDevices().map((d) => d.id);
    for (const id of ['ibm_boston', 'ibm_kingston', 'google_willow', 'quantinuum_helios', 'ionq_aria'])
      expect(ids).toContain(id);
    for (const d of loadDevices()) {
      expect(d.source.length).toBeGreaterThan(10);
      expect(d.date).toMatch(/^\d{4}-\d{2}/);
      if (d.t1_us !== null && d.t2_us !== null) expect(d.t2_us).toBeLessThanOrEqual(2 * d.t1_us);
    }
    expect(getDevice('google_willow').errorConvention).toBe('pauli');
    expect(getDevice('ibm_boston').errorConvention).toBe('average');
    expect(() => getDevice('nope')).toThrow(/known: .*ibm_boston/);
  });

  it('validation names the device and the bad field', () => {
    const good = { ...getDevice('ibm_boston') };
    expect(validateDeviceProfile(good).id).toBe('ibm_boston');
    expect(() => validateDeviceProfile({ ...good, source: '' })).toThrow(/ibm_boston.*source/);
    expect(() => validateDeviceProfile({ ...good, errorConvention: 'process' })).toThrow(/errorConvention/);
    expect(() => validateDeviceProfile({ ...good, t1_us: -3 })).toThrow(/t1_us/);
    expect(() => validateDeviceProfile({ ...good, readoutError: { p01: 0.7, p10: 0 } })).toThrow(/p01/);
  });
});

describe('device noise models', () => {
  it('converts Google Pauli errors to depolarizing parameters', () => {
    const m = deviceNoiseModelById('google_willow', { decoherence: false, readout: false });
    expect(m.parameters.averageError1q).toBeCloseTo((2 / 3) * 4.05e-4, 15);
    expect(m.parameters.depolarizing1q).toBeCloseTo((4 / 3) * 4.05e-4, 15);
    expect(m.parameters.averageError2q).toBeCloseTo((4 / 5) * 3.44e-3, 15);
    expect(m.parameters.depolarizing2q).toBeCloseTo((16 / 15) * 3.44e-3, 15);
    expect(m.idle).toBeNull();
    expect(m.readout).toBeNull();
    expect(m.oneQubitGate.map((c) => c.numQubits)).toEqual([1]);
    expect(m.twoQubitGate.map((c) => c.numQubits)).toEqual([2]);
  });

  it('uses IBM average errors directly: λ = 2r (1q), 4r/3 (2q)', () => {
    const m = deviceNoiseModelById('ibm_boston', { decoherence: false, readout: false });
    expect(m.parameters.depolarizing1q).toBeCloseTo(2 * 1.4e-4, 15);
    expect(m.parameters.depolarizing2q).toBeCloseTo((4 / 3) * 1.27e-3, 15);
    expect(1 - averageGateFidelity(m.twoQubitGate[0].kraus)).toBeCloseTo(1.27e-3, 14);
  });

  it('with decoherence on, depolarizing ∘ relaxation has exactly the reported average error', () => {
    for (const id of ['ibm_boston', 'ibm_kingston', 'google_willow', 'ionq_aria']) {
      const dev = getDevice(id);
      const m = deviceNoiseModel(dev, { readout: false });
      const [dep1, relax1] = m.oneQubitGate;
      const r1 = m.parameters.averageError1q!;
      expect(1 - averageGateFidelity(composeKraus(relax1.kraus, dep1.kraus))).toBeCloseTo(r1, 12);
      const [dep2, relax2] = m.twoQubitGate;
      const relaxPair = tensorKraus(relax2.kraus, relax2.kraus);
      expect(1 - averageGateFidelity(composeKraus(relaxPair, dep2.kraus))).toBeCloseTo(
        m.parameters.averageError2q!,
        12,
      );
      expect(m.parameters.depolarizing1q!).toBeLessThan(2 * r1);
      expect(m.idle).not.toBeNull();
    }
  });

  it('relaxation alone over the reported error gives no depolarizing part', () => {
    const dev = { ...getDevice('ibm_boston'), t1_us: 1, t2_us: 1 };
    const m = deviceNoiseModel(dev, { readout: false });
    expect(m.parameters.depolarizing1q).toBe(0);
    expect(m.oneQubitGate.map((c) => c.label)).toEqual([expect.stringMatching(/thermal relaxation/)]);
    expect(m.notes.join(' ')).toMatch(/relaxation alone exceeds/);
    expect(1 - processFidelity(m.oneQubitGate[0].kraus)).toBeGreaterThan(1.4e-4);
  });

  it('switches sources on and off', () => {
    const readoutOnly = deviceNoiseModelById('ibm_kingston', { gate: false, decoherence: false });
    expect(readoutOnly.oneQubitGate).toEqual([]);
    expect(readoutOnly.twoQubitGate).toEqual([]);
    expect(readoutOnly.idle).toBeNull();
    expect(readoutOnly.readout).toEqual({ p01: 0.0095, p10: 0.0095 });
    const rho = simulateDensity(ghz(3), readoutOnly);
    expect(rho.fidelityWithPure(new StateVector(3).run(ghz(3)))).toBeCloseTo(1, 14);
    const measured = rho.measuredProbabilities(readoutOnly);
    expect(measured[0]).toBeLessThan(0.5);
    expect(measured[1]).toBeGreaterThan(0);

    const decohOnly = deviceNoiseModelById('ibm_kingston', { gate: false, readout: false });
    expect(decohOnly.oneQubitGate.map((c) => c.label)).toEqual([expect.stringMatching(/thermal relaxation/)]);
    expect(decohOnly.idle).toMatchObject({ t1_ns: 283_000, t2_ns: 144_000, oneQubitGate_ns: 32, twoQubitGate_ns: 68 });
    expect(deviceNoiseModelById('ibm_kingston', { gate: false, readout: false, idle: false }).idle).toBeNull();

    const helios = deviceNoiseModelById('quantinuum_helios', { gate: false, readout: false });
    expect(helios.oneQubitGate).toEqual([]);
    expect(helios.notes.join(' ')).toMatch(/Decoherence is off/);

    const willow = deviceNoiseModelById('google_willow', { gate: false, readout: false });
    expect(willow.idle?.t2_ns).toBe(2 * willow.idle!.t1_ns);
    expect(willow.notes.join(' ')).toMatch(/T2 not published/);
  });

  it('scales error rates per source', () => {
    const m = deviceNoiseModelById('ibm_boston', { decoherence: false, scale: { gate: 10, readout: 3 } });
    expect(m.parameters.depolarizing1q).toBeCloseTo(10 * 2 * 1.4e-4, 14);
    expect(m.readout!.p01).toBeCloseTo(3 * 0.0051, 15);
    const d = deviceNoiseModelById('ibm_boston', { gate: false, readout: false, scale: 4 });
    expect(d.idle!.t1_ns).toBeCloseTo(292_000 / 4, 9);
    expect(() => deviceNoiseModelById('ibm_boston', { scale: -1 })).toThrow(RangeError);
    expect(deviceNoiseModelById('ibm_boston', { scale: 0 }).oneQubitGate).toEqual([]);
  });

  it('GHZ fidelity falls as the noise is scaled up and as sources are added', () => {
    const ideal = new StateVector(5).run(ghz(5));
    const dev = getDevice('ibm_fez');
    const fid = (opts: Parameters<typeof deviceNoiseModel>[1]) =>
      simulateDensity(ghz(5), deviceNoiseModel(dev, opts)).fidelityWithPure(ideal);
    const f1 = fid({ scale: 1 }),
      f3 = fid({ scale: 3 }),
      f10 = fid({ scale: 10 });
    expect(f1).toBeLessThan(1);
    expect(f3).toBeLessThan(f1);
    expect(f10).toBeLessThan(f3);
    // Decoherence alone (gate-time + idle relaxation) costs fidelity; a GHZ chain leaves qubits idle.
    expect(fid({ gate: false, readout: false })).toBeLessThan(1 - 1e-4);
  });

  it('keeps virtual Z gates noiseless by default', () => {
    expect(DEFAULT_VIRTUAL_GATES).toContain('rz');
    const m = deviceNoiseModelById('ibm_boston');
    const rho = simulateDensity({ numQubits: 1, numClbits: 0, ops: [g('rz', [0], [1.2]), g('t', [0])] }, m);
    expect(rho.purity()).toBe(1);
    const sx = simulateDensity({ numQubits: 1, numClbits: 0, ops: [g('sx', [0])] }, m);
    expect(sx.purity()).toBeLessThan(1);
  });
});

describe('depolarizingNoiseModel', () => {
  it('X on |0⟩ with 1q depolarizing p leaves P(1) = 1 − p/2', () => {
    const p = 0.06;
    const rho = new DensityMatrix(1).run(
      { numQubits: 1, numClbits: 0, ops: [g('x', [0])] },
      depolarizingNoiseModel(p, 0),
    );
    expect(rho.probabilities()[1]).toBeCloseTo(1 - p / 2, 15);
  });

  it('Bell state with 2q depolarizing p: ⟨ZZ⟩ = 1 − p', () => {
    const p = 0.08;
    const rho = simulateDensity(
      { numQubits: 2, numClbits: 0, ops: [g('h', [0]), g('cx', [0, 1])] },
      depolarizingNoiseModel(0, p),
    );
    expect(rho.expectation('ZZ')).toBeCloseTo(1 - p, 15);
    expect(rho.expectation('XX')).toBeCloseTo(1 - p, 15);
  });
});
