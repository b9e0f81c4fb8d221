/**
 * What a page fetches before the reader scrolls, and what goes wrong on the way (console errors,
 * uncaught exceptions, failed requests, requests to another origin). A fresh browser context per
 * load (empty cache, no service worker yet); the load is over when the network has been quiet for
 * QUIET_MS after the load event (capped at MAX_WAIT_MS), with nothing scrolled.
 *
 * Requests the service worker makes for itself (its precache) are counted apart: they are not
 * JavaScript the page runs, but they are bytes a first visit costs.
 */
import type { Browser, BrowserContext, Request } from '@playwright/test';
import { gzipSize, resourceKind, totalsByKind, type KindTotal, type ResourceKind, type ResponseRecord } from './bytes';

const QUIET_MS = 1_500;
const MAX_WAIT_MS = 20_000;

export interface Viewport {
  name: string;
  width: number;
  height: number;
  mobile: boolean;
}

/** Lighthouse's mobile screen (Moto G Power) and the desktop size the e2e tests use. */
export const FIRST_LOAD_VIEWPORTS: readonly Viewport[] = [
  { name: 'mobile', width: 412, height: 823, mobile: true },
  { name: 'desktop', width: 1280, height: 800, mobile: false },
];

export interface PageProblems {
  consoleErrors: string[];
  failedRequests: string[];
  /** every URL requested (page, its workers and its service worker) */
  requestedUrls: string[];
}

export interface FirstLoad extends PageProblems {
  viewport: Viewport;
  totals: Record<ResourceKind, KindTotal>;
  serviceWorker: KindTotal;
  responses: (ResponseRecord & { fromServiceWorkerFetch: boolean })[];
  /** how long the load took until the network went quiet, ms */
  settledMs: number;
}

/**
 * Watches a context: every request, console error (the page's and its workers'), uncaught exception
 * and failed request, from every page in it (workers' requests surface on their page; the service
 * worker's on the context).
 */
export function watchContext(
  context: BrowserContext,
): PageProblems & { inflight: () => number; lastActivity: () => number; finished: Request[] } {
  const problems: PageProblems = { consoleErrors: [], failedRequests: [], requestedUrls: [] };
  const finished: Request[] = [];
  let inflight = 0;
  let last = Date.now();
  context.on('request', (req) => {
    inflight += 1;
    last = Date.now();
    problems.requestedUrls.push(req.url());
  });
  context.on('requestfinished', (req) => {
    inflight -= 1;
    last = Date.now();
    finished.push(req);
  });
  context.on('requestfailed', (req) => {
    inflight -= 1;
    last = Date.now();
    problems.failedRequests.push(`${req.url()}: ${req.failure()?.errorText ?? 'failed'}`);
  });
  context.on('response', (res) => {
    if (res.status() >= 400) problems.failedRequests.push(`${res.url()}: HTTP ${res.status()}`);
  });
  const watchPage = (page: import('@playwright/test').Page) => {
    page.on('console', (msg) => {
      if (msg.type() === 'error')
        problems.consoleErrors.push(`${msg.text()}${msg.location().url ? ` (${msg.location().url})` : ''}`);
    });
    page.on('pageerror', (err) => problems.consoleErrors.push(`uncaught: ${err.message}`));
    // The simulator's workers log on their own channel.
    page.on('worker', (worker) =>
      worker.on('console', (msg) => {
        if (msg.type() === 'error')
          problems.consoleErrors.push(`worker ${worker.url().split('/').pop()}: ${msg.text()}`);
      }),
    );
  };
  context.pages().forEach(watchPage);
  context.on('page', watchPage);
  return Object.assign(problems, { inflight: () => inflight, lastActivity: () => last, finished });
}

/** Resolves once no request has been in flight for `quietMs`, or after `maxMs`. */
export async function networkQuiet(
  w: { inflight: () => number; lastActivity: () => number },
  quietMs = QUIET_MS,
  maxMs = MAX_WAIT_MS,
): Promise<void> {
  const t0 = Date.now();
  while (Date.now() - t0 < maxMs) {
    if (w.inflight() <= 0 && Date.now() - w.lastActivity() >= quietMs) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function record(req: Request): Promise<(ResponseRecord & { fromServiceWorkerFetch: boolean }) | null> {
  const res = await req.response();
  if (!res) return null;
  let body: Buffer | null = null;
  try {
    body = await res.body();
  } catch {
    /* a worker's or a redirect's body may be gone */
  }
  if (body === null && res.status() < 300) {
    // Same bytes from the server directly (the audit's server is local and static).
    try {
      body = Buffer.from(await (await fetch(req.url())).arrayBuffer());
    } catch {
      body = null;
    }
  }
  let encoded: number | null;
  try {
    encoded = (await req.sizes()).responseBodySize;
  } catch {
    encoded = null;
  }
  const headers = await res.allHeaders();
  return {
    url: req.url(),
    kind: resourceKind(req.url(), headers['content-type'] ?? ''),
    status: res.status(),
    contentEncoding: headers['content-encoding'] ?? '',
    encodedBodyBytes: encoded,
    bodyBytes: body?.byteLength ?? 0,
    gzipBytes: body ? gzipSize(body) : 0,
    fromServiceWorkerFetch: req.serviceWorker() !== null,
  };
}

/**
 * `serviceWorkers: 'block'` loads the page without registering its service worker: for pages whose
 * precache another load has already checked (it is the same list on every page), it saves the
 * 200-file precache download and its bookkeeping; the page's own requests are the same.
 */
export async function measureFirstLoad(
  browser: Browser,
  url: string,
  viewport: Viewport,
  { serviceWorkers = 'allow' }: { serviceWorkers?: 'allow' | 'block' } = {},
): Promise<FirstLoad> {
  const context = await browser.newContext({
    viewport: { width: viewport.width, height: viewport.height },
    isMobile: viewport.mobile,
    hasTouch: viewport.mobile,
    serviceWorkers,
  });
  try {
    const w = watchContext(context);
    const page = await context.newPage();
    const t0 = Date.now();
    await page.goto(url, { waitUntil: 'load' });
    await networkQuiet(w);
    const settledMs = Date.now() - t0 - QUIET_MS;
    const scrolled = await page.evaluate(() => window.scrollY);
    if (scrolled !== 0)
      throw new Error(`${url} scrolled itself to ${scrolled} px during load; "before any scroll" is undefined`);
    const all = (await Promise.all(w.finished.map(record))).filter((r) => r !== null);
    const pageResponses = all.filter((r) => !r.fromServiceWorkerFetch);
    const swTotals = totalsByKind(all.filter((r) => r.fromServiceWorkerFetch));
    const serviceWorker = Object.values(swTotals).reduce(
      (acc, t) => ({ files: acc.files + t.files, bytes: acc.bytes + t.bytes, gzip: acc.gzip + t.gzip }),
      { files: 0, bytes: 0, gzip: 0 },
    );
    return {
      viewport,
      totals: totalsByKind(pageResponses),
      serviceWorker,
      responses: all,
      settledMs,
      consoleErrors: w.consoleErrors,
      failedRequests: w.failedRequests,
      requestedUrls: w.requestedUrls,
    };
  } finally {
    await context.close();
  }
}

/**
 * Scrolls the whole page a viewport at a time (a short pause at each stop, so every island near the
 * viewport wakes up and starts its work), then waits for the network to go quiet. Not a timing: it
 * collects what the deterministic check needs from the whole article, not just its top (console
 * errors, failed requests, requests to another origin).
 */
export async function sweepPage(
  browser: Browser,
  url: string,
  viewport: Viewport,
  pauseMs = 150,
): Promise<PageProblems> {
  const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height } });
  try {
    const w = watchContext(context);
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    for (;;) {
      const atBottom = await page.evaluate(() => {
        window.scrollBy(0, Math.round(window.innerHeight * 0.9));
        return window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1;
      });
      await page.waitForTimeout(pauseMs);
      if (atBottom) break;
    }
    await networkQuiet(w);
    return { consoleErrors: w.consoleErrors, failedRequests: w.failedRequests, requestedUrls: w.requestedUrls };
  } finally {
    await context.close();
  }
}
