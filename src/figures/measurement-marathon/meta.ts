/** Static facts about the measurement-marathon figure: URL parameters (with bounds) and sources. */
import { defineFigureMeta } from '../../story/figure-types';
import { defineParams, seedParam, type ParamsOf } from '../../story/params';

export const MARATHON_PROFILES = ['ibm', 'sycamore'] as const;
export type MarathonProfile = (typeof MARATHON_PROFILES)[number];

export const marathonParamSpec = defineParams({
  qubits: { type: 'int', label: 'model qubits', default: 8, min: 2, max: 12 },
  layers: { type: 'int', label: 'layers', default: 100, min: 1, max: 200 },
  examples: { type: 'int', label: 'training examples', default: 100, min: 1, max: 100_000 },
  epochs: { type: 'int', label: 'epochs', default: 50, min: 1, max: 10_000 },
  profile: { type: 'choice', label: 'device shot rate', default: 'ibm', choices: MARATHON_PROFILES },
  samples: { type: 'int', label: 'random circuits per point', default: 200, min: 20, max: 2000 },
  seed: seedParam(),
});

export type MarathonParams = ParamsOf<typeof marathonParamSpec>;

export const marathonMeta = defineFigureMeta('measurement-marathon', marathonParamSpec, [
  {
    label: 'Gradient variances: computed in the browser (src/experiments/barren-plateau), McClean et al. 2018 protocol',
  },
  { label: 'Parameter shift: Mitarai et al. 2018 (arXiv:1803.00745); Schuld et al. 2019 (arXiv:1811.11184)' },
  { label: 'Shot rates: content/data/cloud.json (IBM default repetition delay; Sycamore sampling rate)' },
]);
