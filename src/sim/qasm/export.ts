/** Circuit IR → OpenQASM 2.0 text. */
import type { Circuit, GateName } from '../types';

const PI = Math.PI;

/** Angle as QASM text: exact multiples k·pi/d are written symbolically, everything else round-trips exactly. */
export function formatAngle(x: number): string {
  if (x === 0) return '0';
  for (const d of [1, 2, 3, 4, 6, 8]) {
    const k = Math.round((x * d) / PI);
    if (k === 0 || Math.abs(k) > 64) continue;
    const sign = k < 0 ? '-' : '';
    const ak = Math.abs(k);
    const num = ak === 1 ? 'pi' : `${ak}*pi`;
    // evaluate the way parseQasm will: (ak*pi)/d, then negate
    const v = (ak === 1 ? PI : ak * PI) / d;
    if ((k < 0 ? -v : v) === x) return d === 1 ? `${sign}${num}` : `${sign}${num}/${d}`;
  }
  return String(x);
}

const EXPORT_NAME: Partial<Record<GateName, string>> = { u: 'u3' };

/** ZYZ Euler angles of a 2×2 unitary: U = e^{iα} U3(θ, φ, λ). */
function u3Angles(m: Float64Array): [number, number, number] {
  const [ar, ai, br, bi, cr, ci, dr, di] = m;
  const a = Math.hypot(ar, ai),
    c = Math.hypot(cr, ci);
  const theta = 2 * Math.atan2(c, a);
  const argA = Math.atan2(ai, ar),
    argB = Math.atan2(bi, br),
    argC = Math.atan2(ci, cr),
    argD = Math.atan2(di, dr);
  // M = e^{iα}·U3: arg M00 = α, arg M10 = α+φ, arg M01 = α+λ+π, arg M11 = α+φ+λ.
  let phi: number, lambda: number;
  if (c < 1e-12) {
    phi = 0;
    lambda = argD - argA;
  } // θ = 0: only φ+λ matters
  else if (a < 1e-12) {
    phi = argC;
    lambda = argB - PI;
  } // θ = π: choose α = 0
  else {
    phi = argC - argA;
    lambda = argB - PI - argA;
  }
  return [theta, phi, lambda];
}

/**
 * Writes a circuit as OpenQASM 2.0 (one `qreg q[n]`, one `creg c[m]`), using qelib1.inc names.
 * A 1-qubit 'unitary' op is written as u3 (exact up to a global phase); 2- and 3-qubit 'unitary' ops
 * have no OpenQASM 2.0 form and make toQasm throw.
 */
export function toQasm(circuit: Circuit): string {
  const lines = ['OPENQASM 2.0;', 'include "qelib1.inc";', `qreg q[${circuit.numQubits}];`];
  if (circuit.numClbits > 0) lines.push(`creg c[${circuit.numClbits}];`);
  const qs = (qubits: number[]) => qubits.map((q) => `q[${q}]`).join(',');
  for (const o of circuit.ops) {
    if (o.kind === 'measure') {
      lines.push(`measure q[${o.qubit}] -> c[${o.clbit}];`);
      continue;
    }
    if (o.kind === 'barrier') {
      if (o.qubits.length > 0) lines.push(`barrier ${qs(o.qubits)};`);
      continue;
    }
    if (o.name === 'unitary') {
      if (o.qubits.length !== 1 || !o.matrix)
        throw new Error(`toQasm: a ${o.qubits.length}-qubit 'unitary' op has no OpenQASM 2.0 form`);
      lines.push(`u3(${u3Angles(o.matrix).map(formatAngle).join(',')}) ${qs(o.qubits)};`);
      continue;
    }
    const name = EXPORT_NAME[o.name] ?? o.name;
    const params = o.params.length ? `(${o.params.map(formatAngle).join(',')})` : '';
    lines.push(`${name}${params} ${qs(o.qubits)};`);
  }
  return lines.join('\n') + '\n';
}
