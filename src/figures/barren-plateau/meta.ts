/** Static facts about the barren-plateau figure: URL parameters (with bounds) and sources. Light: the article bundle imports it. */
import { defineFigureMeta } from '../../story/figure-types';
import { defineParams, seedParam } from '../../story/params';

export const BP_COSTS = ['zz', 'global', 'local'] as const;
export type BpCost = (typeof BP_COSTS)[number];

export const barrenPlateauParamSpec = defineParams({
  samples: { type: 'int', label: 'random circuits per point', default: 200, min: 20, max: 2000 },
  seed: seedParam(),
  // The reader's sweep (last step). Defaults reproduce Wang et al.'s setting: a local cost under noise.
  nMin: { type: 'int', label: 'fewest qubits', default: 2, min: 2, max: 12 },
  nMax: { type: 'int', label: 'most qubits', default: 6, min: 2, max: 12 },
  layers: { type: 'int', label: 'layers', default: 10, min: 1, max: 200 },
  cost: { type: 'choice', label: 'cost', default: 'local', choices: BP_COSTS },
  noise: { type: 'number', label: 'depolarizing p per qubit per layer', default: 0.1, min: 0, max: 0.5 },
});

export const barrenPlateauMeta = defineFigureMeta('barren-plateau', barrenPlateauParamSpec, [
  {
    label: 'McClean et al. (2018), Barren plateaus in quantum neural network training landscapes, Nat. Commun. 9:4812',
    href: 'https://arxiv.org/abs/1803.11173',
  },
  {
    label: 'Cerezo et al. (2021), Cost function dependent barren plateaus, Nat. Commun. 12:1791',
    href: 'https://arxiv.org/abs/2001.00550',
  },
  {
    label: 'Wang et al. (2021), Noise-induced barren plateaus, Nat. Commun. 12:6961',
    href: 'https://arxiv.org/abs/2007.14384',
  },
]);
