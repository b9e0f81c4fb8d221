/**
 * `npm run audit`: Lighthouse (mobile preset), first-load bytes, read-throughs (1280 px and 375 px wide)
 * and figure latency on the production build, against the budgets in budgets.ts. Writes audit/report.json and prints a table.
 *
 *   npm run audit                      everything (a few minutes)
 *   npm run audit -- --check --quick   the deterministic part only; exits 1 when it fails (npm test)
 *
 * Options: --check (exit 1 on a deterministic failure), --quick (skip the timing-only parts: the
 * Lighthouse performance category, the read-through, figure latency), --base-url URL (audit a running
 * site instead of serving dist/), --port N (the static server's port, default AUDIT_PORT or a free one), --encoding br|gzip|none
 * (what the static server may send: brotli or gzip, gzip only, or uncompressed; scripts/audit/server.ts),
 * --speed PX_PER_S (read-through pace, default 600), --figures a,b (only these figures),
 * --out FILE (default audit/report.json), --figures-only (only figure latency, with --repeat N runs per
 * figure; no Lighthouse, first loads or read-through: for measuring one change to a figure's compute path),
 * --embeds-only (only the first-load JavaScript of every figure and section embed, at both viewports, with
 * each embed's largest scripts; --embeds a,b limits it to these paths, e.g. embed/shot-noise).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { FIGURE_CATALOG } from '../../src/figures/catalog';
import { BUDGETS, CHECKED_CATEGORIES } from './budgets';
import { chromiumVersion, CHROMIUM_PATH, launchChromium } from './browser';
import { compressedCost, foreignRequests } from './bytes';
import { evaluate, failures, formatTable, type AuditFindings, type EmbedLoad, type PageResult } from './compare';
import { measureFigure, type FigureTiming } from './figures';
import { FIRST_LOAD_VIEWPORTS, measureFirstLoad, sweepPage, type FirstLoad } from './first-load';
import { CATEGORIES, runLighthouse, type LighthouseSummary } from './lighthouse';
import { allEmbedPaths, AUDIT_PAGES, pageUrl } from './pages';
import { readThrough, summarizeLongTasks, type ReadThrough } from './readthrough';
import { startSite } from './server';
import { mapInTurns } from './turns';

const DESKTOP = { width: 1280, height: 800 };
/** The read-through's phone: the article is longest (and most laid out) in one column. */
const PHONE = { width: 375, height: 812 };

const { values: opts } = parseArgs({
  options: {
    check: { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    'base-url': { type: 'string', default: process.env.AUDIT_BASE_URL },
    port: { type: 'string', default: process.env.AUDIT_PORT ?? '0' },
    encoding: { type: 'string', default: 'br' },
    speed: { type: 'string', default: '600' },
    figures: { type: 'string' },
    out: { type: 'string', default: 'audit/report.json' },
    'figures-only': { type: 'boolean', default: false },
    'embeds-only': { type: 'boolean', default: false },
    embeds: { type: 'string' },
    repeat: { type: 'string', default: '1' },
  },
});

const log = (msg: string) => console.log(`audit: ${msg}`);
const unique = (xs: readonly string[]) => [...new Set(xs)];

/** `--figures-only`: ready and first-picture times after a jump, `--repeat` times per figure; printed, not written. */
async function figuresOnly(site: Awaited<ReturnType<typeof startSite>>): Promise<number> {
  const wanted = opts.figures ? new Set(opts.figures.split(',')) : null;
  const chrome = await launchChromium();
  const browser = await chromium.connectOverCDP(chrome.endpoint);
  try {
    for (const f of FIGURE_CATALOG.filter((c) => !wanted || wanted.has(c.id))) {
      const runs: string[] = [];
      for (let i = 0; i < Math.max(1, Number(opts.repeat)); i++) {
        const t = await measureFigure(browser, site.baseUrl, { id: f.id, steps: f.steps.length }, DESKTOP);
        const ms = (v: number | null) => (v === null ? '–' : `${Math.round(v)}`);
        runs.push(`${ms(t.readyMs)} (first picture ${ms(t.firstPictureMs)})`);
      }
      log(`figure ${f.id}: ready ms ${runs.join(', ')}; load average ${loadavg()[0].toFixed(2)}`);
    }
  } finally {
    await browser.close().catch(() => {});
    await chrome.close();
    await site.close();
  }
  return 0;
}

/**
 * `--embeds-only`: JavaScript before scroll on every embed (both viewports, the larger counts), its largest
 * scripts, against the embed budget; printed, not written. Exits 1 when one is over (with --check).
 */
async function embedsOnly(site: Awaited<ReturnType<typeof startSite>>): Promise<number> {
  const wanted = opts.embeds ? new Set(opts.embeds.split(',')) : null;
  const budget = BUDGETS.firstLoadJsGzip.embed ?? Infinity;
  const chrome = await launchChromium();
  const browser = await chromium.connectOverCDP(chrome.endpoint);
  let over = 0;
  try {
    for (const path of allEmbedPaths().filter((p) => !wanted || wanted.has(p))) {
      const loads: FirstLoad[] = [];
      for (const vp of FIRST_LOAD_VIEWPORTS)
        loads.push(await measureFirstLoad(browser, pageUrl(site.baseUrl, path), vp));
      const worst = loads.reduce((a, b) => (b.totals.script.gzip > a.totals.script.gzip ? b : a));
      const gz = worst.totals.script.gzip;
      if (gz > budget) over += 1;
      const errors = unique(loads.flatMap((l) => l.consoleErrors));
      log(
        `${path}: JS ${loads.map((l) => `${l.viewport.name} ${(l.totals.script.gzip / 1000).toFixed(1)}`).join(', ')} kB gz${gz > budget ? ' OVER' : ''}; largest ${largestScripts(worst, 6)}${errors.length ? `; console errors: ${errors.join(' | ')}` : ''}`,
      );
    }
  } finally {
    await browser.close().catch(() => {});
    await chrome.close();
    await site.close();
  }
  return opts.check && over > 0 ? 1 : 0;
}

/** A load's `n` largest scripts by gzipped size, as `name size kB`. */
function largestScripts(load: FirstLoad, n: number): string {
  const seen = new Set<string>();
  return load.responses
    .filter((r) => r.kind === 'script' && !r.fromServiceWorkerFetch && !seen.has(r.url) && seen.add(r.url))
    .map((r) => ({ name: new URL(r.url).pathname.split('/').pop() ?? r.url, gz: compressedCost(r).bytes }))
    .sort((a, b) => b.gz - a.gz)
    .slice(0, n)
    .map((f) => `${f.name} ${(f.gz / 1000).toFixed(1)} kB`)
    .join(', ');
}

async function main(): Promise<number> {
  const started = Date.now();
  const load0 = loadavg();
  const site = await startSite({
    baseUrl: opts['base-url'],
    distDir: process.env.QML_DIST_DIR ?? 'dist',
    port: Number(opts.port),
    encoding: opts.encoding,
  });
  if (opts['figures-only']) return figuresOnly(site);
  if (opts['embeds-only']) return embedsOnly(site);
  const categories = opts.quick ? [...CHECKED_CATEGORIES] : [...CATEGORIES];
  const wanted = opts.figures ? new Set(opts.figures.split(',')) : null;
  const figuresToMeasure = FIGURE_CATALOG.filter((f) => !wanted || wanted.has(f.id));
  let browserVersion: string;

  const pages: (PageResult & { firstLoads: FirstLoad[]; failedRequests: string[] })[] = [];
  const lighthouse: Record<string, LighthouseSummary | { error: string }> = {};
  let sweep: Awaited<ReturnType<typeof sweepPage>>;
  const scrolls: ReadThrough[] = [];
  const figures: FigureTiming[] = [];
  const embeds: EmbedLoad[] = [];

  try {
    log(
      `site: ${site.description} at ${site.baseUrl}; ${opts.quick ? 'quick (deterministic parts only)' : 'full'} run`,
    );
    for (const p of AUDIT_PAGES) {
      const url = pageUrl(site.baseUrl, p.path);
      const t0 = Date.now();
      // One retry: on a loaded machine Lighthouse can time out (NO_FCP, protocol timeouts), which
      // says nothing about the page; a second failure is reported and fails --check.
      for (let attempt = 1; attempt <= 2 && !lighthouse[p.kind]; attempt++) {
        try {
          lighthouse[p.kind] = await runLighthouse(url, categories);
          log(`Lighthouse ${p.kind} (${url}): ${((Date.now() - t0) / 1000).toFixed(0)} s`);
        } catch (e) {
          log(`Lighthouse ${p.kind} failed (attempt ${attempt}): ${(e as Error).message}`);
          if (attempt === 2) lighthouse[p.kind] = { error: (e as Error).message };
        }
      }
    }

    const chrome = await launchChromium();
    browserVersion = await chromiumVersion(chrome.endpoint);
    const browser = await chromium.connectOverCDP(chrome.endpoint);
    try {
      // Each page at each viewport in its own context, two at a time.
      const loads = await mapInTurns(
        AUDIT_PAGES.flatMap((p) => FIRST_LOAD_VIEWPORTS.map((vp) => ({ p, vp }))),
        2,
        ({ p, vp }) => measureFirstLoad(browser, pageUrl(site.baseUrl, p.path), vp),
      );
      for (const [i, p] of AUDIT_PAGES.entries()) {
        const url = pageUrl(site.baseUrl, p.path);
        const firstLoads = loads.slice(i * FIRST_LOAD_VIEWPORTS.length, (i + 1) * FIRST_LOAD_VIEWPORTS.length);
        const lh = lighthouse[p.kind];
        pages.push({
          kind: p.kind,
          url,
          lighthouse: 'error' in lh ? null : lh,
          lighthouseError: 'error' in lh ? lh.error : undefined,
          firstLoadJsGzip: Math.max(...firstLoads.map((l) => l.totals.script.gzip)),
          firstLoadCssGzip: Math.max(...firstLoads.map((l) => l.totals.stylesheet.gzip)),
          consoleErrors: unique(firstLoads.flatMap((l) => l.consoleErrors)),
          foreignRequests: foreignRequests(
            firstLoads.flatMap((l) => l.requestedUrls),
            site.baseUrl,
          ),
          failedRequests: unique(firstLoads.flatMap((l) => l.failedRequests)),
          firstLoads,
        });
        log(
          `first load ${p.kind}: ${firstLoads.map((l) => `${l.viewport.name} JS ${(l.totals.script.gzip / 1000).toFixed(1)} kB gz in ${l.totals.script.files} files`).join(', ')}`,
        );
      }
      const audited = new Set(AUDIT_PAGES.map((p) => p.path));
      // The other embeds: their own requests only (the precache was checked above, on the same list),
      // two at a time, since each load spends most of its time waiting for the network to go quiet.
      const more = allEmbedPaths().filter((p) => !audited.has(p));
      embeds.push(
        ...(await mapInTurns(more, 2, async (path) => {
          const load = await measureFirstLoad(browser, pageUrl(site.baseUrl, path), FIRST_LOAD_VIEWPORTS[0], {
            serviceWorkers: 'block',
          });
          return {
            path,
            firstLoadJsGzip: load.totals.script.gzip,
            consoleErrors: unique(load.consoleErrors),
            foreignRequests: foreignRequests(load.requestedUrls, site.baseUrl),
          };
        })),
      );
      log(
        `first load of ${embeds.length} more embeds (${FIRST_LOAD_VIEWPORTS[0].name}): JS ${embeds.map((e) => `${e.path.replace(/^embed\//, '')} ${(e.firstLoadJsGzip / 1000).toFixed(1)}`).join(', ')} kB gz`,
      );
      const articleUrl = pageUrl(site.baseUrl, AUDIT_PAGES.find((p) => p.kind === 'article')?.path ?? '');
      sweep = await sweepPage(browser, articleUrl, { name: 'desktop', ...DESKTOP, mobile: false });
      log(
        `article scrolled a screen at a time: ${sweep.requestedUrls.length} requests, ${sweep.consoleErrors.length} console errors`,
      );

      if (!opts.quick) {
        for (const viewport of [DESKTOP, PHONE]) {
          const scroll = await readThrough(browser, articleUrl, viewport, Number(opts.speed));
          scrolls.push(scroll);
          log(
            `read-through at ${viewport.width}×${viewport.height}: ${Math.round(scroll.heightPx)} px in ${scroll.seconds.toFixed(0)} s`,
          );
        }
        for (const f of figuresToMeasure) {
          const t = await measureFigure(browser, articleUrl, { id: f.id, steps: f.steps.length }, DESKTOP);
          figures.push(t);
          log(
            `figure ${f.id}: ready ${t.readyMs === null ? (t.timedOut ? 'timed out' : (t.error ?? '–')) : `${Math.round(t.readyMs)} ms`}`,
          );
        }
      }
    } finally {
      await browser.close().catch(() => {});
      await chrome.close();
    }
  } finally {
    await site.close();
  }

  const elsewhereUrls = [
    ...(sweep?.requestedUrls ?? []),
    ...scrolls.flatMap((s) => s.requestedUrls),
    ...figures.flatMap((f) => f.requestedUrls),
  ];
  const findings: AuditFindings = {
    pages,
    embeds,
    elsewhere: {
      consoleErrors: unique([
        ...(sweep?.consoleErrors ?? []),
        ...scrolls.flatMap((s) => s.consoleErrors),
        ...figures.flatMap((f) => f.consoleErrors),
      ]),
      foreignRequests: foreignRequests(elsewhereUrls, site.baseUrl),
    },
    figures: opts.quick ? null : figures,
    scrolls: scrolls.map((s) => ({
      viewport: s.viewport,
      frames: s.frames,
      longTasks: summarizeLongTasks(s.longTasks),
    })),
  };
  const rows = evaluate(findings);
  const failed = failures(rows);

  const report = {
    generatedAt: new Date().toISOString(),
    mode: opts.quick ? 'quick' : 'full',
    site: { baseUrl: site.baseUrl, served: site.description },
    browser: { path: CHROMIUM_PATH, version: browserVersion },
    machine: { cpus: cpus().length, loadavgAtStart: load0, loadavgAtEnd: loadavg(), node: process.version },
    budgets: BUDGETS,
    pages: pages.map(({ firstLoads, ...p }) => ({
      ...p,
      firstLoads: firstLoads.map((l) => ({
        viewport: l.viewport,
        settledMs: l.settledMs,
        totals: l.totals,
        serviceWorker: l.serviceWorker,
        responses: l.responses.map((r) => ({ ...r, url: r.url.replace(site.baseUrl, '/') })),
      })),
    })),
    embeds,
    elsewhere: findings.elsewhere,
    readThroughs: scrolls.map((s, i) => ({
      ...s,
      requestedUrls: undefined,
      consoleErrors: undefined,
      summary: findings.scrolls[i].longTasks,
    })),
    figures: opts.quick ? null : figures.map(({ requestedUrls: _u, ...f }) => f),
    rows,
    failures: failed,
    seconds: (Date.now() - started) / 1000,
  };
  const out = path.resolve(opts.out);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);

  console.log('');
  console.log(formatTable(rows));
  console.log('');
  printDetails(findings, pages, figures);
  console.log(
    `\n* deterministic (fails --check); other rows are reported only. Machine load ${load0.map((l) => l.toFixed(1)).join(' ')} → ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${cpus().length} cores.`,
  );
  console.log(`report: ${path.relative(process.cwd(), out)} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  if (failed.length) {
    console.log(
      `${failed.length} deterministic failure(s): ${failed.map((r) => `${r.subject} ${r.metric} ${r.shown}`).join('; ')}`,
    );
  }
  return opts.check && failed.length > 0 ? 1 : 0;
}

function printDetails(
  f: AuditFindings,
  pages: readonly (PageResult & { failedRequests: string[]; firstLoads: FirstLoad[] })[],
  figures: readonly FigureTiming[],
): void {
  for (const p of pages) {
    const load = p.firstLoads.reduce((a, b) => (b.totals.script.gzip > a.totals.script.gzip ? b : a));
    console.log(
      `${p.kind}: JS before scroll (${load.viewport.name}): ${load.totals.script.files} files; largest ${largestScripts(load, 5)}`,
    );
    if (load.serviceWorker.files > 0) {
      console.log(
        `${p.kind}: the service worker also fetched ${load.serviceWorker.files} files, ${(load.serviceWorker.gzip / 1000).toFixed(0)} kB gzipped, for its precache (not in the budget)`,
      );
    }
    for (const [cat, list] of Object.entries(p.lighthouse?.failing ?? {})) {
      console.log(`${p.kind}: Lighthouse ${cat} falls short on ${list.join('; ')}`);
    }
    if (p.lighthouseError) console.log(`${p.kind}: Lighthouse did not run: ${p.lighthouseError}`);
    for (const e of p.consoleErrors) console.log(`${p.kind}: console error: ${e}`);
    for (const u of p.foreignRequests) console.log(`${p.kind}: request to another origin: ${u}`);
    for (const u of p.failedRequests) console.log(`${p.kind}: failed request: ${u}`);
  }
  for (const e of f.embeds ?? []) {
    for (const c of e.consoleErrors) console.log(`${e.path}: console error: ${c}`);
    for (const u of e.foreignRequests) console.log(`${e.path}: request to another origin: ${u}`);
  }
  for (const e of f.elsewhere.consoleErrors) console.log(`article, scrolled: console error: ${e}`);
  for (const u of f.elsewhere.foreignRequests) console.log(`article, scrolled: request to another origin: ${u}`);
  for (const { viewport, longTasks } of f.scrolls) {
    const worst = Object.entries(longTasks.bySection).sort((a, b) => b[1].maxMs - a[1].maxMs);
    console.log(
      `read-through ${viewport.width}×${viewport.height} long tasks: ${longTasks.count} (> 50 ms: ${longTasks.over50}, > 100 ms: ${longTasks.over100})` +
        (worst.length
          ? `; by section/figure: ${worst.map(([k, v]) => `${k} ${v.count}× max ${Math.round(v.maxMs)} ms`).join(', ')}`
          : ''),
    );
  }
  const withMarks = figures.filter((t) => t.marksMs !== null);
  if (withMarks.length) {
    console.log(
      `first data marks at the last step (lower bound, see figures.ts): ${withMarks.map((t) => `${t.id} ${Math.round(t.marksMs ?? 0)} ms`).join(', ')}`,
    );
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(2);
  },
);
