/**
 * The top of every island's React tree, identical in its server render and its hydration (so the two
 * trees, and their `useId` values, match). On the client it reports its first commit, so the loader
 * hydrates the next island only after this one has committed: one island per task.
 */
import { StrictMode, useEffect, type ReactNode } from 'react';

export function IslandRoot({ children, onCommit }: { children: ReactNode; onCommit?: () => void }) {
  return (
    <StrictMode>
      <Committed onCommit={onCommit} />
      {children}
    </StrictMode>
  );
}

function Committed({ onCommit }: { onCommit?: () => void }) {
  useEffect(() => {
    onCommit?.();
  }, [onCommit]);
  return null;
}
