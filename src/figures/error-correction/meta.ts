/** Static facts about the error-correction figure: URL parameters (with bounds) and sources. */
import type { FigureMeta } from '../../story/figure-types';

export interface ErrorCorrectionParams {
  /** Physical error rate per operation p for the Fowler model (the reader's hardware). */
  p: number;
  /** Target logical error per logical qubit per cycle, as a power of ten: 10^(−target). Steps 0–1. */
  target: number;
  /** Logical qubits of the machine (steps 1–2). */
  logical: number;
  /** Workload (step 2): logical layers per circuit, trainable parameters, shots per circuit, training steps. */
  layers: number;
  parameters: number;
  shots: number;
  steps: number;
}

export const ERROR_CORRECTION_DEFAULTS: ErrorCorrectionParams = {
  p: 0.001,
  target: 6,
  logical: 100,
  layers: 1000,
  parameters: 1000,
  shots: 1000,
  steps: 1000,
};

export const errorCorrectionParamSpec = {
  p: { type: 'number', label: 'physical error rate p', default: ERROR_CORRECTION_DEFAULTS.p, min: 1e-5, max: 0.0056 },
  target: {
    type: 'int',
    label: 'target logical error 10^−k per cycle',
    default: ERROR_CORRECTION_DEFAULTS.target,
    min: 3,
    max: 18,
  },
  logical: { type: 'int', label: 'logical qubits', default: ERROR_CORRECTION_DEFAULTS.logical, min: 1, max: 100_000 },
  layers: {
    type: 'int',
    label: 'logical layers per circuit',
    default: ERROR_CORRECTION_DEFAULTS.layers,
    min: 1,
    max: 1e9,
  },
  parameters: {
    type: 'int',
    label: 'trainable parameters',
    default: ERROR_CORRECTION_DEFAULTS.parameters,
    min: 1,
    max: 1e9,
  },
  shots: { type: 'int', label: 'shots per circuit', default: ERROR_CORRECTION_DEFAULTS.shots, min: 1, max: 1e9 },
  steps: { type: 'int', label: 'training steps', default: ERROR_CORRECTION_DEFAULTS.steps, min: 1, max: 1e9 },
} as const;

export const errorCorrectionMeta: FigureMeta<typeof errorCorrectionParamSpec> = {
  id: 'error-correction',
  params: errorCorrectionParamSpec,
  sources: [
    {
      label: 'Fowler, Mariantoni, Martinis, Cleland, Phys. Rev. A 86, 032324 (2012), arXiv:1208.0928',
      href: 'https://arxiv.org/abs/1208.0928',
    },
    { label: 'Google Quantum AI, Nature 638, 920 (2025), arXiv:2408.13687', href: 'https://arxiv.org/abs/2408.13687' },
  ],
};
