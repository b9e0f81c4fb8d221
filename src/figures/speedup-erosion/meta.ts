/** Static facts about the speedup-erosion figure: URL parameters and sources (no heavy imports). */
import { QPU_JOB_PARAMS } from '../../costs/params';
import type { FigureMeta } from '../../story/figure-types';
import { defineParams, type ParamsOf } from '../../story/params';

export const erosionParamSpec = defineParams({
  speedup: {
    type: 'choice',
    label: 'claimed speedup',
    default: 'quadratic',
    choices: ['quadratic', 'exponential'] as const,
  },
  alpha: { type: 'int', label: 'classical cost exponent α (N^α)', default: 2, min: 1, max: 4 },
  eps: { type: 'number', label: 'precision ε', default: 0.03, min: 0.0001, max: 1 },
  device: QPU_JOB_PARAMS.device,
  latency: QPU_JOB_PARAMS.latency,
  queue: QPU_JOB_PARAMS.queue,
});

export type ErosionParams = ParamsOf<typeof erosionParamSpec>;

export const erosionMeta: FigureMeta<typeof erosionParamSpec> = {
  id: 'speedup-erosion',
  params: erosionParamSpec,
  sources: [
    {
      label: 'Device timings, latency and GPU figures from content/data/*.json (sources and dates in the method panel)',
    },
  ],
};
