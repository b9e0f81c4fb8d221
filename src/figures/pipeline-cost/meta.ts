/**
 * Static facts about the pipeline-cost figure: URL parameters (bounds, defaults) and sources. Kept free
 * of the JSON data (the article bundle imports it); tests/unit/figures/pipeline-cost.test.ts checks
 * that the defaults equal the sourced values in content/data/*.json.
 */
import { GPU_IDS, precisionParam, PRICE_POWER_PARAMS, QPU_JOB_PARAMS } from '../../costs/params';
import { defineFigureMeta } from '../../story/figure-types';
import { defineParams } from '../../story/params';

export const PIPELINE_DATASETS = ['mnist', 'iris', 'imagenet-1k', 'llama3-pretraining', 'custom'] as const;
export const PIPELINE_ENCODINGS = ['amplitude', 'angle', 'basis', 'zz'] as const;

export const pipelineParamSpec = defineParams({
  dataset: { type: 'choice', label: 'dataset', default: 'mnist', choices: PIPELINE_DATASETS },
  examples: { type: 'number', label: 'training examples', default: 60_000, min: 1, max: 1e15 },
  features: { type: 'int', label: 'features per example', default: 784, min: 1, max: 16_777_216 },
  encoding: { type: 'choice', label: 'encoding', default: 'amplitude', choices: PIPELINE_ENCODINGS },
  params: { type: 'int', label: 'model parameters P', default: 100, min: 1, max: 1_000_000 },
  epochs: { type: 'int', label: 'epochs', default: 1, min: 1, max: 10_000 },
  eps: precisionParam(0.03),
  ...QPU_JOB_PARAMS,
  gpu: { type: 'choice', label: 'GPU', default: 'h100-sxm', choices: GPU_IDS },
  util: { type: 'number', label: 'GPU utilisation', default: 0.38, min: 0.001, max: 1 },
  ...PRICE_POWER_PARAMS,
});

export const pipelineMeta = defineFigureMeta('pipeline-cost', pipelineParamSpec, [
  {
    label:
      'content/data/datasets.json, devices.json, cloud.json, gpus.json (each value’s source and date shown in the figure)',
  },
]);
