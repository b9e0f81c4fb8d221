/**
 * Section embeds hydrate each figure when it comes near the viewport, as the article's islands do: the
 * figure's view chunk is fetched then, not before the page hydrates. Until then the figure's pre-rendered
 * HTML stays as it is (readable, the same as with JavaScript off): its stepper sits in a Suspense boundary
 * whose content waits (`use`) on the figure's gate (`mountApp` sets the gates; a figure with no gate, or
 * any other render, is not held back). React leaves a server-rendered boundary whose content waits
 * dehydrated and hydrates it when the gate opens. An update that reached a dehydrated boundary would make
 * React drop its HTML and render the fallback, so the gated subtree is memoised on the figure id alone
 * (a section's content does not change on one page).
 */
import { memo, Suspense, use, type ReactNode } from 'react';

const gates = new Map<string, Promise<unknown>>();

/** Holds back the hydration of figure `id` until `ready` settles. */
export function gateFigure(id: string, ready: Promise<unknown>): void {
  gates.set(id, ready);
}

function Gate({ id, children }: { id: string; children: ReactNode }) {
  const ready = gates.get(id);
  if (ready) use(ready);
  return children;
}

export const GatedFigure = memo(
  function GatedFigure({ id, children }: { id: string; children: ReactNode }) {
    return (
      <Suspense fallback={null}>
        <Gate id={id}>{children}</Gate>
      </Suspense>
    );
  },
  (a, b) => a.id === b.id,
);
