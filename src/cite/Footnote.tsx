/**
 * `<Footnote>…</Footnote>`: a superscript number (global, assigned at build time) whose popover holds
 * the note. The note is part of the pre-rendered HTML and is printed inline.
 */
import { useId, type ReactNode } from 'react';
import { Popover } from './Popover';
import { footnoteId, footnoteRefId, toPositiveInt } from './ids';

export interface FootnoteProps {
  children?: ReactNode;
  /** Build-time footnote number. */
  n?: number | string;
}

export function Footnote({ children, n }: FootnoteProps) {
  const number = toPositiveInt(n);
  const fallback = useId().replace(/:/g, '');
  const bodyId = number ? footnoteId(number) : `fn${fallback}`;
  return (
    <Popover
      kind="footnote"
      triggerId={number ? footnoteRefId(number) : `fnref${fallback}`}
      bodyId={bodyId}
      label={
        <>
          <span className="visually-hidden">Footnote </span>
          {number ?? '*'}
        </>
      }
    >
      <span className="pop-meta" aria-hidden="true">
        {number ?? '*'}.
      </span>{' '}
      {children}
    </Popover>
  );
}
