/**
 * Times our own simulator on the reader's machine: seconds per gate pass at a register size, from a
 * short run of the ansatz's own gates (RY, then CZ) on a fresh StateVector. Runs in one time slice per
 * size (≈ 4 ms of gates, or 3 × 2 passes at 20 qubits, ≈ 7 ms: a slice stays far below 50 ms).
 * `now` is injectable so tests can count passes without a clock.
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

export function timePass(n: number, now: () => number = () => performance.now()): { passes: number; seconds: number } {
  const sv = new StateVector(n);
  const ops: GateOp[] = [
    { kind: 'gate', name: 'ry', qubits: [n - 1], params: [0.3] },
    { kind: 'gate', name: 'cz', qubits: [0, n - 1], params: [] },
  ];
  sv.apply(ops[0]); // warm the code path before timing
  // The fastest of a few rounds: a garbage collection or a JIT tier-up inside one round is not the simulator's speed.
  let best = Number.POSITIVE_INFINITY;
  let total = 0;
  for (let round = 0; round < ROUNDS; round++) {
    let passes = 0;
    const t0 = now();
    let t = t0;
    while (passes < MAX_PASSES && (passes < MIN_PASSES || t - t0 < TARGET_MS / ROUNDS)) {
      sv.apply(ops[passes % 2]);
      passes++;
      t = now();
    }
    total += passes;
    best = Math.min(best, Math.max(t - t0, 1e-6) / 1e3 / passes);
  }
  return { passes: total, seconds: best };
}
