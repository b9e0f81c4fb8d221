/**
 * The embed stepper: one Scrolly's steps, one at a time, with previous/next buttons, step dots and
 * arrow keys in place of scrolling. The figure gets the active step exactly as in the article
 * (its end state, progress 1); the step's prose is shown under it. Same DOM hooks as a scrolly section
 * (`data-scrolly`, `data-active-step`), plus `data-stepper`.
 */
import { useCallback, type KeyboardEvent, type ReactNode } from 'react';
import type { StepInfo } from './collect';
import { useHasFigureView } from './figure-registry';
import { ModeFigure } from './ModeFigure';
import './modes.css';

export interface StepperProps {
  figure: string;
  steps: readonly StepInfo[];
  labels: readonly string[];
  step: number;
  onStep(step: number): void;
  /** Rendered after the step text (e.g. "continue in the article" link). */
  footer?: ReactNode;
}

/** True when a key event comes from a text field or a control that uses arrows itself. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  return Boolean((target as Element).closest('input, textarea, select, [contenteditable="true"], [role="slider"]'));
}

export function Stepper({ figure, steps, labels, step, onStep, footer }: StepperProps) {
  const count = steps.length;
  const go = useCallback((n: number) => onStep(Math.max(0, Math.min(count - 1, n))), [count, onStep]);
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (isTypingTarget(e.target) || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') {
      go(step + 1);
      e.preventDefault();
    } else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') {
      go(step - 1);
      e.preventDefault();
    } else if (e.key === 'Home') {
      go(0);
      e.preventDefault();
    } else if (e.key === 'End') {
      go(count - 1);
      e.preventDefault();
    }
  };
  const current = steps[step];
  const withGraphic = useHasFigureView(figure);
  return (
    <section
      className={withGraphic ? 'stepper' : 'stepper stepper--text-only'}
      data-stepper={figure}
      data-scrolly={figure}
      data-active-step={step}
      onKeyDown={onKeyDown}
      aria-label={`Steps of the figure`}
    >
      {withGraphic ? (
        <div className="stepper__graphic">
          <ModeFigure id={figure} step={step} mode="embed" />
        </div>
      ) : null}
      <div className="stepper__text" aria-live="polite" data-step-index={step}>
        <p className="stepper__label">
          Step {step + 1} of {count}: {labels[step]}
        </p>
        {current?.content}
      </div>
      <nav className="stepper__nav" aria-label="Step navigation">
        <button
          type="button"
          className="stepper__prev"
          onClick={() => go(step - 1)}
          aria-disabled={step === 0 ? true : undefined}
          aria-label="Previous step"
        >
          ← Previous
        </button>
        <ol className="stepper__dots">
          {steps.map((s) => (
            <li key={s.index}>
              <button
                type="button"
                className="stepper__dot"
                aria-label={`Step ${s.index + 1}: ${labels[s.index]}`}
                aria-current={s.index === step ? 'step' : undefined}
                onClick={() => go(s.index)}
              />
            </li>
          ))}
        </ol>
        <button
          type="button"
          className="stepper__next"
          onClick={() => go(step + 1)}
          aria-disabled={step === count - 1 ? true : undefined}
          aria-label="Next step"
        >
          Next →
        </button>
      </nav>
      {footer}
    </section>
  );
}
