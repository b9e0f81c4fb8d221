import type { Circuit } from './types';

export interface CircuitStats {
  qubits: number;
  /** Two-qubit entangling gates (CX, CY, CZ, CP, CR*, SWAP counted as 3 CX-equivalents is NOT applied: counted once). */
  twoQubitGates: number;
  /** CNOTs (CX) only. */
  cnots: number;
  singleQubitGates: number;
  /** Gates on three or more qubits (CCX). */
  multiQubitGates: number;
  /** ASAP depth: every gate starts as soon as all of its qubits are free; barriers and measurements ignored. */
  depth: number;
}

/** Counts and ASAP-scheduled depth of a circuit, in one pass over its operations. */
export function circuitStats(circuit: Circuit): CircuitStats {
  const level = new Int32Array(circuit.numQubits);
  let cnots = 0,
    two = 0,
    single = 0,
    multi = 0,
    depth = 0;
  for (const op of circuit.ops) {
    if (op.kind !== 'gate') continue;
    if (op.name === 'id') continue;
    const q = op.qubits;
    if (q.length === 1) single++;
    else if (q.length === 2) {
      two++;
      if (op.name === 'cx') cnots++;
    } else multi++;
    let start = 0;
    for (const k of q) if (level[k] > start) start = level[k];
    const end = start + 1;
    for (const k of q) level[k] = end;
    if (end > depth) depth = end;
  }
  return {
    qubits: circuit.numQubits,
    twoQubitGates: two,
    cnots,
    singleQubitGates: single,
    multiQubitGates: multi,
    depth,
  };
}
