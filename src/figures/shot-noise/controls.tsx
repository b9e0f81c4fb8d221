/**
 * Controls of the last step: θ, N and the seed. Native inputs (keyboard-operable, labelled); range
 * inputs commit after a short pause so dragging does not restart the sampling on every pixel.
 */
import { paramRanges } from '../../charts/RangeField';
import { IntField } from '../../charts/IntField';
import { deriveSeed } from '../../sim/rng';
import { FoldAway } from '../../charts/FoldAway';
import { SEED_MAX } from '../../story/params';
import type { ShotNoiseParams } from './model';
import { fmtInt } from '../../format';
import type { SettingsProps } from '../../charts/SelectField';
import { SettingsForm } from '../../charts/SettingsForm';

export const SHOT_CHOICES = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000] as const;

/** Index of the choice nearest to n on a log scale. */
export function nearestShotChoice(n: number): number {
  let best = 0;
  for (let i = 1; i < SHOT_CHOICES.length; i++) {
    if (Math.abs(Math.log(SHOT_CHOICES[i] / n)) < Math.abs(Math.log(SHOT_CHOICES[best] / n))) best = i;
  }
  return best;
}

export function ShotNoiseControls({ params, setParams }: SettingsProps<ShotNoiseParams>) {
  const range = paramRanges(params, setParams, { className: 'sn-control', delay: 220 });
  const form = (
    <SettingsForm className="sn-controls" label="Try it yourself">
      {range(
        'theta',
        { min: 0, max: 3.14, step: 0.01 },
        (theta) => `θ = ${theta.toFixed(2)} rad (⟨Z⟩ = ${Math.cos(theta).toFixed(3)})`,
      )}
      {range(
        'shots',
        { values: SHOT_CHOICES, nearest: nearestShotChoice },
        (n) => `N = ${fmtInt(n)} shots per run, against ${fmtInt(n * 100)}`,
        (n) => `${fmtInt(n)} shots`,
      )}
      <IntField
        className="sn-control sn-control--seed"
        label="Seed"
        value={params.seed}
        min={0}
        max={SEED_MAX}
        onCommit={(seed) => setParams({ seed })}
      >
        <button type="button" onClick={() => setParams({ seed: deriveSeed(params.seed, 1) })}>
          New seed
        </button>
      </IntField>
    </SettingsForm>
  );
  return (
    <FoldAway className="sn-try" summary="Try it yourself: θ, N and the seed">
      {form}
    </FoldAway>
  );
}
