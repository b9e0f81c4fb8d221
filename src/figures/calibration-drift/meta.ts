/** Static facts about the calibration-drift figure: URL parameters (with bounds) and sources. */
import { defineFigureMeta } from '../../story/figure-types';
import { defaultParams, defineParams, deviceParam, seedParam, type ParamsOf } from '../../story/params';

export const calibrationDriftParamSpec = defineParams({
  device: deviceParam('ibm_kingston'),
  /** Shots per day for the circuit's expectation value. */
  shots: { type: 'int', label: 'shots per day', default: 10_000, min: 100, max: 1_000_000 },
  /** Multiplies the relative day-to-day spreads of content/data/drift.json. */
  drift: { type: 'number', label: 'drift ×', default: 1, min: 0, max: 4 },
  seed: seedParam(),
});

export type CalibrationDriftFigureParams = ParamsOf<typeof calibrationDriftParamSpec>;
export const CD_DEFAULTS = defaultParams(calibrationDriftParamSpec);

export const calibrationDriftMeta = defineFigureMeta('calibration-drift', calibrationDriftParamSpec, [
  {
    label:
      'Device medians: content/data/devices.json; drift spreads: content/data/drift.json (an assumption, see method)',
  },
]);
