/**
 * A thin bar under the header showing how far through the article the reader is. Decorative (the
 * table of contents carries the same information accessibly); updated at most once per frame, written
 * straight to the style so scrolling never re-renders React.
 */
import { useEffect, useRef } from 'react';

/** Fraction of the target read: 0 when its top is at the viewport top, 1 when its bottom reaches the viewport bottom. */
export function readingFraction(top: number, height: number, viewport: number): number {
  const scrollable = height - viewport;
  if (scrollable <= 0) return top <= 0 ? 1 : 0;
  return Math.min(1, Math.max(0, -top / scrollable));
}

export function ReadingProgress({ targetId }: { targetId: string }) {
  const barRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let frame = 0;
    const update = () => {
      frame = 0;
      const target = document.getElementById(targetId);
      const bar = barRef.current;
      if (!target || !bar) return;
      const rect = target.getBoundingClientRect();
      const p = readingFraction(rect.top, rect.height, window.innerHeight);
      bar.style.transform = `scaleX(${p.toFixed(4)})`;
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(update);
    };
    update();
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    return () => {
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [targetId]);
  return (
    <div className="reading-progress" aria-hidden="true">
      <div className="reading-progress-bar" ref={barRef} />
    </div>
  );
}
