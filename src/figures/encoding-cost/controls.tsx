/** The last step's settings: the device, the target precision ε and the model's parameter count. */
import { useId, useState } from 'react';
import { useDraft } from '../../charts/useDraft';
import { paramSelects, type SettingsProps } from '../../charts/SelectField';
import { SettingsForm } from '../../charts/SettingsForm';
import { checkField } from '../../charts/field-check';
import { TIMED_DEVICE_IDS } from '../../sim/device-ids';
import { encodingParamSpec, type EncodingParams } from './meta';
import { deviceFor } from './model';

export function EncodingControls({ params: p, setParams }: SettingsProps<EncodingParams>) {
  const select = paramSelects(p, setParams, { layout: 'inline' });
  return (
    <SettingsForm className="ec-controls" label="Encoding bill settings">
      {select('device', 'device (T2, gate times)', TIMED_DEVICE_IDS, (d) => deviceFor(d).name)}
      <CheckedField name="eps" inputMode="decimal" value={p.eps} onCommit={(eps) => setParams({ eps })} />
      <CheckedField name="params" inputMode="numeric" value={p.params} onCommit={(params) => setParams({ params })} />
    </SettingsForm>
  );
}

/** A text input checked against its parameter spec as it is typed: a valid value commits, anything else says why. */
function CheckedField({
  name,
  inputMode,
  value,
  onCommit,
}: {
  name: 'eps' | 'params';
  inputMode: 'decimal' | 'numeric';
  value: number;
  onCommit(v: number): void;
}) {
  const spec = encodingParamSpec[name];
  const id = useId();
  const [text, setText] = useDraft(value, String);
  const [error, setError] = useState<string | undefined>();
  return (
    <label htmlFor={id}>
      {spec.label}
      <input
        id={id}
        type="text"
        inputMode={inputMode}
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-err` : undefined}
        onChange={(e) => {
          const t = e.currentTarget.value;
          setText(t);
          const r = checkField(spec, t);
          setError(r.ok ? undefined : r.message);
          if (r.ok) onCommit(r.value);
        }}
      />
      {error ? (
        <span className="ec-error" id={`${id}-err`} role="alert">
          {error}
        </span>
      ) : null}
    </label>
  );
}
