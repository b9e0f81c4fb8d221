/**
 * True once an element has come within one viewport height of the viewport (and stays true): figures
 * start their worker computations only when the reader approaches them. Never touches the DOM during
 * render.
 *
 * Besides the IntersectionObserver, a passive scroll/resize check measures the element directly: an
 * observer set up while hydration is still moving content around (a jump straight to a deep link) was
 * seen to report "not intersecting" once and then stay silent. Without IntersectionObserver that check
 * alone decides (it also runs once at mount).
 */
import { useEffect, useState, type RefObject } from 'react';

function isNear(el: Element, margin: number): boolean {
  const r = el.getBoundingClientRect();
  const h = window.innerHeight;
  return r.bottom >= -margin * h && r.top <= h + margin * h;
}

export function useNearViewport(ref: RefObject<Element | null>, margin = 1): boolean {
  const [near, setNear] = useState(false);
  useEffect(() => {
    if (near) return;
    let frame = 0;
    const check = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const el = ref.current;
        if (el && el.isConnected && isNear(el, margin)) setNear(true);
      });
    };
    const el = ref.current;
    const observer =
      typeof IntersectionObserver === 'function'
        ? new IntersectionObserver(
            (entries) => {
              if (entries.some((e) => e.isIntersecting)) setNear(true);
            },
            { rootMargin: `${Math.round(margin * 100)}% 0px` },
          )
        : null;
    if (el) observer?.observe(el);
    window.addEventListener('scroll', check, { passive: true });
    window.addEventListener('resize', check);
    check();
    return () => {
      observer?.disconnect();
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', check);
      window.removeEventListener('resize', check);
    };
  }, [ref, margin, near]);
  return near;
}
