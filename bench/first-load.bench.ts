/**
 * First load of the built pages (DESIGN.md budget: ≤ 120 KB of JavaScript gzipped before the reader
 * scrolls on the article, ≤ 150 KB on an embed). Serves the production build (`npm run build` first)
 * with `vite preview` and opens each page in the system Chromium without scrolling; once the page has
 * marked itself hydrated and the network has been quiet, it reports: JavaScript fetched (count, raw and
 * gzipped bytes, gzip computed here with zlib level 9 on each response body), the longest task during
 * load (PerformanceObserver 'longtask', buffered), the sum of long-task time over 50 ms (a TBT proxy,
 * no CPU throttling), the HTML size and the number of DOM elements, and how many elements React owns
 * (elements carrying a React fiber key: what was hydrated). Prints numbers; never passes or fails.
 */
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import config from '../playwright.config';
import { builtDist, previewSite } from './built-site';

const PAGES = [
  { name: 'article desktop', path: '/', viewport: { width: 1280, height: 800 } },
  { name: 'article mobile', path: '/', viewport: { width: 375, height: 812 } },
  { name: 'embed shot-noise', path: '/embed/shot-noise', viewport: { width: 800, height: 600 } },
  { name: 'presentation', path: '/present', viewport: { width: 1280, height: 800 } },
];

function installObserver(): void {
  const w = window as unknown as { __longTasks: number[] };
  w.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__longTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export async function run(): Promise<void> {
  const dist = builtDist('first-load');
  if (!dist) return;
  const site = await previewSite(dist);
  const url = site.url;
  const browser = await chromium.launch(config.use?.launchOptions);
  try {
    console.log(
      'budget: article ≤ 120 KB gz of JavaScript before scrolling, embed ≤ 150 KB; long tasks measured without CPU throttling',
    );
    for (const p of PAGES) {
      // A fresh context per page: no HTTP cache, no service worker from an earlier page.
      const context = await browser.newContext({ viewport: p.viewport, serviceWorkers: 'block' });
      const page = await context.newPage();
      await page.addInitScript({ content: 'window.__name = (f) => f;' });
      await page.addInitScript(installObserver);
      const scripts: { url: string; raw: number; gz: number }[] = [];
      let html = { raw: 0, gz: 0 };
      const pending: Promise<void>[] = [];
      page.on('response', (response) => {
        const type = response.request().resourceType();
        const u = response.url();
        if (type === 'script' || /\.m?js(\?|$)/.test(u) || type === 'document') {
          pending.push(
            response.body().then(
              (body) => {
                const entry = { url: u, raw: body.length, gz: gzipSync(body, { level: 9 }).length };
                if (type === 'document') html = { raw: entry.raw, gz: entry.gz };
                else scripts.push(entry);
              },
              () => undefined,
            ),
          );
        }
      });
      const t0 = Date.now();
      await page.goto(new URL(p.path, url).href);
      await page.waitForSelector('html[data-hydrated="true"]', { timeout: 60_000 });
      const hydratedMs = Date.now() - t0;
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(1000);
      await Promise.all(pending);
      const stats = await page.evaluate(() => {
        const all = Array.from(document.querySelectorAll('*'));
        const owned = all.filter((el) => Object.keys(el).some((k) => k.startsWith('__reactFiber$'))).length;
        const w = window as unknown as { __longTasks: number[] };
        return { elements: all.length, owned, longTasks: w.__longTasks, scrollY: window.scrollY };
      });
      const gz = scripts.reduce((s, x) => s + x.gz, 0);
      const raw = scripts.reduce((s, x) => s + x.raw, 0);
      const longest = Math.max(0, ...stats.longTasks);
      const blocking = stats.longTasks.reduce((s, d) => s + Math.max(0, d - 50), 0);
      console.log(
        `${p.name} (${p.path}, ${p.viewport.width}×${p.viewport.height}): JS ${scripts.length} files, ${kb(raw)} raw, ${kb(gz)} gz; ` +
          `longest task ${Math.round(longest)} ms, ${stats.longTasks.length} long tasks, Σ(task − 50 ms) ${Math.round(blocking)} ms; ` +
          `HTML ${kb(html.raw)} (${kb(html.gz)} gz); ${stats.elements.toLocaleString('en-US')} elements, ${stats.owned.toLocaleString('en-US')} owned by React; ` +
          `data-hydrated after ${hydratedMs} ms`,
      );
      if (process.env.BENCH_VERBOSE) {
        for (const s of [...scripts].sort((a, b) => b.gz - a.gz))
          console.log(`    ${kb(s.gz).padStart(9)}  ${new URL(s.url).pathname}`);
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await site.close();
  }
}
