import { describe, expect, it } from 'vitest';
import { alternatingProgram, mccleanProgram, rxProductProgram } from '../../../src/experiments/barren-plateau/program';
import { LayeredKernel, type Cost, type KernelEngine } from '../../../src/sim/layered-kernel';
import { toCircuit, type LayeredProgram } from '../../../src/sim/layered-program';
import { depolarizing } from '../../../src/sim/channels';
import { DensityMatrix } from '../../../src/sim/density';
import { createRng } from '../../../src/sim/rng';
import { StateVector } from '../../../src/sim/statevector';
import type { GateOp } from '../../../src/sim/types';

const COSTS: Cost[] = ['zz', 'global', 'local'];

function costFromProbs(p: ArrayLike<number>, n: number, cost: Cost): number {
  if (cost === 'global') return 1 - p[0];
  let s = 0;
  for (let i = 0; i < p.length; i++) {
    if (cost === 'zz') s += (i & 1) ^ ((i >> 1) & 1) ? -p[i] : p[i];
    else {
      let ones = 0;
      for (let q = 0; q < n; q++) ones += (i >> q) & 1;
      s += (p[i] * ones) / n;
    }
  }
  return s;
}

/** Parameter shift with the generic state-vector simulator. */
function referenceGradient(program: LayeredProgram, cost: Cost): number {
  const f = (shift: number) =>
    costFromProbs(
      new StateVector(program.numQubits).run(toCircuit(program, shift)).probabilities(),
      program.numQubits,
      cost,
    );
  return (f(Math.PI / 2) - f(-Math.PI / 2)) / 2;
}

/** Parameter shift with the generic density-matrix simulator and its depolarizing Kraus channel. */
function referenceNoisyGradient(program: LayeredProgram, cost: Cost): number {
  const n = program.numQubits;
  const f = (shift: number) => {
    const rho = new DensityMatrix(n);
    program.blocks.forEach((block, b) => {
      if (block.kind === 'rot') {
        block.rotations.forEach((r, i) => {
          const isParam = b === program.param.block && i === program.param.index;
          const op: GateOp = {
            kind: 'gate',
            name: (['rx', 'ry', 'rz'] as const)[r.axis],
            qubits: [r.qubit],
            params: [r.angle + (isParam ? shift : 0)],
          };
          rho.apply(op);
        });
      } else if (block.kind === 'cz') {
        for (const [a, c] of block.pairs) rho.apply({ kind: 'gate', name: 'cz', qubits: [a, c], params: [] });
      } else {
        for (let q = 0; q < n; q++) rho.applyKraus([q], depolarizing(block.p, 1));
      }
    });
    return costFromProbs(rho.probabilities(), n, cost);
  };
  return (f(Math.PI / 2) - f(-Math.PI / 2)) / 2;
}

const ENGINES: KernelEngine[] = ['js', 'wasm'];

describe.each(ENGINES)('LayeredKernel (fast parameter-shift gradients), %s passes', (engine) => {
  it('matches the generic state-vector simulator on McClean circuits for every cost', () => {
    for (const n of [2, 3, 5, 7]) {
      const sv = new LayeredKernel(n, false, engine);
      for (let s = 0; s < 4; s++) {
        const program = mccleanProgram(n, 3 + 4 * s, createRng(1000 * n + s));
        for (const cost of COSTS) expect(sv.gradient(program, cost)).toBeCloseTo(referenceGradient(program, cost), 12);
      }
    }
  });

  it('matches on the alternating layered ansatz and the RX product (odd and even n)', () => {
    for (const n of [2, 3, 4, 6]) {
      const sv = new LayeredKernel(n, false, engine);
      for (let s = 0; s < 3; s++) {
        const alt = alternatingProgram(n, 1 + s, createRng(77 + s));
        const rx = rxProductProgram(n, createRng(99 + s));
        for (const cost of COSTS) {
          expect(sv.gradient(alt, cost)).toBeCloseTo(referenceGradient(alt, cost), 12);
          expect(sv.gradient(rx, cost)).toBeCloseTo(referenceGradient(rx, cost), 12);
        }
      }
    }
  });

  it('density-matrix mode agrees with the state vector when there is no noise', () => {
    for (const n of [2, 4]) {
      const dm = new LayeredKernel(n, true, engine),
        sv = new LayeredKernel(n, false, engine);
      const program = mccleanProgram(n, 12, createRng(5 + n));
      for (const cost of COSTS) expect(dm.gradient(program, cost)).toBeCloseTo(sv.gradient(program, cost), 12);
    }
  });

  it('noisy gradients match the generic density matrix with Kraus depolarizing channels', () => {
    for (const n of [2, 3, 4]) {
      const dm = new LayeredKernel(n, true, engine);
      for (const p of [0.02, 0.3]) {
        const programs = [mccleanProgram(n, 6, createRng(11 * n), p), alternatingProgram(n, 2, createRng(13 * n), p)];
        for (const program of programs) {
          for (const cost of COSTS)
            expect(dm.gradient(program, cost)).toBeCloseTo(referenceNoisyGradient(program, cost), 12);
        }
      }
    }
  });

  it('keeps a deep circuit normalised (the collected scale factors do not drift)', () => {
    const n = 6;
    const k = new LayeredKernel(n, false, engine);
    const program = mccleanProgram(n, 400, createRng(3));
    // ⟨I⟩ = 1 − C_global − P(0) … use global: C = 1 − P(0) lies in [0, 1]; and local in [0, 1]
    const [plus, minus] = k.shiftedCosts(program, 'zz');
    expect(Math.abs(plus)).toBeLessThanOrEqual(1 + 1e-12);
    expect(Math.abs(minus)).toBeLessThanOrEqual(1 + 1e-12);
    expect(k.gradient(program, 'zz')).toBeCloseTo(referenceGradient(program, 'zz'), 10);
  });

  it('refuses depolarizing noise in state-vector mode', () => {
    const k = new LayeredKernel(2, false, engine);
    expect(() => k.gradient(mccleanProgram(2, 2, createRng(1), 0.1), 'zz')).toThrow(/density-matrix/);
  });
});
