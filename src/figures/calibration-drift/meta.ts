/** Static facts about the calibration-drift figure: URL parameters (with bounds) and sources. */
import type { FigureMeta } from '../../story/figure-types';
import { defaultParams, defineParams, seedParam, type ParamsOf } from '../../story/params';
import { DEVICE_IDS } from '../../sim/device-ids';

export const calibrationDriftParamSpec = defineParams({
  device: { type: 'choice', label: 'device', default: 'ibm_kingston', choices: DEVICE_IDS },
  /** Shots per day for the circuit's expectation value. */
  shots: { type: 'int', label: 'shots per day', default: 10_000, min: 100, max: 1_000_000 },
  /** Multiplies the relative day-to-day spreads of content/data/drift.json. */
  drift: { type: 'number', label: 'drift ×', default: 1, min: 0, max: 4 },
  seed: seedParam(),
});

export type CalibrationDriftFigureParams = ParamsOf<typeof calibrationDriftParamSpec>;
export const CD_DEFAULTS = defaultParams(calibrationDriftParamSpec);

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
