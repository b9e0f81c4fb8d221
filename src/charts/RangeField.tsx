/**
 * A labelled range slider whose label follows the thumb while the committed value waits: dragging
 * updates a draft on every input event and commits once, `delay` ms after the last move, so a drag
 * does not restart a computation on every pixel.
 */
import { useId, type ReactNode } from 'react';
import { useDebounced } from './useDebounced';
import { useDraft } from './useDraft';

export interface RangeFieldProps {
  /** The label for the value under the thumb. */
  label(value: number): ReactNode;
  /** What assistive technology announces for the value under the thumb (the number itself by default). */
  valueText?(value: number): string;
  value: number;
  min: number;
  max: number;
  step: number;
  onCommit(value: number): void;
  delay?: number;
  className?: string;
}

export function RangeField({ label, valueText, value, min, max, step, onCommit, delay, className }: RangeFieldProps) {
  const id = useId();
  const [draft, setDraft] = useDraft(value);
  const commit = useDebounced(onCommit, delay);
  return (
    <div className={className}>
      <label htmlFor={id}>{label(draft)}</label>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={draft}
        aria-valuetext={valueText?.(draft)}
        onChange={(e) => {
          const v = Number(e.currentTarget.value);
          setDraft(v);
          commit(v);
        }}
      />
    </div>
  );
}
