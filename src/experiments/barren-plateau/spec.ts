/**
 * The main-thread half of the barren-plateau experiment (parameters, merge, summary, method); the
 * sampling, which runs the layered kernel, is in ./index.ts. Only `COSTS` is taken from the kernel's
 * module, so the page's bundle carries that list and not the kernel.
 */
import { mergeIndexedSamples, type IndexedSamples } from '../samples';
import { linearFit, sampleStats, type LinearFit } from '../stats';
import type { ExperimentSpec, Refinement } from '../types';
import { COSTS, type Cost } from '../../sim/layered-program';
import { ANSATZE, type Ansatz } from './program';

export interface BarrenPlateauParams {
  qubits: number[];
  layers: number[];
  /** Random circuits per (qubits, layers) cell. */
  samples: number;
  seed: number;
  cost: Cost;
  /** Default: 'mcclean' for cost 'zz', 'alternating' for 'global' and 'local'. */
  ansatz: Ansatz;
  /** Local depolarizing strength p per qubit per layer (0 = noiseless, state vector). */
  noise: number;
}

export interface BarrenPlateauRow {
  qubits: number;
  layers: number;
  /** Samples in this row so far. */
  samples: number;
  mean: number;
  /** Unbiased sample variance of the gradient. */
  variance: number;
  meanStderr: number;
  /** Standard error of `variance` (for error bars). */
  varianceStderr: number;
  /** Closed-form variance where one applies (see `referenceLabel`), else null. */
  reference: number | null;
  /** The sampled gradients themselves, in sample-index order (for dot plots; not a CSV column). */
  gradients: number[];
}

export interface BarrenPlateauData {
  rows: BarrenPlateauRow[];
  /** Per layer count: least-squares fit of ln(variance) against qubits (slope −ln 2 ≈ −0.693 means halving per qubit). */
  fits: Array<{ layers: number } & LinearFit>;
  referenceLabel: string | null;
  /**
   * Every sample index k draws one circuit for every cell, so any prefix of the index space is a complete
   * picture with fewer circuits per point: level = the fewest samples in any cell, target = `samples`.
   */
  refinement: Refinement;
}

export interface BarrenPlateauSamples {
  cells: Array<{ qubits: number; layers: number } & IndexedSamples>;
}

export const BP_VERSION = 'barren-plateau@1';
export const MAX_SV_QUBITS = 20;
export const MAX_DM_QUBITS = 10;

/** Deep-circuit (2-design) variance of ∂⟨Z₀Z₁⟩: 2ⁿ / (3(4ⁿ − 1)). */
export function deepLimitVariance(n: number): number {
  return 2 ** n / (3 * (4 ** n - 1));
}

/** Closed forms for V = ⊗RX(θⱼ): Var[∂C_G] = (1/8)(3/8)^(n−1), Var[∂C_L] = 1/(8n²), Var[∂⟨Z₀Z₁⟩] = 1/4. */
export function rxProductVariance(n: number, cost: Cost): number {
  if (cost === 'global') return (1 / 8) * (3 / 8) ** (n - 1);
  if (cost === 'local') return 1 / (8 * n * n);
  return 1 / 4;
}

function referenceFor(p: BarrenPlateauParams): { label: string; value(n: number): number } | null {
  if (p.noise > 0) return null;
  if (p.ansatz === 'rx-product') {
    return {
      label: p.cost === 'global' ? '(1/8)(3/8)^(n−1)' : p.cost === 'local' ? '1/(8n²)' : '1/4',
      value: (n) => rxProductVariance(n, p.cost),
    };
  }
  if (p.ansatz === 'mcclean' && p.cost === 'zz')
    return { label: '2-design limit 2ⁿ/(3(4ⁿ−1))', value: deepLimitVariance };
  return null;
}

export function cellWork(p: BarrenPlateauParams, n: number, layers: number): number {
  const dim = p.noise > 0 ? 4 ** n : 2 ** n;
  return dim * n * Math.max(1, p.ansatz === 'rx-product' ? 1 : layers);
}

function normalize(input: Partial<BarrenPlateauParams>): BarrenPlateauParams {
  const cost = input.cost ?? 'zz';
  if (!COSTS.includes(cost)) throw new Error(`cost '${cost}' is not one of ${COSTS.join(', ')}`);
  const ansatz = input.ansatz ?? (cost === 'zz' ? 'mcclean' : 'alternating');
  if (!ANSATZE.includes(ansatz)) throw new Error(`ansatz '${ansatz}' is not one of ${ANSATZE.join(', ')}`);
  const noise = input.noise ?? 0;
  if (!(noise >= 0 && noise <= 1)) throw new Error(`noise p = ${noise} is not in [0, 1]`);
  const qubits = input.qubits ?? [2, 3, 4, 5, 6, 7, 8];
  const layers = input.layers ?? [100];
  const samples = input.samples ?? 200;
  const seed = input.seed ?? 1;
  const cap = noise > 0 ? MAX_DM_QUBITS : MAX_SV_QUBITS;
  const minQubits = cost === 'zz' || ansatz === 'alternating' ? 2 : 1;
  if (qubits.length === 0 || layers.length === 0) throw new Error('qubits and layers need at least one value each');
  for (const n of qubits) {
    if (!Number.isInteger(n) || n < minQubits) throw new Error(`qubits: ${n} is not a whole number ≥ ${minQubits}`);
    if (n > cap) {
      throw new Error(
        `qubits: ${n} exceeds the cap of ${cap} qubits for the ${noise > 0 ? 'density-matrix (noisy)' : 'state-vector'} simulation`,
      );
    }
  }
  for (const l of layers)
    if (!Number.isInteger(l) || l < 1 || l > 10_000) throw new Error(`layers: ${l} is not a whole number in 1…10000`);
  if (!Number.isInteger(samples) || samples < 2 || samples > 1_000_000)
    throw new Error(`samples: ${samples} is not a whole number in 2…1000000`);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
    throw new Error(`seed: ${seed} is not a whole number in 0…4294967295`);
  return { qubits: [...qubits], layers: [...layers], samples, seed, cost, ansatz, noise };
}

export function cellsOf(p: BarrenPlateauParams): Array<{ qubits: number; layers: number }> {
  const cells: Array<{ qubits: number; layers: number }> = [];
  for (const n of p.qubits) for (const l of p.layers) cells.push({ qubits: n, layers: l });
  return cells;
}

function merge(p: BarrenPlateauParams, parts: readonly BarrenPlateauSamples[]): BarrenPlateauSamples {
  const cells = cellsOf(p);
  return {
    cells: cells.map((cell, ci) => {
      const pieces = parts.map((part) => {
        const c = part.cells[ci];
        if (!c || c.qubits !== cell.qubits || c.layers !== cell.layers)
          throw new Error('barren-plateau merge: parts come from different parameters');
        return c;
      });
      return { ...cell, ...mergeIndexedSamples(pieces) };
    }),
  };
}

function summarize(p: BarrenPlateauParams, s: BarrenPlateauSamples): BarrenPlateauData {
  const ref = referenceFor(p);
  const rows: BarrenPlateauRow[] = s.cells.map((c) => {
    const st = sampleStats(c.values);
    return {
      qubits: c.qubits,
      layers: c.layers,
      samples: st.count,
      mean: st.mean,
      variance: st.variance,
      meanStderr: st.meanStderr,
      varianceStderr: st.varianceStderr,
      reference: ref ? ref.value(c.qubits) : null,
      gradients: [...c.values],
    };
  });
  const fits = p.layers.map((layers) => {
    const pts = rows.filter((r) => r.layers === layers && r.variance > 0);
    return {
      layers,
      ...linearFit(
        pts.map((r) => r.qubits),
        pts.map((r) => Math.log(r.variance)),
      ),
    };
  });
  const level = rows.length ? Math.min(...rows.map((r) => r.samples)) : 0;
  const refinement: Refinement = {
    level,
    target: p.samples,
    label:
      level >= p.samples
        ? `${p.samples} random circuits per point`
        : `${level} of ${p.samples} random circuits per point so far`,
  };
  return { rows, fits, referenceLabel: ref?.label ?? null, refinement };
}

function method(p: BarrenPlateauParams): string {
  const ansatz = {
    mcclean:
      'McClean et al. (2018) random circuits: RY(π/4) on every qubit, then L layers of one rotation per qubit about an axis drawn uniformly from {X, Y, Z} by an angle uniform in [0, 2π), each followed by CZ on neighbours (0,1), (1,2), …; the gradient is taken with respect to the layer-1 rotation of qubit 0',
    alternating:
      "Cerezo et al. (2021) alternating layered ansatz (as PennyLane's SimplifiedTwoDesign): an initial RY layer, then L layers of CZ on even pairs followed by RY on those qubits, then CZ on odd pairs followed by RY on those qubits, all angles uniform in [0, 2π); the gradient is taken with respect to the first RY of layer 1 (qubit 0)",
    'rx-product':
      'the warm-up product circuit V = ⊗ⱼ RX(θⱼ) with θⱼ uniform in [0, 2π); the gradient is taken with respect to θ₀',
  }[p.ansatz];
  const cost = {
    zz: 'The cost is ⟨Z₀Z₁⟩.',
    global: 'The cost is global: C_G = 1 − P(|0…0⟩).',
    local: 'The cost is local: C_L = 1 − (1/n) Σⱼ P(qubit j = 0).',
  }[p.cost];
  const noise =
    p.noise > 0
      ? ` Noise (Wang et al. 2021): local depolarizing channel ρ → (1 − p)ρ + p·Tr_j(ρ) ⊗ I/2 on every qubit after every layer with p = ${p.noise} (each Pauli is multiplied by q = 1 − p = ${1 - p.noise}; this is NOT the Nielsen–Chuang p, for which q = 1 − 4p/3), simulated exactly with a density matrix.`
      : ' Noiseless, exact state-vector simulation (no shot noise).';
  return `${ansatz[0].toUpperCase()}${ansatz.slice(1)}. ${cost}${noise} Gradients are exact parameter-shift values [C(θ + π/2) − C(θ − π/2)]/2. For each (qubits n, layers L) cell, ${p.samples} random circuits; circuit k is drawn from seed deriveSeed(${p.seed}, n, L, k). Reported: the sample mean, the UNBIASED sample variance (divisor K − 1), and their standard errors (variance error from the sample fourth moment).`;
}

export const barrenPlateauSpec: ExperimentSpec<BarrenPlateauParams, BarrenPlateauSamples, BarrenPlateauData> = {
  name: 'barren-plateau',
  version: BP_VERSION,
  description: 'Variance of a gradient component over random circuits, against qubits and layers.',
  normalize,
  sampleCount: (p) => p.samples,
  workPerSample: (p) => cellsOf(p).reduce((s, c) => s + cellWork(p, c.qubits, c.layers), 0),
  merge,
  summarize,
  method,
  seedOf: (p) => p.seed,
};
