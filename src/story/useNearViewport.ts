/**
 * True once an element has come within `margin` viewport heights of the viewport (and stays true):
 * figures start their worker computations only when the reader approaches them. Watches through the
 * page's one visibility mechanism (viewport.ts); never touches the DOM during render.
 */
import { useEffect, useState, type RefObject } from 'react';
import { isNearViewport, watchViewport } from './viewport';

export function useNearViewport(ref: RefObject<Element | null>, margin = 1): boolean {
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (near || !el) return;
    return watchViewport(
      el,
      (box) => {
        if (isNearViewport(box, margin)) setNear(true);
      },
      [margin],
    );
  }, [ref, margin, near]);
  return near;
}
