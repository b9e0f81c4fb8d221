/**
 * A figure's settings form. Its fields commit as the reader changes them, so the form itself never submits:
 * Enter in a text field would otherwise send the form and reload the page.
 */
import type { ReactNode } from 'react';

export interface SettingsFormProps {
  className: string;
  /** The form's accessible name. */
  label: string;
  children: ReactNode;
}

export function SettingsForm({ className, label, children }: SettingsFormProps) {
  return (
    <form className={className} onSubmit={(e) => e.preventDefault()} aria-label={label}>
      {children}
    </form>
  );
}
