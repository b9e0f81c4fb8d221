import { describe, expect, it } from 'vitest';
import {
  A,
  D7,
  EPS7,
  ERROR_CORRECTION_DEFAULTS as D,
  LAMBDA,
  P_TH,
  QEC,
  SHOT_FAILURE_BUDGET,
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
  workloadSeconds,
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

  it('no distance reaches a target at or above threshold', () => {
    expect(distanceFor((d) => fowlerLogicalError(d, P_TH), 1e-6)).toBeNull();
    expect(distanceFor((d) => fowlerLogicalError(d, 0.01), 1e-6)).toBeNull();
  });

  it('workload distance: K·L·d·ε_d within the 1 % budget, and not at d − 2', () => {
    const d = distanceForWorkload(willowLogicalError, 100, 1000)!;
    expect(100 * 1000 * d * willowLogicalError(d)).toBeLessThanOrEqual(SHOT_FAILURE_BUDGET);
    expect(100 * 1000 * (d - 2) * willowLogicalError(d - 2)).toBeGreaterThan(SHOT_FAILURE_BUDGET);
  });

  it('qubits against p: more qubits at higher error rates, none at threshold', () => {
    const c = qubitsVsP(() => 1e-6, 100);
    for (let i = 1; i < c.length; i++) expect(c[i].total).toBeGreaterThanOrEqual(c[i - 1].total);
    expect(c[0].p).toBeCloseTo(1e-4, 12);
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

  it('step 2: the workload needs a larger distance and years of run time', () => {
    const st = ecState(2, D);
    expect(st.workload!.totalShots).toBe(2 * D.parameters * D.shots * D.steps);
    expect(st.willow[0].distance!).toBeGreaterThan(27);
    expect(st.seconds.willow).toBeCloseTo(workloadSeconds(st.workload!, st.willow[0].distance!), 6);
    expect(st.seconds.willow! / (365.25 * 86400)).toBeGreaterThan(1);
    expect(ecSummary(st, D)).toMatch(/the run takes [\d.]+ years/);
  });

  it('steps clamp; changing p moves only the Fowler curve', () => {
    expect(ecState(9, D).step).toBe(2);
    const a = ecState(0, D),
      b = ecState(0, { ...D, p: 0.002 });
    expect(b.willow).toEqual(a.willow);
    expect(b.fowler[0].distance!).toBeGreaterThan(a.fowler[0].distance!);
  });

  it('text alternative table and download are built from the current state', () => {
    const t = ecTable(ecState(0, D));
    expect(t.rows).toHaveLength(4);
    expect(t.rows[0]).toMatchObject({ distance: 27, perLogical: 1457 });
    const dl = ecDownload(D);
    expect(dl.rows[0]).toMatchObject({ d: 3, qubits: 17 });
    expect(fmtE(1e-6)).toBe('10⁻⁶');
  });
});
