/** Static facts about the encoding-cost figure: URL parameters and sources (no heavy imports). */
import { precisionParam, QPU_JOB_PARAMS } from '../../costs/params';
import { defineFigureMeta } from '../../story/figure-types';
import { defineParams, type ParamsOf } from '../../story/params';

export const encodingParamSpec = defineParams({
  device: QPU_JOB_PARAMS.device,
  eps: precisionParam(0.03, 0.001),
  params: { type: 'int', label: 'model parameters P', default: 100, min: 1, max: 100_000 },
});

export type EncodingParams = ParamsOf<typeof encodingParamSpec>;

export const encodingMeta = defineFigureMeta('encoding-cost', encodingParamSpec, [
  {
    label:
      'Circuits built by src/encoding (Möttönen et al. 2004; Havlíček et al. 2019); device T2 and gate times from content/data/devices.json',
  },
]);
