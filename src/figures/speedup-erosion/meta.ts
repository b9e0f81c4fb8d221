/** Static facts about the speedup-erosion figure: URL parameters and sources (no heavy imports). */
import { precisionParam, QPU_JOB_PARAMS } from '../../costs/params';
import { defineFigureMeta } from '../../story/figure-types';
import { defineParams, type ParamsOf } from '../../story/params';

export const erosionParamSpec = defineParams({
  speedup: {
    type: 'choice',
    label: 'claimed speedup',
    default: 'quadratic',
    choices: ['quadratic', 'exponential'] as const,
  },
  alpha: { type: 'int', label: 'classical cost exponent α (N^α)', default: 2, min: 1, max: 4 },
  eps: precisionParam(0.03),
  device: QPU_JOB_PARAMS.device,
  latency: QPU_JOB_PARAMS.latency,
  queue: QPU_JOB_PARAMS.queue,
});

export type ErosionParams = ParamsOf<typeof erosionParamSpec>;

export const erosionMeta = defineFigureMeta('speedup-erosion', erosionParamSpec, [
  {
    label: 'Device timings, latency and GPU figures from content/data/*.json (sources and dates in the method panel)',
  },
]);
