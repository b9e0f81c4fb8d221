/**
 * `npm run sim -- run FILE.qasm [--noise DEVICE|none] [--shots N] [--seed S] [--max-qubits N]`
 *
 * Prints {"qubits": n, "probabilities" | "counts": {bitstring: value}, "stats": {"gates", "simulate_ms"}}.
 * Bitstrings are qubit n−1 … qubit 0 (Qiskit order); only non-zero entries (probabilities below 1e-14 are
 * floating-point residue and are dropped). `-` reads the circuit from standard input. With --noise DEVICE the
 * density matrix runs the device's noise model and the readout error is applied to the distribution (and so
 * to the counts). `simulate_ms` times the simulation alone (not parsing, sampling or printing).
 */
import { DENSITY_MATRIX_HARD_MAX, DensityMatrix } from '../sim/density';
import { deviceNoiseModelById, loadDevices } from '../sim/noise';
import { parseQasm } from '../sim/qasm';
import { createRng } from '../sim/rng';
import { formatBitstring, sampleCounts } from '../sim/sampling';
import { STATE_VECTOR_HARD_MAX, StateVector } from '../sim/statevector';
import { DEFAULT_LIMITS, type Circuit } from '../sim/types';
import { parseFlags, parseInteger, UsageError } from '../experiments/args';
import { reportError, type CliIo } from './io';

export const SIM_USAGE = 'usage: npm run sim -- run FILE.qasm|- [--noise DEVICE|none] [--shots N] [--seed S] [--max-qubits N]';
const ZERO = 1e-14;

export interface SimOutput {
  qubits: number;
  probabilities?: Record<string, number>;
  counts?: Record<string, number>;
  noise?: string;
  stats: { gates: number; simulate_ms: number };
}

function countGates(circuit: Circuit): number {
  let g = 0;
  for (const op of circuit.ops) if (op.kind === 'gate') g++;
  return g;
}

export function simulateCommand(argv: readonly string[], io: CliIo): SimOutput {
  const [command, file, ...rest] = argv;
  if (command === undefined) throw new UsageError(`missing command; ${SIM_USAGE}`);
  if (command !== 'run') throw new UsageError(`unknown command '${command}'; ${SIM_USAGE}`);
  if (file === undefined || (file.startsWith('--') && file.length > 2)) throw new UsageError(`missing circuit file; ${SIM_USAGE}`);
  const flags = parseFlags(rest, ['noise', 'shots', 'seed', 'max-qubits']);
  const noiseName = flags.get('noise') ?? 'none';
  const noisy = noiseName !== 'none';
  if (noisy && !loadDevices().some((d) => d.id === noiseName)) {
    throw new UsageError(`--noise: unknown device '${noiseName}' (known: none, ${loadDevices().map((d) => d.id).join(', ')})`);
  }
  const shots = flags.has('shots') ? parseInteger(flags.get('shots')!, '--shots', { min: 1, max: 1e9 }) : null;
  const seed = flags.has('seed') ? parseInteger(flags.get('seed')!, '--seed', { min: 0, max: 0xffffffff }) : 1;
  const hardMax = noisy ? DENSITY_MATRIX_HARD_MAX : STATE_VECTOR_HARD_MAX;
  const maxQubits = flags.has('max-qubits')
    ? parseInteger(flags.get('max-qubits')!, '--max-qubits', { min: 1, max: hardMax })
    : noisy ? DEFAULT_LIMITS.densityMatrixQubits : DEFAULT_LIMITS.stateVectorQubits;

  let text: string;
  try {
    text = file === '-' ? io.readStdin() : io.readFile(file);
  } catch (err) {
    const code = (err as { code?: string }).code;
    throw new Error(code === 'ENOENT' ? `cannot read '${file}': no such file` : `cannot read '${file}': ${(err as Error).message}`);
  }
  let circuit: Circuit;
  try {
    circuit = parseQasm(text);
  } catch (err) {
    throw new Error(`${file === '-' ? '<stdin>' : file}:${(err as Error).message}`);
  }
  const n = circuit.numQubits;
  if (n < 1) throw new Error('the circuit declares no qubits');

  let probs: Float64Array;
  let ms: number;
  let label: string | undefined;
  if (noisy) {
    const model = deviceNoiseModelById(noiseName);
    label = model.label;
    const rho = new DensityMatrix(n, { maxQubits }); // cap checked before allocating
    const t0 = performance.now();
    rho.run(circuit, model);
    ms = performance.now() - t0;
    probs = rho.measuredProbabilities(model);
  } else {
    const sv = new StateVector(n, { maxQubits });
    const t0 = performance.now();
    sv.run(circuit);
    ms = performance.now() - t0;
    probs = sv.probabilities();
  }
  const entries: Record<string, number> = {};
  if (shots !== null) {
    const counts = sampleCounts(probs, shots, createRng(seed));
    for (const k of [...counts.keys()].sort((x, y) => x - y)) entries[formatBitstring(k, n)] = counts.get(k)!;
  } else {
    for (let i = 0; i < probs.length; i++) if (probs[i] > ZERO) entries[formatBitstring(i, n)] = probs[i];
  }
  return {
    qubits: n,
    ...(shots !== null ? { counts: entries } : { probabilities: entries }),
    ...(label ? { noise: label } : {}),
    stats: { gates: countGates(circuit), simulate_ms: Number(ms.toFixed(3)) },
  };
}

/** Exit code 0 with JSON on stdout, or ≠ 0 with one line on stderr. */
export function main(argv: readonly string[], io: CliIo): number {
  try {
    const out = simulateCommand(argv, io);
    io.stdout(`${JSON.stringify(out)}\n`);
    return 0;
  } catch (err) {
    reportError(io, err);
    return err instanceof UsageError ? 2 : 1;
  }
}
