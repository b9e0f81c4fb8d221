/**
 * The experiment registry: name → the two halves of its definition, each a chunk loaded on first use.
 *
 * - `loadExperimentSpec(name)`: the main-thread half (`<name>/spec.ts`: normalize, merge, summarize, …),
 *   what the worker pool runs on the page's thread. It imports no simulator.
 * - `loadExperiment(name)`: the whole definition (`<name>/index.ts`, the spec plus `runSamples` and the
 *   command line), what the experiment worker and the CLI run.
 *
 * So an embed of one figure fetches only the experiments it runs, and its page thread never fetches the
 * simulator that the worker runs.
 */
import type { AnyExperimentDefinition, AnyExperimentSpec } from './types';

interface Entry {
  spec(): Promise<AnyExperimentSpec>;
  definition(): Promise<AnyExperimentDefinition>;
}

export const EXPERIMENTS: Readonly<Record<string, Entry>> = {
  'barren-plateau': {
    spec: () => import('./barren-plateau/spec').then((m) => m.barrenPlateauSpec),
    definition: () => import('./barren-plateau').then((m) => m.barrenPlateau),
  },
  'noise-vs-depth': {
    spec: () => import('./noise-vs-depth/spec').then((m) => m.noiseVsDepthSpec),
    definition: () => import('./noise-vs-depth').then((m) => m.noiseVsDepth),
  },
  landscape: {
    spec: () => import('./landscape/spec').then((m) => m.landscapeSpec),
    definition: () => import('./landscape').then((m) => m.landscape),
  },
  'calibration-drift': {
    spec: () => import('./calibration-drift/spec').then((m) => m.calibrationDriftSpec),
    definition: () => import('./calibration-drift').then((m) => m.calibrationDrift),
  },
  'baseline-race': {
    spec: () => import('./baseline-race/spec').then((m) => m.baselineRaceSpec),
    definition: () => import('./baseline-race').then((m) => m.baselineRace),
  },
  'baseline-race-sweep': {
    spec: () => import('./baseline-race/spec').then((m) => m.baselineRaceSweepSpec),
    definition: () => import('./baseline-race').then((m) => m.baselineRaceSweep),
  },
  'encoding-cost': {
    spec: () => import('./encoding-cost/spec').then((m) => m.encodingCostSpec),
    definition: () => import('./encoding-cost').then((m) => m.encodingCost),
  },
};

/** The registered names, sorted. */
export const EXPERIMENT_NAMES: readonly string[] = Object.keys(EXPERIMENTS).sort();

export function isKnownExperiment(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(EXPERIMENTS, name);
}

function unknown(name: string): Error {
  return new Error(`unknown experiment '${name}' (known: ${EXPERIMENT_NAMES.join(', ')})`);
}

/** One half's chunks: each loaded once; a failed load may be retried. */
function loader<T>(half: (entry: Entry) => () => Promise<T>) {
  const loaded = new Map<string, T>();
  const pending = new Map<string, Promise<T>>();
  return {
    /** The value, once `load(name)` has resolved. */
    loaded: (name: string): T | undefined => loaded.get(name),
    /** Loads the chunk (once); rejects for an unknown name with the registry's message. */
    load(name: string): Promise<T> {
      const done = loaded.get(name);
      if (done) return Promise.resolve(done);
      if (!isKnownExperiment(name)) return Promise.reject(unknown(name));
      let p = pending.get(name);
      if (!p) {
        p = half(EXPERIMENTS[name])().then(
          (value) => {
            loaded.set(name, value);
            return value;
          },
          (error: unknown) => {
            pending.delete(name);
            throw error;
          },
        );
        pending.set(name, p);
      }
      return p;
    },
    /** Synchronous look-up once loaded (what the pool and the worker call after `load`). */
    get(name: string): T {
      const value = loaded.get(name);
      if (value) return value;
      if (!isKnownExperiment(name)) throw unknown(name);
      throw new Error(`experiment '${name}' has not been loaded`);
    },
  };
}

const specs = loader((e) => e.spec);
const definitions = loader((e) => e.definition);

/** The main-thread half (see the module comment). */
export const loadExperimentSpec = specs.load;
export const loadedExperimentSpec = specs.loaded;
export const getLoadedExperimentSpec = specs.get;

/** The whole definition (see the module comment). */
export const loadExperiment = definitions.load;
export const loadedExperiment = definitions.loaded;
export const getLoadedExperiment = definitions.get;
