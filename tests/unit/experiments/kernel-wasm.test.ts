/**
 * The layered kernel's WebAssembly passes against its JavaScript passes (the oracle): equal to the last bit
 * on random programs, and the committed module equal to a fresh compile of its AssemblyScript source.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileKernel, KERNEL_MODULE, kernelModuleSource } from '../../../scripts/wasm-kernel';
import { alternatingProgram, mccleanProgram, rxProductProgram } from '../../../src/experiments/barren-plateau/program';
import { COSTS, LayeredKernel } from '../../../src/sim/layered-kernel';
import type { Axis, Block, LayeredProgram, Rotation } from '../../../src/sim/layered-program';
import { createRng, type Rng } from '../../../src/sim/rng';
import { KERNEL_WASM_BASE64 } from '../../../src/sim/wasm/kernel-bytes.generated';

/** Random order of 0…n−1 (Fisher–Yates). */
function shuffled(n: number, rng: Rng): number[] {
  const out = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * Rotation blocks on random qubit subsets in random order (so qubit 0 is the first, a later or no rotation
 * of a pass), random axes, angles that include 0 and ±π (a scaled factor of exactly 1 or a tiny one), random
 * CZ pairs, blocks without Z rotations (the scale-only diagonal pass) and, in mixed mode, noise.
 */
function randomProgram(n: number, blocks: number, rng: Rng, mixed: boolean): LayeredProgram {
  const out: Block[] = [];
  const rotBlocks: number[] = [];
  const special = [0, Math.PI, -Math.PI, Math.PI / 2];
  for (let b = 0; b < blocks; b++) {
    const kind = rng.next();
    if (kind < 0.6 || b === 0) {
      const noZ = rng.next() < 0.3;
      const qubits = shuffled(n, rng).slice(0, 1 + rng.int(n));
      const rotations: Rotation[] = qubits.map((qubit) => ({
        qubit,
        axis: rng.int(noZ ? 2 : 3) as Axis,
        angle: rng.next() < 0.1 ? special[rng.int(special.length)] : (rng.next() - 0.5) * 4 * Math.PI,
      }));
      rotBlocks.push(out.length);
      out.push({ kind: 'rot', rotations });
    } else if (kind < 0.85 || !mixed) {
      const pairs: Array<[number, number]> = [];
      for (let a = 0; a < n; a++) for (let c = a + 1; c < n; c++) if (rng.next() < 0.3) pairs.push([c, a]);
      out.push({ kind: 'cz', pairs });
    } else out.push({ kind: 'depolarize', p: rng.next() * 0.2 });
  }
  const block = rotBlocks[rng.int(rotBlocks.length)];
  const index = rng.int((out[block] as Extract<Block, { kind: 'rot' }>).rotations.length);
  return { numQubits: n, blocks: out, param: { block, index } };
}

/** Both kernels' [C(θ + π/2), C(θ − π/2)] for every cost, for Object.is comparison. */
function costsOf(kernel: LayeredKernel, program: LayeredProgram): number[] {
  return COSTS.flatMap((cost) => (cost === 'zz' && program.numQubits < 2 ? [] : kernel.shiftedCosts(program, cost)));
}

function expectIdentical(n: number, mixed: boolean, programs: LayeredProgram[]): void {
  const js = new LayeredKernel(n, mixed, 'js'),
    wasm = new LayeredKernel(n, mixed, 'wasm');
  for (const program of programs) {
    const a = costsOf(js, program),
      b = costsOf(wasm, program);
    // Object.is: equal bits up to NaN payloads, and +0 ≠ −0.
    expect(
      b.every((v, i) => Object.is(v, a[i])),
      `${n} qubits, mixed ${mixed}: ${a} vs ${b}`,
    ).toBe(true);
  }
}

describe('layered kernel: WebAssembly passes', () => {
  it('run here (Node has WebAssembly SIMD), and the default engine picks them; js on request', () => {
    expect(new LayeredKernel(3, false).engine).toBe('wasm');
    expect(new LayeredKernel(3, false, 'js').engine).toBe('js');
  });

  it('equal the JavaScript passes bit for bit on the three ansätze (state vector)', () => {
    for (const n of [2, 3, 4, 5, 8, 11]) {
      const rng = createRng(500 + n);
      const layers = n > 8 ? 6 : 30;
      expectIdentical(n, false, [
        mccleanProgram(n, layers, rng),
        mccleanProgram(n, layers, rng),
        alternatingProgram(n, layers, rng),
        rxProductProgram(n, rng),
      ]);
    }
  });

  it('equal them on the three ansätze with noise (density matrix)', () => {
    for (const n of [2, 3, 4, 5]) {
      const rng = createRng(700 + n);
      expectIdentical(n, true, [
        mccleanProgram(n, 8, rng, 0.05),
        mccleanProgram(n, 8, rng),
        alternatingProgram(n, 4, rng, 0.1),
        rxProductProgram(n, rng, 0.2),
      ]);
    }
  });

  it('equal them on random programs: any rotation order, qubit 0 and high qubits, odd and even sizes', () => {
    for (const n of [1, 2, 3, 4, 5, 6, 7, 9, 10]) {
      const rng = createRng(900 + n);
      expectIdentical(
        n,
        false,
        Array.from({ length: 12 }, () => randomProgram(n, 12, rng, false)),
      );
    }
    for (const n of [1, 2, 3, 4, 5]) {
      const rng = createRng(1100 + n);
      expectIdentical(
        n,
        true,
        Array.from({ length: 8 }, () => randomProgram(n, 10, rng, true)),
      );
    }
  });

  it('are the committed bytes of a fresh compile of src/sim/wasm/assembly/kernel.ts (npm run wasm:build)', async () => {
    const bytes = await compileKernel();
    expect(Buffer.from(KERNEL_WASM_BASE64, 'base64').equals(Buffer.from(bytes))).toBe(true);
    expect(readFileSync(KERNEL_MODULE, 'utf8')).toBe(await kernelModuleSource(bytes));
  }, 180_000); // the compiler (Binaryen in JavaScript) takes 5–40 s on a shared machine
});
