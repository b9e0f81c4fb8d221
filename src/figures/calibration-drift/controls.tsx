/** Controls of the last step: device, drift spread, shots per day and the seed (native, labelled inputs). */
import { useEffect, useId, useRef } from 'react';
import { useDraft } from '../../charts/useDraft';
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
  const uid = useId();
  const [drift, setDrift] = useDraft(params.drift);
  const t = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (t.current) clearTimeout(t.current);
    },
    [],
  );
  const devices = loadDevices().filter((d) => (DEVICE_IDS as readonly string[]).includes(d.id));
  const pct = Math.round(DRIFT.relativeSpread.twoQubitError * drift * 100);
  return (
    <form className="cd-controls" onSubmit={(e) => e.preventDefault()} aria-label="Try it yourself: calibration drift">
      <div className="cd-control">
        <label htmlFor={`${uid}-device`}>Device</label>
        <select
          id={`${uid}-device`}
          value={params.device}
          onChange={(e) => setParams({ device: e.currentTarget.value as DeviceId })}
        >
          {devices.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </div>
      <div className="cd-control">
        <label htmlFor={`${uid}-drift`}>Day-to-day spread: {pct} %</label>
        <input
          id={`${uid}-drift`}
          type="range"
          min={0}
          max={4}
          step={0.2}
          value={drift}
          aria-valuetext={`${pct} per cent`}
          onChange={(e) => {
            const v = Number(e.currentTarget.value);
            setDrift(v);
            if (t.current) clearTimeout(t.current);
            t.current = setTimeout(() => setParams({ drift: v }), 250);
          }}
        />
      </div>
      <div className="cd-control">
        <label htmlFor={`${uid}-shots`}>Shots per day</label>
        <select
          id={`${uid}-shots`}
          value={(SHOTS as readonly number[]).includes(params.shots) ? params.shots : ''}
          onChange={(e) => setParams({ shots: Number(e.currentTarget.value) })}
        >
          {(SHOTS as readonly number[]).includes(params.shots) ? null : (
            <option value="">{fmtInt(params.shots)}</option>
          )}
          {SHOTS.map((s) => (
            <option key={s} value={s}>
              {fmtInt(s)}
            </option>
          ))}
        </select>
      </div>
      <div className="cd-control cd-control--seed">
        <span>Seed {params.seed}</span>
        <button type="button" onClick={() => setParams({ seed: deriveSeed(params.seed, 1) })}>
          Another week
        </button>
      </div>
    </form>
  );
}
