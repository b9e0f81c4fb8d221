/**
 * The experiments each figure runs in the worker pool, so that a figure island that starts loading also
 * starts the workers and their experiment code (`ExperimentPool.prepare`) while its view's chunk loads and
 * hydrates: its first run then finds both ready. Each figure's experiments.ts names the experiments its view runs;
 * tests/unit/islands/experiments.test.ts checks this table against the names the views pass to `useExperiment`.
 */
import { BP_EXPERIMENT } from '../figures/barren-plateau/experiments';
import { RACE_EXPERIMENTS } from '../figures/baseline-race/experiments';
import { CD_EXPERIMENT } from '../figures/calibration-drift/experiments';
import { LANDSCAPE_EXPERIMENT } from '../figures/landscape/experiments';
import { MARATHON_EXPERIMENT } from '../figures/measurement-marathon/experiments';
import { NVD_EXPERIMENT } from '../figures/noise-vs-depth/experiments';
import type { ExperimentName } from '../experiments/registry';

export const FIGURE_EXPERIMENTS: Readonly<Record<string, readonly ExperimentName[]>> = {
  'baseline-race': [RACE_EXPERIMENTS.race, RACE_EXPERIMENTS.sweep],
  'barren-plateau': [BP_EXPERIMENT],
  'calibration-drift': [CD_EXPERIMENT],
  landscape: [LANDSCAPE_EXPERIMENT],
  'measurement-marathon': [MARATHON_EXPERIMENT],
  'noise-vs-depth': [NVD_EXPERIMENT],
};

/** Starts the pool's workers for a figure's experiments (a figure without any: nothing). */
export function prepareExperiments(figure: string): void {
  const names = FIGURE_EXPERIMENTS[figure];
  if (!names || typeof Worker === 'undefined') return;
  // The pool's chunk is the one useExperiment loads; a failure here is the run's to report.
  void import('../workers/pool').then(
    (m) => m.getDefaultPool().prepare(names),
    () => undefined,
  );
}
