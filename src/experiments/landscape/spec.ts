/**
 * The main-thread half of the landscape experiment: parameters, the coarse-first sample index space,
 * merge, summary and method. The state-vector runs are in ./index.ts.
 */
import type { ExperimentSpec, Refinement } from '../types';

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
export const MAX_QUBITS = 16;

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

/** The state after the random part of the circuit for n qubits (before the swept gates). */ /** Does point (i, j) belong to level ℓ? */
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

export function sampleCountOf(p: LandscapeParams): number {
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

export const landscapeSpec: ExperimentSpec<LandscapeParams, LandscapeSamples, LandscapeData> = {
  name: 'landscape',
  version: LANDSCAPE_VERSION,
  description: 'The cost of a random circuit on a grid of two of its angles, for several register sizes.',
  normalize,
  sampleCount: sampleCountOf,
  // Work differs per panel and level; this is the mean per sample, so done/total is exact at the end.
  workPerSample: (p) => p.qubits.reduce((s, n) => s + p.grid * p.grid * 2 ** n, 0) / sampleCountOf(p),
  merge,
  summarize,
  method,
  seedOf: (p) => p.seed,
  // The index space is level-major: each level's prefix is a complete, finer picture of every panel.
  levelPrefixes: (p) => LEVEL_STRIDES.slice(0, -1).map((_, level) => levelPrefix(p, level)),
};
