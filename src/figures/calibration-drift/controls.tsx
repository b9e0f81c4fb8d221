/** Controls of the last step: device, drift spread, shots per day and the seed (native, labelled inputs). */
import { paramRanges } from '../../charts/RangeField';
import { paramSelects, withValue, type SettingsProps } from '../../charts/SelectField';
import { deriveSeed } from '../../sim/rng';
import { DEVICE_SUMMARIES } from '../../sim/device-summary';
import { DRIFT } from '../../experiments/calibration-drift/spec';
import { DEVICE_IDS } from '../../sim/device-ids';
import type { CalibrationDriftFigureParams } from './model';
import { fmtInt } from '../../format';
import { SettingsForm } from '../../charts/SettingsForm';

const SHOTS = [1000, 10_000, 100_000, 1_000_000] as const;

export function CdControls({ params, setParams }: SettingsProps<CalibrationDriftFigureParams>) {
  const deviceName = new Map(DEVICE_SUMMARIES.map((d) => [d.id, d.name]));
  const select = paramSelects(params, setParams, { className: 'cd-control' });
  const range = paramRanges(params, setParams, { className: 'cd-control', delay: 250 });
  const pct = (drift: number) => Math.round(DRIFT.relativeSpread.twoQubitError * drift * 100);
  return (
    <SettingsForm className="cd-controls" label="Try it yourself: calibration drift">
      {select('device', 'Device', DEVICE_IDS, (id) => deviceName.get(id) ?? id)}
      {range(
        'drift',
        { min: 0, max: 4, step: 0.2 },
        (drift) => `Day-to-day spread: ${pct(drift)} %`,
        (drift) => `${pct(drift)} per cent`,
      )}
      {select('shots', 'Shots per day', withValue(SHOTS, params.shots), fmtInt)}
      <div className="cd-control cd-control--seed">
        <span>Seed {params.seed}</span>
        <button type="button" onClick={() => setParams({ seed: deriveSeed(params.seed, 1) })}>
          Another week
        </button>
      </div>
    </SettingsForm>
  );
}
