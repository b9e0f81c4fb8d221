/**
 * Loss landscapes: the cost of a random circuit on a grid of two of its angles, for several register sizes,
 * computed by the state-vector simulator (src/sim) point by point.
 *
 * Circuit for n qubits (seeded by deriveSeed(seed, n)): McClean et al.'s random circuit (RY(π/4) on every
 * qubit, then L layers of random-axis rotations with random angles, each followed by a CZ chain), then the two
 * swept gates RY(θ₁) on qubit 0 and RY(θ₂) on qubit 1; the cost is ⟨Z₀Z₁⟩. The swept gates are about Y because
 * an RZ there would commute with Z₀Z₁ and leave the cost flat along its angle for a trivial reason.
 * Every grid point is its own simulation of the two swept gates on a copy of the prepared state (the random part
 * is simulated once per n: it does not depend on θ₁, θ₂), followed by the exact expectation value.
 *
 * Coarse first: the sample index space runs through three levels of the grid, stride 4, then 2, then 1
 * (level ℓ holds the points whose row and column are multiples of its stride and not of the previous
 * level's). One sample is one grid row of one level for one panel; level-major, then panel, then row. So
 * every prefix that ends a level is a complete picture of every panel at that level's resolution (16×16,
 * then 32×32, then 64×64 for G = 64), and the coarse level costs 1/16 of the grid. A point's value depends
 * only on its angles (no randomness per sample), so any split across workers merges exactly.
 */
import { createRng, deriveSeed } from '../../sim/rng';
import { StateVector } from '../../sim/statevector';
import { throwIfAborted } from '../abort';
import { LruCache } from '../cache';
import { parseInteger, parseIntegerList, readFlags, readSeed } from '../args';
import { toCircuit } from '../../sim/layered-program';
import { mccleanProgram } from '../barren-plateau/program';
import { resolveRange } from '../samples';
import { defineExperiment } from '../run';
import type { Row, SampleRunOptions } from '../types';
import {
  gridAngles,
  landscapeSpec,
  levelColumns,
  MAX_QUBITS,
  sampleCoordinates,
  sampleCountOf,
  type LandscapeData,
  type LandscapeParams,
  type LandscapeSamples,
} from './spec';

export * from './spec';

/** The state after the random part of the circuit for n qubits (before the swept gates). */
export function preparedState(n: number, layers: number, seed: number): StateVector {
  const program = mccleanProgram(n, layers, createRng(deriveSeed(seed, n)));
  return new StateVector(n, { maxQubits: MAX_QUBITS }).run(toCircuit(program));
}

/** The cost ⟨Z₀Z₁⟩ after RY(θ₁) on qubit 0 and RY(θ₂) on qubit 1, simulated on a copy of `prepared` (into `work`). */
export function costAt(prepared: StateVector, work: StateVector, theta1: number, theta2: number): number {
  work.copyFrom(prepared);
  work.apply({ kind: 'gate', name: 'ry', qubits: [0], params: [theta1] });
  work.apply({ kind: 'gate', name: 'ry', qubits: [1], params: [theta2] });
  return work.expectationZ([0, 1]);
}

/**
 * Prepared states survive between calls: a worker computes a run in many short chunks of samples, and
 * preparing n = 12 after 100 layers costs more than a chunk. Keyed by (n, layers, seed); a few kept.
 */
const prepared = new LruCache<string, { prepared: StateVector; work: StateVector }>(8);

function preparedFor(n: number, layers: number, seed: number): { prepared: StateVector; work: StateVector } {
  return prepared.get(`${n}|${layers}|${seed}`, () => ({
    prepared: preparedState(n, layers, seed),
    work: new StateVector(n, { maxQubits: MAX_QUBITS }),
  }));
}

function runSamples(
  p: LandscapeParams,
  range: readonly [number, number],
  opts: SampleRunOptions<LandscapeSamples>,
): LandscapeSamples {
  const [start, end] = resolveRange(range, sampleCountOf(p));
  const thetas = gridAngles(p.grid);
  const out: LandscapeSamples = { rows: [] };
  let done = 0;
  for (let k = start; k < end; k++) {
    throwIfAborted(opts.signal);
    const { level, panel, row: i } = sampleCoordinates(k, p.qubits.length, p.grid);
    const n = p.qubits[panel];
    const st = preparedFor(n, p.layers, p.seed);
    const cols = levelColumns(level, i, p.grid);
    const values = new Array<number>(cols.length);
    for (let c = 0; c < cols.length; c++) {
      if ((c & 15) === 15) throwIfAborted(opts.signal);
      values[c] = costAt(st.prepared, st.work, thetas[cols[c]], thetas[i]);
    }
    out.rows.push({ k, values });
    done += cols.length * 2 ** n;
    opts.onRound?.(done, out);
  }
  return out;
}

export const landscape = /* @__PURE__ */ defineExperiment(landscapeSpec, {
  runSamples,
  cli: {
    usage: 'landscape --qubits 2,6,10 --layers 100 --grid 64 --seed 1',
    parseArgs(args) {
      return readFlags<LandscapeParams>(args, {
        qubits: (s, flag) => ({ qubits: parseIntegerList(s, flag, { min: 2, max: MAX_QUBITS }) }),
        layers: (s, flag) => ({ layers: parseInteger(s, flag, { min: 0, max: 1000 }) }),
        grid: (s, flag) => ({ grid: parseInteger(s, flag, { min: 8, max: 256 }) }),
        seed: readSeed,
      });
    },
    columns: ['qubits', 'theta1', 'theta2', 'cost'],
    rows(d: LandscapeData): Row[] {
      const rows: Row[] = [];
      for (const panel of d.panels) {
        for (let i = 0; i < d.grid; i++)
          for (let j = 0; j < d.grid; j++) {
            rows.push({
              qubits: panel.qubits,
              theta1: d.thetas[j],
              theta2: d.thetas[i],
              cost: panel.values[i * d.grid + j],
            });
          }
      }
      return rows;
    },
  },
});
