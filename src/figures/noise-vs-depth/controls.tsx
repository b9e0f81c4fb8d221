/**
 * Controls of the last step: a device picker (native radio group: arrow keys move between devices),
 * the circuit, qubits and shots, and one slider per noise source (a factor on the device's rates).
 * Sliders commit after a short pause, so dragging does not restart the simulation on every pixel.
 */
import { useId } from 'react';
import { useDraft } from '../../charts/useDraft';
import { loadDevices } from '../../sim/noise';
import { useMediaQuery } from '../../story/motion';
import { DEVICE_IDS, type DeviceId } from '../../sim/device-ids';
import { scaledFigures, type NoiseVsDepthFigureParams } from './model';
import { fmtDuration, fmtInt, fmtSig } from '../../format';
import { useDebounced } from '../../charts';

/** Factor choices of the sliders (log-spaced; 0 switches the source off). */
export const FACTORS = [0, 0.1, 0.2, 0.5, 1, 2, 5, 10] as const;
export const SHOT_CHOICES = [100, 1000, 10_000] as const;

export function nearestFactor(v: number): number {
  let best = 0;
  for (let i = 1; i < FACTORS.length; i++) if (Math.abs(FACTORS[i] - v) < Math.abs(FACTORS[best] - v)) best = i;
  return best;
}

const g2 = (v: number) => fmtSig(v, 2);
const pct = (v: number) => `${fmtSig(v * 100, 2)}%`;
/** A coherence time given in µs. */
const fmtTime = (us: number) => fmtDuration(us * 1e-6);

function FactorSlider({
  label,
  valueText,
  value,
  onCommit,
}: {
  label: (f: number) => string;
  valueText: (f: number) => string;
  value: number;
  onCommit(v: number): void;
}) {
  const uid = useId();
  const [idx, setIdx] = useDraft(value, nearestFactor);
  const commit = useDebounced<number>((i) => onCommit(FACTORS[i]), 250);
  const f = FACTORS[idx];
  return (
    <div className="nvd-control">
      <label htmlFor={uid}>{label(f)}</label>
      <input
        id={uid}
        type="range"
        min={0}
        max={FACTORS.length - 1}
        step={1}
        value={idx}
        aria-valuetext={valueText(f)}
        onChange={(e) => {
          const i = Number(e.currentTarget.value);
          setIdx(i);
          commit(i);
        }}
      />
    </div>
  );
}

export function NvdControls({
  params,
  setParams,
}: {
  params: NoiseVsDepthFigureParams;
  setParams(p: Partial<NoiseVsDepthFigureParams>): void;
}) {
  const uid = useId();
  const devices = loadDevices().filter((d) => (DEVICE_IDS as readonly string[]).includes(d.id));
  const dev = devices.find((d) => d.id === params.device) ?? devices[0];
  const wide = useMediaQuery('(min-width: 960px)');
  const fig = (f: Partial<Pick<NoiseVsDepthFigureParams, 'gate' | 'decoherence' | 'readout'>>) =>
    scaledFigures(dev, { gate: params.gate, decoherence: params.decoherence, readout: params.readout, ...f });
  const twoQ = (f: number) => {
    const v = fig({ gate: f }).twoQubitError;
    return v === null ? 'not published' : `${g2(v)}${dev.errorConvention === 'pauli' ? ' (Pauli)' : ''}`;
  };
  const t1 = (f: number) => {
    const s = fig({ decoherence: f });
    if (s.t1_us === null) return 'not published (off)';
    if (!Number.isFinite(s.t1_us)) return 'off';
    return `T1 = ${fmtTime(s.t1_us)}${s.t2_us !== null ? `, T2 = ${fmtTime(s.t2_us)}` : ''}`;
  };
  const ro = (f: number) => {
    const v = fig({ readout: f }).readout;
    return v === null ? 'not published' : pct(v);
  };

  const form = (
    <form
      className="nvd-controls"
      onSubmit={(e) => e.preventDefault()}
      aria-label="Try it yourself: noise against depth"
    >
      <fieldset className="nvd-devices">
        <legend>Device profile</legend>
        {devices.map((d) => (
          <label key={d.id} className="nvd-device-option">
            <input
              type="radio"
              name={`${uid}-device`}
              value={d.id}
              checked={d.id === params.device}
              onChange={() => setParams({ device: d.id as DeviceId })}
            />
            {d.name}
          </label>
        ))}
        <p className="nvd-source">
          Source: {dev.source} ({dev.date})
        </p>
      </fieldset>
      <div className="nvd-control">
        <label htmlFor={`${uid}-family`}>Circuit</label>
        <select
          id={`${uid}-family`}
          value={params.family}
          onChange={(e) => setParams({ family: e.currentTarget.value as NoiseVsDepthFigureParams['family'] })}
        >
          <option value="ghz">GHZ with echo blocks</option>
          <option value="layered">Layered (variational-style)</option>
        </select>
      </div>
      <div className="nvd-control">
        <label htmlFor={`${uid}-qubits`}>Qubits</label>
        <select
          id={`${uid}-qubits`}
          value={params.qubits}
          onChange={(e) => setParams({ qubits: Number(e.currentTarget.value) })}
        >
          {[2, 3, 4, 5, 6].map((q) => (
            <option key={q} value={q}>
              {q}
            </option>
          ))}
        </select>
      </div>
      <div className="nvd-control">
        <label htmlFor={`${uid}-shots`}>Shots per point</label>
        <select
          id={`${uid}-shots`}
          value={SHOT_CHOICES.includes(params.shots as 100) ? params.shots : ''}
          onChange={(e) => setParams({ shots: Number(e.currentTarget.value) })}
        >
          {SHOT_CHOICES.includes(params.shots as 100) ? null : <option value="">{params.shots}</option>}
          {SHOT_CHOICES.map((s) => (
            <option key={s} value={s}>
              {fmtInt(s)}
            </option>
          ))}
        </select>
      </div>
      <FactorSlider
        value={params.gate}
        onCommit={(v) => setParams({ gate: v })}
        label={(f) => `Gate error ×${f}: 2-qubit ${twoQ(f)}`}
        valueText={(f) => `times ${f}, two-qubit error ${twoQ(f)}`}
      />
      <FactorSlider
        value={params.decoherence}
        onCommit={(v) => setParams({ decoherence: v })}
        label={(f) => `Decoherence ×${f}: ${t1(f)}`}
        valueText={(f) => `times ${f}, ${t1(f)}`}
      />
      <FactorSlider
        value={params.readout}
        onCommit={(v) => setParams({ readout: v })}
        label={(f) => `Readout error ×${f}: ${ro(f)}`}
        valueText={(f) => `times ${f}, readout error ${ro(f)}`}
      />
    </form>
  );
  return wide ? (
    form
  ) : (
    <details className="nvd-try">
      <summary>Try it yourself: device, circuit and error rates</summary>
      {form}
    </details>
  );
}
