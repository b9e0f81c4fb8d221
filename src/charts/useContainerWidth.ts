/**
 * The width of a chart's container, tracked with ResizeObserver. Server and first client render use
 * `fallback` (so pre-rendered SVG has sensible geometry); only width changes re-render, so a viewport
 * height change (a mobile address bar) never re-lays-out a chart.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';

export const DEFAULT_CHART_WIDTH = 640;

export function useContainerWidth<E extends HTMLElement = HTMLDivElement>(
  fallback: number = DEFAULT_CHART_WIDTH,
): [RefObject<E | null>, number] {
  const ref = useRef<E>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const read = () => {
      const w = Math.round(el.getBoundingClientRect().width);
      if (w > 0) setWidth((prev) => (prev === w ? prev : w));
    };
    read();
    if (typeof ResizeObserver !== 'function') return;
    const observer = new ResizeObserver(read);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
