/** Controls of the last step: device, drift spread, shots per day and the seed (native, labelled inputs). */
import { RangeField } from '../../charts/RangeField';
import { SelectField, withValue } from '../../charts/SelectField';
import { deriveSeed } from '../../sim/rng';
import { loadDevices } from '../../sim/noise';
import { DRIFT } from '../../experiments/calibration-drift';
import { DEVICE_IDS, type DeviceId } from '../../sim/device-ids';
import type { CalibrationDriftFigureParams } from './model';
import { fmtInt } from '../../format';

const SHOTS = [1000, 10_000, 100_000, 1_000_000] as const;

export function CdControls({
  params,
  setParams,
}: {
  params: CalibrationDriftFigureParams;
  setParams(p: Partial<CalibrationDriftFigureParams>): void;
}) {
  const devices = loadDevices().filter((d) => (DEVICE_IDS as readonly string[]).includes(d.id));
  const pct = (drift: number) => Math.round(DRIFT.relativeSpread.twoQubitError * drift * 100);
  return (
    <form className="cd-controls" onSubmit={(e) => e.preventDefault()} aria-label="Try it yourself: calibration drift">
      <SelectField
        className="cd-control"
        label="Device"
        value={params.device}
        options={devices.map((d) => d.id as DeviceId)}
        format={(id) => devices.find((d) => d.id === id)?.name ?? id}
        onChange={(device) => setParams({ device })}
      />
      <RangeField
        className="cd-control"
        label={(drift) => `Day-to-day spread: ${pct(drift)} %`}
        valueText={(drift) => `${pct(drift)} per cent`}
        value={params.drift}
        min={0}
        max={4}
        step={0.2}
        delay={250}
        onCommit={(drift) => setParams({ drift })}
      />
      <SelectField
        className="cd-control"
        label="Shots per day"
        value={params.shots}
        options={withValue(SHOTS, params.shots)}
        format={fmtInt}
        onChange={(shots) => setParams({ shots })}
      />
      <div className="cd-control cd-control--seed">
        <span>Seed {params.seed}</span>
        <button type="button" onClick={() => setParams({ seed: deriveSeed(params.seed, 1) })}>
          Another week
        </button>
      </div>
    </form>
  );
}
