/**
 * The experiment registry as lazy chunks: the worker pool (main thread) and the experiment worker load
 * only the definitions a page actually runs, so an embed of one figure does not fetch every
 * experiment's code. Same names and definitions as the eager registry (`./index`, used by the CLI);
 * tests/unit/experiments/lazy.test.ts keeps the two in step.
 */
import type { AnyExperimentDefinition } from './types';

export const EXPERIMENT_LOADERS: Record<string, () => Promise<AnyExperimentDefinition>> = {
  'barren-plateau': () => import('./barren-plateau').then((m) => m.barrenPlateau as AnyExperimentDefinition),
  'noise-vs-depth': () => import('./noise-vs-depth').then((m) => m.noiseVsDepth as AnyExperimentDefinition),
  landscape: () => import('./landscape').then((m) => m.landscape as AnyExperimentDefinition),
  'calibration-drift': () => import('./calibration-drift').then((m) => m.calibrationDrift as AnyExperimentDefinition),
  'baseline-race': () => import('./baseline-race').then((m) => m.baselineRace as AnyExperimentDefinition),
  'baseline-race-sweep': () => import('./baseline-race').then((m) => m.baselineRaceSweep as AnyExperimentDefinition),
  'encoding-cost': () => import('./encoding-cost').then((m) => m.encodingCost as AnyExperimentDefinition),
};

const loaded = new Map<string, AnyExperimentDefinition>();
const pending = new Map<string, Promise<AnyExperimentDefinition>>();

function unknown(name: string): Error {
  return new Error(`unknown experiment '${name}' (known: ${Object.keys(EXPERIMENT_LOADERS).sort().join(', ')})`);
}

export function isKnownExperiment(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(EXPERIMENT_LOADERS, name);
}

/** The definition, once `loadExperiment(name)` has resolved. */
export function loadedExperiment(name: string): AnyExperimentDefinition | undefined {
  return loaded.get(name);
}

/** Loads a definition's chunk (once); rejects for an unknown name with the registry's message. */
export function loadExperiment(name: string): Promise<AnyExperimentDefinition> {
  const done = loaded.get(name);
  if (done) return Promise.resolve(done);
  if (!isKnownExperiment(name)) return Promise.reject(unknown(name));
  let p = pending.get(name);
  if (!p) {
    p = EXPERIMENT_LOADERS[name]().then(
      (def) => {
        loaded.set(name, def);
        return def;
      },
      (error: unknown) => {
        pending.delete(name);
        throw error;
      },
    );
    pending.set(name, p);
  }
  return p;
}

/** Synchronous look-up of a loaded definition (what the pool and the worker call once it has loaded). */
export function getLoadedExperiment(name: string): AnyExperimentDefinition {
  const def = loaded.get(name);
  if (def) return def;
  if (!isKnownExperiment(name)) throw unknown(name);
  throw new Error(`experiment '${name}' has not been loaded`);
}
