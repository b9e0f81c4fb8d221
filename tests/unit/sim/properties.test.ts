import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  amplitudeDamping,
  bitFlip,
  depolarizing,
  pauliChannel,
  phaseDamping,
  phaseFlip,
  thermalRelaxation,
  traceDeviation,
  type KrausSet,
} from '../../../src/sim/channels';
import { DensityMatrix, simulateDensity } from '../../../src/sim/density';
import { StateVector } from '../../../src/sim/statevector';
import { randomCircuit } from '../../../src/sim/circuit-builder';
import { pauliExpectation, parsePauli } from '../../../src/sim/pauli';
import { applyReadoutError, mitigateReadoutError } from '../../../src/sim/readout';
import { createRng } from '../../../src/sim/rng';

/**
 * Eigenvalues of the Hermitian matrix A + iB (D×D) via the real symmetric embedding [[A, −B], [B, A]]
 * (each eigenvalue appears twice) and cyclic Jacobi rotations.
 */
function hermitianEigenvalues(rho: DensityMatrix): number[] {
  const D = rho.dim,
    N = 2 * D;
  const a: number[][] = Array.from({ length: N }, () => new Array<number>(N).fill(0));
  for (let r = 0; r < D; r++)
    for (let c = 0; c < D; c++) {
      const x = rho.re[r * D + c],
        y = rho.im[r * D + c];
      a[r][c] = x;
      a[r + D][c + D] = x;
      a[r][c + D] = -y;
      a[r + D][c] = y;
    }
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < N; p++) for (let q = p + 1; q < N; q++) off += a[p][q] ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < N; p++)
      for (let q = p + 1; q < N; q++) {
        if (Math.abs(a[p][q]) < 1e-300) continue;
        const theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1),
          s = t * c;
        for (let k = 0; k < N; k++) {
          const akp = a[k][p],
            akq = a[k][q];
          a[k][p] = c * akp - s * akq;
          a[k][q] = s * akp + c * akq;
        }
        for (let k = 0; k < N; k++) {
          const apk = a[p][k],
            aqk = a[q][k];
          a[p][k] = c * apk - s * aqk;
          a[q][k] = s * apk + c * aqk;
        }
      }
  }
  return a.map((row, i) => row[i]).sort((x, y) => x - y);
}

function maxHermitianDefect(rho: DensityMatrix): number {
  let worst = 0;
  for (let r = 0; r < rho.dim; r++)
    for (let c = 0; c < rho.dim; c++) {
      worst = Math.max(
        worst,
        Math.abs(rho.re[r * rho.dim + c] - rho.re[c * rho.dim + r]),
        Math.abs(rho.im[r * rho.dim + c] + rho.im[c * rho.dim + r]),
      );
    }
  return worst;
}

/** A random mixed state: a convex mixture of random pure states from seeded random circuits. */
function randomMixedState(n: number, seed: number, weights: number[]): DensityMatrix {
  const total = weights.reduce((s, w) => s + w, 0);
  const rho = new DensityMatrix(n);
  rho.re.fill(0);
  weights.forEach((w, i) => {
    const pure = simulateDensity(randomCircuit(n, 4 * n + 2, seed * 31 + i));
    for (let j = 0; j < rho.re.length; j++) {
      rho.re[j] += (w / total) * pure.re[j];
      rho.im[j] += (w / total) * pure.im[j];
    }
  });
  return rho;
}

const prob = fc.double({ min: 0, max: 1, noNaN: true });
const weightsArb = fc.array(fc.double({ min: 0.05, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 });

/** Arbitrary 1-qubit channel with its parameters in range. */
const oneQubitChannel: fc.Arbitrary<[string, KrausSet]> = fc.oneof(
  fc
    .double({ min: 0, max: 4 / 3, noNaN: true })
    .map((p): [string, KrausSet] => [`depolarizing(${p})`, depolarizing(p)]),
  prob.map((p): [string, KrausSet] => [`amplitudeDamping(${p})`, amplitudeDamping(p)]),
  prob.map((p): [string, KrausSet] => [`phaseDamping(${p})`, phaseDamping(p)]),
  prob.map((p): [string, KrausSet] => [`bitFlip(${p})`, bitFlip(p)]),
  prob.map((p): [string, KrausSet] => [`phaseFlip(${p})`, phaseFlip(p)]),
  fc.tuple(prob, prob, prob).map(([x, y, z]): [string, KrausSet] => {
    const s = Math.max(1, x + y + z);
    return [`pauli(${x / s},${y / s},${z / s})`, pauliChannel(x / s, y / s, z / s)];
  }),
  fc
    .tuple(
      fc.double({ min: 1, max: 1000, noNaN: true }),
      fc.double({ min: 0.01, max: 1, noNaN: true }),
      fc.double({ min: 0, max: 2000, noNaN: true }),
    )
    .map(([t1, frac, t]): [string, KrausSet] => [
      `thermal(${t1},${2 * t1 * frac},${t})`,
      thermalRelaxation(t1, 2 * t1 * frac, t),
    ]),
);

const twoQubitChannel: fc.Arbitrary<[string, KrausSet]> = fc
  .double({ min: 0, max: 16 / 15, noNaN: true })
  .map((p): [string, KrausSet] => [`depolarizing2(${p})`, depolarizing(p, 2)]);

describe('channel properties (fast-check)', () => {
  it('every 1- and 2-qubit channel is trace preserving: Σ K†K = I', () => {
    fc.assert(
      fc.property(fc.oneof(oneQubitChannel, twoQubitChannel), ([, kraus]) => traceDeviation(kraus) < 1e-12),
      { numRuns: 300 },
    );
  });

  it('1-qubit channels on one qubit of a 2-qubit state keep ρ Hermitian, trace one and positive semidefinite', () => {
    fc.assert(
      fc.property(
        oneQubitChannel,
        fc.integer({ min: 0, max: 1 }),
        fc.nat(10_000),
        weightsArb,
        ([, kraus], q, seed, w) => {
          const rho = randomMixedState(2, seed, w).applyKraus([q], kraus);
          expect(Math.abs(rho.trace() - 1)).toBeLessThan(1e-12);
          expect(maxHermitianDefect(rho)).toBeLessThan(1e-12);
          expect(hermitianEigenvalues(rho)[0]).toBeGreaterThanOrEqual(-1e-12);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('2-qubit channels on a pair of a 3-qubit state keep ρ positive semidefinite with trace one', () => {
    fc.assert(
      fc.property(
        twoQubitChannel,
        fc.constantFrom([0, 1], [2, 0], [1, 2]),
        fc.nat(10_000),
        weightsArb,
        ([, kraus], qubits, seed, w) => {
          const rho = randomMixedState(3, seed, w).applyKraus(qubits, kraus);
          expect(Math.abs(rho.trace() - 1)).toBeLessThan(1e-12);
          expect(maxHermitianDefect(rho)).toBeLessThan(1e-12);
          expect(hermitianEigenvalues(rho)[0]).toBeGreaterThanOrEqual(-1e-12);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('the eigenvalue check does detect a non-positive matrix', () => {
    const bad = DensityMatrix.fromMatrix(1, [0.5, 0.7, 0.7, 0.5], [0, 0, 0, 0]);
    expect(hermitianEigenvalues(bad)[0]).toBeCloseTo(-0.2, 12);
  });
});

describe('simulator properties (fast-check)', () => {
  it('unitary evolution preserves purity and trace of mixed states', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.nat(100_000), weightsArb, (n, seed, w) => {
        const rho = randomMixedState(n, seed, w);
        const before = rho.purity();
        rho.run(randomCircuit(n, 25, seed + 1));
        expect(rho.purity()).toBeCloseTo(before, 12);
        expect(rho.trace()).toBeCloseTo(1, 12);
      }),
      { numRuns: 60 },
    );
  });

  it('a noiseless density-matrix run equals |ψ⟩⟨ψ| of the state-vector run', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 40 }),
        fc.nat(100_000),
        (n, gates, seed) => {
          const circuit = randomCircuit(n, gates, seed);
          const sv = new StateVector(n).run(circuit);
          const rho = simulateDensity(circuit);
          const ref = DensityMatrix.fromStateVector(sv);
          for (let i = 0; i < rho.re.length; i++) {
            expect(Math.abs(rho.re[i] - ref.re[i])).toBeLessThan(1e-12);
            expect(Math.abs(rho.im[i] - ref.im[i])).toBeLessThan(1e-12);
          }
          expect(rho.fidelityWithPure(sv)).toBeCloseTo(1, 12);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('Pauli expectations agree with the state-vector simulator on pure states', () => {
    const letter = fc.constantFrom('I', 'X', 'Y', 'Z');
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.nat(100_000),
        fc.array(letter, { minLength: 4, maxLength: 4 }),
        (n, seed, letters) => {
          const pauli = letters.slice(0, n).join('');
          const sv = new StateVector(n).run(randomCircuit(n, 20, seed));
          const rho = DensityMatrix.fromStateVector(sv);
          expect(rho.expectation(pauli)).toBeCloseTo(pauliExpectation(sv.re, sv.im, parsePauli(pauli, n)), 12);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('readout confusion keeps a distribution normalised and mitigation undoes it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.nat(100_000),
        fc.array(
          fc.tuple(fc.double({ min: 0, max: 0.45, noNaN: true }), fc.double({ min: 0, max: 0.45, noNaN: true })),
          { minLength: 5, maxLength: 5 },
        ),
        (n, seed, errs) => {
          const rng = createRng(seed);
          const probs = Array.from({ length: 1 << n }, () => rng.next());
          const sum = probs.reduce((s, x) => s + x, 0);
          const p = probs.map((x) => x / sum);
          const spec = errs.slice(0, n).map(([p01, p10]) => ({ p01, p10 }));
          const measured = applyReadoutError(p, spec);
          expect(measured.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
          expect(Math.min(...measured)).toBeGreaterThanOrEqual(0);
          const back = mitigateReadoutError(measured, spec);
          p.forEach((v, i) => expect(back[i]).toBeCloseTo(v, 10));
        },
      ),
      { numRuns: 100 },
    );
  });
});
