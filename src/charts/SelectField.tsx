/**
 * A labelled native select over a list of values: keyboard-operable, announced by its label, and typed
 * (the reader's pick comes back as one of the values, a number stays a number).
 */
import { useId, type ReactNode } from 'react';

export interface SelectFieldProps<T extends string | number> {
  label: ReactNode;
  value: T;
  options: readonly T[];
  onChange(value: T): void;
  /** How an option reads; its value as text by default. */
  format?: (value: T) => string;
  /**
   * 'stacked': a wrapper (`className`) holding the label, then the select (the step controls);
   * 'inline': the select inside its label, which carries `className` (the calculators' rows).
   */
  layout?: 'stacked' | 'inline';
  className?: string;
  name?: string;
}

export function SelectField<T extends string | number>({
  label,
  value,
  options,
  onChange,
  format = String,
  layout = 'stacked',
  className,
  name,
}: SelectFieldProps<T>) {
  const id = useId();
  const select = (
    <select
      id={id}
      name={name}
      value={String(value)}
      onChange={(e) => {
        const picked = options.find((o) => String(o) === e.currentTarget.value);
        if (picked !== undefined) onChange(picked);
      }}
    >
      {options.map((o) => (
        <option key={String(o)} value={String(o)}>
          {format(o)}
        </option>
      ))}
    </select>
  );
  return layout === 'inline' ? (
    <label htmlFor={id} className={className}>
      {label}
      {select}
    </label>
  ) : (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      {select}
    </div>
  );
}

/** A list of numeric choices with the current value among them, in order (a URL may carry a value off the list). */
export function withValue(choices: readonly number[], value: number, order: 'ascending' | 'descending' = 'ascending') {
  const sorted = [...new Set([...choices, value])].sort((a, b) => a - b);
  return order === 'ascending' ? sorted : sorted.reverse();
}

/**
 * The selects of one settings form, bound to its parameters: `select(key, label, options, format?)`
 * shows `params[key]` and commits the reader's pick as `{ [key]: pick }`.
 */
export function paramSelects<P extends { [K in keyof P]: string | number }>(
  params: P,
  setParams: (patch: Partial<P>) => void,
  look: Pick<SelectFieldProps<string>, 'layout' | 'className'> = {},
) {
  return <K extends keyof P & string>(
    key: K,
    label: ReactNode,
    options: readonly P[K][],
    format?: (value: P[K]) => string,
  ) => (
    <SelectField
      {...look}
      name={key}
      label={label}
      value={params[key]}
      options={options}
      format={format}
      onChange={(pick) => {
        const patch: Partial<P> = {};
        patch[key] = pick;
        setParams(patch);
      }}
    />
  );
}

/** The props of a figure's settings form: its parameters and the commit of a change to some of them. */
export interface SettingsProps<P> {
  params: P;
  setParams(patch: Partial<P>): void;
}
