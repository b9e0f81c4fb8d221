/**
 * Price-plan and GPU ids of content/data/cloud.json and gpus.json, without the JSON, and the job
 * parameters every cost calculator lets the reader edit: figure metadata in the article bundle names
 * plans and defaults without carrying the sourced data (tests/unit/figures/pipeline-cost.test.ts and
 * cost-of-an-answer.test.ts check the defaults against it).
 */
import { TIMED_DEVICE_IDS } from '../sim/device-ids';

export const PLAN_IDS = [
  'ibm-payg',
  'braket-ionq-forte',
  'braket-ionq-aria',
  'braket-iqm-garnet',
  'braket-rigetti-ankaa',
  'azure-ionq-forte',
  'azure-rigetti-cepheus',
] as const;
export type PlanId = (typeof PLAN_IDS)[number];

export const GPU_IDS = ['h100-sxm', 'a100-sxm'] as const;
export type GpuId = (typeof GPU_IDS)[number];

/**
 * Where and how circuits run: device, price plan and the per-job overheads (the 2018 load-latency
 * anchor, no queue, circuits batched per job). URL parameter specs, spread into a figure's spec.
 */
export const QPU_JOB_PARAMS = {
  device: { type: 'choice', label: 'device', default: 'ibm_boston', choices: TIMED_DEVICE_IDS },
  plan: { type: 'choice', label: 'price plan', default: 'ibm-payg', choices: PLAN_IDS },
  latency: { type: 'number', label: 'latency per job (s)', default: 15, min: 0, max: 1e6 },
  queue: { type: 'number', label: 'queue per job (s)', default: 0, min: 0, max: 1e7 },
  perJob: { type: 'int', label: 'circuits per job', default: 200, min: 1, max: 1e9 },
} as const;

/** The precision ε every estimated expectation value is measured to (shots ≈ 1/ε²); at most 1. */
export function precisionParam(defaultEps: number, min = 0.0001) {
  return { type: 'number', label: 'precision ε', default: defaultEps, min, max: 1 } as const;
}

/** The GPU-hour price and the QPU's system power the bills are priced and metered with. */
export const PRICE_POWER_PARAMS = {
  gpuPrice: { type: 'number', label: 'GPU price ($/GPU-hour)', default: 12.29, min: 0, max: 10_000 },
  qpuPower: { type: 'number', label: 'QPU system power (kW)', default: 25, min: 0, max: 100_000 },
} as const;
