import type { VqcConfig } from './vqc';

/**
 * The small classifier the article trains on two features: 2 qubits, 3 re-uploading angle-encoded layers with
 * CZ entanglers, a logistic read-out and cross-entropy loss. The baseline race and the calibration-drift model
 * both train it; each adds its own shots, optimiser and batch settings.
 */
export const TWO_FEATURE_CIRCUIT = {
  qubits: 2,
  layers: 3,
  encoding: 'angle',
  reupload: true,
  entangler: 'cz',
  readout: 'logistic',
  loss: 'bce',
} as const satisfies Partial<VqcConfig>;
