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
import { parseFlags, parseInteger, parseIntegerList } from '../args';
import { toCircuit } from '../../sim/layered-program';
import { mccleanProgram } from '../barren-plateau/program';
import { resolveRange } from '../samples';
import type { ExperimentDefinition, Refinement, Row } from '../types';

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
  /** Grid points computed so far (G² when complete). */
  pointsDone: number;
  /**
   * The finest complete lattice: every point whose row and column are multiples of `stride` is computed
   * (1 = the whole grid; 0 = not even the coarse level yet). Draw a point's cell from the lattice point
   * (i − i mod stride, j − j mod stride) while the finer points are missing.
   */
  stride: number;
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
  /** How refined the picture is: grid points per axis of the coarsest panel's complete lattice, of G. */
  refinement: Refinement;
}

export interface LandscapeSamples {
  rows: Array<{ k: number; values: number[] }>;
}

/** @2: the sample index space is coarse-first (levels of strides 4, 2, 1); every value is the same as @1's. */
export const LANDSCAPE_VERSION = 'landscape@2';
/** Level strides, coarse to fine. */
export const LEVEL_STRIDES = [4, 2, 1] as const;
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
    if (!Number.isInteger(n) || n < 2 || n > MAX_QUBITS)
      throw new Error(`qubits: ${n} is not a whole number in 2…${MAX_QUBITS}`);
  }
  if (!Number.isInteger(layers) || layers < 0 || layers > 1000)
    throw new Error(`layers: ${layers} is not a whole number in 0…1000`);
  if (!Number.isInteger(grid) || grid < 8 || grid > 256)
    throw new Error(`grid: ${grid} is not a whole number in 8…256`);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
    throw new Error(`seed: ${seed} is not a whole number in 0…4294967295`);
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

/** Does point (i, j) belong to level ℓ? */
function inLevel(level: number, i: number, j: number): boolean {
  const s = LEVEL_STRIDES[level];
  if (i % s !== 0 || j % s !== 0) return false;
  if (level === 0) return true;
  const coarse = LEVEL_STRIDES[level - 1];
  return !(i % coarse === 0 && j % coarse === 0);
}

/** Rows of level ℓ in a grid of G: the multiples of its stride. */
function levelRows(level: number, G: number): number {
  return Math.ceil(G / LEVEL_STRIDES[level]);
}

/** The columns of row i that level ℓ computes, ascending. */
export function levelColumns(level: number, i: number, G: number): number[] {
  const out: number[] = [];
  for (let j = 0; j < G; j += LEVEL_STRIDES[level]) if (inLevel(level, i, j)) out.push(j);
  return out;
}

/** Sample k ↔ (level, panel, grid row i); level-major, then panel, then row. */
export function sampleCoordinates(k: number, panels: number, G: number): { level: number; panel: number; row: number } {
  let rest = k;
  for (let level = 0; level < LEVEL_STRIDES.length; level++) {
    const rows = levelRows(level, G);
    if (rest < panels * rows) {
      const panel = Math.floor(rest / rows);
      return { level, panel, row: (rest - panel * rows) * LEVEL_STRIDES[level] };
    }
    rest -= panels * rows;
  }
  throw new RangeError(`sample ${k} is outside the landscape's index space`);
}

function sampleCountOf(p: LandscapeParams): number {
  let rows = 0;
  for (let level = 0; level < LEVEL_STRIDES.length; level++) rows += levelRows(level, p.grid);
  return p.qubits.length * rows;
}

/** Number of samples that complete level ℓ for every panel (the coarse-complete prefixes). */
export function levelPrefix(p: LandscapeParams, level: number): number {
  let rows = 0;
  for (let l = 0; l <= level; l++) rows += levelRows(l, p.grid);
  return p.qubits.length * rows;
}

/**
 * Prepared states survive between calls: a worker computes a run in many short chunks of samples, and
 * preparing n = 12 after 100 layers costs more than a chunk. Keyed by (n, layers, seed); a few kept.
 */
const prepared = new Map<string, { prepared: StateVector; work: StateVector }>();
const PREPARED_KEEP = 8;

function preparedFor(n: number, layers: number, seed: number): { prepared: StateVector; work: StateVector } {
  const key = `${n}|${layers}|${seed}`;
  let st = prepared.get(key);
  if (st) {
    prepared.delete(key);
  } else {
    st = { prepared: preparedState(n, layers, seed), work: new StateVector(n, { maxQubits: MAX_QUBITS }) };
    if (prepared.size >= PREPARED_KEEP) prepared.delete(prepared.keys().next().value!);
  }
  prepared.set(key, st);
  return st;
}

function runSamples(
  p: LandscapeParams,
  range: readonly [number, number],
  opts: { signal?: AbortSignal; onRound?(doneWork: number, samples: LandscapeSamples): void },
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

function merge(_p: LandscapeParams, parts: readonly LandscapeSamples[]): LandscapeSamples {
  const byK = new Map<number, number[]>();
  for (const part of parts) for (const r of part.rows) if (!byK.has(r.k)) byK.set(r.k, r.values);
  return { rows: [...byK.entries()].sort((a, b) => a[0] - b[0]).map(([k, values]) => ({ k, values })) };
}

/** The finest stride whose whole lattice is computed (0 if none). */
function completeStride(values: ReadonlyArray<number | null>, G: number): number {
  let best = 0;
  for (const s of LEVEL_STRIDES) {
    let full = true;
    for (let i = 0; i < G && full; i += s)
      for (let j = 0; j < G; j += s)
        if (values[i * G + j] === null) {
          full = false;
          break;
        }
    if (!full) break;
    best = s;
  }
  return best;
}

function summarize(p: LandscapeParams, s: LandscapeSamples): LandscapeData {
  const G = p.grid;
  const h = (2 * Math.PI) / G;
  const panels: LandscapePanel[] = p.qubits.map((n) => ({
    qubits: n,
    values: new Array<number | null>(G * G).fill(null),
    pointsDone: 0,
    stride: 0,
    min: NaN,
    max: NaN,
    std: NaN,
    maxSlope: NaN,
  }));
  for (const r of s.rows) {
    const { level, panel: pi, row: i } = sampleCoordinates(r.k, p.qubits.length, G);
    const panel = panels[pi];
    const cols = levelColumns(level, i, G);
    for (let c = 0; c < cols.length; c++) panel.values[i * G + cols[c]] = r.values[c];
    panel.pointsDone += cols.length;
  }
  for (const panel of panels) {
    const v = panel.values;
    const st = completeStride(v, G);
    panel.stride = st;
    let min = Infinity,
      max = -Infinity,
      sum = 0,
      sum2 = 0,
      count = 0,
      slope = 0;
    for (let i = 0; i < G; i++) {
      for (let j = 0; j < G; j++) {
        const c = v[i * G + j];
        if (c === null) continue;
        min = Math.min(min, c);
        max = Math.max(max, c);
        sum += c;
        sum2 += c * c;
        count++;
        // Slopes on the complete lattice (central differences at its spacing; the whole grid when st = 1).
        if (st === 0 || i % st !== 0 || j % st !== 0) continue;
        const right = v[i * G + ((j + st) % G)],
          left = v[i * G + ((j + G - st) % G)];
        if (right !== null && left !== null) slope = Math.max(slope, Math.abs(right - left) / (2 * st * h));
        const up = v[((i + st) % G) * G + j],
          down = v[((i + G - st) % G) * G + j];
        if (up !== null && down !== null) slope = Math.max(slope, Math.abs(up - down) / (2 * st * h));
      }
    }
    if (count > 0) {
      panel.min = min;
      panel.max = max;
      const mean = sum / count;
      panel.std = Math.sqrt(Math.max(0, sum2 / count - mean * mean));
      panel.maxSlope = st > 0 ? slope : NaN;
    }
  }
  return { grid: G, thetas: gridAngles(G), panels, refinement: landscapeRefinement(G, panels) };
}

/** "coarse grid 16×16, refining to 64×64" (the coarsest panel decides), or the finished grid. */
export function landscapeRefinement(G: number, panels: readonly Pick<LandscapePanel, 'stride'>[]): Refinement {
  const stride = panels.length ? Math.max(...panels.map((x) => (x.stride === 0 ? Infinity : x.stride))) : Infinity;
  const level = Number.isFinite(stride) ? Math.ceil(G / stride) : 0;
  const label =
    level === G
      ? `grid ${G}×${G}`
      : level === 0
        ? `starting a coarse ${Math.ceil(G / LEVEL_STRIDES[0])}×${Math.ceil(G / LEVEL_STRIDES[0])} grid, refining to ${G}×${G}`
        : `coarse grid ${level}×${level}, refining to ${G}×${G}`;
  return { level, target: G, label };
}

function method(p: LandscapeParams): string {
  return `For each register size n, one random circuit from seed deriveSeed(${p.seed}, n): McClean et al. (2018)'s construction — RY(π/4) on every qubit, then ${p.layers} layers of one rotation per qubit about an axis drawn uniformly from {X, Y, Z} by an angle uniform in [0, 2π), each followed by CZ on neighbours (0,1), (1,2), … — then the two swept gates RY(θ₁) on qubit 0 and RY(θ₂) on qubit 1. The cost is ⟨Z₀Z₁⟩, exact from the state vector (no shots). θ₁ and θ₂ each take ${p.grid} values 2πk/${p.grid}; every one of the ${p.grid}×${p.grid} points is a separate simulation of the swept gates on the prepared state (the random part does not depend on them and is simulated once per n). Reported per panel: the range, the standard deviation over the grid, and the steepest slope (central differences).`;
}

export const landscape: ExperimentDefinition<LandscapeParams, LandscapeSamples, LandscapeData> = {
  name: 'landscape',
  version: LANDSCAPE_VERSION,
  description: 'The cost of a random circuit on a grid of two of its angles, for several register sizes.',
  normalize,
  sampleCount: sampleCountOf,
  // Work differs per panel and level; this is the mean per sample, so done/total is exact at the end.
  workPerSample: (p) => p.qubits.reduce((s, n) => s + p.grid * p.grid * 2 ** n, 0) / sampleCountOf(p),
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
};
