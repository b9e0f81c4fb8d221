/**
 * Barren-plateau benchmarks (numbers and ratios, never pass/fail):
 * 1. The target sweep: n = 2…12, L = 100, 200 samples, ⟨Z₀Z₁⟩ cost, single-threaded (target < 5 s).
 * 2. The fast layered kernel against the generic state-vector simulator (parameter shift on the same circuit).
 * 3. The noisy (density-matrix) kernel against the generic DensityMatrix with Kraus depolarizing channels.
 */
import { barrenPlateau, deepLimitVariance } from '../src/experiments/barren-plateau';
import { LayeredKernel } from '../src/sim/layered-kernel';
import { toCircuit, type LayeredProgram } from '../src/sim/layered-program';
import { mccleanProgram } from '../src/experiments/barren-plateau/program';
import { runRaw } from '../src/experiments/run';
import { depolarizing } from '../src/sim/channels';
import { DensityMatrix } from '../src/sim/density';
import { createRng } from '../src/sim/rng';
import { StateVector } from '../src/sim/statevector';
import type { GateOp } from '../src/sim/types';

function time<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const v = fn();
  return [v, performance.now() - t0];
}

function genericGradient(program: LayeredProgram): number {
  const f = (s: number) => new StateVector(program.numQubits).run(toCircuit(program, s)).expectationZ([0, 1]);
  return (f(Math.PI / 2) - f(-Math.PI / 2)) / 2;
}

function genericNoisyGradient(program: LayeredProgram): number {
  const n = program.numQubits;
  const kraus = new Map<number, ReturnType<typeof depolarizing>>();
  const f = (shift: number) => {
    const rho = new DensityMatrix(n);
    program.blocks.forEach((block, b) => {
      if (block.kind === 'rot') {
        block.rotations.forEach((r, i) => {
          const s = b === program.param.block && i === program.param.index ? shift : 0;
          const op: GateOp = {
            kind: 'gate',
            name: (['rx', 'ry', 'rz'] as const)[r.axis],
            qubits: [r.qubit],
            params: [r.angle + s],
          };
          rho.apply(op);
        });
      } else if (block.kind === 'cz') {
        for (const [a, c] of block.pairs) rho.apply({ kind: 'gate', name: 'cz', qubits: [a, c], params: [] });
      } else {
        if (!kraus.has(block.p)) kraus.set(block.p, depolarizing(block.p, 1));
        for (let q = 0; q < n; q++) rho.applyKraus([q], kraus.get(block.p)!);
      }
    });
    return rho.expectation(`${'I'.repeat(n - 2)}ZZ`);
  };
  return (f(Math.PI / 2) - f(-Math.PI / 2)) / 2;
}

export async function run(): Promise<void> {
  // warm-up (JIT)
  runRaw(barrenPlateau, barrenPlateau.normalize({ qubits: [2, 6], layers: [20], samples: 20 }), undefined);

  console.log('1. sweep n = 2…12, L = 100, 200 samples, zz cost, one thread (target < 5 s)');
  let total = 0;
  const rows: string[] = [];
  const cpu0 = process.cpuUsage();
  for (let n = 2; n <= 12; n++) {
    const params = barrenPlateau.normalize({ qubits: [n], layers: [100], samples: 200, seed: 1 });
    const [raw, ms] = time(() => runRaw(barrenPlateau, params, undefined));
    total += ms;
    const row = barrenPlateau.summarize(params, raw).rows[0];
    rows.push(
      `   n=${String(n).padStart(2)}  ${ms.toFixed(0).padStart(5)} ms   Var=${row.variance.toExponential(3)} ± ${row.varianceStderr.toExponential(1)}   2-design ${deepLimitVariance(n).toExponential(3)}`,
    );
  }
  console.log(rows.join('\n'));
  const cpu = process.cpuUsage(cpu0);
  console.log(
    `   total ${(total / 1000).toFixed(2)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU (the machine may be shared: CPU time is the fairer number)`,
  );

  console.log('2. fast kernel vs generic StateVector (same circuits, parameter shift), L = 100');
  for (const n of [8, 12]) {
    const programs = Array.from({ length: 5 }, (_, k) => mccleanProgram(n, 100, createRng(100 + k)));
    const kernel = new LayeredKernel(n, false);
    const [a, tFast] = time(() => programs.map((p) => kernel.gradient(p, 'zz')));
    const [b, tGen] = time(() => programs.map(genericGradient));
    const maxDiff = Math.max(...a.map((v, i) => Math.abs(v - b[i])));
    console.log(
      `   n=${n}: kernel ${(tFast / 5).toFixed(2)} ms/gradient, generic ${(tGen / 5).toFixed(2)} ms/gradient, ×${(tGen / tFast).toFixed(1)} faster, max |Δ| ${maxDiff.toExponential(1)}`,
    );
  }

  console.log('3. noisy kernel (density matrix, p = 0.01) vs generic DensityMatrix + Kraus, L = 20');
  for (const n of [4, 6]) {
    const programs = Array.from({ length: 3 }, (_, k) => mccleanProgram(n, 20, createRng(200 + k), 0.01));
    const kernel = new LayeredKernel(n, true);
    const [a, tFast] = time(() => programs.map((p) => kernel.gradient(p, 'zz')));
    const [b, tGen] = time(() => programs.map(genericNoisyGradient));
    const maxDiff = Math.max(...a.map((v, i) => Math.abs(v - b[i])));
    console.log(
      `   n=${n}: kernel ${(tFast / 3).toFixed(2)} ms/gradient, generic ${(tGen / 3).toFixed(2)} ms/gradient, ×${(tGen / tFast).toFixed(1)} faster, max |Δ| ${maxDiff.toExponential(1)}`,
    );
  }
}
