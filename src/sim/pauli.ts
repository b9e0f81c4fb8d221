/**
 * Pauli strings and observables.
 *
 * A Pauli string is written as Qiskit writes it: its LAST character acts on qubit 0, so "ZZI" on
 * three qubits is Z₂ Z₁ I₀. It is stored as two bit masks: P|i⟩ = i^{nY} · (−1)^{|i ∧ zMask|} · |i ⊕ xMask⟩
 * (each Y = i·X·Z contributes to both masks and a factor i).
 */
import { parity } from './bits';

export interface PauliMasks {
  /** Bits of qubits carrying X or Y. */
  xMask: number;
  /** Bits of qubits carrying Z or Y. */
  zMask: number;
  /** Number of Y factors (the operator carries the phase i^numY). */
  numY: number;
  /** Bits of qubits carrying a non-identity factor. */
  support: number;
}

export interface PauliTerm {
  coeff: number;
  pauli: string;
}

/** A single Pauli string, or a real linear combination of Pauli strings (a Hermitian observable). */
export type Observable = string | readonly PauliTerm[];

const PAULI_RE = /^[IXYZ]+$/;

/** Parses a Qiskit-order Pauli string on `numQubits` qubits; throws on bad letters or wrong length. */
export function parsePauli(pauli: string, numQubits: number): PauliMasks {
  if (typeof pauli !== 'string' || !PAULI_RE.test(pauli)) {
    throw new Error(`Pauli string '${pauli}' must consist of the letters I, X, Y, Z only`);
  }
  if (pauli.length !== numQubits) {
    throw new Error(
      `Pauli string '${pauli}' has ${pauli.length} letters but the state has ${numQubits} qubits (the last letter acts on qubit 0)`,
    );
  }
  let xMask = 0,
    zMask = 0,
    numY = 0;
  for (let k = 0; k < numQubits; k++) {
    const ch = pauli[numQubits - 1 - k];
    const bit = 1 << k;
    if (ch === 'X') xMask |= bit;
    else if (ch === 'Z') zMask |= bit;
    else if (ch === 'Y') {
      xMask |= bit;
      zMask |= bit;
      numY++;
    }
  }
  return { xMask, zMask, numY, support: xMask | zMask };
}

/** Builds a Qiskit-order Pauli string from a sparse description, e.g. pauliString(4, { 0: 'Z', 2: 'X' }) = "IXIZ". */
export function pauliString(numQubits: number, factors: Readonly<Record<number, 'I' | 'X' | 'Y' | 'Z'>>): string {
  const chars: string[] = new Array(numQubits).fill('I');
  for (const [key, letter] of Object.entries(factors)) {
    const q = Number(key);
    if (!Number.isInteger(q) || q < 0 || q >= numQubits)
      throw new Error(`pauliString: qubit ${key} out of range for ${numQubits} qubits`);
    chars[numQubits - 1 - q] = letter;
  }
  return chars.join('');
}

/** The observable as a list of weighted Pauli strings. */
export function observableTerms(obs: Observable): readonly PauliTerm[] {
  return typeof obs === 'string' ? [{ coeff: 1, pauli: obs }] : obs;
}

/** ⟨ψ|P|ψ⟩ for a state given as re/im arrays, one pass, no allocation. */
export function pauliExpectation(re: Float64Array, im: Float64Array, masks: PauliMasks): number {
  const { xMask, zMask, numY } = masks;
  const dim = re.length;
  let a = 0,
    b = 0; // Σ s_i · conj(ψ_j) ψ_i = a + ib, j = i ⊕ xMask
  if (xMask === 0) {
    for (let i = 0; i < dim; i++) {
      const p = re[i] * re[i] + im[i] * im[i];
      a += parity(i & zMask) ? -p : p;
    }
    return a;
  }
  for (let i = 0; i < dim; i++) {
    const j = i ^ xMask;
    const rr = re[j] * re[i] + im[j] * im[i];
    const ii = re[j] * im[i] - im[j] * re[i];
    if (parity(i & zMask)) {
      a -= rr;
      b -= ii;
    } else {
      a += rr;
      b += ii;
    }
  }
  switch (numY & 3) {
    case 0:
      return a;
    case 1:
      return -b;
    case 2:
      return -a;
    default:
      return b;
  }
}
