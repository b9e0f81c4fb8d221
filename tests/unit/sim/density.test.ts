import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DensityMatrix, simulateDensity } from '../../../src/sim/density';
import { depolarizing, thermalRelaxation, amplitudeDamping, type KrausSet } from '../../../src/sim/channels';
import { gateMatrix } from '../../../src/sim/gates';
import { StateVector } from '../../../src/sim/statevector';
import { randomCircuit } from '../../../src/sim/circuit-builder';
import { deviceNoiseModelById, type NoiseModel } from '../../../src/sim/noise';
import { SimulatorLimitError, type Circuit, type GateName, type GateOp } from '../../../src/sim/types';

const g = (name: GateName, qubits: number[], params: number[] = []): GateOp => ({ kind: 'gate', name, qubits, params });

/** Independent reference: the full 2^n × 2^n operator of a k-qubit matrix on `qubits`, built entry by entry. */
function fullOperator(m: Float64Array, qubits: number[], n: number): Float64Array {
  const D = 1 << n,
    k = qubits.length,
    d = 1 << k;
  const mask = qubits.reduce((acc, q) => acc | (1 << q), 0);
  const sub = (i: number) => qubits.reduce((acc, q, b) => acc | (((i >> q) & 1) << b), 0);
  const out = new Float64Array(2 * D * D);
  for (let r = 0; r < D; r++)
    for (let c = 0; c < D; c++) {
      if ((r & ~mask) !== (c & ~mask)) continue;
      const e = 2 * (sub(r) * d + sub(c));
      out[2 * (r * D + c)] = m[e];
      out[2 * (r * D + c) + 1] = m[e + 1];
    }
  return out;
}

/** Reference Σ_K K ρ K† with dense matrices (ρ given as separate re/im arrays). */
function denseKraus(rho: DensityMatrix, kraus: KrausSet, qubits: number[]): { re: Float64Array; im: Float64Array } {
  const D = rho.dim;
  const re = new Float64Array(D * D),
    im = new Float64Array(D * D);
  for (const k of kraus) {
    const F = fullOperator(k, qubits, rho.numQubits);
    // T = F ρ
    const tr = new Float64Array(D * D),
      ti = new Float64Array(D * D);
    for (let r = 0; r < D; r++)
      for (let c = 0; c < D; c++) {
        let a = 0,
          b = 0;
        for (let j = 0; j < D; j++) {
          const fr = F[2 * (r * D + j)],
            fi = F[2 * (r * D + j) + 1];
          a += fr * rho.re[j * D + c] - fi * rho.im[j * D + c];
          b += fr * rho.im[j * D + c] + fi * rho.re[j * D + c];
        }
        tr[r * D + c] = a;
        ti[r * D + c] = b;
      }
    // += T F†
    for (let r = 0; r < D; r++)
      for (let c = 0; c < D; c++) {
        let a = 0,
          b = 0;
        for (let j = 0; j < D; j++) {
          const fr = F[2 * (c * D + j)],
            fi = -F[2 * (c * D + j) + 1]; // (F†)[j][c] = conj(F[c][j])
          a += tr[r * D + j] * fr - ti[r * D + j] * fi;
          b += tr[r * D + j] * fi + ti[r * D + j] * fr;
        }
        re[r * D + c] += a;
        im[r * D + c] += b;
      }
  }
  return { re, im };
}

function expectMatrixClose(
  a: { re: Float64Array; im: Float64Array },
  b: { re: Float64Array; im: Float64Array },
  digits = 12,
): void {
  expect(a.re.length).toBe(b.re.length);
  for (let i = 0; i < a.re.length; i++) {
    expect(a.re[i]).toBeCloseTo(b.re[i], digits);
    expect(a.im[i]).toBeCloseTo(b.im[i], digits);
  }
}

function ghz(n: number): Circuit {
  const ops: GateOp[] = [g('h', [0])];
  for (let q = 1; q < n; q++) ops.push(g('cx', [q - 1, q]));
  return { numQubits: n, numClbits: 0, ops };
}

describe('DensityMatrix basics', () => {
  it('refuses more than 10 qubits by default (before allocating) and honours maxQubits', () => {
    expect(() => new DensityMatrix(11)).toThrow(SimulatorLimitError);
    expect(() => new DensityMatrix(11)).toThrow(/limit is 10 qubits/);
    expect(() => new DensityMatrix(40, { maxQubits: 64 })).toThrow(SimulatorLimitError); // hard ceiling
    expect(() => new DensityMatrix(0)).toThrow(SimulatorLimitError);
    expect(() => new DensityMatrix(3, { maxQubits: 2 })).toThrow(/limit is 2 qubits/);
    expect(new DensityMatrix(2).re.length).toBe(16);
  });

  it('starts in |0…0⟩⟨0…0| with trace and purity 1', () => {
    const rho = new DensityMatrix(3);
    expect(rho.trace()).toBe(1);
    expect(rho.purity()).toBe(1);
    expect(Array.from(rho.probabilities())).toEqual([1, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('uses qubit 0 as the low bit and Qiskit-order Pauli strings', () => {
    const rho = new DensityMatrix(2).apply(g('x', [0]));
    expect(rho.probabilities()[1]).toBe(1);
    expect(rho.expectation('IZ')).toBe(-1);
    expect(rho.expectation('ZI')).toBe(1);
    // cx [control, target]: control is qubits[0]
    expect(
      new DensityMatrix(2)
        .apply(g('x', [0]))
        .apply(g('cx', [0, 1]))
        .probabilities()[3],
    ).toBeCloseTo(1, 15);
    expect(
      new DensityMatrix(2)
        .apply(g('x', [0]))
        .apply(g('cx', [1, 0]))
        .probabilities()[1],
    ).toBeCloseTo(1, 15);
  });

  it('Bell state: probabilities and Pauli correlations (including the sign of YY)', () => {
    const rho = simulateDensity({ numQubits: 2, numClbits: 0, ops: [g('h', [0]), g('cx', [0, 1])] });
    const p = rho.probabilities();
    expect(p[0]).toBeCloseTo(0.5, 15);
    expect(p[3]).toBeCloseTo(0.5, 15);
    expect(rho.expectation('ZZ')).toBeCloseTo(1, 15);
    expect(rho.expectation('XX')).toBeCloseTo(1, 15);
    expect(rho.expectation('YY')).toBeCloseTo(-1, 15);
    expect(rho.expectation('XY')).toBeCloseTo(0, 15);
    expect(
      rho.expectation([
        { coeff: 0.5, pauli: 'XX' },
        { coeff: -2, pauli: 'YY' },
      ]),
    ).toBeCloseTo(2.5, 14);
    expect(() => rho.expectation('ZZZ')).toThrow(/3 letters/);
  });

  it('Y eigenstate and Bloch vector', () => {
    const rho = new DensityMatrix(1).apply(g('h', [0])).apply(g('s', [0])); // |+i⟩
    expect(rho.expectation('Y')).toBeCloseTo(1, 15);
    const [x, y, z] = rho.blochVector(0);
    expect(x).toBeCloseTo(0, 15);
    expect(y).toBeCloseTo(1, 15);
    expect(z).toBeCloseTo(0, 15);
  });

  it('gates match the dense reference U ρ U† for 1-, 2- and 3-qubit gates on arbitrary qubits', () => {
    const start = simulateDensity(randomCircuit(4, 12, 7));
    const ops = [
      g('u', [2], [0.3, 1.2, -0.8]),
      g('crx', [3, 1], [0.77]),
      g('swap', [0, 3]),
      g('cy', [1, 2]),
      g('ccx', [3, 0, 2]),
    ];
    for (const op of ops) {
      const rho = start.clone().apply(op);
      expectMatrixClose(rho, denseKraus(start, [gateMatrix(op)], op.qubits), 13);
    }
  });

  it('applyKraus matches the dense reference Σ K ρ K† (1- and 2-qubit, reversed qubit order)', () => {
    const rho = simulateDensity(randomCircuit(3, 15, 11));
    const cases: [number[], KrausSet][] = [
      [[1], thermalRelaxation(50, 30, 9)],
      [[2], depolarizing(0.3)],
      [[2, 0], depolarizing(0.25, 2)],
      [[0, 2], [gateMatrix(g('crx', [0, 1], [0.4]))]],
    ];
    for (const [qubits, kraus] of cases) {
      expectMatrixClose(rho.clone().applyKraus(qubits, kraus), denseKraus(rho, kraus, qubits), 13);
    }
    expect(() => rho.clone().applyKraus([0, 0], depolarizing(0.1, 2))).toThrow(/twice/);
    expect(() => rho.clone().applyKraus([0, 1], depolarizing(0.1))).toThrow(/needs 32 numbers/);
  });

  it('fromStateVector, fidelityWithPure, clone and reset', () => {
    const sv = new StateVector(3).run(randomCircuit(3, 20, 3));
    const rho = DensityMatrix.fromStateVector(sv);
    expect(rho.fidelityWithPure(sv)).toBeCloseTo(1, 14);
    expect(rho.purity()).toBeCloseTo(1, 14);
    const other = new StateVector(3).run(randomCircuit(3, 20, 4));
    let overlapRe = 0,
      overlapIm = 0;
    for (let i = 0; i < 8; i++) {
      overlapRe += sv.re[i] * other.re[i] + sv.im[i] * other.im[i];
      overlapIm += sv.re[i] * other.im[i] - sv.im[i] * other.re[i];
    }
    expect(rho.fidelityWithPure(other)).toBeCloseTo(overlapRe ** 2 + overlapIm ** 2, 14);
    const copy = rho.clone();
    copy.apply(g('x', [1]));
    expect(rho.fidelityWithPure(sv)).toBeCloseTo(1, 14);
    copy.reset();
    expect(copy.probabilities()[0]).toBe(1);
  });

  it('global depolarizing matches the 2-qubit channel on 2 qubits', () => {
    const rho = simulateDensity(randomCircuit(2, 10, 5));
    expectMatrixClose(
      rho.clone().applyGlobalDepolarizing(0.3),
      rho.clone().applyKraus([0, 1], depolarizing(0.3, 2)),
      14,
    );
  });
});

describe('GHZ fidelity under depolarizing noise (closed forms)', () => {
  /*
   * GHZ_n = (|0ⁿ⟩ + |1ⁿ⟩)/√2, so ρ = ½(|0ⁿ⟩⟨0ⁿ| + |1ⁿ⟩⟨1ⁿ| + |0ⁿ⟩⟨1ⁿ| + |1ⁿ⟩⟨0ⁿ|) and for any operator A,
   * ⟨GHZ|A|GHZ⟩ = ½(A[0ⁿ,0ⁿ] + A[1ⁿ,1ⁿ] + A[0ⁿ,1ⁿ] + A[1ⁿ,0ⁿ]).
   *
   * Global: ρ → (1−λ)ρ + λ·I/2ⁿ gives F = (1−λ) + λ/2ⁿ.
   *
   * Local, one application of D_λ(σ) = (1−λ)σ + λ·tr(σ)·I/2 on every qubit:
   *   D(|0⟩⟨0|) = (1−λ/2)|0⟩⟨0| + (λ/2)|1⟩⟨1|,  D(|1⟩⟨1|) = (λ/2)|0⟩⟨0| + (1−λ/2)|1⟩⟨1|,
   *   D(|0⟩⟨1|) = (1−λ)|0⟩⟨1|  (traceless, so only shrunk).
   * The tensor product of the diagonal terms puts (1−λ/2)ⁿ on its own corner and (λ/2)ⁿ on the
   * opposite corner; the coherence terms become (1−λ)ⁿ|0ⁿ⟩⟨1ⁿ| and its adjoint. Hence
   *   F = ½·½·[2(1−λ/2)ⁿ + 2(λ/2)ⁿ + 2(1−λ)ⁿ] = ½[(1−λ/2)ⁿ + (λ/2)ⁿ + (1−λ)ⁿ].
   * Check n = 1 (|+⟩): F = 1 − λ/2, which is (1 + (1−λ))/2 for a Bloch vector shrunk by 1 − λ.
   */
  for (const n of [1, 2, 3, 4, 5]) {
    it(`n = ${n}`, () => {
      const ideal = new StateVector(n).run(ghz(n));
      for (const lambda of [0.01, 0.1, 0.37]) {
        const global = simulateDensity(ghz(n)).applyGlobalDepolarizing(lambda);
        expect(global.fidelityWithPure(ideal)).toBeCloseTo(1 - lambda + lambda / 2 ** n, 13);
        const local = simulateDensity(ghz(n));
        const ch = depolarizing(lambda);
        for (let q = 0; q < n; q++) local.applyKraus([q], ch);
        const closed = 0.5 * ((1 - lambda / 2) ** n + (lambda / 2) ** n + (1 - lambda) ** n);
        expect(local.fidelityWithPure(ideal)).toBeCloseTo(closed, 13);
        expect(local.trace()).toBeCloseTo(1, 13);
      }
    });
  }
});

describe('run() with measurements and noise models', () => {
  it('terminal measurements are read out; mid-circuit measurements dephase', () => {
    const terminal = simulateDensity({
      numQubits: 1,
      numClbits: 1,
      ops: [g('h', [0]), { kind: 'measure', qubit: 0, clbit: 0 }],
    });
    expect(terminal.blochVector(0)[0]).toBeCloseTo(1, 15);
    const mid = simulateDensity({
      numQubits: 1,
      numClbits: 1,
      ops: [g('h', [0]), { kind: 'measure', qubit: 0, clbit: 0 }, g('h', [0])],
    });
    expect(mid.probabilities()[0]).toBeCloseTo(0.5, 15);
  });

  const base: NoiseModel = {
    label: 'test',
    oneQubitGate: [],
    twoQubitGate: [],
    virtualGates: [],
    idle: null,
    readout: null,
    parameters: {},
    notes: [],
  };

  it('applies channels after gates: 1q channels on each qubit of a 2q gate, 2q channels on the pair', () => {
    const model: NoiseModel = {
      ...base,
      oneQubitGate: [{ label: 'ad', numQubits: 1, kraus: amplitudeDamping(0.5) }],
      twoQubitGate: [{ label: 'ad', numQubits: 1, kraus: amplitudeDamping(0.2) }],
    };
    const rho = simulateDensity(
      { numQubits: 2, numClbits: 0, ops: [g('x', [0]), g('x', [1]), g('swap', [0, 1])] },
      model,
    );
    // Each qubit: decay 0.5 after its X, then 0.2 after the swap: P(1) = 0.5·0.8 = 0.4 each, independent.
    expect(rho.probabilities()[3]).toBeCloseTo(0.16, 14);
    expect(rho.probabilities()[0]).toBeCloseTo(0.36, 14);
  });

  it('virtual gates are noiseless; 3-qubit gates are refused under noise', () => {
    const model: NoiseModel = {
      ...base,
      oneQubitGate: [{ label: 'dep', numQubits: 1, kraus: depolarizing(0.5) }],
      virtualGates: ['rz'],
    };
    const rho = simulateDensity({ numQubits: 1, numClbits: 0, ops: [g('rz', [0], [0.3])] }, model);
    expect(rho.purity()).toBeCloseTo(1, 15);
    expect(() => simulateDensity({ numQubits: 3, numClbits: 0, ops: [g('ccx', [0, 1, 2])] }, model)).toThrow(
      /decompose/,
    );
  });

  it('idle qubits relax for exactly their waiting time in the ASAP schedule', () => {
    const T1 = 1000;
    const model: NoiseModel = {
      ...base,
      idle: { t1_ns: T1, t2_ns: 2 * T1, oneQubitGate_ns: 50, twoQubitGate_ns: 100, measure_ns: null },
    };
    // q0: X at t = 0–50 then waits. q1: ten X gates, 0–500 ns. Then a CX on (1, 2) from 500 to 600:
    // q2 waited 500 ns in |0⟩ (no effect); at the end q0 has idled 600 − 50 = 550 ns.
    const ops: GateOp[] = [g('x', [0])];
    for (let i = 0; i < 10; i++) ops.push(g('x', [1]));
    ops.push(g('cx', [1, 2]));
    const rho = simulateDensity({ numQubits: 3, numClbits: 0, ops }, model);
    const p = rho.probabilities();
    const p1q0 = p[1] + p[3] + p[5] + p[7];
    expect(p1q0).toBeCloseTo(Math.exp(-550 / T1), 14);
    expect(p[0] + p[1]).toBeCloseTo(1, 14); // q1, q2 untouched by relaxation (|0⟩)
  });
});

/**
 * Unfused reference for noisy runs: applies every gate, channel and idle relaxation immediately, in
 * program order, with its own ASAP clock. run() fuses these per qubit; the result must be identical.
 */
function referenceNoisyRun(circuit: Circuit, noise: NoiseModel): DensityMatrix {
  const rho = new DensityMatrix(circuit.numQubits);
  const clock = new Array<number>(circuit.numQubits).fill(0);
  const idle = noise.idle;
  const relax = (q: number, until: number) => {
    if (idle && until - clock[q] > 1e-9)
      rho.applyKraus([q], thermalRelaxation(idle.t1_ns, idle.t2_ns, until - clock[q], { onInvalidT2: 'clamp' }));
    clock[q] = until;
  };
  const lastGate = new Map<number, number>();
  circuit.ops.forEach((op, i) => {
    if (op.kind === 'gate') for (const q of op.qubits) lastGate.set(q, i);
  });
  circuit.ops.forEach((op, i) => {
    if (op.kind === 'measure') {
      if (i < (lastGate.get(op.qubit) ?? -1)) {
        relax(op.qubit, clock[op.qubit]);
        clock[op.qubit] += idle?.measure_ns ?? 0;
        rho.applyKraus(
          [op.qubit],
          [new Float64Array([1, 0, 0, 0, 0, 0, 0, 0]), new Float64Array([0, 0, 0, 0, 0, 0, 1, 0])],
        );
      }
      return;
    }
    if (op.kind !== 'gate') return;
    if (noise.virtualGates.includes(op.name)) {
      rho.apply(op);
      return;
    }
    const start = Math.max(...op.qubits.map((q) => clock[q]));
    const dur = op.qubits.length === 1 ? (idle?.oneQubitGate_ns ?? 0) : (idle?.twoQubitGate_ns ?? 0);
    for (const q of op.qubits) {
      relax(q, start);
      clock[q] = start + dur;
    }
    rho.apply(op);
    for (const ch of op.qubits.length === 1 ? noise.oneQubitGate : noise.twoQubitGate) {
      if (ch.numQubits === 2) rho.applyKraus(op.qubits, ch.kraus);
      else for (const q of op.qubits) rho.applyKraus([q], ch.kraus);
    }
  });
  const end = Math.max(...clock);
  for (let q = 0; q < circuit.numQubits; q++) relax(q, end);
  return rho;
}

describe('fused noisy run', () => {
  it('equals the unfused gate-by-gate reference (device models, virtual gates, mid-circuit measurements)', () => {
    const gates = ['h', 'sx', 'x', 'rx', 'ry', 'rz', 's', 't', 'u', 'cx', 'cz', 'swap', 'crx', 'cp'] as const;
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 4 }),
        fc.integer({ min: 1, max: 30 }),
        fc.nat(100_000),
        fc.constantFrom('ibm_fez', 'google_willow', 'ionq_aria', 'quantinuum_helios'),
        fc.double({ min: 1, max: 300, noNaN: true }),
        (n, count, seed, device, scale) => {
          const circuit = randomCircuit(n, count, seed, { gates });
          // a mid-circuit measurement on qubit 0, then more gates
          circuit.ops.splice(Math.floor(count / 2), 0, { kind: 'measure', qubit: 0, clbit: 0 });
          circuit.ops.push(g('h', [0]), g('cx', [0, 1]));
          const model = deviceNoiseModelById(device, { scale });
          expectMatrixClose(simulateDensity(circuit, model), referenceNoisyRun(circuit, model), 12);
        },
      ),
      { numRuns: 60 },
    );
  });
});
