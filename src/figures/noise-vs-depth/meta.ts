/** Static facts about the noise-vs-depth figure: URL parameters (with bounds) and sources. */
import { DEVICE_IDS, type DeviceId } from '../../sim/device-ids';
import type { FigureMeta } from '../../story/figure-types';

export interface NoiseVsDepthFigureParams {
  device: DeviceId;
  family: 'ghz' | 'layered';
  qubits: number;
  depth: number;
  shots: number;
  /** Factors on the device's error rates: gate errors, decoherence rates (1/T1, 1/T2), readout errors. */
  gate: number;
  decoherence: number;
  readout: number;
  seed: number;
}

export const NVD_DEFAULTS: NoiseVsDepthFigureParams = {
  device: 'ibm_boston',
  family: 'ghz',
  qubits: 4,
  depth: 300,
  shots: 1000,
  gate: 1,
  decoherence: 1,
  readout: 1,
  seed: 20_260_402,
};

export const noiseVsDepthParamSpec = {
  device: { type: 'choice', label: 'device', default: NVD_DEFAULTS.device, choices: DEVICE_IDS },
  family: { type: 'choice', label: 'circuit', default: NVD_DEFAULTS.family, choices: ['ghz', 'layered'] as const },
  qubits: { type: 'int', label: 'qubits', default: NVD_DEFAULTS.qubits, min: 2, max: 6 },
  depth: { type: 'int', label: 'maximum depth', default: NVD_DEFAULTS.depth, min: 10, max: 400 },
  shots: { type: 'int', label: 'shots', default: NVD_DEFAULTS.shots, min: 10, max: 10_000 },
  gate: { type: 'number', label: 'gate error ×', default: 1, min: 0, max: 10 },
  decoherence: { type: 'number', label: 'decoherence ×', default: 1, min: 0, max: 10 },
  readout: { type: 'number', label: 'readout error ×', default: 1, min: 0, max: 10 },
  seed: { type: 'int', label: 'seed', default: NVD_DEFAULTS.seed, min: 0, max: 4_294_967_295 },
} as const;

export const noiseVsDepthMeta: FigureMeta<typeof noiseVsDepthParamSpec> = {
  id: 'noise-vs-depth',
  params: noiseVsDepthParamSpec,
  sources: [
    { label: 'Device calibration medians: content/data/devices.json (each device with its source and date)' },
    { label: 'Computed in your browser by this article’s density-matrix simulator (src/sim)' },
  ],
};
