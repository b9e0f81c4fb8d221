/**
 * The whole experiment definitions (spec, `runSamples`, command line) by registered name, each a chunk
 * loaded on first use: what the experiment worker and the CLI run. The page's thread loads only the specs
 * (`./registry.ts`); keeping these loaders in their own module keeps the simulator out of its bundle.
 */
import { loader, type ExperimentName } from './registry';
import type { AnyExperimentDefinition } from './types';

const DEFINITIONS: Readonly<Record<ExperimentName, () => Promise<AnyExperimentDefinition>>> = {
  'barren-plateau': () => import('./barren-plateau').then((m) => m.barrenPlateau),
  'noise-vs-depth': () => import('./noise-vs-depth').then((m) => m.noiseVsDepth),
  landscape: () => import('./landscape').then((m) => m.landscape),
  'calibration-drift': () => import('./calibration-drift').then((m) => m.calibrationDrift),
  'baseline-race': () => import('./baseline-race').then((m) => m.baselineRace),
  'baseline-race-sweep': () => import('./baseline-race').then((m) => m.baselineRaceSweep),
  'encoding-cost': () => import('./encoding-cost').then((m) => m.encodingCost),
};

const definitions = loader(DEFINITIONS);

export const loadExperiment = definitions.load;
export const loadedExperiment = definitions.loaded;
export const getLoadedExperiment = definitions.get;
