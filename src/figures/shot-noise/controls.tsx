/**
 * Controls of the last step: θ, N and the seed. Native inputs (keyboard-operable, labelled); range
 * inputs commit after a short pause so dragging does not restart the sampling on every pixel.
 */
import { useId } from 'react';
import { useDraft } from '../../charts/useDraft';
import { deriveSeed } from '../../sim/rng';
import { useMediaQuery } from '../../story/motion';
import { SEED_MAX } from '../../story/params';
import type { ShotNoiseParams } from './model';
import { fmtInt } from '../../format';
import { useDebounced } from '../../charts';

export const SHOT_CHOICES = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000] as const;

/** Index of the choice nearest to n on a log scale. */
export function nearestShotChoice(n: number): number {
  let best = 0;
  for (let i = 1; i < SHOT_CHOICES.length; i++) {
    if (Math.abs(Math.log(SHOT_CHOICES[i] / n)) < Math.abs(Math.log(SHOT_CHOICES[best] / n))) best = i;
  }
  return best;
}

export function ShotNoiseControls({
  params,
  setParams,
}: {
  params: ShotNoiseParams;
  setParams(p: Partial<ShotNoiseParams>): void;
}) {
  const uid = useId();
  const [theta, setTheta] = useDraft(params.theta);
  const [shotIdx, setShotIdx] = useDraft(params.shots, nearestShotChoice);
  const [seedText, setSeedText] = useDraft(params.seed, String);
  const commitTheta = useDebounced<number>((v) => setParams({ theta: v }), 220);
  const commitShots = useDebounced<number>((i) => setParams({ shots: SHOT_CHOICES[i] }), 220);
  const shots = SHOT_CHOICES[shotIdx];
  // Beside the prose the controls show directly; in the narrow sticky figure they fold away.
  const wide = useMediaQuery('(min-width: 960px)');

  const form = (
    <form className="sn-controls" onSubmit={(e) => e.preventDefault()} aria-label="Try it yourself">
      <div className="sn-control">
        <label htmlFor={`${uid}-theta`}>
          θ = {theta.toFixed(2)} rad (⟨Z⟩ = {Math.cos(theta).toFixed(3)})
        </label>
        <input
          id={`${uid}-theta`}
          type="range"
          min={0}
          max={3.14}
          step={0.01}
          value={theta}
          onChange={(e) => {
            const v = Number(e.currentTarget.value);
            setTheta(v);
            commitTheta(v);
          }}
        />
      </div>
      <div className="sn-control">
        <label htmlFor={`${uid}-shots`}>
          N = {fmtInt(shots)} shots per run, against {fmtInt(shots * 100)}
        </label>
        <input
          id={`${uid}-shots`}
          type="range"
          min={0}
          max={SHOT_CHOICES.length - 1}
          step={1}
          value={shotIdx}
          aria-valuetext={`${fmtInt(shots)} shots`}
          onChange={(e) => {
            const i = Number(e.currentTarget.value);
            setShotIdx(i);
            commitShots(i);
          }}
        />
      </div>
      <div className="sn-control sn-control--seed">
        <label htmlFor={`${uid}-seed`}>Seed</label>
        <input
          id={`${uid}-seed`}
          type="number"
          inputMode="numeric"
          min={0}
          max={SEED_MAX}
          step={1}
          value={seedText}
          onChange={(e) => setSeedText(e.currentTarget.value)}
          onBlur={() => {
            const v = Number(seedText);
            if (Number.isInteger(v) && v >= 0) setParams({ seed: v });
            else setSeedText(String(params.seed));
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.currentTarget.blur();
          }}
        />
        <button type="button" onClick={() => setParams({ seed: deriveSeed(params.seed, 1) })}>
          New seed
        </button>
      </div>
    </form>
  );
  return wide ? (
    form
  ) : (
    <details className="sn-try">
      <summary>Try it yourself: θ, N and the seed</summary>
      {form}
    </details>
  );
}
