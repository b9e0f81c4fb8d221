/**
 * Scrolling the whole article (DESIGN.md budget: no long task over 50 ms, p95 frame time ≤ 16.7 ms).
 * Serves the production build (`npm run build` first) with `vite preview`, opens it in the system
 * Chromium at 1280×800 and 375×812, waits for hydration, then scrolls from top to bottom at a steady
 * reading-flick speed, one scroll step per animation frame, while figures wake up and compute around it.
 * Records every animation-frame interval and every long task (PerformanceObserver 'longtask') during the
 * scroll, with the section in view when each long task started. Prints numbers; never passes or fails.
 * Headless Chromium composites in software here (no GPU), so frame times are an upper bound.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { preview } from 'vite';
import config from '../playwright.config';

const SPEED_PX_PER_S = 2400;
const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'mobile', width: 375, height: 812 },
];

interface ScrollRecord {
  frames: number[];
  longTasks: { start: number; duration: number; section: string }[];
  seconds: number;
  height: number;
}

/** Installed before any page script: collects long tasks from the moment `__benchStart` is set. */
function installObserver(): void {
  const w = window as unknown as { __longTasks: { start: number; duration: number; section: string }[]; __benchStart?: number };
  w.__longTasks = [];
  const sectionInView = () => {
    const probe = window.innerHeight / 2;
    for (const s of Array.from(document.querySelectorAll('section[id]'))) {
      const r = s.getBoundingClientRect();
      if (r.top <= probe && r.bottom > probe) return s.id;
    }
    return '–';
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (w.__benchStart !== undefined && e.startTime >= w.__benchStart) {
        w.__longTasks.push({ start: e.startTime - w.__benchStart, duration: e.duration, section: sectionInView() });
      }
    }
  }).observe({ type: 'longtask', buffered: true });
}

/** Scrolls to the bottom at `speed` px/s, one step per frame; returns the frame intervals. */
async function scrollThrough(page: Page, speed: number): Promise<ScrollRecord> {
  return page.evaluate((pxPerS) => new Promise<ScrollRecord>((resolve) => {
    const w = window as unknown as { __longTasks: ScrollRecord['longTasks']; __benchStart?: number };
    const frames: number[] = [];
    window.scrollTo(0, 0);
    const t0 = performance.now();
    w.__benchStart = t0;
    let last = t0;
    const tick = (now: number) => {
      frames.push(now - last);
      last = now;
      const target = Math.min(document.documentElement.scrollHeight, ((now - t0) / 1000) * pxPerS);
      window.scrollTo(0, target);
      if (window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1) {
        // Let the long-task observer deliver the last entries.
        setTimeout(() => resolve({
          frames: frames.slice(1), longTasks: w.__longTasks, seconds: (now - t0) / 1000, height: document.documentElement.scrollHeight,
        }), 200);
        return;
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }), speed);
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

export async function run(): Promise<void> {
  const dist = path.resolve(process.env.QML_DIST_DIR ?? 'dist');
  if (!existsSync(path.join(dist, 'index.html'))) {
    console.log(`no build in ${dist}: run \`npm run build\` first; scroll benchmark skipped`);
    return;
  }
  const server = await preview({ logLevel: 'silent', build: { outDir: dist }, preview: { port: 0, host: '127.0.0.1', strictPort: false } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview gave no URL');
  const browser = await chromium.launch(config.use?.launchOptions);
  try {
    console.log(`scroll speed ${SPEED_PX_PER_S} px/s, one step per animation frame; budget: no long task > 50 ms, p95 frame ≤ 16.7 ms`);
    for (const vp of VIEWPORTS) {
      const context = await browser.newContext({ viewport: { width: vp.width, height: vp.height } });
      const page = await context.newPage();
      // tsx (esbuild, keepNames) wraps named inner functions in `__name(…)`; the page needs it too.
      await page.addInitScript({ content: 'window.__name = (f) => f;' });
      await page.addInitScript(installObserver);
      await page.goto(url);
      await page.waitForSelector('html[data-hydrated="true"]');
      await page.waitForTimeout(500);
      const r = await scrollThrough(page, SPEED_PX_PER_S);
      const sorted = [...r.frames].sort((a, b) => a - b);
      const over50 = r.longTasks.filter((t) => t.duration > 50);
      const worst = [...r.longTasks].sort((a, b) => b.duration - a.duration).slice(0, 5);
      console.log(
        `${vp.name} ${vp.width}×${vp.height}: ${Math.round(r.height).toLocaleString('en-US')} px in ${r.seconds.toFixed(1)} s, ${r.frames.length} frames; ` +
        `frame time p50 ${quantile(sorted, 0.5).toFixed(1)} ms, p95 ${quantile(sorted, 0.95).toFixed(1)} ms, p99 ${quantile(sorted, 0.99).toFixed(1)} ms, ` +
        `max ${sorted.at(-1)?.toFixed(1)} ms; frames that missed a 60 Hz vsync (> 25 ms): ${(100 * sorted.filter((f) => f > 25).length / Math.max(1, sorted.length)).toFixed(1)} %`,
      );
      console.log(
        `  long tasks: ${r.longTasks.length} (over 50 ms: ${over50.length})` +
        (worst.length ? `; longest: ${worst.map((t) => `${Math.round(t.duration)} ms in #${t.section} at ${(t.start / 1000).toFixed(1)} s`).join(', ')}` : ''),
      );
      await context.close();
    }
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}
