/**
 * State-vector simulator benchmark: time per gate at n = 10, 14, 16, 20 qubits on identical seeded
 * random circuits (RX/RY/RZ on random qubits, CX/CZ on random pairs), ours vs quantum-circuit vs
 * jsqubits in the same process, vs one streaming pass over a state of the same size (the memory-
 * bandwidth floor: an in-place complex multiply over both 2^n-double arrays, the traffic of one gate).
 *
 * Every simulator starts from the uniform superposition (H on every qubit, not timed) so all of them
 * work on a dense state. Peers run a prefix of the same circuit (fewer gates: they are slow); a peer is
 * skipped at sizes where even a handful of gates would take minutes or gigabytes. Best of several
 * repetitions is reported (the machine is shared, so the minimum is the least noisy estimate).
 */
import QuantumCircuit from 'quantum-circuit';
import { jsqubits } from 'jsqubits';
import { StateVector } from '../src/sim/statevector';
import { randomCircuit } from '../src/sim/circuit-builder';
import type { Circuit, GateOp } from '../src/sim/types';

const SIZES = [10, 14, 16, 20] as const;
const GATES = ['rx', 'ry', 'rz', 'cx', 'cz'] as const;
/** Peer gate counts per size; 0 = skipped (with the reason printed). */
const PEER_GATES: Record<number, number> = { 10: 200, 14: 40, 16: 12, 20: 0 };
const PEER_SKIP_REASON = 'skipped: object-per-amplitude peers need minutes and GBs at 2^20 amplitudes';

function bestOf(reps: number, fn: () => number): number {
  let best = Infinity;
  for (let r = 0; r < reps; r++) best = Math.min(best, fn());
  return best;
}

function gateOps(c: Circuit): GateOp[] {
  return c.ops.filter((o): o is GateOp => o.kind === 'gate');
}

function hLayer(sv: StateVector): void {
  for (let q = 0; q < sv.numQubits; q++) sv.apply({ kind: 'gate', name: 'h', qubits: [q], params: [] });
}

/** µs per gate for our simulator over the whole circuit. */
function timeOurs(n: number, ops: GateOp[], reps: number): number {
  const sv = new StateVector(n, { maxQubits: n });
  return bestOf(reps, () => {
    sv.reset();
    hLayer(sv);
    const t0 = performance.now();
    for (const op of ops) sv.apply(op);
    return ((performance.now() - t0) * 1000) / ops.length;
  });
}

/** One streaming pass: in-place complex multiply of every amplitude (a global phase), the traffic of one gate. */
function streamPass(re: Float64Array, im: Float64Array, c: number, s: number): void {
  const dim = re.length;
  for (let i = 0; i < dim; i++) {
    const r = re[i],
      m = im[i];
    re[i] = r * c - m * s;
    im[i] = r * s + m * c;
  }
}

/** µs per streaming pass over a state of n qubits (top-level kernel so V8 optimises it like ours). */
function timeFloor(n: number, reps: number): number {
  const dim = 2 ** n;
  const re = new Float64Array(dim).fill(1 / Math.sqrt(dim)),
    im = new Float64Array(dim);
  const passes = Math.max(4, Math.round(2 ** 24 / dim));
  const c = Math.cos(1e-3),
    s = Math.sin(1e-3);
  for (let p = 0; p < 3; p++) streamPass(re, im, c, s); // warm-up
  return bestOf(reps, () => {
    const t0 = performance.now();
    for (let p = 0; p < passes; p++) streamPass(re, im, c, s);
    return ((performance.now() - t0) * 1000) / passes;
  });
}

const QC_PARAM: Record<string, string> = { rx: 'theta', ry: 'theta', rz: 'phi' };

function timeQuantumCircuit(n: number, ops: GateOp[], reps: number): number {
  const build = (withGates: boolean) => {
    const qc = new QuantumCircuit(n);
    for (let q = 0; q < n; q++) qc.appendGate('h', q);
    if (withGates) {
      for (const op of ops) {
        const p = QC_PARAM[op.name];
        qc.appendGate(
          op.name,
          op.qubits.length === 1 ? op.qubits[0] : op.qubits,
          p ? { params: { [p]: op.params[0] } } : {},
        );
      }
    }
    return qc;
  };
  // quantum-circuit runs a whole circuit at once: time (H layer + gates) − (H layer).
  const timeRun = (qc: QuantumCircuit) => {
    const t0 = performance.now();
    qc.run();
    return performance.now() - t0;
  };
  const base = bestOf(reps, () => timeRun(build(false)));
  const full = bestOf(reps, () => timeRun(build(true)));
  return (Math.max(0, full - base) * 1000) / ops.length;
}

function timeJsqubits(n: number, ops: GateOp[], reps: number): number {
  return bestOf(reps, () => {
    let s = jsqubits('|' + '0'.repeat(n) + '>').hadamard(jsqubits.ALL);
    const t0 = performance.now();
    for (const op of ops) {
      const [a, b] = op.qubits;
      switch (op.name) {
        case 'rx':
          s = s.rotateX(a, op.params[0]);
          break;
        case 'ry':
          s = s.rotateY(a, op.params[0]);
          break;
        case 'rz':
          s = s.rotateZ(a, op.params[0]);
          break;
        case 'cx':
          s = s.cnot(a, b);
          break;
        case 'cz':
          s = s.controlledZ(a, b);
          break;
        default:
          throw new Error(`unexpected gate ${op.name}`);
      }
    }
    return ((performance.now() - t0) * 1000) / ops.length;
  });
}

/** µs per gate of each kind separately (ours), to show which kernels sit near the floor. */
function perKind(n: number, reps: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const name of ['h', 'rx', 'ry', 'rz', 'p', 'u', 'cx', 'cz', 'cp', 'crx', 'swap', 'ccx'] as const) {
    const c = randomCircuit(n, Math.max(16, Math.round(2 ** 25 / 2 ** n)), 7, { gates: [name] });
    out[name] = timeOurs(n, gateOps(c), reps);
  }
  return out;
}

const fmt = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const pad = (s: string, w: number) => s.padStart(w);

export async function run(): Promise<void> {
  console.log(
    'Random circuits: RX/RY/RZ and CX/CZ, seed 2024, from |+…+⟩. Times are best of several runs, µs per gate.',
  );
  console.log(
    'floor = one streaming in-place complex multiply over re[2^n] and im[2^n] (the memory traffic of one gate).\n',
  );
  const header = [
    'n',
    'ours µs/gate',
    'floor µs',
    'ours/floor',
    'q-circuit µs/gate',
    'qc/ours',
    'jsqubits µs/gate',
    'jsq/ours',
  ];
  const widths = [3, 13, 10, 11, 18, 9, 17, 9];
  console.log(header.map((h, i) => pad(h, widths[i])).join(' '));
  const notes: string[] = [];
  for (const n of SIZES) {
    const gatesOurs = Math.max(64, Math.round(2 ** 26 / 2 ** n));
    const circuit = randomCircuit(n, gatesOurs, 2024 + n, { gates: GATES });
    const ops = gateOps(circuit);
    // alternate ours and the floor so both see the same load on a shared machine
    let ours = Infinity,
      floor = Infinity;
    for (let r = 0; r < 5; r++) {
      ours = Math.min(ours, timeOurs(n, ops, 1));
      floor = Math.min(floor, timeFloor(n, 1));
    }
    const k = PEER_GATES[n];
    let qc = NaN,
      jsq = NaN;
    if (k > 0) {
      const prefix = ops.slice(0, k);
      qc = timeQuantumCircuit(n, prefix, n >= 16 ? 1 : 3);
      jsq = timeJsqubits(n, prefix, n >= 16 ? 1 : 3);
      notes.push(`n=${n}: ours timed over ${ops.length} gates; peers over the first ${k} gates of the same circuit.`);
    } else {
      notes.push(`n=${n}: ours timed over ${ops.length} gates; peers ${PEER_SKIP_REASON}.`);
    }
    const row = [
      String(n),
      fmt(ours),
      fmt(floor),
      `${(ours / floor).toFixed(2)}×`,
      Number.isNaN(qc) ? 'skipped' : fmt(qc),
      Number.isNaN(qc) ? '—' : `${fmt(qc / ours)}×`,
      Number.isNaN(jsq) ? 'skipped' : fmt(jsq),
      Number.isNaN(jsq) ? '—' : `${fmt(jsq / ours)}×`,
    ];
    console.log(row.map((c, i) => pad(c, widths[i])).join(' '));
  }
  for (const note of notes) console.log('  ' + note);

  for (const n of [14, 20]) {
    const floor = timeFloor(n, 7);
    const kinds = perKind(n, 3);
    console.log(`\nPer gate kind at n=${n} (ours, µs/gate; floor ${fmt(floor)} µs):`);
    console.log(
      Object.entries(kinds)
        .map(([g, t]) => `${g} ${fmt(t)} (${(t / floor).toFixed(2)}×)`)
        .join(' · '),
    );
  }
}
