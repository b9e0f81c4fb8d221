/**
 * A labelled range slider whose label follows the thumb while the committed value waits: dragging
 * updates a draft on every input event and commits once, `delay` ms after the last move, so a drag
 * does not restart a computation on every pixel.
 */
import { useId, type ReactNode } from 'react';
import { useDebouncedDraft } from './useDraft';

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
  const [draft, change] = useDebouncedDraft(value, Number, onCommit, delay);
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
        onChange={(e) => change(Number(e.currentTarget.value))}
      />
    </div>
  );
}

/** Where a bound slider can stop: anywhere on a grid of bounds, or only at listed values. */
export type RangeStops =
  | { min: number; max: number; step: number }
  /** The thumb steps through `values`, starting at the one `nearest` picks (the closest by default). */
  | { values: readonly number[]; nearest?(value: number): number };

/** The index of the value in `values` closest to `value` (the first of equals). */
export function nearestIndex(values: readonly number[], value: number): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (Math.abs(values[i] - value) < Math.abs(values[best] - value)) best = i;
  return best;
}

type NumberKey<P> = { [K in keyof P]-?: P[K] extends number ? K : never }[keyof P] & string;

/**
 * The sliders of one settings form, bound to its parameters: `range(key, stops, label, valueText?)` shows
 * `params[key]` and commits the reader's value as `{ [key]: value }`; label and value text are given the
 * value under the thumb.
 */
export function paramRanges<P>(
  params: P,
  setParams: (patch: Partial<P>) => void,
  look: Pick<RangeFieldProps, 'className' | 'delay'> = {},
) {
  return <K extends NumberKey<P>>(
    key: K,
    stops: RangeStops,
    label: (value: number) => ReactNode,
    valueText?: (value: number) => string,
  ) => {
    const commit = (value: number) => {
      const patch: Partial<P> = {};
      patch[key] = value as P[K];
      setParams(patch);
    };
    const value = params[key] as number;
    if ('values' in stops) {
      const { values } = stops;
      return (
        <RangeField
          {...look}
          label={(i) => label(values[i])}
          valueText={valueText && ((i) => valueText(values[i]))}
          value={stops.nearest ? stops.nearest(value) : nearestIndex(values, value)}
          min={0}
          max={values.length - 1}
          step={1}
          onCommit={(i) => commit(values[i])}
        />
      );
    }
    return <RangeField {...look} {...stops} label={label} valueText={valueText} value={value} onCommit={commit} />;
  };
}
