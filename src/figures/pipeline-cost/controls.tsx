/**
 * The calculator: every input editable, validated as typed with an inline message (negative, zero, not
 * a number, fractional, absurdly large), committed to the URL when valid. Each constant shows its
 * source and date. Native labelled inputs and selects: keyboard-operable.
 */
import { useId, type ReactNode } from 'react';
import { useDraft } from '../../charts/useDraft';
import type { IntParamSpec, NumberParamSpec } from '../../story/params';
import { PIPELINE_DATASETS, PIPELINE_ENCODINGS, pipelineParamSpec } from './meta';
import type { PipelineBill } from '../../costs/pipeline';
import {
  GPU_UTILISATION,
  JOB_LATENCY,
  QPU_POWER,
  QUEUE_NOTE,
  datasetPreset,
  deviceTiming,
  GPU_IDS,
  PLAN_IDS,
  pricePlan,
  TIMED_DEVICE_IDS,
  type DatasetId,
} from '../../costs/profiles';
import type { PipelineParams } from './text';
import { checkField } from '../../charts/field-check';
import { fmtInt } from '../../format';
import { SettingsForm } from '../../charts/SettingsForm';

type NumKey =
  | 'examples'
  | 'features'
  | 'params'
  | 'epochs'
  | 'eps'
  | 'latency'
  | 'queue'
  | 'perJob'
  | 'util'
  | 'gpuPrice'
  | 'qpuPower';
type ChoiceKey = 'encoding' | 'device' | 'plan' | 'gpu';

function NumberField({
  name,
  value,
  hint,
  onCommit,
}: {
  name: NumKey;
  value: number;
  hint?: ReactNode;
  onCommit(v: number): void;
}) {
  const spec = pipelineParamSpec[name] as NumberParamSpec | IntParamSpec;
  const uid = useId();
  // What is typed and why it is refused: both start over when the committed value changes.
  const [{ text, error }, setDraft] = useDraft(value, (v): { text: string; error: string | null } => ({
    text: String(v),
    error: null,
  }));
  return (
    <div className="pc-field" data-field={name}>
      <label htmlFor={uid}>{spec.label}</label>
      <input
        id={uid}
        type="text"
        inputMode="decimal"
        value={text}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${uid}-err` : hint ? `${uid}-hint` : undefined}
        onChange={(e) => {
          const t = e.currentTarget.value;
          const r = checkField(spec, t);
          setDraft({ text: t, error: r.ok ? null : r.message });
          if (r.ok && r.value !== value) onCommit(r.value);
        }}
        onBlur={() => {
          if (!error) setDraft({ text: String(value), error: null });
        }}
      />
      {error ? (
        <span className="pc-error" id={`${uid}-err`} role="alert">
          {error}
        </span>
      ) : hint ? (
        <span className="pc-hint" id={`${uid}-hint`}>
          {hint}
        </span>
      ) : null}
    </div>
  );
}

function Select<T extends string>({
  label,
  value,
  options,
  onChange,
  hint,
}: {
  label: string;
  value: T;
  options: readonly { id: T; label: string }[];
  onChange(v: T): void;
  hint?: ReactNode;
}) {
  const uid = useId();
  return (
    <div className="pc-field">
      <label htmlFor={uid}>{label}</label>
      <select
        id={uid}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value as T)}
        aria-describedby={hint ? `${uid}-hint` : undefined}
      >
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
      {hint ? (
        <span className="pc-hint" id={`${uid}-hint`}>
          {hint}
        </span>
      ) : null}
    </div>
  );
}

const src = (s: { source: string; date: string }) => `${s.source.split(',')[0]}, ${s.date}`;

export function PipelineControls({
  params: p,
  setParams,
  bill,
}: {
  params: PipelineParams;
  setParams(patch: Partial<PipelineParams>): void;
  bill: PipelineBill;
}) {
  const preset = p.dataset !== 'custom' ? datasetPreset(p.dataset as DatasetId) : null;
  const gpuPriceHint = bill.gpuProfile.priceSource
    ? `List $${bill.gpuProfile.listUsdPerHour}/h: ${src(bill.gpuProfile.priceSource)}`
    : 'No sourced price for this GPU in the data: enter one.';
  /** A number field bound to parameter `name`; `also` is committed with it. */
  const num = (name: NumKey, hint?: ReactNode, also: Partial<PipelineParams> = {}) => (
    <NumberField
      name={name}
      value={p[name]}
      hint={hint}
      onCommit={(v) => {
        const patch: Partial<PipelineParams> = { ...also };
        patch[name] = v;
        setParams(patch);
      }}
    />
  );
  /** A select bound to parameter `key`, its options named by `name`. */
  const choice = <K extends ChoiceKey>(
    key: K,
    label: string,
    ids: readonly PipelineParams[K][],
    name: (id: PipelineParams[K]) => string,
    hint?: ReactNode,
  ) => (
    <Select
      label={label}
      value={p[key]}
      options={ids.map((id) => ({ id, label: name(id) }))}
      onChange={(v) => {
        const patch: Partial<PipelineParams> = {};
        patch[key] = v;
        setParams(patch);
      }}
      hint={hint}
    />
  );
  const form = (
    <SettingsForm className="pc-controls" label="Pipeline calculator">
      <fieldset>
        <legend>Workload</legend>
        <Select
          label="dataset preset"
          value={p.dataset}
          options={PIPELINE_DATASETS.map((id) => ({ id, label: id === 'custom' ? 'custom' : datasetPreset(id).name }))}
          onChange={(id) => {
            if (id === 'custom') setParams({ dataset: id });
            else {
              const d = datasetPreset(id);
              setParams({ dataset: id, examples: d.examples, features: d.features });
            }
          }}
          hint={preset ? src(preset) : 'Your own size and features'}
        />
        {num('examples', undefined, { dataset: 'custom' })}
        {num('features', undefined, { dataset: 'custom' })}
        {choice('encoding', 'encoding', PIPELINE_ENCODINGS, (id) => (id === 'zz' ? 'ZZ feature map' : id))}
        {num('params')}
        {num('epochs')}
        {num('eps', `${fmtInt(bill.shotsPerExpectation)} shots per expectation`)}
      </fieldset>
      <fieldset>
        <legend>Quantum side</legend>
        {choice('device', 'device (timings)', TIMED_DEVICE_IDS, (id) => deviceTiming(id).name, src(bill.device))}
        {choice('plan', 'price plan', PLAN_IDS, (id) => pricePlan(id).label, src(bill.plan))}
        {num(
          'latency',
          `A 2018 anchor (no current figure is published): ≈ ${JOB_LATENCY.seconds} s to load a job, ${src(JOB_LATENCY)}`,
        )}
        {num('queue', `Not published by any vendor (${src(QUEUE_NOTE)}); assume your own`)}
        {num('perJob')}
        {num(
          'qpuPower',
          `≈ ${QPU_POWER.kilowatts} kW, a 2015 figure for a ${QPU_POWER.system}, not a gate-model processor: ${src(QPU_POWER)}`,
        )}
      </fieldset>
      <fieldset>
        <legend>GPU beside it</legend>
        {choice(
          'gpu',
          'GPU',
          GPU_IDS,
          (id) => (id === 'h100-sxm' ? 'NVIDIA H100 SXM' : 'NVIDIA A100 SXM'),
          src(bill.gpuProfile),
        )}
        {num('util', `${GPU_UTILISATION.value} = Llama 3 training MFU: ${src(GPU_UTILISATION)}`)}
        {num('gpuPrice', gpuPriceHint)}
      </fieldset>
    </SettingsForm>
  );
  // Folded by default so the totals stay in view beside the prose; open, it scrolls within the figure.
  return (
    <details className="pc-try">
      <summary>Open the calculator: every input editable, with its source</summary>
      {form}
    </details>
  );
}
