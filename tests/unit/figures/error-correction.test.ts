import { describe, expect, it } from 'vitest';
import {
  A,
  D7,
  EPS7,
  ERROR_CORRECTION_DEFAULTS as D,
  LAMBDA,
  P_TH,
  QEC,
  WILLOW_EQUIVALENT_P,
  distanceFor,
  distanceForWorkload,
  ecState,
  fmtE,
  fowlerLambda,
  fowlerLogicalError,
  qubitsPerLogical,
  qubitsVsP,
  willowLogicalError,
} from '../../../src/figures/error-correction/model';
import { ecDownload, ecSummary, ecTable } from '../../../src/figures/error-correction/text';

describe('error-correction model: constants and closed forms', () => {
  it('takes its constants from qec.json, each with a source and a date', () => {
    expect(A).toBe(0.03);
    expect(P_TH).toBe(0.0057);
    expect(LAMBDA).toBe(2.14);
    expect(EPS7).toBe(0.00143);
    for (const block of [QEC.fowler, QEC.willow, QEC.layout]) {
      expect(block.source.length).toBeGreaterThan(10);
      expect(block.date).toMatch(/^\d{4}-\d{2}/);
    }
  });

  it('rotated surface code: 2d² − 1 qubits per logical qubit', () => {
    expect(qubitsPerLogical(3)).toBe(17);
    expect(qubitsPerLogical(7)).toBe(97);
    expect(qubitsPerLogical(27)).toBe(1457);
  });

  it('Fowler: P_L = 0.03 (p/p_th)^((d+1)/2); each d → d + 2 divides it by p_th/p', () => {
    expect(fowlerLogicalError(3, P_TH)).toBeCloseTo(0.03, 15);
    expect(fowlerLogicalError(5, 0.001)).toBeCloseTo(0.03 * (0.001 / 0.0057) ** 3, 15);
    for (const p of [1e-4, 1e-3, 3e-3]) {
      expect(fowlerLogicalError(9, p) / fowlerLogicalError(11, p)).toBeCloseTo(fowlerLambda(p), 10);
    }
  });

  it('Willow: ε_d = ε_7 Λ^(−(d−7)/2), and Fowler at p = p_th/Λ reproduces the measured ε_7 within 0.1 %', () => {
    expect(willowLogicalError(D7)).toBe(EPS7);
    expect(willowLogicalError(9)).toBeCloseTo(EPS7 / LAMBDA, 15);
    expect(Math.abs(fowlerLogicalError(7, WILLOW_EQUIVALENT_P) / EPS7 - 1)).toBeLessThan(1e-3);
  });

  it('reproduces the numbers in the prose: d = 27 (1,457 qubits) for 10⁻⁶, d = 63 (7,937) for 10⁻¹²', () => {
    expect(distanceFor(willowLogicalError, 1e-6)).toBe(27);
    expect(distanceFor(willowLogicalError, 1e-12)).toBe(63);
    expect(qubitsPerLogical(63)).toBe(7937);
    // the distance is the smallest odd one that reaches the target
    expect(willowLogicalError(25)).toBeGreaterThan(1e-6);
  });

  it('no distance reaches a target at or above threshold: at p = p_th every distance gives P_L = A = 0.03', () => {
    // (p/p_th)^((d+1)/2) = 1 at threshold, so P_L = 0.03 for every d; above it the error grows with d.
    for (const d of [3, 27, 401]) expect(fowlerLogicalError(d, P_TH)).toBeCloseTo(0.03, 15);
    expect(fowlerLogicalError(5, 0.01)).toBeGreaterThan(fowlerLogicalError(3, 0.01));
    expect(distanceFor((d) => fowlerLogicalError(d, P_TH), 1e-6)).toBeNull();
    expect(distanceFor((d) => fowlerLogicalError(d, 0.01), 1e-6)).toBeNull();
  });

  it('workload of 100 logical qubits × 1,000 layers at a 1 % shot budget: d = 43 (Willow), d = 17 (Fowler, p = 10⁻³)', () => {
    // Every shot must satisfy 100 · 1,000 · d · ε_d ≤ 0.01, i.e. d · ε_d ≤ 10⁻⁷.
    // Willow, ε_d = 0.00143 · 2.14^(−(d−7)/2):
    //   d = 41: 2.14^−17 = 2.4153e-6 → ε = 3.4538e-9, d·ε = 1.416e-7 > 10⁻⁷
    //   d = 43: 2.14^−18 = 1.1286e-6 → ε = 1.6139e-9, d·ε = 6.940e-8 ≤ 10⁻⁷
    expect(distanceForWorkload(willowLogicalError, 100, 1000)).toBe(43);
    // Fowler at p = 10⁻³, P_L = 0.03 · (1/5.7)^((d+1)/2):
    //   d = 15: 5.7^−8 = 8.974e-7 → 2.692e-8, d·P = 4.04e-7 > 10⁻⁷
    //   d = 17: 5.7^−9 = 1.5744e-7 → 4.723e-9, d·P = 8.03e-8 ≤ 10⁻⁷
    expect(distanceForWorkload((d) => fowlerLogicalError(d, 0.001), 100, 1000)).toBe(17);
    // A budget ten times looser lets Willow stop one step earlier: 1.416e-7 ≤ 10⁻⁶ at d = 41, and
    // d = 39 gives 39 · 7.3912e-9 = 2.88e-7 ≤ 10⁻⁶, d = 37 gives 37 · 1.5817e-8 = 5.85e-7 ≤ 10⁻⁶,
    // d = 35 gives 35 · 3.3849e-8 = 1.18e-6 > 10⁻⁶.
    expect(distanceForWorkload(willowLogicalError, 100, 1000, 0.1)).toBe(37);
  });

  it('qubits against p: from 4,900 at p = 10⁻⁴ (d = 5), more at higher error rates', () => {
    const c = qubitsVsP(() => 1e-6, 100);
    for (let i = 1; i < c.length; i++) expect(c[i].total).toBeGreaterThanOrEqual(c[i - 1].total);
    // p = 10⁻⁴: p_th/p = 57, (d+1)/2 ≥ ln(3·10⁴)/ln 57 = 10.309/4.043 = 2.55 → 3, d = 5: 100 · (2·25 − 1) = 4,900.
    expect(c[0].p).toBeCloseTo(1e-4, 12);
    expect([c[0].d, c[0].total]).toEqual([5, 4900]);
  });
});

describe('error-correction model: steps', () => {
  it('step 0: one logical qubit at 10⁻⁶ and 10⁻¹²', () => {
    const st = ecState(0, D);
    expect(st.logical).toBe(1);
    expect(st.targets).toEqual([1e-6, 1e-12]);
    expect(st.willow.map((r) => r.distance)).toEqual([27, 63]);
    expect(st.willow.map((r) => r.perLogical)).toEqual([1457, 7937]);
    expect(st.fowler[0].distance).toBe(11);
  });

  it('step 1: a 100-logical-qubit machine needs 145,700 physical qubits by the Willow extrapolation', () => {
    const st = ecState(1, D);
    expect(st.logical).toBe(100);
    expect(st.willow[0].total).toBe(145_700);
    expect(ecSummary(st, D)).toContain('145,700');
  });

  it('step 2: 2 × 10⁹ shots of 1,000 layers at d = 43 take 9.46 × 10⁷ s (3.0 years) at 1.1 µs a cycle', () => {
    const st = ecState(2, D);
    // Parameter shift: 2 circuits per parameter per step → 2 · 1,000 · 1,000 shots · 1,000 steps = 2 × 10⁹ shots.
    expect(st.workload!.totalShots).toBe(2_000_000_000);
    expect(st.willow[0].distance).toBe(43);
    expect(st.fowler[0].distance).toBe(17);
    // 2 × 10⁹ shots × 1,000 layers × 43 cycles × 1.1 µs = 9.46 × 10⁷ s = 2.998 Julian years (3.15576 × 10⁷ s).
    expect(st.seconds.willow).toBeCloseTo(9.46e7, 0);
    // Fowler: 2 × 10⁹ × 1,000 × 17 × 1.1 µs = 3.74 × 10⁷ s.
    expect(st.seconds.fowler).toBeCloseTo(3.74e7, 0);
    // Per-cycle target shown for the workload: 0.01 / (100 · 1,000 · 43) = 2.3256e-9.
    expect(st.targets[0]).toBeCloseTo(2.3256e-9, 13);
    // 2·43² − 1 = 3,697 qubits per logical qubit, ×100 = 369,700; 2·17² − 1 = 577, ×100 = 57,700;
    // 3.74 × 10⁷ s / 3.15576 × 10⁷ s = 1.185 years.
    const text = ecSummary(st, D);
    for (const s of [
      'distance 43: 3,697',
      '369,700',
      'takes 3 years',
      'distance 17: 577',
      '57,700',
      'takes 1.19 years',
    ])
      expect(text).toContain(s);
  });

  it('steps clamp; changing p moves only the Fowler curve', () => {
    expect(ecState(9, D).step).toBe(2);
    const a = ecState(0, D),
      b = ecState(0, { ...D, p: 0.002 });
    expect(b.willow).toEqual(a.willow);
    // 10⁻⁶ under Fowler: 0.03 · (p_th/p)^(−(d+1)/2) ≤ 10⁻⁶ ⇔ (d+1)/2 ≥ ln(3·10⁴)/ln(p_th/p).
    // p = 10⁻³: 10.309/ln 5.7 = 10.309/1.7405 = 5.92 → 6 → d = 11; p = 2·10⁻³: 10.309/ln 2.85 = 9.84 → 10 → d = 19.
    expect(a.fowler[0].distance).toBe(11);
    expect(b.fowler[0].distance).toBe(19);
  });

  it('text alternative table and download: d = 27 → 1,457 qubits, d = 3 → 17 qubits, 10⁻⁶ written as a power', () => {
    const t = ecTable(ecState(0, D));
    expect(t.rows).toHaveLength(4);
    expect(t.rows[0]).toMatchObject({ distance: 27, perLogical: 1457 });
    const dl = ecDownload(D);
    expect(dl.rows[0]).toMatchObject({ d: 3, qubits: 17 });
    expect(fmtE(1e-6)).toBe('10⁻⁶');
  });
});
