/** Static facts about the accelerator-check figure: URL parameters (the edited workload) and sources. */
import { QPU_JOB_PARAMS } from '../../costs/params';
import { defineFigureMeta } from '../../story/figure-types';
import { defineParams } from '../../story/params';

export const WORKLOAD_IDS = ['llm', 'mnist', 'femoco', 'sensor', 'portfolio', 'search'] as const;
export type WorkloadId = (typeof WORKLOAD_IDS)[number];

/** The edited workload's numbers; defaults are the MNIST classifier's (workloads.ts), switching workload loads its preset. */
export const accelParamSpec = defineParams({
  workload: { type: 'choice', label: 'edited workload', default: 'mnist', choices: WORKLOAD_IDS },
  inputs: { type: 'number', label: 'numbers loaded per circuit', default: 784, min: 0, max: 1e12 },
  outputs: { type: 'number', label: 'numbers read out', default: 10, min: 1, max: 1e15 },
  qubits: { type: 'int', label: 'qubits', default: 10, min: 1, max: 1e6 },
  depth: { type: 'number', label: 'circuit depth (layers)', default: 100, min: 1, max: 1e15 },
  size: { type: 'number', label: 'problem size N', default: 60_000, min: 1, max: 1e30 },
  device: QPU_JOB_PARAMS.device,
  readoutHours: { type: 'number', label: 'readout budget (QPU hours)', default: 24, min: 0.001, max: 1e6 },
});

export const accelMeta = defineFigureMeta('accelerator-check', accelParamSpec, [
  {
    label:
      'Workload sizes from content/data/datasets.json and the cited papers; device numbers from devices.json; the speedup condition from the speedup-erosion model',
  },
]);
