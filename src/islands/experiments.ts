/**
 * The experiments each figure runs in the worker pool, so that a figure island that starts loading also
 * starts the workers and their experiment code (`ExperimentPool.prepare`) while its view's chunk loads and
 * hydrates: its first run then finds both ready. tests/unit/islands/experiments.test.ts checks this list
 * against the names the figures' views pass to `useExperiment`.
 */
export const FIGURE_EXPERIMENTS: Readonly<Record<string, readonly string[]>> = {
  'baseline-race': ['baseline-race', 'baseline-race-sweep'],
  'barren-plateau': ['barren-plateau'],
  'calibration-drift': ['calibration-drift'],
  landscape: ['landscape'],
  'measurement-marathon': ['barren-plateau'],
  'noise-vs-depth': ['noise-vs-depth'],
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
