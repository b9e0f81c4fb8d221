/**
 * Step tracking for scrolly sections, outside React. The article's prose is static HTML that is never
 * hydrated, so the tracker measures a section's static step elements (`[data-step-index]`) and writes the
 * DOM hooks itself: on the section `data-active-step`, `data-progress`, `data-trigger` and the
 * `--story-trigger` scroll margin; on each step `data-active` and `aria-current="step"`. The position of
 * each section is also published per figure id, so a figure island (hydrated later, or never) reads
 * the same position: one step model, whoever renders the graphic.
 *
 * Every tracked section shares one set of listeners and one rAF-throttled update that first reads all
 * geometry and then writes all attributes, so a page with many sections forces at most one layout per
 * frame. Step bounds are measured with getBoundingClientRect + scrollY and re-measured on resize and
 * when a section or the document changes size (ResizeObserver). Nothing is replayed from enter/exit
 * events, so fast scrolls, hash jumps and reloads land on the right step. Nothing runs at import time.
 */
import {
  INITIAL_POSITION,
  activeStep,
  nextLayoutSize,
  samePosition,
  triggerOffset,
  type LayoutSize,
  type StepBounds,
  type StepPosition,
} from './steps';
import { farStandInRect } from '../reading/laidOut';

/** Bounds of every `[data-step-index]` element inside `container`, in whole document px. */
export function measureStepBounds(container: HTMLElement): StepBounds[] {
  const scrollY = window.scrollY;
  const steps = container.querySelectorAll<HTMLElement>('[data-step-index]');
  return Array.from(steps, (el) => {
    const r = el.getBoundingClientRect();
    return { top: Math.round(r.top + scrollY), bottom: Math.round(r.bottom + scrollY) };
  });
}

/** The document's scroll-padding-top in px (0 for `auto`). */
function scrollPaddingTop(root: HTMLElement): number {
  const v = parseFloat(getComputedStyle(root).scrollPaddingTop);
  return Number.isFinite(v) ? v : 0;
}

// ---- positions, per figure id (the section's `data-scrolly`) ----

const positions = new Map<string, StepPosition>();
const listeners = new Map<string, Set<() => void>>();

/** The tracked position of a section (step 0 at progress 0 until measured). */
export function getStepPosition(figure: string): StepPosition {
  return positions.get(figure) ?? INITIAL_POSITION;
}

/** Calls `listener` whenever the section's position changes; returns the unsubscribe function. */
export function subscribeStepPosition(figure: string, listener: () => void): () => void {
  let set = listeners.get(figure);
  if (!set) listeners.set(figure, (set = new Set()));
  set.add(listener);
  return () => {
    set.delete(listener);
  };
}

function publish(figure: string, position: StepPosition): void {
  positions.set(figure, position);
  for (const listener of [...(listeners.get(figure) ?? [])]) listener();
}

// ---- the shared tracker ----

interface Tracked {
  section: HTMLElement;
  figure: string;
  bounds: StepBounds[];
  /** True while `bounds` stand in for steps the browser has not laid out (see `measure`). */
  estimated: boolean;
  position: StepPosition | null;
  trigger: number | null;
  margin: number | null;
}

const tracked = new Map<HTMLElement, Tracked>();
let layout: LayoutSize | null = null;
let stale = true;
let frame = 0;
let observer: ResizeObserver | null = null;
let detachWindow: (() => void) | null = null;

// ---- a deep link's step stays on the trigger line while the page settles ----

/**
 * The step a fresh navigation's fragment names (`/#shot-noise-step-2`), until the reader takes over. The
 * browser scrolls to it once, but late layout changes (a web font swapping in around the load event)
 * can still move the page by a few pixels without moving the step, which leaves the trigger line in the
 * gap above it and the previous step active. While pinned, every update puts the step back on the line.
 * Released by the reader's first wheel, touch, pointer or key input, by a later hash change, and 2 s
 * after the load event. Reloads and history navigations are left to the browser's scroll restoration.
 */
let pinned: HTMLElement | null = null;
let pinArmed = false;
const PIN_AFTER_LOAD_MS = 2000;
const READER_INPUT = ['wheel', 'touchstart', 'pointerdown', 'keydown'] as const;

function freshNavigation(): boolean {
  const entry = performance.getEntriesByType?.('navigation')[0] as PerformanceNavigationTiming | undefined;
  return !entry || entry.type === 'navigate';
}

function releasePin(): void {
  pinned = null;
  for (const type of READER_INPUT) window.removeEventListener(type, releasePin, true);
  window.removeEventListener('hashchange', releasePin);
  window.removeEventListener('load', releaseLater);
}

function releaseLater(): void {
  window.setTimeout(releasePin, PIN_AFTER_LOAD_MS);
}

/** The element id a URL fragment names; null for none or a malformed %-escape (`#%E0%A4%A`). */
function fragmentId(hash: string): string | null {
  try {
    return decodeURIComponent(hash.slice(1)) || null;
  } catch {
    return null;
  }
}

function armFragmentPin(): void {
  if (pinArmed) return;
  pinArmed = true;
  const id = fragmentId(window.location.hash);
  const target = id ? document.getElementById(id) : null;
  if (!target?.matches('[data-step-index]') || !freshNavigation()) return;
  pinned = target;
  for (const type of READER_INPUT) window.addEventListener(type, releasePin, { capture: true, passive: true });
  window.addEventListener('hashchange', releasePin);
  if (document.readyState === 'complete') releaseLater();
  else window.addEventListener('load', releaseLater);
}

/** Scrolls so that the pinned step's top is on the trigger line again (no-op within 1 px). */
function holdPin(offset: number): void {
  if (!pinned) return;
  if (!pinned.isConnected) return releasePin();
  const drift = Math.round(pinned.getBoundingClientRect().top) - offset;
  if (Math.abs(drift) > 1) window.scrollTo({ top: window.scrollY + drift, behavior: 'instant' });
}

/** Writes a section's hooks; only what changed is touched. */
function write(t: Tracked, offset: number, margin: number, next: StepPosition): void {
  const { section } = t;
  if (t.trigger !== offset) {
    section.dataset.trigger = String(offset);
    t.trigger = offset;
  }
  if (t.margin !== margin) {
    section.style.setProperty('--story-trigger', `${margin}px`);
    t.margin = margin;
  }
  const prev = t.position;
  if (prev && samePosition(prev, next)) return;
  section.dataset.activeStep = String(next.index);
  section.dataset.progress = String(next.progress);
  if (!prev || prev.index !== next.index) {
    for (const step of section.querySelectorAll<HTMLElement>('[data-step-index]')) {
      const active = Number(step.dataset.stepIndex) === next.index;
      step.dataset.active = active ? 'true' : 'false';
      if (active) step.setAttribute('aria-current', 'step');
      else step.removeAttribute('aria-current');
    }
  }
  t.position = next;
  publish(t.figure, next);
}

/**
 * Measures a section's step bounds. A section in content the browser skips (`content-visibility: auto`)
 * and more than a viewport height away from the viewport has no layout, and measuring its steps would lay
 * it out; every step then gets its laid-out ancestor's extent instead. The trigger line is in the
 * viewport, so it lies wholly below or above that extent, and the position is what the real bounds give:
 * step 0 at progress 0, or the last step at progress 1. Nearer than that (a deep link's section, say),
 * the steps are measured, laid out if need be.
 */
function measure(t: Tracked, viewportHeight: number): void {
  const far = farStandInRect(t.section, viewportHeight);
  if (far) {
    const extent = { top: Math.round(far.top + window.scrollY), bottom: Math.round(far.bottom + window.scrollY) };
    t.bounds = Array.from(t.section.querySelectorAll('[data-step-index]'), () => extent);
    t.estimated = true;
    return;
  }
  t.bounds = measureStepBounds(t.section);
  t.estimated = false;
}

/** Measures (when stale) and derives every tracked section's position, then writes them all. */
function update(): void {
  frame = 0;
  if (tracked.size === 0) return;
  const root = document.documentElement;
  // Read phase: geometry of every section before any attribute is written. While a deep link is pinned,
  // every update re-measures: a font swap can move steps without resizing anything observed.
  let measured: string | null = null;
  if (stale || pinned) {
    layout = nextLayoutSize(layout, { width: root.clientWidth, height: root.clientHeight });
    for (const t of tracked.values()) measure(t, root.clientHeight);
    stale = false;
    measured = `${root.clientWidth}x${root.clientHeight}x${root.scrollHeight}`;
  } else {
    // A section measured by its stand-in may have come near: its steps are measured then.
    for (const t of tracked.values()) if (t.estimated) measure(t, root.clientHeight);
  }
  const offset = triggerOffset(layout ?? { width: root.clientWidth, height: root.clientHeight });
  const margin = offset - scrollPaddingTop(root);
  holdPin(offset);
  const y = window.scrollY + offset;
  const next = [...tracked.values()].map((t) => [t, activeStep(t.bounds, y)] as const);
  // Write phase.
  for (const [t, position] of next) write(t, offset, margin, position);
  announce(root, window.scrollY, measured);
}

/**
 * What the tracker last saw, on `<html>` for tests and tools: `data-steps-y` the scroll position its last
 * update used, `data-steps-measured` the viewport and document size at its last measurement. When both
 * match the page's current scrollY and size, every section's hooks describe the current position.
 */
function announce(root: HTMLElement, y: number, measured: string | null): void {
  const at = String(Math.round(y));
  if (root.dataset.stepsY !== at) root.dataset.stepsY = at;
  if (measured !== null && root.dataset.stepsMeasured !== measured) root.dataset.stepsMeasured = measured;
}

function schedule(remeasure: boolean): void {
  if (remeasure) stale = true;
  if (!frame) frame = requestAnimationFrame(update);
}

function attachWindow(): () => void {
  const onScroll = () => schedule(false);
  const onResize = () => schedule(true);
  window.addEventListener('scroll', onScroll, { passive: true });
  window.addEventListener('resize', onResize, { passive: true });
  observer = typeof ResizeObserver === 'function' ? new ResizeObserver(onResize) : null;
  observer?.observe(document.documentElement);
  return () => {
    window.removeEventListener('scroll', onScroll);
    window.removeEventListener('resize', onResize);
    observer?.disconnect();
    observer = null;
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
  };
}

/**
 * Tracks a `[data-scrolly]` section until the returned function is called. Its hooks are written on
 * the next frame, or at once by `updateStepTrackingNow()`.
 */
export function trackScrolly(section: HTMLElement): () => void {
  const figure = section.dataset.scrolly ?? '';
  if (!tracked.has(section)) {
    tracked.set(section, {
      section,
      figure,
      bounds: [],
      estimated: false,
      position: null,
      trigger: null,
      margin: null,
    });
    detachWindow ??= attachWindow();
    observer?.observe(section);
    armFragmentPin();
  }
  schedule(true);
  return () => {
    if (!tracked.delete(section)) return;
    observer?.unobserve(section);
    if (tracked.size === 0) {
      detachWindow?.();
      detachWindow = null;
      layout = null;
    }
  };
}

/** Measures and writes every tracked section now (one layout), instead of on the next frame. */
export function updateStepTrackingNow(): void {
  if (frame) cancelAnimationFrame(frame);
  stale = true;
  update();
}
