/**
 * True once an element has come within `margin` viewport heights of the reader's viewport (and stays
 * true): figures start their worker computations only when the reader approaches them. Watches through
 * the page's one visibility mechanism (src/story/viewport.ts); never touches the DOM during render.
 */
import { useEffect, useState, type RefObject } from 'react';
import { watchViewport } from '../story/viewport';

export function useNearViewport(ref: RefObject<Element | null>, margin = 1): boolean {
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (near || !el) return;
    return watchViewport(
      el,
      (r) => {
        if (r.within(margin)) setNear(true);
      },
      [margin],
    );
  }, [ref, margin, near]);
  return near;
}
