/**
 * Layered programs: a circuit as a list of blocks (commuting rotations, a CZ layer, local depolarizing
 * noise) with one differentiated rotation. The layered kernel (layered-kernel.ts) runs them; `toCircuit`
 * gives the same circuit to the generic simulators, which check the kernel.
 */
import type { Circuit, GateOp } from './types';

/** Rotation axis: 0 = X, 1 = Y, 2 = Z. R_P(θ) = exp(−iθP/2). */
export type Axis = 0 | 1 | 2;
export const AXIS_NAMES = ['rx', 'ry', 'rz'] as const;

export interface Rotation {
  qubit: number;
  axis: Axis;
  angle: number;
}

export type Block =
  /** Rotations on distinct qubits (they commute). */
  | { kind: 'rot'; rotations: Rotation[] }
  /** CZ on each pair (they commute). */
  | { kind: 'cz'; pairs: Array<[number, number]> }
  /** Local depolarizing noise on every qubit: ρ → (1 − p)ρ + p·Tr_j(ρ) ⊗ I/2 (Pauli factor q = 1 − p). */
  | { kind: 'depolarize'; p: number };

export interface LayeredProgram {
  numQubits: number;
  blocks: Block[];
  /** The differentiated rotation: blocks[block] (a 'rot' block), rotations[index]. */
  param: { block: number; index: number };
}

/**
 * The program as a generic circuit, with the parameter shifted by `shift` (noise blocks are dropped:
 * use it for noiseless checks against the reference simulator).
 */
export function toCircuit(program: LayeredProgram, shift = 0): Circuit {
  const ops: GateOp[] = [];
  program.blocks.forEach((block, b) => {
    if (block.kind === 'rot') {
      block.rotations.forEach((r, i) => {
        const isParam = b === program.param.block && i === program.param.index;
        ops.push({
          kind: 'gate',
          name: AXIS_NAMES[r.axis],
          qubits: [r.qubit],
          params: [r.angle + (isParam ? shift : 0)],
        });
      });
    } else if (block.kind === 'cz') {
      for (const [a, c] of block.pairs) ops.push({ kind: 'gate', name: 'cz', qubits: [a, c], params: [] });
    }
  });
  return { numQubits: program.numQubits, numClbits: 0, ops };
}

/**
 * The cost whose gradient the kernel returns: ⟨Z₀Z₁⟩ (McClean et al. 2018), the global cost 1 − p(0…0) or
 * the local cost (Cerezo et al. 2021). Here, not in the kernel, so that parameter checks on the page's
 * thread do not load the kernel.
 */
export type Cost = 'zz' | 'global' | 'local';
export const COSTS: readonly Cost[] = ['zz', 'global', 'local'];
