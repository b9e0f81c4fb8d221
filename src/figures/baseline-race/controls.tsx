/**
 * Controls after the last step: the dataset picker, seed, VQC encoding, depth and shots (all kept in the
 * URL), and pause/resume and reset for the training run. Native form controls, so every one works from
 * the keyboard (Tab, arrows in selects, Enter/Space on buttons) with the shell's visible focus ring.
 */
import { IntField } from '../../charts/IntField';
import { paramSelects, withValue, type SettingsProps } from '../../charts/SelectField';
import { deriveSeed } from '../../sim/rng';
import { RACE_DATASETS, RACE_ENCODINGS, baselineRaceParamSpec } from './meta';
import { DATASET_LABEL, ENCODING_LABEL, RACE_EPOCHS, type BaselineRaceParams } from './model';
import { fmtInt } from '../../format';
import { SettingsForm } from '../../charts/SettingsForm';

const SHOT_CHOICES = [10, 100, 1000];

/** The training run as its buttons see it: where it is, and pause/resume and reset. */
export interface RaceRunControl {
  epoch: number;
  complete: boolean;
  paused: boolean;
  onPauseToggle(): void;
  onReset(): void;
}

export interface RaceControlsProps extends SettingsProps<BaselineRaceParams> {
  run: RaceRunControl;
}

export function RaceControls({ params, setParams, run }: RaceControlsProps) {
  const { epoch, complete, paused, onPauseToggle, onReset } = run;
  const layerChoices = Array.from({ length: baselineRaceParamSpec.layers.max }, (_, i) => i + 1);
  const select = paramSelects(params, setParams, { className: 'br-control' });

  return (
    <SettingsForm className="br-controls" label="Turn the knobs">
      {select('dataset', 'Dataset', RACE_DATASETS, (d) => DATASET_LABEL[d])}
      {select('encoding', 'VQC encoding', RACE_ENCODINGS, (e) => ENCODING_LABEL[e])}
      {select('layers', 'VQC layers', layerChoices)}
      {select('shots', 'Shots per circuit', withValue(SHOT_CHOICES, params.shots), fmtInt)}
      <IntField
        className="br-control br-control--seed"
        label="Seed"
        value={params.seed}
        min={0}
        max={baselineRaceParamSpec.seed.max}
        onCommit={(seed) => setParams({ seed })}
      >
        <button type="button" onClick={() => setParams({ seed: deriveSeed(params.seed, 1) % 100_000 })}>
          New seed
        </button>
      </IntField>
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
    </SettingsForm>
  );
}
