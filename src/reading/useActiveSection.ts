/**
 * The section being read: the last section whose top has passed a reading line near the top of the
 * viewport (below the sticky header). Uses IntersectionObserver on a one-pixel band, so scrolling
 * causes no layout reads; a scroll/resize re-check handles jumps past short sections.
 */
import { useEffect, useState } from 'react';
import { farStandInRect } from './laidOut';

/** Pure rule: given each section's top (px from viewport top) in order, the index of the current one. */
export function activeIndex(tops: readonly number[], line: number): number {
  let active = -1;
  for (let i = 0; i < tops.length; i += 1) if (tops[i] <= line) active = i;
  return active;
}

/** Reading line in px from the top of the viewport: under the header, a fixed distance down. */
const READING_LINE = 120;

export function useActiveSection(ids: readonly string[]): string | null {
  const [active, setActive] = useState<string | null>(null);
  const key = ids.join('|');
  useEffect(() => {
    const list = key ? key.split('|') : [];
    const elements = list.map((id) => document.getElementById(id)).filter((el): el is HTMLElement => el !== null);
    if (elements.length === 0) return undefined;
    const recompute = () => {
      const index = activeIndex(
        // Measuring a section inside skipped content (the references, in the end matter) would lay out
        // all of it: far away, its stand-in's box decides, as for the step tracker and the watcher.
        elements.map((el) => (farStandInRect(el, window.innerHeight) ?? el.getBoundingClientRect()).top),
        READING_LINE,
      );
      setActive(index >= 0 ? elements[index].id : null);
    };
    // Fires whenever a section's edge crosses the reading line, in either direction.
    const observer = new IntersectionObserver(recompute, {
      rootMargin: `-${READING_LINE}px 0px 0px 0px`,
      threshold: [0, 1],
    });
    for (const el of elements) observer.observe(el);
    let frame = 0;
    const onJump = () => {
      if (!frame)
        frame = requestAnimationFrame(() => {
          frame = 0;
          recompute();
        });
    };
    window.addEventListener('hashchange', onJump);
    window.addEventListener('resize', onJump);
    recompute();
    return () => {
      observer.disconnect();
      window.removeEventListener('hashchange', onJump);
      window.removeEventListener('resize', onJump);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [key]);
  return active;
}
