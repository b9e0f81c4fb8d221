/**
 * Times our own simulator on the reader's machine: seconds per gate pass at a register size, from a
 * short run of the ansatz's own gates (RY, then CZ) on a fresh StateVector, the fastest of ROUNDS rounds.
 * The work comes in steps small enough for one time slice each: `startTimer` allocates the register and
 * warms the code path (at 20 qubits, 16 MB and one pass), each `timeRound` times ≈ 1.3 ms of passes (at
 * least MIN_PASSES: two passes, ≈ 8 ms at 20 qubits). `now` is injectable so tests can count passes
 * without a clock.
 */
import { StateVector } from '../../sim/statevector';
import type { GateOp } from '../../sim/types';
import { BROWSER_MEASURED_MAX, N_MIN } from './model';

export const TIMED_SIZES: readonly number[] = Array.from(
  { length: BROWSER_MEASURED_MAX - N_MIN + 1 },
  (_, k) => N_MIN + k,
);

/** Target wall time of one measurement; at least MIN_PASSES gates are timed whatever it costs. */
export const TARGET_MS = 4;
export const MIN_PASSES = 2;
const MAX_PASSES = 1 << 16;
export const ROUNDS = 3;

/** One register size being timed: its register, its gates, and the rounds so far. */
export interface PassTimer {
  sv: StateVector;
  ops: readonly GateOp[];
  rounds: number;
  passes: number;
  best: number;
}

export function startTimer(n: number): PassTimer {
  const sv = new StateVector(n);
  const ops: GateOp[] = [
    { kind: 'gate', name: 'ry', qubits: [n - 1], params: [0.3] },
    { kind: 'gate', name: 'cz', qubits: [0, n - 1], params: [] },
  ];
  sv.apply(ops[0]); // warm the code path before timing
  return { sv, ops, rounds: 0, passes: 0, best: Number.POSITIVE_INFINITY };
}

/**
 * Times one round. The fastest round counts: a garbage collection or a JIT tier-up inside one round is not
 * the simulator's speed.
 */
export function timeRound(timer: PassTimer, now: () => number = () => performance.now()): void {
  let passes = 0;
  const t0 = now();
  let t = t0;
  while (passes < MAX_PASSES && (passes < MIN_PASSES || t - t0 < TARGET_MS / ROUNDS)) {
    timer.sv.apply(timer.ops[passes % 2]);
    passes++;
    t = now();
  }
  timer.rounds += 1;
  timer.passes += passes;
  timer.best = Math.min(timer.best, Math.max(t - t0, 1e-6) / 1e3 / passes);
}

/** Passes timed in all, and the seconds per pass of the fastest round. */
export function timerResult(timer: PassTimer): { passes: number; seconds: number } {
  return { passes: timer.passes, seconds: timer.best };
}

/** Units of work per register size for a sliced task: the start, then each round. */
export const UNITS_PER_SIZE = 1 + ROUNDS;

/** Accumulated timings of TIMED_SIZES, and the size being timed. */
export interface TimingProgress {
  seconds: Map<number, number>;
  timer?: PassTimer;
}

/**
 * Runs units [from, to) of timing every size of TIMED_SIZES, UNITS_PER_SIZE per size: the size's start, then
 * its rounds; after the last round its seconds per pass are recorded and its register let go.
 */
export function runTimingUnits(acc: TimingProgress, from: number, to: number): void {
  for (let k = from; k < to; k++) {
    const n = TIMED_SIZES[Math.floor(k / UNITS_PER_SIZE)];
    const unit = k % UNITS_PER_SIZE;
    if (unit === 0) {
      acc.timer = startTimer(n);
      continue;
    }
    if (!acc.timer) throw new Error(`timing unit ${k}: ${n} qubits has not started`);
    timeRound(acc.timer);
    if (unit === ROUNDS) {
      acc.seconds.set(n, timerResult(acc.timer).seconds);
      acc.timer = undefined;
    }
  }
}
