/**
 * The barren-plateau ansätze as layered programs (src/sim/layered-program.ts), the form the layered kernel
 * (src/sim/layered-kernel.ts) runs. Random circuits are drawn from a seeded Rng in a fixed order, so a sample
 * is a pure function of its seed.
 */
import type { Axis, Block, LayeredProgram, Rotation } from '../../sim/layered-program';
import type { Rng } from '../../sim/rng';

export type Ansatz = 'mcclean' | 'alternating' | 'rx-product';
export const ANSATZE: readonly Ansatz[] = ['mcclean', 'alternating', 'rx-product'];

const TWO_PI = 2 * Math.PI;

function chainPairs(n: number): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  for (let q = 0; q + 1 < n; q++) pairs.push([q, q + 1]);
  return pairs;
}

/**
 * McClean et al. 2018: RY(π/4) on every qubit; then L layers, each a rotation about a uniformly random axis
 * in {X, Y, Z} by a uniform angle in [0, 2π) on every qubit, then CZ on (0,1), (1,2), …; optional
 * depolarizing noise after each layer. The parameter is layer 1, qubit 0. Draw order: per layer, per qubit
 * (ascending): axis, then angle.
 */
export function mccleanProgram(n: number, layers: number, rng: Rng, noise = 0): LayeredProgram {
  const blocks: Block[] = [
    {
      kind: 'rot',
      rotations: Array.from({ length: n }, (_, q) => ({ qubit: q, axis: 1 as Axis, angle: Math.PI / 4 })),
    },
  ];
  const pairs = chainPairs(n);
  for (let l = 0; l < layers; l++) {
    const rotations: Rotation[] = [];
    for (let q = 0; q < n; q++) {
      const axis = rng.int(3) as Axis;
      rotations.push({ qubit: q, axis, angle: rng.next() * TWO_PI });
    }
    blocks.push({ kind: 'rot', rotations });
    if (pairs.length) blocks.push({ kind: 'cz', pairs });
    if (noise > 0) blocks.push({ kind: 'depolarize', p: noise });
  }
  return { numQubits: n, blocks, param: { block: 1, index: 0 } };
}

/**
 * Cerezo et al. 2021's alternating layered ansatz (as PennyLane's SimplifiedTwoDesign): an initial RY layer;
 * then L layers, each CZ on the even pairs (0,1), (2,3), … followed by RY on those qubits, then CZ on the odd
 * pairs (1,2), (3,4), … followed by RY on those qubits; optional noise after each layer. All angles uniform
 * in [0, 2π), drawn in gate order. The parameter is the first RY of layer 1 (qubit 0, after the even CZs).
 */
export function alternatingProgram(n: number, layers: number, rng: Rng, noise = 0): LayeredProgram {
  if (n < 2) throw new RangeError('the alternating layered ansatz needs at least 2 qubits');
  const ry = (q: number): Rotation => ({ qubit: q, axis: 1, angle: rng.next() * TWO_PI });
  const blocks: Block[] = [{ kind: 'rot', rotations: Array.from({ length: n }, (_, q) => ry(q)) }];
  const even: Array<[number, number]> = [];
  const odd: Array<[number, number]> = [];
  for (let q = 0; q + 1 < n; q += 2) even.push([q, q + 1]);
  for (let q = 1; q + 1 < n; q += 2) odd.push([q, q + 1]);
  for (let l = 0; l < layers; l++) {
    blocks.push({ kind: 'cz', pairs: even });
    blocks.push({ kind: 'rot', rotations: even.flatMap(([a, b]) => [ry(a), ry(b)]) });
    if (odd.length) {
      blocks.push({ kind: 'cz', pairs: odd });
      blocks.push({ kind: 'rot', rotations: odd.flatMap(([a, b]) => [ry(a), ry(b)]) });
    }
    if (noise > 0) blocks.push({ kind: 'depolarize', p: noise });
  }
  return { numQubits: n, blocks, param: { block: 2, index: 0 } };
}

/** Cerezo et al.'s warm-up V = ⊗ⱼ RX(θⱼ), θⱼ uniform in [0, 2π); parameter θ₀. (No layers.) */
export function rxProductProgram(n: number, rng: Rng, noise = 0): LayeredProgram {
  const blocks: Block[] = [
    {
      kind: 'rot',
      rotations: Array.from({ length: n }, (_, q) => ({ qubit: q, axis: 0 as Axis, angle: rng.next() * TWO_PI })),
    },
  ];
  if (noise > 0) blocks.push({ kind: 'depolarize', p: noise });
  return { numQubits: n, blocks, param: { block: 0, index: 0 } };
}

export function buildProgram(ansatz: Ansatz, n: number, layers: number, rng: Rng, noise = 0): LayeredProgram {
  switch (ansatz) {
    case 'mcclean':
      return mccleanProgram(n, layers, rng, noise);
    case 'alternating':
      return alternatingProgram(n, layers, rng, noise);
    case 'rx-product':
      return rxProductProgram(n, rng, noise);
  }
}
