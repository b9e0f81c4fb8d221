/**
 * The experiments' public surface for Node and tests. Experiments are looked up by name in the registry
 * (`./registry`: each definition a chunk loaded on first use), so a figure that needs a new dataset adds
 * one entry and gets the worker pool, `npm run experiment -- <name>` and CSV/JSON output for free.
 */
import { barrenPlateau } from './barren-plateau';
import { noiseVsDepth } from './noise-vs-depth';
import { asExperiment } from './run';

export const runBarrenPlateau = asExperiment(barrenPlateau);

export { barrenPlateau, noiseVsDepth };
export type { BarrenPlateauParams, BarrenPlateauData, BarrenPlateauRow, BarrenPlateauSamples } from './barren-plateau';
export type { NoiseVsDepthParams, NoiseVsDepthData, NoiseConfigResult, DepthPoint } from './noise-vs-depth';
export { deepLimitVariance, rxProductVariance } from './barren-plateau';
export { EXPERIMENT_NAMES, isKnownExperiment, loadExperimentSpec } from './registry';
export { loadExperiment } from './definitions';
export { runDefinition, runRaw, finalize, asExperiment } from './run';
export { AbortError, isAbortError } from './abort';
export type {
  Experiment,
  ExperimentContext,
  ExperimentDefinition,
  ExperimentSpec,
  ExperimentResult,
  ExperimentMeta,
  Row,
  Cell,
} from './types';
