/** Static facts about the error-correction figure: URL parameters (with bounds) and sources. */
import { defineFigureMeta } from '../../story/figure-types';
import { defaultParams, defineParams, type ParamsOf } from '../../story/params';

/** A workload count (step 2): 1 to 10⁹, 1000 by default. */
const workloadCount = (label: string) => ({ type: 'int', label, default: 1000, min: 1, max: 1e9 }) as const;

export const errorCorrectionParamSpec = defineParams({
  /** Physical error rate per operation p for the Fowler model (the reader's hardware). */
  p: { type: 'number', label: 'physical error rate p', default: 0.001, min: 1e-5, max: 0.0056 },
  /** Target logical error per logical qubit per cycle, as a power of ten: 10^(−target). Steps 0–1. */
  target: { type: 'int', label: 'target logical error 10^−k per cycle', default: 6, min: 3, max: 18 },
  /** Logical qubits of the machine (steps 1–2). */
  logical: { type: 'int', label: 'logical qubits', default: 100, min: 1, max: 100_000 },
  /** Workload (step 2): logical layers per circuit, trainable parameters, shots per circuit, training steps. */
  layers: workloadCount('logical layers per circuit'),
  parameters: workloadCount('trainable parameters'),
  shots: workloadCount('shots per circuit'),
  steps: workloadCount('training steps'),
});

export type ErrorCorrectionParams = ParamsOf<typeof errorCorrectionParamSpec>;
export const ERROR_CORRECTION_DEFAULTS = defaultParams(errorCorrectionParamSpec);

export const errorCorrectionMeta = defineFigureMeta('error-correction', errorCorrectionParamSpec, [
  {
    label: 'Fowler, Mariantoni, Martinis, Cleland, Phys. Rev. A 86, 032324 (2012), arXiv:1208.0928',
    href: 'https://arxiv.org/abs/1208.0928',
  },
  { label: 'Google Quantum AI, Nature 638, 920 (2025), arXiv:2408.13687', href: 'https://arxiv.org/abs/2408.13687' },
]);
