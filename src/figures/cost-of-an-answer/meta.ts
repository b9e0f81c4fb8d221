/** Static facts about the cost-of-an-answer figure: URL parameters and sources (no heavy imports). */
import { precisionParam, PRICE_POWER_PARAMS, QPU_JOB_PARAMS } from '../../costs/params';
import { defineFigureMeta } from '../../story/figure-types';
import { choicesOf, defineParams } from '../../story/params';

export const ANSWER_LABEL = {
  expectation: 'one expectation value',
  vqe: 'one VQE energy (3 measurement bases)',
  gradient: 'one gradient (parameter shift)',
  epoch: 'one training epoch',
} as const;
export const ANSWERS = choicesOf(ANSWER_LABEL);

export const costParamSpec = defineParams({
  answer: { type: 'choice', label: 'answer', default: 'expectation', choices: ANSWERS },
  qubits: { type: 'int', label: 'register size n (step 1)', default: 20, min: 2, max: 60 },
  layers: { type: 'int', label: 'ansatz layers L', default: 10, min: 1, max: 1000 },
  eps: precisionParam(0.01),
  examples: { type: 'int', label: 'examples per epoch', default: 100, min: 1, max: 1e7 },
  ...QPU_JOB_PARAMS,
  ...PRICE_POWER_PARAMS,
  laptopW: { type: 'number', label: 'your computer’s power (W, assumed)', default: 15, min: 0, max: 5_000 },
});

export const costMeta = defineFigureMeta('cost-of-an-answer', costParamSpec, [
  {
    label:
      'content/data/devices.json, cloud.json, gpus.json (each value’s source and date in the method panel); the browser curve is timed live on the reader’s machine',
  },
]);
