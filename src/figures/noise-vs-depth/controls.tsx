/**
 * Controls of the last step: a device picker (native radio group: arrow keys move between devices),
 * the circuit, qubits and shots, and one slider per noise source (a factor on the device's rates).
 * Sliders commit after a short pause, so dragging does not restart the simulation on every pixel.
 */
import { useId } from 'react';
import { paramRanges } from '../../charts/RangeField';
import { paramSelects, withValue, type SettingsProps } from '../../charts/SelectField';
import { noiseVsDepthParamSpec } from './meta';
import { DEVICE_SUMMARIES } from '../../sim/device-summary';
import { FoldAway } from '../../charts/FoldAway';
import { DEVICE_IDS, type DeviceId } from '../../sim/device-ids';
import { scaledFigures, type NoiseVsDepthFigureParams } from './model';
import { fmtDuration, fmtInt, fmtSig } from '../../format';
import { SettingsForm } from '../../charts/SettingsForm';

/** Factor choices of the sliders (log-spaced; 0 switches the source off). */
export const FACTORS = [0, 0.1, 0.2, 0.5, 1, 2, 5, 10] as const;
const FACTOR_STOPS = { values: FACTORS };
export const SHOT_CHOICES = [100, 1000, 10_000] as const;
const QUBIT_CHOICES = [2, 3, 4, 5, 6];
const FAMILY_LABEL: Record<NoiseVsDepthFigureParams['family'], string> = {
  ghz: 'GHZ with echo blocks',
  layered: 'Layered (variational-style)',
};

const g2 = (v: number) => fmtSig(v, 2);
const pct = (v: number) => `${fmtSig(v * 100, 2)}%`;
/** A coherence time given in µs. */
const fmtTime = (us: number) => fmtDuration(us * 1e-6);

export function NvdControls({ params, setParams }: SettingsProps<NoiseVsDepthFigureParams>) {
  const uid = useId();
  const devices = DEVICE_SUMMARIES.filter((d) => (DEVICE_IDS as readonly string[]).includes(d.id));
  const dev = devices.find((d) => d.id === params.device) ?? devices[0];
  const select = paramSelects(params, setParams, { className: 'nvd-control' });
  const range = paramRanges(params, setParams, { className: 'nvd-control', delay: 250 });
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
    <SettingsForm className="nvd-controls" label="Try it yourself: noise against depth">
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
      {select('family', 'Circuit', noiseVsDepthParamSpec.family.choices, (f) => FAMILY_LABEL[f])}
      {select('qubits', 'Qubits', QUBIT_CHOICES)}
      {select('shots', 'Shots per point', withValue(SHOT_CHOICES, params.shots), fmtInt)}
      {range(
        'gate',
        FACTOR_STOPS,
        (f) => `Gate error ×${f}: 2-qubit ${twoQ(f)}`,
        (f) => `times ${f}, two-qubit error ${twoQ(f)}`,
      )}
      {range(
        'decoherence',
        FACTOR_STOPS,
        (f) => `Decoherence ×${f}: ${t1(f)}`,
        (f) => `times ${f}, ${t1(f)}`,
      )}
      {range(
        'readout',
        FACTOR_STOPS,
        (f) => `Readout error ×${f}: ${ro(f)}`,
        (f) => `times ${f}, readout error ${ro(f)}`,
      )}
    </SettingsForm>
  );
  return (
    <FoldAway className="nvd-try" summary="Try it yourself: device, circuit and error rates">
      {form}
    </FoldAway>
  );
}
