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
 * Sample index k ↔ (panel = ⌊k / G⌋, grid row = k mod G): one row of G points per sample, so partial results
 * arrive row by row and any split across workers merges exactly.
 */
import { createRng, deriveSeed } from '../../sim/rng';
import { StateVector } from '../../sim/statevector';
import { throwIfAborted } from '../abort';
import { parseFlags, parseInteger, parseIntegerList } from '../args';
import { mccleanProgram, toCircuit } from '../barren-plateau/program';
import { resolveRange } from '../samples';
import type { ExperimentDefinition, Row } from '../types';

export interface LandscapeParams {
  /** Register sizes, one panel each. */
  qubits: number[];
  /** Random layers before the swept gates. */
  layers: number;
  /** Grid points per axis (θ ∈ [0, 2π), G values each). */
  grid: number;
  seed: number;
}

export interface LandscapePanel {
  qubits: number;
  /** G×G costs, row-major: values[i·G + j] at θ₂ = θ(i) (row), θ₁ = θ(j) (column); null = not computed yet. */
  values: Array<number | null>;
  rowsDone: number;
  min: number;
  max: number;
  /** Standard deviation of the cost over the computed grid points. */
  std: number;
  /** Largest |∂C/∂θ| on the grid (central differences, periodic), over both angles. */
  maxSlope: number;
}

export interface LandscapeData {
  grid: number;
  /** The grid angles θ(i) = 2π·i/G. */
  thetas: number[];
  panels: LandscapePanel[];
}

export interface LandscapeSamples {
  rows: Array<{ k: number; values: number[] }>;
}

export const LANDSCAPE_VERSION = 'landscape@1';
const MAX_QUBITS = 16;

export function gridAngles(g: number): number[] {
  return Array.from({ length: g }, (_, i) => (2 * Math.PI * i) / g);
}

function normalize(input: Partial<LandscapeParams>): LandscapeParams {
  const qubits = input.qubits ?? [2, 6, 10];
  const layers = input.layers ?? 100;
  const grid = input.grid ?? 64;
  const seed = input.seed ?? 1;
  if (qubits.length === 0) throw new Error('qubits needs at least one value');
  for (const n of qubits) {
    if (!Number.isInteger(n) || n < 2 || n > MAX_QUBITS) throw new Error(`qubits: ${n} is not a whole number in 2…${MAX_QUBITS}`);
  }
  if (!Number.isInteger(layers) || layers < 0 || layers > 1000) throw new Error(`layers: ${layers} is not a whole number in 0…1000`);
  if (!Number.isInteger(grid) || grid < 8 || grid > 256) throw new Error(`grid: ${grid} is not a whole number in 8…256`);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new Error(`seed: ${seed} is not a whole number in 0…4294967295`);
  return { qubits: [...qubits], layers, grid, seed };
}

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

function runSamples(
  p: LandscapeParams,
  range: readonly [number, number],
  opts: { signal?: AbortSignal; onRound?(doneWork: number, samples: LandscapeSamples): void },
): LandscapeSamples {
  const [start, end] = resolveRange(range, p.qubits.length * p.grid);
  const thetas = gridAngles(p.grid);
  const out: LandscapeSamples = { rows: [] };
  const states = new Map<number, { prepared: StateVector; work: StateVector }>();
  let done = 0;
  for (let k = start; k < end; k++) {
    throwIfAborted(opts.signal);
    const n = p.qubits[Math.floor(k / p.grid)];
    const i = k % p.grid;
    let st = states.get(n);
    if (!st) {
      const prepared = preparedState(n, p.layers, p.seed);
      st = { prepared, work: new StateVector(n, { maxQubits: MAX_QUBITS }) };
      states.set(n, st);
    }
    const values = new Array<number>(p.grid);
    for (let j = 0; j < p.grid; j++) {
      if ((j & 15) === 15) throwIfAborted(opts.signal);
      values[j] = costAt(st.prepared, st.work, thetas[j], thetas[i]);
    }
    out.rows.push({ k, values });
    done += workOf(n, p.grid);
    opts.onRound?.(done, out);
  }
  return out;
}

function workOf(n: number, grid: number): number {
  return grid * 2 ** n;
}

function merge(_p: LandscapeParams, parts: readonly LandscapeSamples[]): LandscapeSamples {
  const byK = new Map<number, number[]>();
  for (const part of parts) for (const r of part.rows) if (!byK.has(r.k)) byK.set(r.k, r.values);
  return { rows: [...byK.entries()].sort((a, b) => a[0] - b[0]).map(([k, values]) => ({ k, values })) };
}

function summarize(p: LandscapeParams, s: LandscapeSamples): LandscapeData {
  const G = p.grid;
  const h = (2 * Math.PI) / G;
  const panels: LandscapePanel[] = p.qubits.map((n) => ({ qubits: n, values: new Array<number | null>(G * G).fill(null), rowsDone: 0, min: NaN, max: NaN, std: NaN, maxSlope: NaN }));
  for (const r of s.rows) {
    const panel = panels[Math.floor(r.k / G)];
    const i = r.k % G;
    for (let j = 0; j < G; j++) panel.values[i * G + j] = r.values[j];
    panel.rowsDone++;
  }
  for (const panel of panels) {
    let min = Infinity, max = -Infinity, sum = 0, sum2 = 0, count = 0, slope = 0;
    const v = panel.values;
    for (let i = 0; i < G; i++) {
      for (let j = 0; j < G; j++) {
        const c = v[i * G + j];
        if (c === null) continue;
        min = Math.min(min, c); max = Math.max(max, c); sum += c; sum2 += c * c; count++;
        const right = v[i * G + ((j + 1) % G)], left = v[i * G + ((j + G - 1) % G)];
        if (right !== null && left !== null) slope = Math.max(slope, Math.abs(right - left) / (2 * h));
        const up = v[((i + 1) % G) * G + j], down = v[((i + G - 1) % G) * G + j];
        if (up !== null && down !== null) slope = Math.max(slope, Math.abs(up - down) / (2 * h));
      }
    }
    if (count > 0) {
      panel.min = min; panel.max = max;
      const mean = sum / count;
      panel.std = Math.sqrt(Math.max(0, sum2 / count - mean * mean));
      panel.maxSlope = slope;
    }
  }
  return { grid: G, thetas: gridAngles(G), panels };
}

function method(p: LandscapeParams): string {
  return `For each register size n, one random circuit from seed deriveSeed(${p.seed}, n): McClean et al. (2018)'s construction — RY(π/4) on every qubit, then ${p.layers} layers of one rotation per qubit about an axis drawn uniformly from {X, Y, Z} by an angle uniform in [0, 2π), each followed by CZ on neighbours (0,1), (1,2), … — then the two swept gates RY(θ₁) on qubit 0 and RY(θ₂) on qubit 1. The cost is ⟨Z₀Z₁⟩, exact from the state vector (no shots). θ₁ and θ₂ each take ${p.grid} values 2πk/${p.grid}; every one of the ${p.grid}×${p.grid} points is a separate simulation of the swept gates on the prepared state (the random part does not depend on them and is simulated once per n). Reported per panel: the range, the standard deviation over the grid, and the steepest slope (central differences).`;
}

export const landscape: ExperimentDefinition<LandscapeParams, LandscapeSamples, LandscapeData> = {
  name: 'landscape',
  version: LANDSCAPE_VERSION,
  description: 'The cost of a random circuit on a grid of two of its angles, for several register sizes.',
  normalize,
  sampleCount: (p) => p.qubits.length * p.grid,
  // Work differs per panel; this is the mean per sample (progress is approximate across panels).
  workPerSample: (p) => p.qubits.reduce((s, n) => s + workOf(n, p.grid), 0) / p.qubits.length,
  runSamples,
  merge,
  summarize,
  method,
  seedOf: (p) => p.seed,
  cli: {
    usage: 'landscape --qubits 2,6,10 --layers 100 --grid 64 --seed 1',
    parseArgs(args) {
      const f = parseFlags(args, ['qubits', 'layers', 'grid', 'seed']);
      const out: Partial<LandscapeParams> = {};
      if (f.get('qubits')) out.qubits = parseIntegerList(f.get('qubits')!, '--qubits', { min: 2, max: MAX_QUBITS });
      if (f.get('layers')) out.layers = parseInteger(f.get('layers')!, '--layers', { min: 0, max: 1000 });
      if (f.get('grid')) out.grid = parseInteger(f.get('grid')!, '--grid', { min: 8, max: 256 });
      if (f.get('seed')) out.seed = parseInteger(f.get('seed')!, '--seed', { min: 0, max: 0xffffffff });
      return out;
    },
    columns: ['qubits', 'theta1', 'theta2', 'cost'],
    rows(d: LandscapeData): Row[] {
      const rows: Row[] = [];
      for (const panel of d.panels) {
        for (let i = 0; i < d.grid; i++) for (let j = 0; j < d.grid; j++) {
          rows.push({ qubits: panel.qubits, theta1: d.thetas[j], theta2: d.thetas[i], cost: panel.values[i * d.grid + j] });
        }
      }
      return rows;
    },
  },
};
