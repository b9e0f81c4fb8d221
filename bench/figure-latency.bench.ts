/**
 * Figure latency in the built site (issue 12 budget: every figure ready at its last step ≤ 2 s after a
 * jump from the top of the article, a first picture within 1 s). Serves the production build
 * (`npm run build` first; QML_DIST_DIR picks another build) with `vite preview`, and for each figure, in a
 * fresh browser context: opens the article at the top, waits for hydration and a quiet second, jumps to
 * the figure's last step (the step's top at the trigger line), and records
 *   - first data: the first chunk result a worker sends after the jump (for worker-computed figures),
 *   - ready: when the figure root shows `data-step=<last>` and `data-ready="true"`.
 * Prints a table; never passes or fails. `FIGURES=landscape,baseline-race` limits the set.
 */
import { chromium, type Page } from '@playwright/test';
import config from '../playwright.config';
import { builtDist, previewSite } from './built-site';
import { FIGURE_CATALOG } from '../src/figures/catalog';

const TIMEOUT_MS = 30_000;

/** Installed before any page script: timestamps of worker answers ('done' chunks and old-style progress). */
function recordWorkers(): void {
  const w = window as unknown as { __workerIn: number[] };
  w.__workerIn = [];
  const Original = window.Worker;
  class Recorded extends Original {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      this.addEventListener('message', (e: MessageEvent) => {
        const type = (e.data as { type?: string; samples?: unknown })?.type;
        if (type === 'done' || (type === 'progress' && (e.data as { samples?: unknown }).samples !== undefined)) w.__workerIn.push(performance.now());
      });
    }
  }
  window.Worker = Recorded as typeof Worker;
}

interface Measured { ready: number | null; firstData: number | null; chunks: number }

async function jumpAndWait(page: Page, id: string, last: number): Promise<Measured> {
  return page.evaluate(([fid, step, timeout]) => new Promise<Measured>((resolve) => {
    const w = window as unknown as { __workerIn: number[] };
    const section = document.querySelector<HTMLElement>(`[data-scrolly="${fid}"]`);
    const el = section?.querySelector<HTMLElement>(`[data-step-index="${step}"]`);
    if (!section || !el) { resolve({ ready: null, firstData: null, chunks: 0 }); return; }
    const before = w.__workerIn.length;
    const t0 = performance.now();
    window.scrollTo({ top: el.getBoundingClientRect().top + scrollY - Number(section.dataset.trigger ?? 0) + 20, behavior: 'instant' });
    const poll = () => {
      const fig = document.querySelector<HTMLElement>(`[data-figure="${fid}"]`);
      const now = performance.now();
      const done = fig?.dataset.step === String(step) && fig.dataset.ready === 'true';
      if (done || now - t0 > timeout) {
        const after = w.__workerIn.slice(before);
        resolve({ ready: done ? now - t0 : null, firstData: after.length ? after[0] - t0 : null, chunks: after.length });
        return;
      }
      requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  }), [id, last, TIMEOUT_MS] as const);
}

const fmt = (ms: number | null) => (ms === null ? '–' : `${(ms / 1000).toFixed(2)} s`);

export async function run(): Promise<void> {
  const dist = builtDist('figure-latency');
  if (!dist) return;
  const only = process.env.FIGURES?.split(',').map((s) => s.trim()).filter(Boolean);
  const figures = FIGURE_CATALOG.filter((f) => !only || only.includes(f.id));
  const site = await previewSite(dist);
  const url = site.url;
  const browser = await chromium.launch(config.use?.launchOptions);
  try {
    console.log(`build: ${dist}; jump from the top of the article to each figure's last step, 1280×800, fresh context per figure`);
    console.log('budget: ready ≤ 2 s, first picture ≤ 1 s');
    console.log('figure                 step  first data  ready   worker chunks');
    for (const f of figures) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.addInitScript({ content: 'window.__name = (f) => f;' });
      await page.addInitScript(recordWorkers);
      await page.goto(url);
      await page.waitForSelector('html[data-hydrated="true"]');
      await page.waitForTimeout(1000);
      const last = f.steps.length - 1;
      const m = await jumpAndWait(page, f.id, last);
      console.log(`${f.id.padEnd(22)} ${String(last).padStart(4)}  ${fmt(m.firstData).padStart(10)}  ${fmt(m.ready).padStart(6)}  ${String(m.chunks).padStart(6)}`);
      await context.close();
    }
  } finally {
    await browser.close();
    await site.close();
  }
}
