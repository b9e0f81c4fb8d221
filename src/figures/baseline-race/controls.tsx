/**
 * Controls after the last step: the dataset picker, seed, VQC encoding, depth and shots (all kept in the
 * URL), and pause/resume and reset for the training run. Native form controls, so every one works from
 * the keyboard (Tab, arrows in selects, Enter/Space on buttons) with the shell's visible focus ring.
 */
import { useId } from 'react';
import { useDraft } from '../../charts/useDraft';
import { deriveSeed } from '../../sim/rng';
import { RACE_DATASETS, RACE_ENCODINGS, baselineRaceParamSpec } from './meta';
import { DATASET_LABEL, ENCODING_LABEL, RACE_EPOCHS, type BaselineRaceParams } from './model';
import { fmtInt } from '../../format';

const SHOT_CHOICES = [10, 100, 1000];

export interface RaceControlsProps {
  params: BaselineRaceParams;
  setParams(patch: Partial<BaselineRaceParams>): void;
  epoch: number;
  complete: boolean;
  paused: boolean;
  onPauseToggle(): void;
  onReset(): void;
}

export function RaceControls({
  params,
  setParams,
  epoch,
  complete,
  paused,
  onPauseToggle,
  onReset,
}: RaceControlsProps) {
  const uid = useId();
  const [seedText, setSeedText] = useDraft(params.seed, String);
  const shotChoices = SHOT_CHOICES.includes(params.shots)
    ? SHOT_CHOICES
    : [...SHOT_CHOICES, params.shots].sort((a, b) => a - b);
  const layerChoices = Array.from({ length: baselineRaceParamSpec.layers.max }, (_, i) => i + 1);
  const commitSeed = () => {
    const v = Number(seedText);
    if (Number.isInteger(v) && v >= 0 && v <= baselineRaceParamSpec.seed.max) setParams({ seed: v });
    else setSeedText(String(params.seed));
  };

  return (
    <form className="br-controls" onSubmit={(e) => e.preventDefault()} aria-label="Turn the knobs">
      <div className="br-control">
        <label htmlFor={`${uid}-dataset`}>Dataset</label>
        <select
          id={`${uid}-dataset`}
          value={params.dataset}
          onChange={(e) => setParams({ dataset: e.currentTarget.value as BaselineRaceParams['dataset'] })}
        >
          {RACE_DATASETS.map((d) => (
            <option key={d} value={d}>
              {DATASET_LABEL[d]}
            </option>
          ))}
        </select>
      </div>
      <div className="br-control">
        <label htmlFor={`${uid}-encoding`}>VQC encoding</label>
        <select
          id={`${uid}-encoding`}
          value={params.encoding}
          onChange={(e) => setParams({ encoding: e.currentTarget.value as BaselineRaceParams['encoding'] })}
        >
          {RACE_ENCODINGS.map((d) => (
            <option key={d} value={d}>
              {ENCODING_LABEL[d]}
            </option>
          ))}
        </select>
      </div>
      <div className="br-control">
        <label htmlFor={`${uid}-layers`}>VQC layers</label>
        <select
          id={`${uid}-layers`}
          value={params.layers}
          onChange={(e) => setParams({ layers: Number(e.currentTarget.value) })}
        >
          {layerChoices.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
      </div>
      <div className="br-control">
        <label htmlFor={`${uid}-shots`}>Shots per circuit</label>
        <select
          id={`${uid}-shots`}
          value={params.shots}
          onChange={(e) => setParams({ shots: Number(e.currentTarget.value) })}
        >
          {shotChoices.map((d) => (
            <option key={d} value={d}>
              {fmtInt(d)}
            </option>
          ))}
        </select>
      </div>
      <div className="br-control br-control--seed">
        <label htmlFor={`${uid}-seed`}>Seed</label>
        <input
          id={`${uid}-seed`}
          type="number"
          inputMode="numeric"
          min={0}
          max={baselineRaceParamSpec.seed.max}
          step={1}
          value={seedText}
          onChange={(e) => setSeedText(e.currentTarget.value)}
          onBlur={commitSeed}
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.currentTarget.blur();
          }}
        />
        <button type="button" onClick={() => setParams({ seed: deriveSeed(params.seed, 1) % 100_000 })}>
          New seed
        </button>
      </div>
      <div className="br-control br-control--run">
        <button type="button" className="br-pause" aria-pressed={paused} disabled={complete} onClick={onPauseToggle}>
          {paused ? 'Resume training' : 'Pause training'}
        </button>
        <button type="button" className="br-reset" onClick={onReset}>
          Reset to epoch 0
        </button>
        <span className="br-epoch">
          {complete
            ? `Trained ${epoch} of ${RACE_EPOCHS} epochs`
            : paused
              ? `Paused at epoch ${epoch} of ${RACE_EPOCHS}`
              : `Epoch ${epoch} of ${RACE_EPOCHS}`}
        </span>
      </div>
    </form>
  );
}
