/**
 * A code-split component that can be loaded before it is rendered. Once `load()` has resolved, the
 * component renders in place, with no Suspense boundary; before that it falls back to `React.lazy`
 * inside its own boundary (fallback: nothing).
 *
 * Why not plain `lazy` + `<Suspense>` for pre-rendered pages: React hydrates a server-rendered Suspense
 * boundary in a separate pass at the lowest (offscreen) priority, and state updates made by that
 * content's mount effects (URL parameters, a figure noticing it is on screen) inherit idle priority.
 * Idle work never expires: while anything else keeps the page busy (a figure computing in slices, the
 * reader scrolling) it can wait indefinitely. Both entries therefore load what a root needs first (a
 * page's chunk; a figure island's view), and the root hydrates in its own pass.
 */
import { lazy, Suspense, useState, type ComponentType } from 'react';

export interface Preloadable<P extends object> {
  /** Loads the chunk; afterwards `Render` renders the component in place. */
  load(): Promise<ComponentType<P>>;
  /** Renders the component: in place once loaded, else lazily. The choice is fixed per mount, so a
   * chunk that arrives later never swaps the element type under React (which would remount it). */
  Render: ComponentType<P>;
}

export function preloadable<P extends object>(importer: () => Promise<ComponentType<P>>): Preloadable<P> {
  let component: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const makeLazy = () => lazy(() => load().then((c) => ({ default: c })));
  // A failed load is forgotten, and a fresh lazy component (React caches a rejected one) lets a remount retry.
  let Lazy = makeLazy();
  const load = () => {
    pending ??= importer().then(
      (c) => {
        component = c;
        return c;
      },
      (error: unknown) => {
        pending = undefined;
        Lazy = makeLazy();
        throw error;
      },
    );
    return pending;
  };
  function Render(props: P) {
    const [Loaded] = useState(() => component);
    if (Loaded) return <Loaded {...props} />;
    return (
      <Suspense fallback={null}>
        <Lazy {...props} />
      </Suspense>
    );
  }
  return { load, Render };
}
