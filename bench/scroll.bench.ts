/**
 * Scrolling the whole article (DESIGN.md budget: no long task over 50 ms, p95 frame time ≤ 16.7 ms).
 * Serves the production build (`npm run build` first) with `vite preview`, opens it in the system
 * Chromium at 1280×800 and 375×812, waits for hydration, then scrolls from top to bottom at a steady
 * reading-flick speed, one scroll step per animation frame, while figures wake up and compute around it.
 * Records every animation-frame interval and every long task (PerformanceObserver 'longtask') during the
 * scroll, with the section in view when each long task started. Prints numbers; never passes or fails.
 * Headless Chromium composites in software here (no GPU), so frame times are an upper bound.
 */
import { chromium } from '@playwright/test';
import config from '../playwright.config';
import { builtDist, previewSite } from './built-site';
import { frameStats, prepareScrollPage, scrollThrough } from './scroll-through';

const SPEED_PX_PER_S = 2400;
const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'mobile', width: 375, height: 812 },
];

export async function run(): Promise<void> {
  const dist = builtDist('scroll');
  if (!dist) return;
  const site = await previewSite(dist);
  const url = site.url;
  const browser = await chromium.launch(config.use?.launchOptions);
  try {
    console.log(
      `scroll speed ${SPEED_PX_PER_S} px/s, one step per animation frame; budget: no long task > 50 ms, p95 frame ≤ 16.7 ms`,
    );
    for (const vp of VIEWPORTS) {
      const context = await browser.newContext({ viewport: { width: vp.width, height: vp.height } });
      const page = await context.newPage();
      await prepareScrollPage(page);
      await page.goto(url);
      await page.waitForSelector('html[data-hydrated="true"]');
      await page.waitForTimeout(500);
      const r = await scrollThrough(page, SPEED_PX_PER_S);
      const f = frameStats(r.frames);
      const over50 = r.longTasks.filter((t) => t.duration > 50);
      const worst = [...r.longTasks].sort((a, b) => b.duration - a.duration).slice(0, 5);
      console.log(
        `${vp.name} ${vp.width}×${vp.height}: ${Math.round(r.height).toLocaleString('en-US')} px in ${r.seconds.toFixed(1)} s, ${f.count} frames; ` +
          `frame time p50 ${f.p50.toFixed(1)} ms, p95 ${f.p95.toFixed(1)} ms, p99 ${f.p99.toFixed(1)} ms, ` +
          `max ${f.max.toFixed(1)} ms; frames that missed a 60 Hz vsync (> 25 ms): ${(100 * f.missedVsync).toFixed(1)} %`,
      );
      console.log(
        `  long tasks: ${r.longTasks.length} (over 50 ms: ${over50.length})` +
          (worst.length
            ? `; longest: ${worst.map((t) => `${Math.round(t.duration)} ms in #${t.section} at ${(t.start / 1000).toFixed(1)} s`).join(', ')}`
            : ''),
      );
      await context.close();
    }
  } finally {
    await browser.close();
    await site.close();
  }
}
