/**
 * The experiment registry: name → the main-thread half of its definition (`<name>/spec.ts`: normalize,
 * merge, summarize, …; no simulator), each a chunk loaded on first use. The worker pool runs these on the
 * page's thread. The whole definitions (the spec plus `runSamples` and the command line), which the
 * experiment worker and the CLI run, are loaded by the same names from `./definitions.ts`, a module of
 * its own so that the page's bundle holds no reference to them: an embed of one figure fetches only the
 * experiments it runs, and its page thread never fetches the simulator that the worker runs.
 */
import { loadOnce } from '../load/once';
import type { AnyExperimentSpec } from './types';

/** Every registered experiment; `./definitions.ts` must have exactly these (the compiler checks). */
export type ExperimentName =
  | 'barren-plateau'
  | 'noise-vs-depth'
  | 'landscape'
  | 'calibration-drift'
  | 'baseline-race'
  | 'baseline-race-sweep'
  | 'encoding-cost';

const SPECS: Readonly<Record<ExperimentName, () => Promise<AnyExperimentSpec>>> = {
  'barren-plateau': () => import('./barren-plateau/spec').then((m) => m.barrenPlateauSpec),
  'noise-vs-depth': () => import('./noise-vs-depth/spec').then((m) => m.noiseVsDepthSpec),
  landscape: () => import('./landscape/spec').then((m) => m.landscapeSpec),
  'calibration-drift': () => import('./calibration-drift/spec').then((m) => m.calibrationDriftSpec),
  'baseline-race': () => import('./baseline-race/spec').then((m) => m.baselineRaceSpec),
  'baseline-race-sweep': () => import('./baseline-race/spec').then((m) => m.baselineRaceSweepSpec),
  'encoding-cost': () => import('./encoding-cost/spec').then((m) => m.encodingCostSpec),
};

/** The registered names, sorted. */
export const EXPERIMENT_NAMES = Object.keys(SPECS).sort() as readonly ExperimentName[];

export function isKnownExperiment(name: string): name is ExperimentName {
  return Object.prototype.hasOwnProperty.call(SPECS, name);
}

function unknown(name: string): Error {
  return new Error(`unknown experiment '${name}' (known: ${EXPERIMENT_NAMES.join(', ')})`);
}

/** A table of chunk loaders as load-once look-ups (a failed load may be retried). */
export function loader<T>(table: Readonly<Record<ExperimentName, () => Promise<T>>>) {
  const cache = loadOnce<T>();
  return {
    /** The value, once `load(name)` has resolved. */
    loaded: cache.loaded,
    /** Loads the chunk (once); rejects for an unknown name with the registry's message. */
    load(name: string): Promise<T> {
      if (!isKnownExperiment(name)) return Promise.reject(unknown(name));
      return cache.load(name, table[name]);
    },
    /** Synchronous look-up once loaded (what the pool and the worker call after `load`). */
    get(name: string): T {
      const value = cache.loaded(name);
      if (value) return value;
      if (!isKnownExperiment(name)) throw unknown(name);
      throw new Error(`experiment '${name}' has not been loaded`);
    },
  };
}

const specs = loader(SPECS);

export const loadExperimentSpec = specs.load;
export const loadedExperimentSpec = specs.loaded;
export const getLoadedExperimentSpec = specs.get;
