/**
 * A whole-number input that commits when it loses focus (or on Enter): a value in [min, max] is
 * committed, anything else puts the committed value back. While typed, the text is only a draft, so a
 * half-typed number never reaches the URL or restarts a computation.
 */
import { useId, type ReactNode } from 'react';
import { useDraft } from './useDraft';

export interface IntFieldProps {
  label: ReactNode;
  value: number;
  min: number;
  max: number;
  onCommit(value: number): void;
  /** The wrapper's class (label, input, then `children`). */
  className?: string;
  /** Shown after the input, inside the wrapper (e.g. a "New seed" button). */
  children?: ReactNode;
}

export function IntField({ label, value, min, max, onCommit, className, children }: IntFieldProps) {
  const id = useId();
  const [text, setText] = useDraft(value, String);
  const commit = () => {
    const v = Number(text);
    if (Number.isInteger(v) && v >= min && v <= max) onCommit(v);
    else setText(String(value));
  };
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.currentTarget.blur();
        }}
      />
      {children}
    </div>
  );
}
