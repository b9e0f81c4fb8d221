/**
 * Scrolling a page from top to bottom in Chromium while recording what the reader feels: every
 * animation-frame interval and every long task (PerformanceObserver 'longtask'), each long task with
 * the article section and the scrolly figure in view when it started, and whether that figure was
 * ready then. Shared by `bench/scroll.bench.ts` (numbers at flick speed) and `npm run audit` (the
 * read-through at reading speed); both print numbers, neither passes or fails here.
 */
import type { Page } from '@playwright/test';

export interface LongTaskRecord {
  /** ms since the scroll started */
  start: number;
  duration: number;
  /** id of the article `section[id]` crossing the middle of the viewport, '–' when none */
  section: string;
  /** `data-scrolly` id of the scrolly section crossing the middle of the viewport, '' when none */
  figure: string;
  /** whether that figure reported `data-ready="true"` when the task was observed */
  figureReady: boolean;
}

export interface ScrollRecord {
  /** animation-frame intervals in ms, the first (partial) interval dropped */
  frames: number[];
  longTasks: LongTaskRecord[];
  seconds: number;
  height: number;
}

/**
 * Run as an init script, before any page script: collects long tasks from the moment
 * `window.__scrollStart` is set. Must stay self-contained (it is serialised into the page).
 */
function installLongTaskObserver(): void {
  const w = window as unknown as { __longTasks: LongTaskRecord[]; __scrollStart?: number };
  w.__longTasks = [];
  const probe = () => window.innerHeight / 2;
  const crossing = (selector: string): Element | undefined => {
    const y = probe();
    for (const el of Array.from(document.querySelectorAll(selector))) {
      const r = el.getBoundingClientRect();
      if (r.top <= y && r.bottom > y) return el;
    }
    return undefined;
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (w.__scrollStart === undefined || e.startTime < w.__scrollStart) continue;
      const scrolly = crossing('[data-scrolly]');
      const figure = scrolly?.getAttribute('data-scrolly') ?? '';
      const root = figure ? scrolly?.querySelector(`[data-figure="${figure}"]`) : null;
      w.__longTasks.push({
        start: e.startTime - w.__scrollStart,
        duration: e.duration,
        section: crossing('section[id]')?.id ?? '–',
        figure,
        figureReady: root?.getAttribute('data-ready') === 'true',
      });
    }
  }).observe({ type: 'longtask', buffered: true });
}

/**
 * Prepares a page before navigation: the long-task observer, and the `__name` helper that tsx
 * (esbuild, keepNames) wraps named inner functions in, which functions serialised into the page need.
 */
export async function prepareScrollPage(page: Page): Promise<void> {
  await page.addInitScript({ content: 'window.__name = (f) => f;' });
  await page.addInitScript(installLongTaskObserver);
}

/** Scrolls from the top to the bottom at `speed` px/s, one scroll step per animation frame. */
export async function scrollThrough(page: Page, speed: number): Promise<ScrollRecord> {
  return page.evaluate(
    (pxPerS) =>
      new Promise<ScrollRecord>((resolve) => {
        const w = window as unknown as { __longTasks: LongTaskRecord[]; __scrollStart?: number };
        const frames: number[] = [];
        window.scrollTo(0, 0);
        const t0 = performance.now();
        w.__scrollStart = t0;
        let last = t0;
        const tick = (now: number) => {
          frames.push(now - last);
          last = now;
          const target = Math.min(document.documentElement.scrollHeight, ((now - t0) / 1000) * pxPerS);
          window.scrollTo(0, target);
          if (window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1) {
            // Let the long-task observer deliver the last entries.
            setTimeout(
              () =>
                resolve({
                  frames: frames.slice(1),
                  longTasks: w.__longTasks,
                  seconds: (now - t0) / 1000,
                  height: document.documentElement.scrollHeight,
                }),
              200,
            );
            return;
          }
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    speed,
  );
}

/** The q-quantile of ascending `sorted` values (nearest rank, lower); NaN when empty. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

export interface FrameStats {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** share of frames longer than 25 ms, i.e. that missed at least one 60 Hz vsync */
  missedVsync: number;
}

export function frameStats(frames: readonly number[]): FrameStats {
  const sorted = [...frames].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    p99: quantile(sorted, 0.99),
    max: sorted.at(-1) ?? NaN,
    missedVsync: sorted.filter((f) => f > 25).length / Math.max(1, sorted.length),
  };
}
