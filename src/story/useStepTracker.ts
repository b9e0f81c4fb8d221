/**
 * Derives the active step and progress of a scrolly section from the scroll position, on every
 * scroll/resize frame (rAF-throttled, passive listeners). Step bounds are measured with
 * getBoundingClientRect + scrollY and re-measured on resize and when the section or the document
 * changes size (ResizeObserver). Nothing is replayed from enter/exit events, so fast scrolls, hash
 * jumps and reloads land on the right step. DOM is touched only inside the effect (SSR-safe).
 */
import { useEffect, useState, type RefObject } from 'react';
import {
  INITIAL_POSITION, activeStep, nextLayoutSize, samePosition, triggerOffset,
  type LayoutSize, type StepBounds, type StepPosition,
} from './steps';

export interface StepTracking {
  position: StepPosition;
  /** Trigger line offset from the viewport top in px; null until measured (server, first render). */
  trigger: number | null;
  /**
   * `scroll-margin-top` for steps so that a hash jump puts a step's top edge exactly on the trigger
   * line: the trigger offset minus the page's own `scroll-padding-top` (which browsers add to it).
   */
  scrollMargin: number | null;
}

/** The document's scroll-padding-top in px (0 for `auto`). */
function scrollPaddingTop(root: HTMLElement): number {
  const v = parseFloat(getComputedStyle(root).scrollPaddingTop);
  return Number.isFinite(v) ? v : 0;
}

/** Bounds of every `[data-step-index]` element inside `container`, in whole document px. */
export function measureStepBounds(container: HTMLElement): StepBounds[] {
  const scrollY = window.scrollY;
  const steps = container.querySelectorAll<HTMLElement>('[data-step-index]');
  return Array.from(steps, (el) => {
    const r = el.getBoundingClientRect();
    return { top: Math.round(r.top + scrollY), bottom: Math.round(r.bottom + scrollY) };
  });
}

export function useStepTracker(containerRef: RefObject<HTMLElement | null>, stepCount: number): StepTracking {
  const [position, setPosition] = useState<StepPosition>(INITIAL_POSITION);
  const [trigger, setTrigger] = useState<number | null>(null);
  const [scrollMargin, setScrollMargin] = useState<number | null>(null);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const root = document.documentElement;
    let layout: LayoutSize | null = null;
    let bounds: StepBounds[] = [];
    let offset = 0;
    let frame = 0;
    let stale = true;

    const update = () => {
      frame = 0;
      if (stale) {
        layout = nextLayoutSize(layout, { width: root.clientWidth, height: root.clientHeight });
        offset = triggerOffset(layout);
        bounds = measureStepBounds(container);
        stale = false;
        setTrigger(offset);
        setScrollMargin(offset - scrollPaddingTop(root));
      }
      const next = activeStep(bounds, window.scrollY + offset);
      setPosition((prev) => (samePosition(prev, next) ? prev : next));
    };
    const schedule = (remeasure: boolean) => {
      if (remeasure) stale = true;
      if (!frame) frame = requestAnimationFrame(update);
    };
    const onScroll = () => schedule(false);
    const onResize = () => schedule(true);

    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('resize', onResize, { passive: true });
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(onResize) : null;
    observer?.observe(container);
    observer?.observe(root);
    update();
    return () => {
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('resize', onResize);
      observer?.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [containerRef, stepCount]);

  return { position, trigger, scrollMargin };
}
