/**
 * Where watched elements are relative to the viewport: the page's one visibility mechanism. An island
 * hydrates when it comes near (src/islands/client.tsx), a figure starts computing when it comes near
 * (`useNearViewport`) and reports whether it is on screen, on the next screen or far, for the worker
 * pool (FigureShell → priority.ts). Each of them watches its element here and decides from the box.
 *
 * A listener receives its element's box (top and bottom in px from the viewport's top, and the
 * viewport's height):
 * - once, in the first animation frame after it starts watching;
 * - when the element crosses a boundary the listener named, `margin` viewport heights above or below
 *   the viewport: one IntersectionObserver per boundary, shared by every element watched on the page,
 *   so the crossing is reported in the frame it happens;
 * - after scrolls and resizes, at most every 100 ms and once after the last. An observer set up while
 *   content is still moving (a jump straight to a deep link during hydration) was seen to report "not
 *   intersecting" once and then stay silent; this measurement catches what it missed, and without
 *   IntersectionObserver it alone decides.
 * Listeners are told the box, not a verdict: each decides with a pure function of it
 * (`isNearViewport`, `classifyVisibility` in priority.ts). Nothing runs at import time.
 */

/** An element's vertical extent relative to the viewport, in px (`top` < 0: it starts above the viewport). */
export interface ViewportBox {
  top: number;
  bottom: number;
  /** The viewport's height. */
  height: number;
}

export type ViewportListener = (box: ViewportBox) => void;

/** True when the box reaches within `margin` viewport heights of the viewport, above or below (pure). */
export function isNearViewport(box: ViewportBox, margin: number): boolean {
  return box.bottom >= -margin * box.height && box.top <= box.height + margin * box.height;
}

/** Scroll measurements at most this often (ms), plus one after the last scroll event. */
export const SCROLL_CHECK_MS = 100;

interface Watched {
  listeners: Set<ViewportListener>;
}

const watched = new Map<Element, Watched>();
/** One observer per boundary (in viewport heights), observing every watched element. */
const observers = new Map<number, IntersectionObserver>();
/** Elements to measure in the next frame. */
const pending = new Set<Element>();
let frame = 0;
let trailing: ReturnType<typeof setTimeout> | undefined;
let lastScrollCheck = -Infinity;
let detachWindow: (() => void) | null = null;

function deliver(element: Element, box: ViewportBox): void {
  const w = watched.get(element);
  if (!w) return;
  for (const listener of [...w.listeners]) {
    // A listener may stop watching (its own or another element) while others are being told.
    if (w.listeners.has(listener)) listener(box);
  }
}

function measurePending(): void {
  frame = 0;
  const elements = [...pending];
  pending.clear();
  const height = window.innerHeight;
  // All reads first (one layout at most), then the listeners, which may write.
  const boxes = elements
    .filter((el) => el.isConnected && watched.has(el))
    .map((el) => {
      const r = el.getBoundingClientRect();
      return [el, { top: r.top, bottom: r.bottom, height }] as const;
    });
  for (const [el, box] of boxes) deliver(el, box);
}

function schedule(elements: Iterable<Element>): void {
  for (const el of elements) pending.add(el);
  if (!frame && pending.size > 0) frame = requestAnimationFrame(measurePending);
}

function onScroll(): void {
  const since = performance.now() - lastScrollCheck;
  if (since >= SCROLL_CHECK_MS) {
    lastScrollCheck = performance.now();
    schedule(watched.keys());
  } else if (trailing === undefined) {
    trailing = setTimeout(() => {
      trailing = undefined;
      lastScrollCheck = performance.now();
      schedule(watched.keys());
    }, SCROLL_CHECK_MS - since);
  }
}

function onResize(): void {
  schedule(watched.keys());
}

function attachWindow(): () => void {
  window.addEventListener('scroll', onScroll, { passive: true });
  window.addEventListener('resize', onResize, { passive: true });
  return () => {
    window.removeEventListener('scroll', onScroll);
    window.removeEventListener('resize', onResize);
  };
}

function observerFor(margin: number): IntersectionObserver | null {
  if (typeof IntersectionObserver !== 'function') return null;
  let observer = observers.get(margin);
  if (!observer) {
    const percent = `${Math.round(margin * 100)}%`;
    observer = new IntersectionObserver(
      (entries) => {
        const height = window.innerHeight;
        for (const e of entries)
          deliver(e.target, { top: e.boundingClientRect.top, bottom: e.boundingClientRect.bottom, height });
      },
      { rootMargin: `${percent} 0px ${percent} 0px`, threshold: [0] },
    );
    for (const el of watched.keys()) observer.observe(el);
    observers.set(margin, observer);
  }
  return observer;
}

/**
 * Tells `listener` where `element` is (see the module comment), with prompt reports when it crosses
 * any of `boundaries` (viewport heights around the viewport: 0 is the viewport's own edge). Returns the
 * function that stops watching; the listener is never called synchronously.
 */
export function watchViewport(
  element: Element,
  listener: ViewportListener,
  boundaries: readonly number[] = [0],
): () => void {
  let w = watched.get(element);
  if (!w) {
    w = { listeners: new Set() };
    watched.set(element, w);
    for (const observer of observers.values()) observer.observe(element);
  }
  w.listeners.add(listener);
  for (const margin of boundaries) observerFor(margin)?.observe(element);
  detachWindow ??= attachWindow();
  schedule([element]);
  return () => unwatch(element, listener);
}

function unwatch(element: Element, listener: ViewportListener): void {
  const w = watched.get(element);
  if (!w || !w.listeners.delete(listener) || w.listeners.size > 0) return;
  watched.delete(element);
  pending.delete(element);
  for (const observer of observers.values()) observer.unobserve(element);
  if (watched.size > 0) return;
  for (const observer of observers.values()) observer.disconnect();
  observers.clear();
  detachWindow?.();
  detachWindow = null;
  if (frame) cancelAnimationFrame(frame);
  frame = 0;
  clearTimeout(trailing);
  trailing = undefined;
  lastScrollCheck = -Infinity;
}
