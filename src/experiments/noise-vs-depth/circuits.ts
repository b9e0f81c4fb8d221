/**
 * Circuit families whose depth can grow one block at a time (the experiment evolves states incrementally:
 * depth d + 1 = depth d followed by one more block).
 *
 * - ghz: block 1 prepares GHZ (H on qubit 0, CX chain 0→1→…→n−1); every further block is an echo, the
 *   chain undone and redone (CX n−2→n−1 … 0→1, then 0→1 … n−2→n−1), so the ideal state stays GHZ while
 *   the noisy one accumulates 2(n − 1) more CX per block.
 * - layered: block l (1-based) is RY(α) and RZ(β) on every qubit, then CX on neighbours (0,1), (1,2), …, with
 *   α, β uniform in [0, 2π) from createRng(deriveSeed(seed, n, l)) — the hardware-efficient shape
 *   variational models use. The same seed gives the same circuit at every maximum depth.
 */
import { createRng, deriveSeed } from '../../sim/rng';
import type { Circuit, GateOp } from '../../sim/types';

export type Family = 'ghz' | 'layered';
export const FAMILIES: readonly Family[] = ['ghz', 'layered'];

const g = (name: GateOp['name'], qubits: number[], params: number[] = []): GateOp => ({
  kind: 'gate',
  name,
  qubits,
  params,
});

/** The gates of block `depth` (1-based) of a family. */
export function familyBlock(family: Family, n: number, depth: number, seed: number): Circuit {
  const ops: GateOp[] = [];
  if (family === 'ghz') {
    if (depth === 1) {
      ops.push(g('h', [0]));
      for (let q = 0; q + 1 < n; q++) ops.push(g('cx', [q, q + 1]));
    } else {
      for (let q = n - 2; q >= 0; q--) ops.push(g('cx', [q, q + 1]));
      for (let q = 0; q + 1 < n; q++) ops.push(g('cx', [q, q + 1]));
    }
  } else {
    const rng = createRng(deriveSeed(seed, n, depth));
    for (let q = 0; q < n; q++) {
      ops.push(g('ry', [q], [rng.next() * 2 * Math.PI]));
      ops.push(g('rz', [q], [rng.next() * 2 * Math.PI]));
    }
    for (let q = 0; q + 1 < n; q++) ops.push(g('cx', [q, q + 1]));
  }
  return { numQubits: n, numClbits: 0, ops };
}

/** The whole circuit of a given depth (blocks 1…depth). */
export function familyCircuit(family: Family, n: number, depth: number, seed: number): Circuit {
  const ops: GateOp[] = [];
  for (let d = 1; d <= depth; d++) ops.push(...(familyBlock(family, n, d, seed).ops as GateOp[]));
  return { numQubits: n, numClbits: 0, ops };
}

/** Default observable: X⊗…⊗X for GHZ (ideal value 1; sensitive to dephasing), Z on qubit 0 for layered. */
export function defaultObservable(family: Family, n: number): string {
  return family === 'ghz' ? 'X'.repeat(n) : `${'I'.repeat(n - 1)}Z`;
}
