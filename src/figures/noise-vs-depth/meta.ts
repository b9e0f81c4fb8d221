/** Static facts about the noise-vs-depth figure: URL parameters (with bounds) and sources. */
import { defineFigureMeta } from '../../story/figure-types';
import { defaultParams, defineParams, deviceParam, seedParam, type ParamsOf } from '../../story/params';

/** A factor on one of the device's error rates: 0 (none) to 10, 1 (the device as calibrated) by default. */
const errorFactor = (label: string) => ({ type: 'number', label, default: 1, min: 0, max: 10 }) as const;

export const noiseVsDepthParamSpec = defineParams({
  device: deviceParam('ibm_boston'),
  family: { type: 'choice', label: 'circuit', default: 'ghz', choices: ['ghz', 'layered'] },
  qubits: { type: 'int', label: 'qubits', default: 4, min: 2, max: 6 },
  depth: { type: 'int', label: 'maximum depth', default: 300, min: 10, max: 400 },
  shots: { type: 'int', label: 'shots', default: 1000, min: 10, max: 10_000 },
  /** Factors on the device's error rates: gate errors, decoherence rates (1/T1, 1/T2), readout errors. */
  gate: errorFactor('gate error ×'),
  decoherence: errorFactor('decoherence ×'),
  readout: errorFactor('readout error ×'),
  seed: seedParam(20_260_402),
});

export type NoiseVsDepthFigureParams = ParamsOf<typeof noiseVsDepthParamSpec>;
export const NVD_DEFAULTS = defaultParams(noiseVsDepthParamSpec);

export const noiseVsDepthMeta = defineFigureMeta('noise-vs-depth', noiseVsDepthParamSpec, [
  { label: 'Device calibration medians: content/data/devices.json (each device with its source and date)' },
  { label: 'Computed in your browser by this article’s density-matrix simulator (src/sim)' },
]);
