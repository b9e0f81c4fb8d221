/**
 * Cross-check against two independent JavaScript simulators (devDependencies): quantum-circuit and
 * jsqubits. Both put qubit/wire 0 in the least significant bit of the basis index, like us. Each gate of
 * our IR is translated to the peer's own gate where it has one; otherwise the 2×2 matrix is written
 * out here from its textbook formula (not taken from src/sim/gates.ts).
 */
import { describe, expect, it } from 'vitest';
import QuantumCircuit from 'quantum-circuit';
import { jsqubits } from 'jsqubits';
import { simulate, type StateVector } from '../../../src/sim/statevector';
import { randomCircuit } from '../../../src/sim/circuit-builder';
import { createRng } from '../../../src/sim/rng';
import type { Circuit, GateOp } from '../../../src/sim/types';

type Amp = { re: number; im: number };

/** Asserts a = e^{iφ}·b for one global φ, entry by entry within tol. */
function expectEqualUpToGlobalPhase(ours: StateVector, theirs: (i: number) => Amp, tol = 1e-9): void {
  let k = 0,
    best = -1;
  for (let i = 0; i < ours.dim; i++) {
    const p = ours.probability(i);
    if (p > best) {
      best = p;
      k = i;
    }
  }
  const t = theirs(k);
  const n = t.re * t.re + t.im * t.im;
  expect(n).toBeGreaterThan(1e-6);
  // phase = ours[k] / theirs[k]
  const pr = (ours.re[k] * t.re + ours.im[k] * t.im) / n,
    pi = (ours.im[k] * t.re - ours.re[k] * t.im) / n;
  expect(Math.hypot(pr, pi)).toBeCloseTo(1, 9);
  for (let i = 0; i < ours.dim; i++) {
    const a = theirs(i);
    expect(Math.abs(ours.re[i] - (pr * a.re - pi * a.im)), `amplitude ${i}`).toBeLessThan(tol);
    expect(Math.abs(ours.im[i] - (pr * a.im + pi * a.re)), `amplitude ${i}`).toBeLessThan(tol);
  }
}

const CIRCUITS = Array.from({ length: 120 }, (_, s) => {
  const rng = createRng(5000 + s);
  const n = 1 + rng.int(8); // 1…8 qubits
  return randomCircuit(n, 10 + rng.int(50), 9000 + s);
});

// ---------------------------------------------------------------- quantum-circuit

const QC_NAME: Record<string, string> = { sx: 'srn', sxdg: 'srndg', p: 'u1', u: 'u3', cp: 'cu1' };
const QC_PARAMS: Record<string, string[]> = {
  rx: ['theta'],
  ry: ['theta'],
  rz: ['phi'],
  p: ['lambda'],
  u: ['theta', 'phi', 'lambda'],
  crx: ['theta'],
  cry: ['theta'],
  crz: ['phi'],
  cp: ['lambda'],
};

function runQuantumCircuit(c: Circuit): (i: number) => Amp {
  const qc = new QuantumCircuit(c.numQubits);
  for (const op of c.ops as GateOp[]) {
    const names = QC_PARAMS[op.name];
    const params: Record<string, number> = {};
    names?.forEach((p, i) => {
      params[p] = op.params[i];
    });
    qc.appendGate(
      QC_NAME[op.name] ?? op.name,
      op.qubits.length === 1 ? op.qubits[0] : op.qubits,
      names ? { params } : {},
    );
  }
  qc.run();
  return (i) => {
    const a = qc.state[String(i)];
    return a ? { re: a.re, im: a.im } : { re: 0, im: 0 };
  };
}

// ---------------------------------------------------------------- jsqubits

const C = (re: number, im = 0) => jsqubits.complex(re, im);
function jsMatrix(op: GateOp): ReturnType<typeof C>[][] {
  const [a, b, l] = op.params;
  switch (op.name) {
    case 'sdg':
      return [
        [C(1), C(0)],
        [C(0), C(0, -1)],
      ];
    case 'tdg':
      return [
        [C(1), C(0)],
        [C(0), C(Math.SQRT1_2, -Math.SQRT1_2)],
      ];
    case 'sx':
      return [
        [C(0.5, 0.5), C(0.5, -0.5)],
        [C(0.5, -0.5), C(0.5, 0.5)],
      ];
    case 'sxdg':
      return [
        [C(0.5, -0.5), C(0.5, 0.5)],
        [C(0.5, 0.5), C(0.5, -0.5)],
      ];
    case 'u': {
      const co = Math.cos(a / 2),
        si = Math.sin(a / 2);
      return [
        [C(co), C(-Math.cos(l) * si, -Math.sin(l) * si)],
        [C(Math.cos(b) * si, Math.sin(b) * si), C(Math.cos(b + l) * co, Math.sin(b + l) * co)],
      ];
    }
    default:
      throw new Error(`no jsqubits matrix for ${op.name}`);
  }
}

function runJsqubits(c: Circuit): (i: number) => Amp {
  let s = jsqubits('|' + '0'.repeat(c.numQubits) + '>');
  for (const op of c.ops as GateOp[]) {
    const [q0, q1, q2] = op.qubits;
    const t = op.params[0];
    switch (op.name) {
      case 'id':
        break;
      case 'x':
        s = s.x(q0);
        break;
      case 'y':
        s = s.y(q0);
        break;
      case 'z':
        s = s.z(q0);
        break;
      case 'h':
        s = s.hadamard(q0);
        break;
      case 's':
        s = s.s(q0);
        break;
      case 't':
        s = s.t(q0);
        break;
      case 'rx':
        s = s.rotateX(q0, t);
        break;
      case 'ry':
        s = s.rotateY(q0, t);
        break;
      case 'rz':
        s = s.rotateZ(q0, t);
        break;
      case 'p':
        s = s.r(q0, t);
        break;
      case 'cx':
        s = s.cnot(q0, q1);
        break;
      case 'cy':
        s = s.controlledY(q0, q1);
        break;
      case 'cz':
        s = s.controlledZ(q0, q1);
        break;
      case 'swap':
        s = s.swap(q0, q1);
        break;
      case 'crx':
        s = s.controlledXRotation(q0, q1, t);
        break;
      case 'cry':
        s = s.controlledYRotation(q0, q1, t);
        break;
      case 'crz':
        s = s.controlledZRotation(q0, q1, t);
        break;
      case 'cp':
        s = s.controlledR(q0, q1, t);
        break;
      case 'ccx':
        s = s.toffoli(q0, q1, q2);
        break;
      default:
        s = s.controlledApplicationOfqBitOperator(null, q0, jsMatrix(op));
    }
  }
  return (i) => {
    const a = s.amplitude(i);
    return { re: a.real, im: a.imaginary };
  };
}

describe('cross-check against independent simulators (120 seeded random circuits, 1–8 qubits, every gate)', () => {
  it('uses every named gate of the IR somewhere in the corpus', () => {
    const seen = new Set(CIRCUITS.flatMap((c) => (c.ops as GateOp[]).map((o) => o.name)));
    expect(seen.size).toBe(25);
    expect(Math.max(...CIRCUITS.map((c) => c.numQubits))).toBe(8);
  });

  it('agrees with quantum-circuit to 1e-9 up to a global phase', () => {
    for (const c of CIRCUITS) expectEqualUpToGlobalPhase(simulate(c), runQuantumCircuit(c));
  });

  it('agrees with jsqubits to 1e-9 up to a global phase', () => {
    for (const c of CIRCUITS) expectEqualUpToGlobalPhase(simulate(c), runJsqubits(c));
  });

  it('would notice a wrong gate (the check has teeth)', () => {
    const c = randomCircuit(4, 30, 1, { gates: ['h', 'cx', 'ry', 'rz'] });
    const k = c.ops.findIndex((o) => o.kind === 'gate' && o.name === 'ry');
    const tampered: Circuit = {
      ...c,
      ops: c.ops.map((o, i) => (i === k && o.kind === 'gate' ? { ...o, params: [o.params[0] + 0.01] } : o)),
    };
    expect(() => expectEqualUpToGlobalPhase(simulate(tampered), runJsqubits(c))).toThrow();
  });
});
