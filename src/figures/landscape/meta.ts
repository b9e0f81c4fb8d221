/** Static facts about the landscape figure: URL parameters (with bounds) and sources. */
import { defineFigureMeta } from '../../story/figure-types';
import { defineParams, seedParam } from '../../story/params';

export const landscapeParamSpec = defineParams({
  custom: { type: 'int', label: 'your register size (qubits)', default: 12, min: 2, max: 14 },
  layers: { type: 'int', label: 'random layers', default: 100, min: 1, max: 200 },
  grid: { type: 'int', label: 'grid points per angle', default: 64, min: 48, max: 96 },
  seed: seedParam(),
});

export const landscapeMeta = defineFigureMeta('landscape', landscapeParamSpec, [
  { label: 'Computed in the browser by this article’s state-vector simulator (src/experiments/landscape)' },
  { label: 'Circuit family: McClean et al. (2018), arXiv:1803.11173', href: 'https://arxiv.org/abs/1803.11173' },
]);
