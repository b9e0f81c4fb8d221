/**
 * The read-through: the whole article scrolled top to bottom at a steady reading pace, one scroll
 * step per animation frame (the frame and long-task logic is bench/scroll-through.ts, shared with
 * `npm run bench -- scroll`), on a fresh page load, after hydration and a quiet network.
 */
import type { Browser } from '@playwright/test';
import {
  frameStats,
  prepareScrollPage,
  scrollThrough,
  type FrameStats,
  type LongTaskRecord,
} from '../../bench/scroll-through';
import { networkQuiet, watchContext } from './first-load';

export interface ReadThrough {
  viewport: { width: number; height: number };
  speedPxPerS: number;
  heightPx: number;
  seconds: number;
  frames: FrameStats;
  /** every long task (> 50 ms by the API's definition) during the scroll */
  longTasks: LongTaskRecord[];
  consoleErrors: string[];
  requestedUrls: string[];
}

export async function readThrough(
  browser: Browser,
  articleUrl: string,
  viewport: { width: number; height: number },
  speedPxPerS: number,
): Promise<ReadThrough> {
  const context = await browser.newContext({ viewport });
  try {
    const w = watchContext(context);
    const page = await context.newPage();
    await prepareScrollPage(page);
    await page.goto(articleUrl, { waitUntil: 'load' });
    await page
      .waitForFunction(() => document.documentElement.getAttribute('data-hydrated') === 'true', undefined, {
        timeout: 15_000,
      })
      .catch(() => {});
    await networkQuiet(w, 1_000, 15_000);
    const r = await scrollThrough(page, speedPxPerS);
    return {
      viewport,
      speedPxPerS,
      heightPx: r.height,
      seconds: r.seconds,
      frames: frameStats(r.frames),
      longTasks: r.longTasks,
      consoleErrors: w.consoleErrors,
      requestedUrls: w.requestedUrls,
    };
  } finally {
    await context.close();
  }
}

export interface LongTaskSummary {
  count: number;
  over50: number;
  over100: number;
  maxMs: number;
  /** long tasks over 50 ms while the figure in view had already reported ready */
  over50WhileReady: number;
  /** article section → [count, longest ms] */
  bySection: Record<string, { count: number; maxMs: number }>;
}

export function summarizeLongTasks(tasks: readonly LongTaskRecord[]): LongTaskSummary {
  const bySection: Record<string, { count: number; maxMs: number }> = {};
  for (const t of tasks) {
    const key = t.figure ? `${t.section}/${t.figure}` : t.section;
    const s = (bySection[key] ??= { count: 0, maxMs: 0 });
    s.count += 1;
    s.maxMs = Math.max(s.maxMs, t.duration);
  }
  return {
    count: tasks.length,
    over50: tasks.filter((t) => t.duration > 50).length,
    over100: tasks.filter((t) => t.duration > 100).length,
    maxMs: tasks.reduce((m, t) => Math.max(m, t.duration), 0),
    over50WhileReady: tasks.filter((t) => t.duration > 50 && t.figure !== '' && t.figureReady).length,
    bySection,
  };
}
