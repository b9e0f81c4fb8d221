import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  adjointGradient,
  bindParameters,
  expectationValue,
  finiteDifferenceGradient,
  gateDerivativeMatrix,
  parameterShiftGradient,
  trainableParameters,
} from '../../../src/sim/gradient';
import { gateMatrix } from '../../../src/sim/gates';
import { CircuitBuilder, randomCircuit } from '../../../src/sim/circuit-builder';
import { createRng } from '../../../src/sim/rng';
import type { Circuit, GateOp } from '../../../src/sim/types';

const TRAINABLE = ['rx', 'ry', 'rz', 'p', 'u', 'crx', 'cry', 'crz', 'cp'] as const;

/** A random circuit where every parametrised gate is trainable, with some parameters shared. */
function trainableCircuit(n: number, gates: number, seed: number): Circuit {
  const rng = createRng(seed);
  const c = randomCircuit(n, gates, seed, { gates: ['h', 'cx', 'cz', 'sx', 's', ...TRAINABLE] });
  let next = 0;
  for (const op of c.ops as GateOp[]) {
    if ((TRAINABLE as readonly string[]).includes(op.name))
      op.paramIndex = next > 0 && rng.next() < 0.2 ? rng.int(next) : next++;
  }
  // gates sharing an index must share its value
  return bindParameters(
    c,
    Array.from({ length: next }, () => 6 * rng.next() - 3),
  );
}

describe('gradients', () => {
  it('d/dθ ⟨Z⟩ of RY(θ)|0⟩ is −sin θ by all three methods', () => {
    const c = new CircuitBuilder(1).trainable('ry', [0], 0.8).build();
    for (const grad of [parameterShiftGradient(c, 'Z'), adjointGradient(c, 'Z'), finiteDifferenceGradient(c, 'Z')]) {
      expect(grad.length).toBe(1);
      expect(grad[0]).toBeCloseTo(-Math.sin(0.8), 8);
    }
  });

  it('parameter shift = central finite difference = adjoint on random circuits (every trainable gate type)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 1, max: 30 }), fc.nat(), (n, gates, seed) => {
        const c = trainableCircuit(n, gates, seed);
        const rng = createRng(seed ^ 0x55);
        const obs = [
          { coeff: 0.7, pauli: Array.from({ length: n }, () => 'IXYZ'[rng.int(4)]).join('') },
          { coeff: -1.3, pauli: 'Z'.padStart(n, 'I') },
        ];
        const ps = parameterShiftGradient(c, obs);
        const adj = adjointGradient(c, obs);
        const fd = finiteDifferenceGradient(c, obs);
        expect(ps.length).toBe(trainableParameters(c).count);
        for (let i = 0; i < ps.length; i++) {
          expect(Math.abs(ps[i] - adj[i])).toBeLessThan(1e-10);
          expect(Math.abs(ps[i] - fd[i])).toBeLessThan(1e-6);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('uses the four-term rule for controlled rotations (the two-term rule would be wrong)', () => {
    const c = new CircuitBuilder(2).h(0).ry(1, 0.3).trainable('crx', [0, 1], 1.1).build();
    // X on the control sees the interference between its branches: a frequency-½ term in θ.
    const fd = finiteDifferenceGradient(c, 'IX')[0];
    expect(parameterShiftGradient(c, 'IX')[0]).toBeCloseTo(fd, 8);
    expect(adjointGradient(c, 'IX')[0]).toBeCloseTo(fd, 8);
    const f = (t: number) => expectationValue(bindParameters(c, [t]), 'IX');
    const twoTerm = (f(1.1 + Math.PI / 2) - f(1.1 - Math.PI / 2)) / 2;
    expect(Math.abs(twoTerm - fd)).toBeGreaterThan(1e-3);
  });

  it('returns only the requested parameters, in the requested order', () => {
    const c = trainableCircuit(3, 25, 12);
    const all = adjointGradient(c, 'ZZZ');
    const some = [2, 0].filter((i) => i < all.length);
    const sub = parameterShiftGradient(c, 'ZZZ', some);
    some.forEach((p, i) => expect(sub[i]).toBeCloseTo(all[p], 10));
  });

  it('derivative matrices match finite differences of gate matrices', () => {
    for (const name of TRAINABLE) {
      const params = name === 'u' ? [0.7, 0.2, -1.1] : [0.7];
      const qubits = name.startsWith('c') ? [0, 1] : [0];
      const op: GateOp = { kind: 'gate', name, qubits, params };
      const h = 1e-6;
      const plus = gateMatrix({ ...op, params: [params[0] + h, ...params.slice(1)] });
      const minus = gateMatrix({ ...op, params: [params[0] - h, ...params.slice(1)] });
      const d = gateDerivativeMatrix(op);
      for (let i = 0; i < d.length; i++) expect(d[i]).toBeCloseTo((plus[i] - minus[i]) / (2 * h), 8);
    }
  });

  it('binds parameters and rejects non-differentiable trainable gates', () => {
    const c = new CircuitBuilder(2)
      .trainable('rx', [0], 0.1)
      .trainable('rz', [1], 0.2)
      .trainable('ry', [0], 0.3, 0)
      .build();
    expect(Array.from(trainableParameters(c).values)).toEqual([0.3, 0.2]);
    const b = bindParameters(c, [1, 2]);
    expect((b.ops as GateOp[]).map((o) => o.params[0])).toEqual([1, 2, 1]);
    const bad: Circuit = {
      numQubits: 1,
      numClbits: 0,
      ops: [{ kind: 'gate', name: 'h', qubits: [0], params: [], paramIndex: 0 }],
    };
    expect(() => adjointGradient(bad, 'Z')).toThrow(/cannot carry a trainable parameter/);
    expect(() => parameterShiftGradient(bad, 'Z')).toThrow(/cannot carry a trainable parameter/);
  });
});
