/**
 * The experiment registry: name → definition. Workers and the CLI look experiments up here, so a figure
 * that needs a new dataset adds one entry (a definition in its own module) and gets the worker pool,
 * `npm run experiment -- <name>` and CSV/JSON output for free.
 */
import { barrenPlateau } from './barren-plateau';
import { noiseVsDepth } from './noise-vs-depth';
import { landscape } from './landscape';
import { calibrationDrift } from './calibration-drift';
import { encodingCost } from './encoding-cost';
import { baselineRace, baselineRaceSweep } from './baseline-race';
import { asExperiment } from './run';
import type { AnyExperimentDefinition } from './types';

export const EXPERIMENTS: Record<string, AnyExperimentDefinition> = {
  [barrenPlateau.name]: barrenPlateau,
  [noiseVsDepth.name]: noiseVsDepth,
  [landscape.name]: landscape,
  [calibrationDrift.name]: calibrationDrift,
  [baselineRace.name]: baselineRace,
  [baselineRaceSweep.name]: baselineRaceSweep,
  [encodingCost.name]: encodingCost,
};

export function getExperiment(name: string): AnyExperimentDefinition {
  const def = Object.prototype.hasOwnProperty.call(EXPERIMENTS, name) ? EXPERIMENTS[name] : undefined;
  if (!def) throw new Error(`unknown experiment '${name}' (known: ${Object.keys(EXPERIMENTS).sort().join(', ')})`);
  return def;
}

export const runBarrenPlateau = asExperiment(barrenPlateau);

export { barrenPlateau, noiseVsDepth };
export type { BarrenPlateauParams, BarrenPlateauData, BarrenPlateauRow, BarrenPlateauSamples } from './barren-plateau';
export type { NoiseVsDepthParams, NoiseVsDepthData, NoiseConfigResult, DepthPoint } from './noise-vs-depth';
export { deepLimitVariance, rxProductVariance } from './barren-plateau';
export { runDefinition, runRaw, finalize, asExperiment } from './run';
export { AbortError, isAbortError } from './abort';
export type {
  Experiment,
  ExperimentContext,
  ExperimentDefinition,
  ExperimentResult,
  ExperimentMeta,
  Row,
  Cell,
} from './types';
