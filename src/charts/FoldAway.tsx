/**
 * Controls that show directly beside the prose (a wide window) and fold away behind a summary in the
 * narrow, sticky figure, so they do not cover the chart on a phone.
 */
import type { ReactNode } from 'react';
import { useMediaQuery } from '../story/motion';

export function FoldAway({
  summary,
  className,
  children,
}: {
  summary: string;
  className: string;
  children: ReactNode;
}) {
  const wide = useMediaQuery('(min-width: 960px)');
  return wide ? (
    children
  ) : (
    <details className={className}>
      <summary>{summary}</summary>
      {children}
    </details>
  );
}
