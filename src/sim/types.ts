/**
 * The simulator's circuit representation (the contract shared by the state-vector and
 * density-matrix back ends, the QASM reader/writer, experiments and figures).
 *
 * Conventions
 * - Qubit k is bit k of the basis-state index (little-endian, as Qiskit): |q_{n-1} … q_1 q_0>.
 *   Bitstrings printed for humans are written qubit n−1 … qubit 0 (Qiskit's order).
 * - Complex matrices are stored row-major, interleaved: [re00, im00, re01, im01, …].
 *   A 2-qubit matrix acts on (qubits[0], qubits[1]) with qubits[0] as the LOW bit of the 4×4 index
 *   (index = b0 + 2·b1), matching Qiskit's operator convention.
 * - Controlled gates list the control(s) first: cx [control, target], ccx [c0, c1, target].
 * - Angles in radians. U(θ, φ, λ) is Qiskit's U3.
 * - A Pauli string is written like Qiskit: its LAST character acts on qubit 0 ("ZZI" = Z2 Z1 I0).
 */

export const ONE_QUBIT_GATES = [
  'id',
  'x',
  'y',
  'z',
  'h',
  's',
  'sdg',
  't',
  'tdg',
  'sx',
  'sxdg',
  'rx',
  'ry',
  'rz',
  'p',
  'u',
] as const;
export const TWO_QUBIT_GATES = ['cx', 'cy', 'cz', 'swap', 'crx', 'cry', 'crz', 'cp'] as const;
export const THREE_QUBIT_GATES = ['ccx'] as const;

export type OneQubitGate = (typeof ONE_QUBIT_GATES)[number];
export type TwoQubitGate = (typeof TWO_QUBIT_GATES)[number];
export type GateName = OneQubitGate | TwoQubitGate | (typeof THREE_QUBIT_GATES)[number] | 'unitary';

/** Number of real parameters each named gate takes. */
export const GATE_PARAM_COUNT: Record<Exclude<GateName, 'unitary'>, number> = {
  id: 0,
  x: 0,
  y: 0,
  z: 0,
  h: 0,
  s: 0,
  sdg: 0,
  t: 0,
  tdg: 0,
  sx: 0,
  sxdg: 0,
  rx: 1,
  ry: 1,
  rz: 1,
  p: 1,
  u: 3,
  cx: 0,
  cy: 0,
  cz: 0,
  swap: 0,
  crx: 1,
  cry: 1,
  crz: 1,
  cp: 1,
  ccx: 0,
};

export interface GateOp {
  kind: 'gate';
  name: GateName;
  qubits: number[];
  params: number[];
  /** Only for name === 'unitary': a 2×2 or 4×4 complex matrix, interleaved row-major. */
  matrix?: Float64Array;
  /**
   * Optional: this gate's first parameter is the circuit's trainable parameter with this index
   * (used by parameter-shift and adjoint gradients). The value in `params[0]` is the current value.
   */
  paramIndex?: number;
}

export interface MeasureOp {
  kind: 'measure';
  qubit: number;
  clbit: number;
}

export interface BarrierOp {
  kind: 'barrier';
  qubits: number[];
}

export type Op = GateOp | MeasureOp | BarrierOp;

export interface Circuit {
  numQubits: number;
  numClbits: number;
  ops: Op[];
}

/** Options of `StateVector.run` / `DensityMatrix.run`. */
export interface RunOptions {
  /** Called before operation `index` of `total` (progress, time budgets); may throw to stop the run. */
  onOp?(index: number, total: number): void;
}

/** Thrown when a request exceeds a hard cap (checked before any allocation). */
export class SimulatorLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SimulatorLimitError';
  }
}

/** Browser caps (the CLI may raise them explicitly). */
export const DEFAULT_LIMITS = { stateVectorQubits: 20, densityMatrixQubits: 10 } as const;
