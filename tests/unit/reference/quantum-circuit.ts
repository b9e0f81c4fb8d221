/**
 * A test-only oracle: runs a gate list on quantum-circuit (a devDependency, an independent JavaScript
 * simulator) and reads expectation values from its amplitudes. Tests build their gate lists here by hand
 * from a circuit's written description, so neither the circuit nor its simulation comes from src/.
 * quantum-circuit, like src/sim, puts qubit 0 in the least significant bit of the basis index.
 */
import QuantumCircuit from 'quantum-circuit';

export type RefGate =
  | { name: 'h' | 'x' | 'y' | 'z' | 's' | 'sdg'; qubit: number }
  | { name: 'rx' | 'ry' | 'rz'; qubit: number; angle: number }
  | { name: 'cx' | 'cz'; control: number; target: number };

const PARAM: Record<string, string> = { rx: 'theta', ry: 'theta', rz: 'phi' };

/** Outcome probabilities of the 2ⁿ basis states after `gates` from |0…0⟩. */
export function referenceProbabilities(n: number, gates: readonly RefGate[]): number[] {
  const qc = new QuantumCircuit(n);
  for (const g of gates) {
    if ('control' in g) qc.appendGate(g.name, [g.control, g.target], {});
    else if ('angle' in g) qc.appendGate(g.name, g.qubit, { params: { [PARAM[g.name]]: g.angle } });
    else qc.appendGate(g.name, g.qubit, {});
  }
  qc.run();
  return Array.from({ length: 2 ** n }, (_, i) => {
    const a = qc.state[String(i)];
    return a ? a.re * a.re + a.im * a.im : 0;
  });
}

/**
 * ⟨P⟩ for a Pauli string written in Qiskit order (its last character acts on qubit 0): X and Y are
 * rotated to Z (H, and S† then H), then the parity of the measured support is averaged.
 */
export function referenceExpectation(n: number, gates: readonly RefGate[], pauli: string): number {
  if (pauli.length !== n) throw new Error(`Pauli string ${pauli} is not ${n} long`);
  const change: RefGate[] = [];
  let mask = 0;
  for (let q = 0; q < n; q++) {
    const c = pauli[n - 1 - q];
    if (c === 'I') continue;
    mask |= 1 << q;
    if (c === 'Y') change.push({ name: 'sdg', qubit: q });
    if (c === 'X' || c === 'Y') change.push({ name: 'h', qubit: q });
  }
  const probs = referenceProbabilities(n, [...gates, ...change]);
  return probs.reduce((sum, p, i) => {
    let bits = i & mask,
      parity = 0;
    while (bits) {
      parity ^= bits & 1;
      bits >>= 1;
    }
    return sum + (parity ? -p : p);
  }, 0);
}
