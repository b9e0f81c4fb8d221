/**
 * Gate matrices for every gate of the circuit IR (src/sim/types.ts), following Qiskit's definitions.
 *
 * Layout: a gate on k qubits is a 2^k × 2^k complex matrix, row-major and interleaved
 * ([re00, im00, re01, im01, …]); qubits[0] is the LOW bit of the matrix index. Controlled gates list
 * their control(s) first, so for cx [c, t] the control is bit 0 of the 4×4 index.
 *
 * `writeGateMatrix` fills a caller-owned buffer (used by the simulators so that applying a gate does
 * not allocate); `gateMatrix` is the allocating convenience used by tests and the density-matrix side.
 */
import { GATE_PARAM_COUNT, type GateName, type GateOp } from './types';

const SQRT1_2 = Math.SQRT1_2;
/** Reused 2×2 scratch for controlled blocks (single-threaded JS: no re-entrancy). */
const blockScratch = new Float64Array(8);

/** Number of qubits a named gate acts on (for 'unitary': from the matrix size). */
export function gateArity(name: GateName, matrix?: Float64Array): number {
  switch (name) {
    case 'cx':
    case 'cy':
    case 'cz':
    case 'swap':
    case 'crx':
    case 'cry':
    case 'crz':
    case 'cp':
      return 2;
    case 'ccx':
      return 3;
    case 'unitary': {
      if (!matrix) throw new Error("gate 'unitary' needs a matrix");
      const len = matrix.length;
      if (len === 8) return 1;
      if (len === 32) return 2;
      if (len === 128) return 3;
      throw new Error(
        `gate 'unitary': matrix has ${len} numbers; expected 8 (2×2), 32 (4×4) or 128 (8×8) interleaved complex entries`,
      );
    }
    default:
      return 1;
  }
}

/** Throws a readable Error when an op is malformed (wrong arity, parameter count, repeated or bad qubits). */
export function validateGateOp(op: GateOp, numQubits?: number): void {
  const arity = gateArity(op.name, op.matrix);
  if (op.name !== 'unitary') {
    const want = GATE_PARAM_COUNT[op.name];
    if (want === undefined) throw new Error(`unknown gate '${String(op.name)}'`);
    if (op.params.length !== want) {
      throw new Error(`gate '${op.name}' takes ${want} parameter(s), got ${op.params.length}`);
    }
    for (const p of op.params)
      if (!Number.isFinite(p)) throw new Error(`gate '${op.name}': parameter ${p} is not a finite number`);
  }
  if (op.qubits.length !== arity) {
    throw new Error(`gate '${op.name}' acts on ${arity} qubit(s), got ${op.qubits.length}`);
  }
  for (let i = 0; i < op.qubits.length; i++) {
    const q = op.qubits[i];
    if (!Number.isInteger(q) || q < 0 || (numQubits !== undefined && q >= numQubits)) {
      throw new Error(
        `gate '${op.name}': qubit ${q} is out of range${numQubits !== undefined ? ` (circuit has ${numQubits})` : ''}`,
      );
    }
    for (let j = 0; j < i; j++) {
      if (op.qubits[j] === q) throw new Error(`gate '${op.name}': qubit ${q} used twice`);
    }
  }
}

/** Writes a 2×2 single-qubit matrix for the named 1-qubit gate into out[off..off+8). */
function write1q(name: GateName, p: number[], out: Float64Array, off: number): void {
  let a = 1,
    b = 0,
    c = 0,
    d = 0,
    e = 0,
    f = 0,
    g = 1,
    h = 0; // [[a+bi, c+di],[e+fi, g+hi]]
  switch (name) {
    case 'id':
      break;
    case 'x':
      a = 0;
      c = 1;
      e = 1;
      g = 0;
      break;
    case 'y':
      a = 0;
      d = -1;
      f = 1;
      g = 0;
      break;
    case 'z':
      g = -1;
      break;
    case 'h':
      a = SQRT1_2;
      c = SQRT1_2;
      e = SQRT1_2;
      g = -SQRT1_2;
      break;
    case 's':
      g = 0;
      h = 1;
      break;
    case 'sdg':
      g = 0;
      h = -1;
      break;
    case 't':
      g = SQRT1_2;
      h = SQRT1_2;
      break;
    case 'tdg':
      g = SQRT1_2;
      h = -SQRT1_2;
      break;
    case 'sx':
      a = 0.5;
      b = 0.5;
      c = 0.5;
      d = -0.5;
      e = 0.5;
      f = -0.5;
      g = 0.5;
      h = 0.5;
      break;
    case 'sxdg':
      a = 0.5;
      b = -0.5;
      c = 0.5;
      d = 0.5;
      e = 0.5;
      f = 0.5;
      g = 0.5;
      h = -0.5;
      break;
    case 'rx':
    case 'ry':
    case 'rz': {
      // cos(θ/2) on the diagonal, and ±sin(θ/2) (times −i for X) where the axis puts it.
      const co = Math.cos(p[0] / 2),
        si = Math.sin(p[0] / 2);
      a = co;
      g = co;
      if (name === 'rx') {
        d = -si;
        f = -si;
      } else if (name === 'ry') {
        c = -si;
        e = si;
      } else {
        b = -si;
        h = si;
      }
      break;
    }
    case 'p':
      g = Math.cos(p[0]);
      h = Math.sin(p[0]);
      break;
    case 'u': {
      const co = Math.cos(p[0] / 2),
        si = Math.sin(p[0] / 2);
      const phi = p[1],
        lam = p[2];
      a = co;
      c = -Math.cos(lam) * si;
      d = -Math.sin(lam) * si;
      e = Math.cos(phi) * si;
      f = Math.sin(phi) * si;
      g = Math.cos(phi + lam) * co;
      h = Math.sin(phi + lam) * co;
      break;
    }
    default:
      throw new Error(`'${name}' is not a single-qubit gate`);
  }
  out[off] = a;
  out[off + 1] = b;
  out[off + 2] = c;
  out[off + 3] = d;
  out[off + 4] = e;
  out[off + 5] = f;
  out[off + 6] = g;
  out[off + 7] = h;
}

/** The target-qubit 2×2 block of a controlled 2-qubit gate (cx → X, crz → RZ, cp → P, …). */
export function controlledBase(name: GateName): GateName | null {
  switch (name) {
    case 'cx':
      return 'x';
    case 'cy':
      return 'y';
    case 'cz':
      return 'z';
    case 'crx':
      return 'rx';
    case 'cry':
      return 'ry';
    case 'crz':
      return 'rz';
    case 'cp':
      return 'p';
    default:
      return null;
  }
}

/** Writes the 2×2 matrix of a 1-qubit gate op's target block into `out` (length ≥ 8). Used by kernels. */
export function writeTargetBlock(name: GateName, params: number[], out: Float64Array): void {
  write1q(name, params, out, 0);
}

/**
 * Fills `out` (length ≥ 2·4^k) with the gate's matrix and returns its dimension 2^k.
 * Entries not set by the gate are zeroed.
 */
export function writeGateMatrix(op: GateOp, out: Float64Array): number {
  const k = gateArity(op.name, op.matrix);
  const dim = 1 << k;
  if (op.name === 'unitary') {
    out.set(op.matrix as Float64Array);
    return dim;
  }
  if (k === 1) {
    write1q(op.name, op.params, out, 0);
    return 2;
  }
  out.fill(0, 0, 2 * dim * dim);
  const set = (r: number, c: number, re: number, im: number) => {
    out[2 * (r * dim + c)] = re;
    out[2 * (r * dim + c) + 1] = im;
  };
  if (op.name === 'swap') {
    set(0, 0, 1, 0);
    set(1, 2, 1, 0);
    set(2, 1, 1, 0);
    set(3, 3, 1, 0);
    return 4;
  }
  if (op.name === 'ccx') {
    for (let i = 0; i < 8; i++) if (i !== 3 && i !== 7) set(i, i, 1, 0);
    set(3, 7, 1, 0);
    set(7, 3, 1, 0);
    return 8;
  }
  const base = controlledBase(op.name);
  if (base === null) throw new Error(`no matrix for gate '${op.name}'`);
  const u = blockScratch;
  write1q(base, op.params, u, 0);
  // control = bit 0, target = bit 1: identity on indices 0 (00) and 2 (t=1,c=0); U on {1, 3}.
  set(0, 0, 1, 0);
  set(2, 2, 1, 0);
  set(1, 1, u[0], u[1]);
  set(1, 3, u[2], u[3]);
  set(3, 1, u[4], u[5]);
  set(3, 3, u[6], u[7]);
  return 4;
}

/** The gate's matrix (2×2, 4×4 or 8×8 complex, interleaved row-major, qubits[0] = low bit). */
export function gateMatrix(op: GateOp): Float64Array {
  validateGateOp(op);
  const dim = 1 << gateArity(op.name, op.matrix);
  const out = new Float64Array(2 * dim * dim);
  writeGateMatrix(op, out);
  return out;
}

/** Conjugate transpose of a square interleaved complex matrix. */
export function adjointMatrix(m: Float64Array): Float64Array {
  const dim = Math.round(Math.sqrt(m.length / 2));
  const out = new Float64Array(m.length);
  for (let r = 0; r < dim; r++) {
    for (let c = 0; c < dim; c++) {
      out[2 * (c * dim + r)] = m[2 * (r * dim + c)];
      out[2 * (c * dim + r) + 1] = -m[2 * (r * dim + c) + 1];
    }
  }
  return out;
}

/** Fixed gates whose inverse is another named gate. */
const INVERSE_NAME: Partial<Record<GateName, GateName>> = {
  s: 'sdg',
  sdg: 's',
  t: 'tdg',
  tdg: 't',
  sx: 'sxdg',
  sxdg: 'sx',
};

/** The inverse of a gate as another gate op (U(θ,φ,λ)† = U(−θ,−λ,−φ); rotations negate their angle). */
export function inverseGate(op: GateOp): GateOp {
  const inv = (name: GateName, params: number[] = op.params): GateOp => ({
    kind: 'gate',
    name,
    qubits: op.qubits,
    params,
  });
  const named = INVERSE_NAME[op.name];
  if (named) return inv(named);
  switch (op.name) {
    case 'rx':
    case 'ry':
    case 'rz':
    case 'p':
    case 'crx':
    case 'cry':
    case 'crz':
    case 'cp':
      return inv(op.name, [-op.params[0]]);
    case 'u':
      return inv('u', [-op.params[0], -op.params[2], -op.params[1]]);
    case 'unitary':
      return {
        kind: 'gate',
        name: 'unitary',
        qubits: op.qubits,
        params: [],
        matrix: adjointMatrix(op.matrix as Float64Array),
      };
    default:
      return inv(op.name);
  }
}
