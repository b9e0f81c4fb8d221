/**
 * Where watched elements are relative to the reader's viewport: the page's one visibility mechanism. An
 * island hydrates when it comes near (src/islands/client.tsx), a figure starts computing when it comes
 * near (`useNearViewport`) and reports whether it is on screen, on the next screen or far, for the worker
 * pool (FigureShell → priority.ts). Each of them watches its element here and decides from the report.
 *
 * A listener names boundaries, in viewport heights around the viewport (0: the viewport's own edges;
 * 0.5: half a viewport above and below), and is told, for each, whether its element reaches within it:
 * - once every boundary it named is known (the first report), then after every change;
 * - from one IntersectionObserver per boundary, shared by every element watched on the page. Its
 *   implicit root is the top-level viewport, also inside an iframe: an embed sized to its content (so
 *   its own viewport holds every figure) still sees only what the host page shows of it;
 * - in a top-level document, also from a direct measurement in the first frame and after scrolls and
 *   resizes (at most every 100 ms, and once after the last): an observer set up while content is still
 *   moving (a jump straight to a deep link during hydration) was seen to report "not intersecting" once
 *   and then stay silent; the measurement catches what it missed. In a frame the document's own
 *   viewport is not the reader's, so the observer alone decides there (and, without IntersectionObserver,
 *   the measurement does).
 * An element in content the browser skips (`content-visibility: auto`) more than a viewport away is measured
 * by its nearest laid-out ancestor (`laidOutStandIn`), so watching never lays out skipped content far away.
 * Nothing runs at import time.
 */
import { farStandInRect, laidOutStandIn } from '../reading/laidOut';

/** An element's vertical extent relative to a viewport, in px (`top` < 0: it starts above the viewport). */
export interface ViewportBox {
  top: number;
  bottom: number;
  /** The viewport's height. */
  height: number;
}

/** What a listener is told about its element. */
export interface ViewportReport {
  /** Whether the element reaches within `margin` viewport heights of the viewport (a boundary it named). */
  within(margin: number): boolean;
  /**
   * True when the element lies wholly below the viewport; false when it overlaps it or lies above;
   * undefined when not known (in a frame, the host page's geometry is not visible to the document).
   */
  below: boolean | undefined;
}

export type ViewportListener = (report: ViewportReport) => void;

/** True when the box reaches within `margin` viewport heights of the viewport, above or below (pure). */
export function isNearViewport(box: ViewportBox, margin: number): boolean {
  return box.bottom >= -margin * box.height && box.top <= box.height + margin * box.height;
}

/** Scroll measurements at most this often (ms), plus one after the last scroll event. */
export const SCROLL_CHECK_MS = 100;

interface Watcher {
  listener: ViewportListener;
  boundaries: readonly number[];
  /** Has had its first report. */
  told: boolean;
}

interface Watched {
  watchers: Set<Watcher>;
  /** Whether the element reaches within each boundary some watcher named, once known. */
  within: Map<number, boolean>;
  below: boolean | undefined;
}

const watched = new Map<Element, Watched>();
/** One observer per boundary (in viewport heights), observing the elements watched at that boundary. */
const observers = new Map<number, IntersectionObserver>();
/** Elements to measure in the next frame. */
const pending = new Set<Element>();
let frame = 0;
let trailing: ReturnType<typeof setTimeout> | undefined;
let lastScrollCheck = -Infinity;
let detachWindow: (() => void) | null = null;

/** A document in a frame sees its own viewport, not the reader's: only the observer can tell there. */
function measuresReadersViewport(): boolean {
  if (typeof IntersectionObserver !== 'function') return true;
  try {
    return window.top === window.self;
  } catch {
    return false;
  }
}

function report(w: Watched): ViewportReport {
  const within = new Map(w.within);
  return { within: (margin) => within.get(margin) ?? false, below: w.below };
}

/**
 * Tells the element's watchers whose boundaries are all known: all of them after a change, otherwise
 * only those still waiting for their first report.
 */
function deliver(element: Element, changed: boolean): void {
  const w = watched.get(element);
  if (!w) return;
  const r = report(w);
  for (const watcher of [...w.watchers]) {
    // A listener may stop watching (its own or another element) while others are being told.
    if (!w.watchers.has(watcher) || (watcher.told && !changed)) continue;
    if (!watcher.boundaries.every((m) => w.within.has(m))) continue;
    watcher.told = true;
    watcher.listener(r);
  }
}

/** Records what an observer or a measurement saw; tells the watchers only when something changed. */
function update(element: Element, within: ReadonlyMap<number, boolean>, below: boolean | undefined): void {
  const w = watched.get(element);
  if (!w) return;
  let changed = below !== undefined && below !== w.below;
  if (below !== undefined) w.below = below;
  for (const [margin, near] of within) {
    if (w.within.get(margin) === near) continue;
    w.within.set(margin, near);
    changed = true;
  }
  deliver(element, changed);
}

function boxOf(element: Element, height: number): ViewportBox {
  const r = farStandInRect(element, height) ?? element.getBoundingClientRect();
  return { top: r.top, bottom: r.bottom, height };
}

function measurePending(): void {
  frame = 0;
  const elements = [...pending].filter((el) => el.isConnected && watched.has(el));
  pending.clear();
  const height = window.innerHeight;
  // All reads first (one layout at most), then the listeners, which may write.
  const measured = elements.map((el) => [el, boxOf(el, height)] as const);
  for (const [el, box] of measured) {
    const w = watched.get(el);
    if (!w) continue;
    const within = new Map<number, boolean>();
    for (const watcher of w.watchers) for (const m of watcher.boundaries) within.set(m, isNearViewport(box, m));
    update(el, within, box.top >= box.height);
  }
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
        for (const e of entries) {
          // A target in skipped content has no box of its own to report: measure its stand-in instead.
          if (laidOutStandIn(e.target) !== e.target) {
            schedule([e.target]);
            continue;
          }
          // Below the viewport is known from the root's bounds, given only where the document sees them.
          const below = e.rootBounds && margin === 0 ? e.boundingClientRect.top >= e.rootBounds.bottom : undefined;
          update(e.target, new Map([[margin, e.isIntersecting]]), below);
        }
      },
      { rootMargin: `${percent} 0px ${percent} 0px`, threshold: [0] },
    );
    observers.set(margin, observer);
  }
  return observer;
}

/** Boundaries some watcher of `w` names. */
function boundariesOf(w: Watched): Set<number> {
  return new Set([...w.watchers].flatMap((watcher) => watcher.boundaries));
}

/**
 * Tells `listener` whether `element` reaches within each of `boundaries` (see the module comment).
 * Returns the function that stops watching; the listener is never called synchronously.
 */
export function watchViewport(
  element: Element,
  listener: ViewportListener,
  boundaries: readonly number[] = [0],
): () => void {
  let w = watched.get(element);
  if (!w) {
    w = { watchers: new Set(), within: new Map(), below: undefined };
    watched.set(element, w);
  }
  const watcher: Watcher = { listener, boundaries: [...boundaries], told: false };
  w.watchers.add(watcher);
  // An observer reports a newly observed element at once; one already observed, only on its next
  // crossing, so a watcher joining an element whose state is known is told that state.
  for (const margin of boundaries) observerFor(margin)?.observe(element);
  if (boundaries.every((m) => w.within.has(m))) queueMicrotask(() => deliver(element, false));
  if (measuresReadersViewport()) {
    detachWindow ??= attachWindow();
    schedule([element]);
  }
  return () => unwatch(element, watcher);
}

function unwatch(element: Element, watcher: Watcher): void {
  const w = watched.get(element);
  if (!w || !w.watchers.delete(watcher)) return;
  const still = boundariesOf(w);
  for (const margin of watcher.boundaries) {
    if (still.has(margin)) continue;
    observers.get(margin)?.unobserve(element);
    w.within.delete(margin);
  }
  if (w.watchers.size > 0) return;
  watched.delete(element);
  pending.delete(element);
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
