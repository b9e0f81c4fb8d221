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

/** Measures (when stale) and derives every tracked section's position, then writes them all. */
function update(): void {
  frame = 0;
  if (tracked.size === 0) return;
  const root = document.documentElement;
  // Read phase: geometry of every section before any attribute is written.
  if (stale) {
    layout = nextLayoutSize(layout, { width: root.clientWidth, height: root.clientHeight });
    for (const t of tracked.values()) t.bounds = measureStepBounds(t.section);
    stale = false;
  }
  const offset = triggerOffset(layout ?? { width: root.clientWidth, height: root.clientHeight });
  const margin = offset - scrollPaddingTop(root);
  const y = window.scrollY + offset;
  const next = [...tracked.values()].map((t) => [t, activeStep(t.bounds, y)] as const);
  // Write phase.
  for (const [t, position] of next) write(t, offset, margin, position);
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
    tracked.set(section, { section, figure, bounds: [], position: null, trigger: null, margin: null });
    detachWindow ??= attachWindow();
    observer?.observe(section);
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
