/** Static facts about the baseline-race figure: URL parameters (with bounds) and sources. No heavy imports. */
import { defineFigureMeta } from '../../story/figure-types';
import { defineParams, seedParam } from '../../story/params';

export const RACE_DATASETS = ['moons', 'circles', 'linear'] as const;
export const RACE_ENCODINGS = ['angle', 'zz'] as const;

export const baselineRaceParamSpec = defineParams({
  dataset: { type: 'choice', label: 'dataset', default: 'moons', choices: RACE_DATASETS },
  seed: seedParam(),
  encoding: { type: 'choice', label: 'VQC encoding', default: 'angle', choices: RACE_ENCODINGS },
  layers: { type: 'int', label: 'VQC layers', default: 3, min: 1, max: 5 },
  shots: { type: 'int', label: 'shots per circuit', default: 100, min: 10, max: 2000 },
});

export const baselineRaceMeta = defineFigureMeta('baseline-race', baselineRaceParamSpec, [
  {
    label:
      'Computed in your browser: the article’s state-vector simulator (src/sim) for the quantum classifier, plain TypeScript for the classical baselines (src/ml)',
  },
  {
    label:
      'Bowles, Ahmed, Schuld (2024), Better than classical? The subtle art of benchmarking quantum machine learning models, arXiv:2403.07059',
    href: 'https://arxiv.org/abs/2403.07059',
  },
]);
