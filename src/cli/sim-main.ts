/**
 * `npm run sim -- run FILE.qasm|- [--noise DEVICE|none] [--shots N] [--seed S] [--max-qubits N]
 *   [--timeout SECONDS] [--max-input-bytes N] [--progress]`
 *
 * Prints {"qubits": n, "probabilities" | "counts": {bitstring: value}, "stats": {"gates", "simulate_ms"}}.
 * Bitstrings are qubit n−1 … qubit 0 (Qiskit order); only non-zero entries (probabilities below 1e-14 are
 * floating-point residue and are dropped). `-` reads the circuit from standard input. With --noise DEVICE the
 * density matrix runs the device's noise model and the readout error is applied to the distribution (and so
 * to the counts). `simulate_ms` times the simulation alone (not parsing, sampling or printing).
 * Runs longer than a few seconds report progress on stderr; --timeout stops them (exit 1). Exit codes and
 * the input cap: see io.ts.
 */
import { DENSITY_MATRIX_HARD_MAX, DensityMatrix } from '../sim/density';
import { deviceNoiseModelById, loadDevices } from '../sim/noise';
import { parseQasm } from '../sim/qasm';
import { createRng } from '../sim/rng';
import { formatBitstring, sampleCounts } from '../sim/sampling';
import { STATE_VECTOR_HARD_MAX, StateVector } from '../sim/statevector';
import { DEFAULT_LIMITS, SimulatorLimitError, type Circuit } from '../sim/types';
import { parseInteger, readFlags, readSeed, UsageError } from '../experiments/args';
import {
  DEFAULT_MAX_INPUT_BYTES,
  InputError,
  MAX_INPUT_ENV,
  maxInputBytes,
  PROGRESS_HELP,
  runClock,
  runCommand,
  timeoutMs,
  type CliIo,
} from './io';

const ZERO = 1e-14;

export const SIM_USAGE =
  'usage: npm run sim -- run FILE.qasm|- [--noise DEVICE|none] [--shots N] [--seed S] [--max-qubits N] [--timeout SECONDS] [--max-input-bytes N] [--progress]';

export const SIM_HELP = `${SIM_USAGE}

Runs an OpenQASM 2.0 circuit (FILE, or standard input with -) and prints JSON on stdout.

  --noise DEVICE|none   density matrix with the device's noise model (default none: state vector)
  --shots N             sample N shots (seeded) instead of printing probabilities
  --seed S              seed for --shots (default 1)
  --max-qubits N        qubit cap (default ${DEFAULT_LIMITS.stateVectorQubits}, ${DEFAULT_LIMITS.densityMatrixQubits} with --noise; at most ${STATE_VECTOR_HARD_MAX} / ${DENSITY_MATRIX_HARD_MAX})
  --timeout SECONDS     stop a run that takes longer (default: no limit)
  --max-input-bytes N   refuse input larger than N bytes (default ${DEFAULT_MAX_INPUT_BYTES}, or ${MAX_INPUT_ENV})
${PROGRESS_HELP}

Exit codes: 0 success; 2 the command line or its input was refused (bad flag or value, unknown device,
unreadable, too large or invalid circuit, over the qubit cap); 1 the run failed (timeout, internal error).
Errors are one line on stderr.
`;

export interface SimOutput {
  qubits: number;
  probabilities?: Record<string, number>;
  counts?: Record<string, number>;
  noise?: string;
  stats: { gates: number; simulate_ms: number };
}

/** The command line's flags, as read (absent flags take their defaults in `simulateCommand`). */
interface SimFlags {
  noise: string;
  shots: number;
  seed: number;
  maxQubits: number;
  timeoutMs: number;
  maxInputBytes: number;
  progress: boolean;
}

/** `--noise none` (or no --noise) runs the state vector; a device name runs its density-matrix noise model. */
function isNoisy(noise: string | undefined): boolean {
  return noise !== undefined && noise !== 'none';
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
  if (file === undefined || (file.startsWith('--') && file.length > 2))
    throw new UsageError(`missing circuit file; ${SIM_USAGE}`);
  const flags = readFlags<SimFlags>(
    rest,
    {
      noise: (noise) => {
        if (noise !== 'none' && !loadDevices().some((d) => d.id === noise)) {
          throw new UsageError(
            `--noise: unknown device '${noise}' (known: none, ${loadDevices()
              .map((d) => d.id)
              .join(', ')})`,
          );
        }
        return { noise };
      },
      shots: (s, flag) => ({ shots: parseInteger(s, flag, { min: 1, max: 1e9 }) }),
      seed: readSeed,
      'max-qubits': (s, flag, { noise }) => ({
        maxQubits: parseInteger(s, flag, {
          min: 1,
          max: isNoisy(noise) ? DENSITY_MATRIX_HARD_MAX : STATE_VECTOR_HARD_MAX,
        }),
      }),
      timeout: (s) => ({ timeoutMs: timeoutMs(s) }),
      'max-input-bytes': (s) => ({ maxInputBytes: maxInputBytes(s, io) }),
    },
    { progress: { progress: true } },
  );
  const noiseName = flags.noise ?? 'none';
  const noisy = isNoisy(noiseName);
  const shots = flags.shots ?? null;
  const seed = flags.seed ?? 1;
  const maxQubits = flags.maxQubits ?? (noisy ? DEFAULT_LIMITS.densityMatrixQubits : DEFAULT_LIMITS.stateVectorQubits);
  const budget = flags.timeoutMs ?? timeoutMs(undefined);
  const maxBytes = flags.maxInputBytes ?? maxInputBytes(undefined, io);
  const source = file === '-' ? '<stdin>' : file;
  // The budget covers reading and parsing too (a million-gate file takes seconds to parse).
  const clock = runClock(io, { timeoutMs: budget, unit: 'operations', verbose: flags.progress ?? false });

  let text: string;
  try {
    text = file === '-' ? io.readStdin(maxBytes) : io.readFile(file, maxBytes);
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = (err as { code?: string }).code;
    throw new InputError(
      code === 'ENOENT' ? `cannot read '${file}': no such file` : `cannot read '${file}': ${(err as Error).message}`,
    );
  }
  let circuit: Circuit;
  try {
    circuit = parseQasm(text, { maxInputChars: maxBytes });
  } catch (err) {
    throw new InputError(`${source}:${(err as Error).message}`);
  }
  const n = circuit.numQubits;
  if (n < 1) throw new InputError('the circuit declares no qubits');

  const onOp = (i: number, total: number) => clock.tick(i, total);
  let probs: Float64Array;
  let ms: number;
  let label: string | undefined;
  if (noisy) {
    const model = deviceNoiseModelById(noiseName);
    label = model.label;
    const virtual = new Set<string>(model.virtualGates);
    const wide = circuit.ops.find((o) => o.kind === 'gate' && o.qubits.length > 2 && !virtual.has(o.name));
    if (wide && wide.kind === 'gate') {
      throw new InputError(
        `noisy simulation of the ${wide.qubits.length}-qubit gate '${wide.name}' is not modelled; decompose it into 1- and 2-qubit gates`,
      );
    }
    const rho = newOrRefuse(() => new DensityMatrix(n, { maxQubits })); // cap checked before allocating
    const t0 = performance.now();
    rho.run(circuit, model, { onOp });
    ms = performance.now() - t0;
    probs = rho.measuredProbabilities(model);
  } else {
    const sv = newOrRefuse(() => new StateVector(n, { maxQubits }));
    const t0 = performance.now();
    sv.run(circuit, { onOp });
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

/** A simulator over its qubit cap is a refused request (exit 2), not a failed run. */
function newOrRefuse<T>(make: () => T): T {
  try {
    return make();
  } catch (err) {
    if (err instanceof SimulatorLimitError) throw new InputError(err.message);
    throw err;
  }
}

/** Exit code 0 with JSON on stdout; 2 or 1 (see io.ts) with one line on stderr. `--help` prints the usage. */
export function main(argv: readonly string[], io: CliIo): Promise<number> {
  return runCommand(argv, io, SIM_HELP, () => `${JSON.stringify(simulateCommand(argv, io))}\n`);
}
