import { describe, expect, it } from 'vitest';
import {
  amplitudeDamping,
  averageErrorFromDepolarizing,
  averageErrorFromPauliError,
  averageGateFidelity,
  bitFlip,
  composeKraus,
  depolarizing,
  depolarizingFromAverageError,
  depolarizingFromNielsenChuang,
  depolarizingFromPauliError,
  depolarizingFromVendorError,
  krausCompleteness,
  pauliChannel,
  phaseDamping,
  phaseFlip,
  processFidelity,
  superoperator,
  tensorKraus,
  thermalRelaxation,
  traceDeviation,
  type KrausSet,
} from '../../../src/sim/channels';
import { DensityMatrix } from '../../../src/sim/density';
import type { GateName, GateOp } from '../../../src/sim/types';

const g = (name: GateName, qubits: number[], params: number[] = []): GateOp => ({ kind: 'gate', name, qubits, params });

/** A 1-qubit state with Bloch vector along (sinθ cosφ, sinθ sinφ, cosθ). */
function blochState(theta: number, phi: number): DensityMatrix {
  return new DensityMatrix(1).apply(g('ry', [0], [theta])).apply(g('rz', [0], [phi]));
}

describe('depolarizing (replacement convention ρ → (1−p)ρ + p·I/d)', () => {
  it('shrinks the Bloch vector by (1 − p) per application', () => {
    const p = 0.07;
    const rho = blochState(1.1, 0.4);
    const b0 = rho.blochVector(0);
    const ch = depolarizing(p);
    for (let k = 1; k <= 6; k++) {
      rho.applyKraus([0], ch);
      const b = rho.blochVector(0);
      for (let i = 0; i < 3; i++) expect(b[i]).toBeCloseTo(b0[i] * (1 - p) ** k, 13);
    }
    expect(rho.trace()).toBeCloseTo(1, 14);
  });

  it('2-qubit: every non-identity Pauli expectation shrinks by (1 − p)', () => {
    const p = 0.2;
    const rho = new DensityMatrix(2)
      .apply(g('ry', [0], [0.7]))
      .apply(g('cx', [0, 1]))
      .apply(g('rx', [1], [0.3]))
      .apply(g('s', [0]));
    const labels = ['XX', 'YY', 'ZZ', 'XY', 'IZ', 'ZI', 'YZ', 'XI'];
    const before = labels.map((l) => rho.expectation(l));
    expect(before.some((v) => Math.abs(v) > 0.3)).toBe(true);
    rho.applyKraus([0, 1], depolarizing(p, 2));
    labels.forEach((l, i) => expect(rho.expectation(l)).toBeCloseTo(before[i] * (1 - p), 13));
  });

  it('p = 1 gives the maximally mixed state; the full range p ≤ d²/(d²−1) is a valid channel', () => {
    const rho = blochState(0.3, 2).applyKraus([0], depolarizing(1));
    expect(rho.purity()).toBeCloseTo(0.5, 14);
    expect(traceDeviation(depolarizing(4 / 3))).toBeLessThan(1e-14);
    expect(traceDeviation(depolarizing(16 / 15, 2))).toBeLessThan(1e-14);
    expect(() => depolarizing(1.5)).toThrow(RangeError);
    expect(() => depolarizing(-0.1)).toThrow(RangeError);
  });

  it('Nielsen–Chuang form equals the replacement form with p = 4/3·p_NC (1q)', () => {
    const pNC = 0.09;
    const a = blochState(0.9, -0.6).applyKraus([0], pauliChannel(pNC / 3, pNC / 3, pNC / 3));
    const b = blochState(0.9, -0.6).applyKraus([0], depolarizing(depolarizingFromNielsenChuang(pNC, 1)));
    for (let i = 0; i < 4; i++) {
      expect(a.re[i]).toBeCloseTo(b.re[i], 14);
      expect(a.im[i]).toBeCloseTo(b.im[i], 14);
    }
    expect(depolarizingFromNielsenChuang(pNC, 2)).toBeCloseTo((16 / 15) * pNC, 15);
  });

  it('converts average gate error and Pauli error so the channel has the stated fidelity', () => {
    for (const k of [1, 2] as const) {
      const d = 1 << k;
      const r = 3e-3;
      const fromAvg = depolarizing(depolarizingFromAverageError(r, k), k);
      expect(1 - averageGateFidelity(fromAvg)).toBeCloseTo(r, 15);
      expect(averageErrorFromDepolarizing(depolarizingFromAverageError(r, k), k)).toBeCloseTo(r, 15);
      // Pauli error e: the non-identity Kraus weights sum to e (weight of √w·P is ‖K‖²/d).
      const e = 5e-3;
      const fromPauli = depolarizing(depolarizingFromPauliError(e, k), k);
      const weightId = fromPauli[0][0] ** 2;
      expect(1 - weightId).toBeCloseTo(e, 15);
      expect(1 - processFidelity(fromPauli)).toBeCloseTo(e, 15);
      // Average error = d/(d+1) of the Pauli error: 2/3 (1q), 4/5 (2q).
      expect(1 - averageGateFidelity(fromPauli)).toBeCloseTo((e * d) / (d + 1), 15);
      expect(averageErrorFromPauliError(e, k)).toBeCloseTo(k === 1 ? (2 / 3) * e : (4 / 5) * e, 15);
      expect(depolarizingFromVendorError(e, 'pauli', k)).toBeCloseTo(depolarizingFromPauliError(e, k), 15);
      expect(depolarizingFromVendorError(r, 'average', k)).toBeCloseTo((r * d) / (d - 1), 15);
    }
  });
});

describe('relaxation channels', () => {
  it('amplitude damping: P(1) of |1⟩ becomes 1 − γ; coherences shrink by √(1−γ)', () => {
    const gamma = 0.3;
    const one = new DensityMatrix(1).apply(g('x', [0])).applyKraus([0], amplitudeDamping(gamma));
    expect(one.probabilities()[1]).toBeCloseTo(1 - gamma, 15);
    const plus = new DensityMatrix(1).apply(g('h', [0])).applyKraus([0], amplitudeDamping(gamma));
    expect(plus.blochVector(0)[0]).toBeCloseTo(Math.sqrt(1 - gamma), 14);
    expect(plus.blochVector(0)[2]).toBeCloseTo(gamma, 14);
  });

  it('phase damping keeps populations and shrinks the coherence by √(1−λ)', () => {
    const lambda = 0.36;
    const rho = blochState(1.0, 0.5);
    const [x, y, z] = rho.blochVector(0);
    rho.applyKraus([0], phaseDamping(lambda));
    const b = rho.blochVector(0);
    expect(b[0]).toBeCloseTo(x * 0.8, 14);
    expect(b[1]).toBeCloseTo(y * 0.8, 14);
    expect(b[2]).toBeCloseTo(z, 14);
  });

  it('thermal relaxation: population decays with T1, coherence with T2', () => {
    const T1 = 100,
      T2 = 70;
    for (const t of [0, 5, 30, 150]) {
      const one = new DensityMatrix(1).apply(g('x', [0])).applyKraus([0], thermalRelaxation(T1, T2, t));
      expect(one.probabilities()[1]).toBeCloseTo(Math.exp(-t / T1), 14);
      const plus = new DensityMatrix(1).apply(g('h', [0])).applyKraus([0], thermalRelaxation(T1, T2, t));
      // |ρ01| = ½ e^(−t/T2) ⇒ ⟨X⟩ = e^(−t/T2)
      expect(plus.blochVector(0)[0]).toBeCloseTo(Math.exp(-t / T2), 14);
    }
  });

  it('thermal relaxation refuses T2 > 2·T1 unless asked to clamp', () => {
    expect(() => thermalRelaxation(50, 120, 1)).toThrow(/exceeds 2·T1/);
    const clamped = thermalRelaxation(50, 120, 10, { onInvalidT2: 'clamp' });
    const plus = new DensityMatrix(1).apply(g('h', [0])).applyKraus([0], clamped);
    expect(plus.blochVector(0)[0]).toBeCloseTo(Math.exp(-10 / 100), 14);
    expect(() => thermalRelaxation(0, 10, 1)).toThrow(RangeError);
    expect(() => thermalRelaxation(10, 10, -1)).toThrow(RangeError);
  });

  it('T2 = 2·T1 is pure amplitude damping', () => {
    const a = thermalRelaxation(40, 80, 7);
    const b = amplitudeDamping(1 - Math.exp(-7 / 40));
    const sa = superoperator(a),
      sb = superoperator(b);
    for (let i = 0; i < sa.length; i++) expect(sa[i]).toBeCloseTo(sb[i], 15);
  });
});

describe('flips, composition and diagnostics', () => {
  it('bit flip and phase flip act as stated', () => {
    const z = new DensityMatrix(1).applyKraus([0], bitFlip(0.25));
    expect(z.probabilities()[1]).toBeCloseTo(0.25, 15);
    const plus = new DensityMatrix(1).apply(g('h', [0])).applyKraus([0], phaseFlip(0.1));
    expect(plus.blochVector(0)[0]).toBeCloseTo(0.8, 15);
    expect(plus.blochVector(0)[2]).toBeCloseTo(0, 15);
  });

  it('composeKraus applies the first channel first', () => {
    const decayThenFlip = composeKraus(amplitudeDamping(1), bitFlip(1));
    const flipThenDecay = composeKraus(bitFlip(1), amplitudeDamping(1));
    const start = () => new DensityMatrix(1).apply(g('x', [0]));
    expect(start().applyKraus([0], decayThenFlip).probabilities()[1]).toBeCloseTo(1, 15);
    expect(start().applyKraus([0], flipThenDecay).probabilities()[1]).toBeCloseTo(0, 15);
  });

  it('tensorKraus puts its first argument on qubits[0]', () => {
    const k: KrausSet = tensorKraus(amplitudeDamping(1), amplitudeDamping(0));
    const rho = new DensityMatrix(2)
      .apply(g('x', [0]))
      .apply(g('x', [1]))
      .applyKraus([0, 1], k);
    expect(rho.probabilities()[2]).toBeCloseTo(1, 15); // qubit 0 decayed, qubit 1 still |1⟩
  });

  it('completeness detects a channel that is not trace preserving', () => {
    const broken: KrausSet = [new Float64Array([1, 0, 0, 0, 0, 0, 0.9, 0])];
    expect(traceDeviation(broken)).toBeCloseTo(1 - 0.81, 14);
    const s = krausCompleteness(amplitudeDamping(0.4));
    expect(Array.from(s)).toEqual([1, 0, 0, 0, 0, 0, expect.closeTo(1, 15), 0]);
  });

  it('completeness conjugates complex entries: K = [[1, i], [0, 0]] gives K†K = [[1, i], [−i, 1]]', () => {
    // Without the conjugate the product would be [[1, i], [i, −1]]: this pins the sign of both imaginary parts.
    const k: KrausSet = [new Float64Array([1, 0, 0, 1, 0, 0, 0, 0])];
    expect(Array.from(krausCompleteness(k))).toEqual([1, 0, 0, 1, 0, -1, 1, 0]);
  });

  it('process fidelity of the identity is 1; fully depolarizing gives F_avg = 1/d', () => {
    expect(processFidelity(depolarizing(0))).toBe(1);
    expect(averageGateFidelity(depolarizing(1))).toBeCloseTo(0.5, 15);
    expect(averageGateFidelity(depolarizing(1, 2))).toBeCloseTo(0.25, 15);
  });
});
