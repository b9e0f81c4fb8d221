/**
 * The barren-plateau figure's pure model: which experiment runs each step needs (the scenes) and the
 * closed forms the fitted exponential (src/experiments/barren-plateau/fit.ts) is compared with. No DOM.
 */
import type { BarrenPlateauParams } from '../../experiments/barren-plateau';
import type { ParamsOf } from '../../story/params';
import { clampStep } from '../../story/steps';
import type { barrenPlateauParamSpec, BpCost } from './meta';

export const LAST_STEP = 4;
/** Deep random circuits for the McClean steps: ≈ 10·n layers settle the variance up to n ≈ 10. */
export const MCCLEAN_LAYERS = 100;
export const MCCLEAN_QUBITS = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
/** Cerezo et al.: a shallow alternating layered ansatz (2 layers). */
export const SHALLOW_LAYERS = 2;
/** The density matrix of a noisy run is 4ⁿ numbers; the figure caps noisy sweeps here to stay interactive. */
export const NOISY_MAX_QUBITS = 8;
export const NOISELESS_MAX_QUBITS = 12;

export type FigureParams = ParamsOf<typeof barrenPlateauParamSpec>;

export interface Series {
  key: string;
  label: string;
  /** Experiment parameters (complete, so the cache key is stable). */
  run: BarrenPlateauParams;
  /** Draw the fitted exponential and print its slope. */
  fit: boolean;
  /** 0 = first series colour, 1 = second, 2 = neutral (reference, dashed). */
  tone: 0 | 1 | 2;
}

export interface Scene {
  series: Series[];
  /** Show the dots of individual gradients (steps 0–2). */
  dots: boolean;
  /** Draw the 2-design limit 2ⁿ/(3(4ⁿ − 1)). */
  deepLimit: boolean;
  /** Notes about the reader's sweep (clamped ranges). */
  notes: string[];
}

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

function run(p: FigureParams, qubits: number[], layers: number, cost: BpCost, noise: number): BarrenPlateauParams {
  return {
    qubits,
    layers: [layers],
    samples: p.samples,
    seed: p.seed,
    cost,
    ansatz: cost === 'zz' ? 'mcclean' : 'alternating',
    noise,
  };
}

/** The reader's qubit range, clamped to what the simulation can do interactively. */
export function readerQubits(p: FigureParams): { qubits: number[]; notes: string[] } {
  const notes: string[] = [];
  let lo = Math.min(p.nMin, p.nMax),
    hi = Math.max(p.nMin, p.nMax);
  const cap = p.noise > 0 ? NOISY_MAX_QUBITS : NOISELESS_MAX_QUBITS;
  if (hi > cap) {
    notes.push(`Noisy runs use a density matrix (4ⁿ numbers), so this figure stops at ${cap} qubits.`);
    hi = cap;
    lo = Math.min(lo, hi);
  }
  if (hi - lo < 1) {
    if (hi < cap) hi = lo + 1;
    else lo = hi - 1;
    notes.push('A fit needs at least two qubit counts.');
  }
  return { qubits: range(lo, hi), notes };
}

const COST_NAMES: Record<BpCost, string> = { zz: '⟨Z₀Z₁⟩ (McClean)', global: 'global cost', local: 'local cost' };

/** What each step shows: the series (each one experiment run) and the extras. */
export function sceneFor(step: number, p: FigureParams): Scene {
  const s = clampStep(step, LAST_STEP);
  if (s === 0) {
    return {
      series: [
        {
          key: 'zz2',
          label: `⟨Z₀Z₁⟩, ${MCCLEAN_LAYERS} layers`,
          run: run(p, [2], MCCLEAN_LAYERS, 'zz', 0),
          fit: false,
          tone: 0,
        },
      ],
      dots: true,
      deepLimit: true,
      notes: [],
    };
  }
  if (s <= 2) {
    return {
      series: [
        {
          key: 'zz',
          label: `⟨Z₀Z₁⟩, ${MCCLEAN_LAYERS} layers`,
          run: run(p, MCCLEAN_QUBITS, MCCLEAN_LAYERS, 'zz', 0),
          fit: s === 2,
          tone: 0,
        },
      ],
      dots: true,
      deepLimit: s === 2,
      notes: [],
    };
  }
  if (s === 3) {
    return {
      series: [
        {
          key: 'global',
          label: `global cost, ${SHALLOW_LAYERS} layers`,
          run: run(p, MCCLEAN_QUBITS, SHALLOW_LAYERS, 'global', 0),
          fit: true,
          tone: 1,
        },
        {
          key: 'local',
          label: `local cost, ${SHALLOW_LAYERS} layers`,
          run: run(p, MCCLEAN_QUBITS, SHALLOW_LAYERS, 'local', 0),
          fit: true,
          tone: 0,
        },
      ],
      dots: false,
      deepLimit: false,
      notes: [],
    };
  }
  const { qubits, notes } = readerQubits(p);
  const series: Series[] = [];
  if (p.noise > 0) {
    series.push({
      key: 'noisy',
      label: `${COST_NAMES[p.cost]}, ${p.layers} layers, noise p = ${p.noise}`,
      run: run(p, qubits, p.layers, p.cost, p.noise),
      fit: true,
      tone: 1,
    });
    series.push({
      key: 'clean',
      label: `${COST_NAMES[p.cost]}, ${p.layers} layers, no noise`,
      run: run(p, qubits, p.layers, p.cost, 0),
      fit: true,
      tone: 2,
    });
  } else {
    series.push({
      key: 'clean',
      label: `${COST_NAMES[p.cost]}, ${p.layers} layers, no noise`,
      run: run(p, qubits, p.layers, p.cost, 0),
      fit: true,
      tone: 0,
    });
  }
  return { series, dots: false, deepLimit: p.cost === 'zz', notes };
}

/** Deep-circuit (2-design) variance of ∂⟨Z₀Z₁⟩: 2ⁿ / (3(4ⁿ − 1)). */
export function deepLimit(n: number): number {
  return 2 ** n / (3 * (4 ** n - 1));
}
