/**
 * Figure latency after a jump. For each figure, on a fresh page load of the article (new browser
 * context, nothing else running): wait until the page has loaded, hydrated, the network is quiet and
 * the figures on the first two screens are ready, with the reader at the top; then scroll the figure's last step into view the way a
 * `#<figure>-step-<n>` deep link does, and time, from that scroll, until
 *
 * - ready: the figure root shows that step and reports it computed,
 *   `[data-figure=id][data-step=n][data-ready="true"]`;
 * - first picture: the figure root shows that step and either declares a first complete picture,
 *   `data-first-picture="true"` (a coarse grid, fewer samples, the first epochs), or is ready,
 *   whichever comes first. Without the hook this equals ready: an upper bound;
 * - marks (informational): the figure root shows that step and its chart has at least one data mark,
 *   an SVG path/rect/circle/line/polyline/polygon/ellipse/image with a non-empty box that is not in an
 *   axis (`.chart-axis`), in `<defs>`/clip paths/masks/markers/patterns, or in an `aria-hidden` legend
 *   swatch. Marks left from an earlier step or frames drawn before any data count too, so this is a
 *   lower bound on "something is drawn", not proof that the step's data is.
 *
 * Times are taken in the page (performance.now() in a MutationObserver callback, i.e. when the DOM
 * changed, before the frame is painted).
 */
import type { Browser } from '@playwright/test';
import { networkQuiet, watchContext } from './first-load';

export interface FigureTiming {
  id: string;
  lastStep: number;
  readyMs: number | null;
  firstPictureMs: number | null;
  /** which signal gave the first picture */
  firstPictureBy: 'hook' | 'ready' | null;
  marksMs: number | null;
  /** time from navigation until the page reported hydration, ms (null: it never did) */
  hydratedMs: number | null;
  timedOut: boolean;
  error?: string;
  consoleErrors: string[];
  requestedUrls: string[];
}

interface InPageResult {
  readyMs: number | null;
  firstPictureMs: number | null;
  firstPictureBy: 'hook' | 'ready' | null;
  marksMs: number | null;
  timedOut: boolean;
  error?: string;
}

/** Serialised into the page: must be self-contained. */
function jumpAndWait(args: { id: string; last: number; timeoutMs: number }): Promise<InPageResult> {
  const { id, last, timeoutMs } = args;
  return new Promise((resolve) => {
    const target =
      document.getElementById(`${id}-step-${last}`) ??
      document.querySelector(`[data-scrolly="${id}"] [data-step-index="${last}"]`);
    if (!target) {
      resolve({
        readyMs: null,
        firstPictureMs: null,
        firstPictureBy: null,
        marksMs: null,
        timedOut: false,
        error: `no element for step ${last} of ${id}`,
      });
      return;
    }
    const out: InPageResult = {
      readyMs: null,
      firstPictureMs: null,
      firstPictureBy: null,
      marksMs: null,
      timedOut: false,
    };
    const SHAPES = 'path, rect, circle, line, polyline, polygon, ellipse, image';
    const EXCLUDED = '.chart-axis, defs, clipPath, mask, marker, pattern, svg[aria-hidden="true"]';
    const hasMarks = (root: Element): boolean => {
      const graphic = root.querySelector('.fig__graphic') ?? root;
      for (const el of Array.from(graphic.querySelectorAll(SHAPES))) {
        if (!el.closest('svg') || el.closest(EXCLUDED)) continue;
        const b = el.getBoundingClientRect();
        if (b.width > 0 || b.height > 0) return true;
      }
      return false;
    };
    let t0 = 0;
    let timer = 0;
    const check = () => {
      const root = document.querySelector(`[data-figure="${id}"]`);
      if (!root || root.getAttribute('data-step') !== String(last)) return;
      const now = performance.now() - t0;
      const ready = root.getAttribute('data-ready') === 'true';
      if (out.marksMs === null && hasMarks(root)) out.marksMs = now;
      if (out.firstPictureMs === null) {
        if (root.getAttribute('data-first-picture') === 'true') {
          out.firstPictureMs = now;
          out.firstPictureBy = 'hook';
        } else if (ready) {
          out.firstPictureMs = now;
          out.firstPictureBy = 'ready';
        }
      }
      if (ready && out.readyMs === null) {
        out.readyMs = now;
        if (out.marksMs === null) out.marksMs = now;
        observer.disconnect();
        clearTimeout(timer);
        resolve(out);
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(document.documentElement, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: [
        'data-step',
        'data-ready',
        'data-first-picture',
        'd',
        'width',
        'height',
        'href',
        'r',
        'x1',
        'x2',
        'y1',
        'y2',
        'points',
      ],
    });
    timer = window.setTimeout(() => {
      observer.disconnect();
      out.timedOut = true;
      resolve(out);
    }, timeoutMs);
    t0 = performance.now();
    target.scrollIntoView({ block: 'start', behavior: 'instant' });
    check();
  });
}

export async function measureFigure(
  browser: Browser,
  articleUrl: string,
  figure: { id: string; steps: number },
  viewport: { width: number; height: number },
  timeoutMs = 30_000,
): Promise<FigureTiming> {
  const context = await browser.newContext({ viewport });
  const last = figure.steps - 1;
  try {
    const w = watchContext(context);
    const page = await context.newPage();
    await page.addInitScript({ content: 'window.__name = (f) => f;' });
    await page.goto(articleUrl, { waitUntil: 'load' });
    const hydratedMs = await page
      .waitForFunction(() => document.documentElement.getAttribute('data-hydrated') === 'true', undefined, {
        timeout: 15_000,
      })
      .then(() => page.evaluate(() => performance.now()))
      .catch(() => null);
    await networkQuiet(w, 1_000, 15_000);
    // Nothing else running: the figures on the first screens finish their own work before the jump.
    await page
      .waitForFunction(
        () =>
          Array.from(document.querySelectorAll('[data-figure]'))
            .filter((el) => el.getBoundingClientRect().top < 2 * window.innerHeight)
            .every((el) => el.getAttribute('data-ready') === 'true'),
        undefined,
        { timeout: 15_000, polling: 100 },
      )
      .catch(() => {});
    const r = await page.evaluate(jumpAndWait, { id: figure.id, last, timeoutMs });
    return {
      id: figure.id,
      lastStep: last,
      hydratedMs,
      ...r,
      consoleErrors: w.consoleErrors,
      requestedUrls: w.requestedUrls,
    };
  } finally {
    await context.close();
  }
}
