/** Static facts about the calibration-drift figure: URL parameters (with bounds) and sources. */
import type { FigureMeta } from '../../story/figure-types';
import { DEVICE_IDS, type DeviceId } from '../../sim/device-ids';

export interface CalibrationDriftFigureParams {
  device: DeviceId;
  /** Shots per day for the circuit's expectation value. */
  shots: number;
  /** Multiplies the relative day-to-day spreads of content/data/drift.json. */
  drift: number;
  seed: number;
}

export const CD_DEFAULTS: CalibrationDriftFigureParams = { device: 'ibm_kingston', shots: 10_000, drift: 1, seed: 1 };

export const calibrationDriftParamSpec = {
  device: { type: 'choice', label: 'device', default: CD_DEFAULTS.device, choices: DEVICE_IDS },
  shots: { type: 'int', label: 'shots per day', default: CD_DEFAULTS.shots, min: 100, max: 1_000_000 },
  drift: { type: 'number', label: 'drift ×', default: CD_DEFAULTS.drift, min: 0, max: 4 },
  seed: { type: 'int', label: 'seed', default: CD_DEFAULTS.seed, min: 0, max: 4_294_967_295 },
} as const;

export const calibrationDriftMeta: FigureMeta<typeof calibrationDriftParamSpec> = {
  id: 'calibration-drift',
  params: calibrationDriftParamSpec,
  sources: [
    {
      label:
        'Device medians: content/data/devices.json; drift spreads: content/data/drift.json (an assumption, see method)',
    },
  ],
};
