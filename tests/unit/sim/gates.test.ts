import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { adjointMatrix, gateMatrix, inverseGate } from '../../../src/sim/gates';
import { GATE_PARAM_COUNT, type GateName, type GateOp } from '../../../src/sim/types';

type C = [number, number];
const op = (name: GateName, params: number[] = [], qubits?: number[]): GateOp => ({
  kind: 'gate',
  name,
  params,
  qubits:
    qubits ??
    (name === 'ccx' ? [0, 1, 2] : ['cx', 'cy', 'cz', 'swap', 'crx', 'cry', 'crz', 'cp'].includes(name) ? [0, 1] : [0]),
});
const dimOf = (m: Float64Array) => Math.round(Math.sqrt(m.length / 2));
const at = (m: Float64Array, r: number, c: number): C => {
  const d = dimOf(m);
  return [m[2 * (r * d + c)], m[2 * (r * d + c) + 1]];
};

function matmul(a: Float64Array, b: Float64Array): Float64Array {
  const d = dimOf(a);
  const out = new Float64Array(a.length);
  for (let r = 0; r < d; r++)
    for (let c = 0; c < d; c++) {
      let sr = 0,
        si = 0;
      for (let k = 0; k < d; k++) {
        const [ar, ai] = at(a, r, k),
          [br, bi] = at(b, k, c);
        sr += ar * br - ai * bi;
        si += ar * bi + ai * br;
      }
      out[2 * (r * d + c)] = sr;
      out[2 * (r * d + c) + 1] = si;
    }
  return out;
}
const identity = (d: number) => {
  const m = new Float64Array(2 * d * d);
  for (let i = 0; i < d; i++) m[2 * (i * d + i)] = 1;
  return m;
};
function expectClose(a: Float64Array, b: Float64Array, tol = 1e-12) {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThan(tol);
}
/** a = e^{iφ} b for some φ. */
function expectEqualUpToPhase(a: Float64Array, b: Float64Array, tol = 1e-12) {
  let k = 0;
  while (Math.hypot(b[k], b[k + 1]) < 1e-9) k += 2;
  const br = b[k],
    bi = b[k + 1],
    ar = a[k],
    ai = a[k + 1];
  const n = br * br + bi * bi;
  const pr = (ar * br + ai * bi) / n,
    pi = (ai * br - ar * bi) / n;
  expect(Math.hypot(pr, pi)).toBeCloseTo(1, 12);
  for (let i = 0; i < a.length; i += 2) {
    expect(Math.abs(a[i] - (pr * b[i] - pi * b[i + 1]))).toBeLessThan(tol);
    expect(Math.abs(a[i + 1] - (pr * b[i + 1] + pi * b[i]))).toBeLessThan(tol);
  }
}
const mat = (rows: C[][]): Float64Array => Float64Array.from(rows.flat(2));

const ALL = Object.keys(GATE_PARAM_COUNT) as Exclude<GateName, 'unitary'>[];
const angle = fc.double({ min: -10, max: 10, noNaN: true });

describe('gateMatrix', () => {
  it('every gate is unitary for any parameters', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ALL), fc.array(angle, { minLength: 3, maxLength: 3 }), (name, ps) => {
        const m = gateMatrix(op(name, ps.slice(0, GATE_PARAM_COUNT[name])));
        expectClose(matmul(adjointMatrix(m), m), identity(dimOf(m)), 1e-12);
      }),
    );
  });

  it('matches the textbook / Qiskit matrices', () => {
    const s = Math.SQRT1_2;
    expectClose(
      gateMatrix(op('h')),
      mat([
        [
          [s, 0],
          [s, 0],
        ],
        [
          [s, 0],
          [-s, 0],
        ],
      ]),
    );
    expectClose(
      gateMatrix(op('y')),
      mat([
        [
          [0, 0],
          [0, -1],
        ],
        [
          [0, 1],
          [0, 0],
        ],
      ]),
    );
    expectClose(
      gateMatrix(op('s')),
      mat([
        [
          [1, 0],
          [0, 0],
        ],
        [
          [0, 0],
          [0, 1],
        ],
      ]),
    );
    expectClose(
      gateMatrix(op('sx')),
      mat([
        [
          [0.5, 0.5],
          [0.5, -0.5],
        ],
        [
          [0.5, -0.5],
          [0.5, 0.5],
        ],
      ]),
    );
    // Qiskit's CX with control = qubit 0 (low bit): |01> ↔ |11> in index order 0..3
    expectClose(
      gateMatrix(op('cx')),
      mat([
        [
          [1, 0],
          [0, 0],
          [0, 0],
          [0, 0],
        ],
        [
          [0, 0],
          [0, 0],
          [0, 0],
          [1, 0],
        ],
        [
          [0, 0],
          [0, 0],
          [1, 0],
          [0, 0],
        ],
        [
          [0, 0],
          [1, 0],
          [0, 0],
          [0, 0],
        ],
      ]),
    );
    expectClose(
      gateMatrix(op('swap')),
      mat([
        [
          [1, 0],
          [0, 0],
          [0, 0],
          [0, 0],
        ],
        [
          [0, 0],
          [0, 0],
          [1, 0],
          [0, 0],
        ],
        [
          [0, 0],
          [1, 0],
          [0, 0],
          [0, 0],
        ],
        [
          [0, 0],
          [0, 0],
          [0, 0],
          [1, 0],
        ],
      ]),
    );
    const t = 0.7;
    expectClose(
      gateMatrix(op('rx', [t])),
      mat([
        [
          [Math.cos(t / 2), 0],
          [0, -Math.sin(t / 2)],
        ],
        [
          [0, -Math.sin(t / 2)],
          [Math.cos(t / 2), 0],
        ],
      ]),
    );
    expectClose(
      gateMatrix(op('rz', [t])),
      mat([
        [
          [Math.cos(t / 2), -Math.sin(t / 2)],
          [0, 0],
        ],
        [
          [0, 0],
          [Math.cos(t / 2), Math.sin(t / 2)],
        ],
      ]),
    );
    const ccx = gateMatrix(op('ccx'));
    expect(at(ccx, 3, 7)).toEqual([1, 0]);
    expect(at(ccx, 7, 3)).toEqual([1, 0]);
    expect(at(ccx, 3, 3)).toEqual([0, 0]);
    expect(at(ccx, 5, 5)).toEqual([1, 0]);
  });

  it('satisfies algebraic identities', () => {
    const g = (n: GateName, p: number[] = []) => gateMatrix(op(n, p));
    expectClose(matmul(matmul(g('h'), g('z')), g('h')), g('x'));
    expectClose(matmul(g('s'), g('s')), g('z'));
    expectClose(matmul(g('t'), g('t')), g('s'));
    expectClose(matmul(g('sx'), g('sx')), g('x'));
    expectClose(matmul(g('sx'), g('sxdg')), identity(2));
    expectClose(matmul(g('t'), g('tdg')), identity(2));
    expectEqualUpToPhase(g('u', [Math.PI / 2, 0, Math.PI]), g('h'));
    fc.assert(
      fc.property(angle, angle, angle, (a, b, c) => {
        expectClose(g('u', [a, -Math.PI / 2, Math.PI / 2]), g('rx', [a]));
        expectClose(g('u', [a, 0, 0]), g('ry', [a]));
        expectEqualUpToPhase(g('p', [a]), g('rz', [a]));
        // U(θ,φ,λ) = e^{i(φ+λ)/2} RZ(φ) RY(θ) RZ(λ)
        expectEqualUpToPhase(g('u', [a, b, c]), matmul(matmul(g('rz', [b]), g('ry', [a])), g('rz', [c])));
        const cp = g('cp', [a]);
        expect(at(cp, 3, 3)[0]).toBeCloseTo(Math.cos(a), 12);
        expect(at(cp, 3, 3)[1]).toBeCloseTo(Math.sin(a), 12);
      }),
    );
  });

  it('inverseGate gives the matrix inverse', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ALL), fc.array(angle, { minLength: 3, maxLength: 3 }), (name, ps) => {
        const o = op(name, ps.slice(0, GATE_PARAM_COUNT[name]));
        expectClose(matmul(gateMatrix(inverseGate(o)), gateMatrix(o)), identity(dimOf(gateMatrix(o))), 1e-12);
      }),
    );
  });

  it('unitary ops pass their matrix through and are validated', () => {
    const m = gateMatrix(op('cry', [0.4]));
    expectClose(gateMatrix({ kind: 'gate', name: 'unitary', qubits: [3, 1], params: [], matrix: m }), m, 1e-300);
    expect(() => gateMatrix({ kind: 'gate', name: 'unitary', qubits: [0], params: [], matrix: m })).toThrow(
      /acts on 2 qubit/,
    );
    expect(() =>
      gateMatrix({ kind: 'gate', name: 'unitary', qubits: [0], params: [], matrix: new Float64Array(6) }),
    ).toThrow(/expected 8/);
    expect(() => gateMatrix(op('rx', []))).toThrow(/takes 1 parameter/);
    expect(() => gateMatrix(op('cx', [], [1, 1]))).toThrow(/used twice/);
    expect(() => gateMatrix(op('rz', [NaN]))).toThrow(/not a finite number/);
  });
});
