import { describe, expect, it } from 'vitest';
import { BUDGETS } from '../../../scripts/audit/budgets';
import {
  EMBEDS_OVER_JS_BUDGET,
  evaluate,
  EVERY_EMBED_JS_CHECKED,
  failures,
  formatTable,
  type AuditFindings,
  type PageResult,
} from '../../../scripts/audit/compare';
import type { LighthouseSummary } from '../../../scripts/audit/lighthouse';

const lh = (
  scores: Partial<LighthouseSummary['scores']>,
  metrics: Partial<LighthouseSummary['metrics']> = {},
): LighthouseSummary => ({
  scores: { performance: 100, accessibility: 100, 'best-practices': 100, seo: 100, ...scores },
  metrics: { fcpMs: 900, lcpMs: 1000, tbtMs: 50, cls: 0, siMs: 1000, ttiMs: 1500, ...metrics },
  domElements: 1000,
  failing: {},
  lighthouseVersion: '12.8.2',
  warnings: [],
});

const page = (over: Partial<PageResult>): PageResult => ({
  kind: 'article',
  url: 'http://127.0.0.1/',
  lighthouse: lh({}),
  firstLoadJsGzip: 100_000,
  firstLoadCssGzip: 10_000,
  consoleErrors: [],
  foreignRequests: [],
  ...over,
});

const findings = (pages: PageResult[], over: Partial<AuditFindings> = {}): AuditFindings => ({
  pages,
  elsewhere: { consoleErrors: [], foreignRequests: [] },
  figures: null,
  scrolls: [],
  ...over,
});

const find = (rows: ReturnType<typeof evaluate>, subject: string, metric: string) => {
  const r = rows.find((x) => x.subject === subject && x.metric === metric);
  if (!r) throw new Error(`no row ${subject} / ${metric}`);
  return r;
};

describe('evaluate', () => {
  it('gives every other embed a first-load JavaScript row against the embed budget, and checks their errors and origins', () => {
    const embed = (path: string, firstLoadJsGzip: number, consoleErrors: string[] = []) => ({
      path,
      firstLoadJsGzip,
      consoleErrors,
      foreignRequests: [],
    });
    const budget = BUDGETS.firstLoadJsGzip.embed!;
    const rows = evaluate(
      findings([page({})], { embeds: [embed('embed/a', budget), embed('embed/section/b', budget + 1)] }),
    );
    expect(find(rows, 'embed/a', 'JS before scroll (gzip)')).toMatchObject({ status: 'pass', checked: true });
    expect(find(rows, 'embed/section/b', 'JS before scroll (gzip)')).toMatchObject({ status: 'fail', checked: true });
    expect(failures(rows).map((r) => r.subject)).toEqual(['embed/section/b']);
    // No embed is excepted any more: calibration-drift over the budget fails the check like any other.
    expect(EMBEDS_OVER_JS_BUDGET).toEqual([]);
    expect(EVERY_EMBED_JS_CHECKED).toBe(true);
    const drift = evaluate(findings([page({})], { embeds: [embed('embed/calibration-drift', budget + 1)] }));
    expect(find(drift, 'embed/calibration-drift', 'JS before scroll (gzip)')).toMatchObject({
      status: 'fail',
      checked: true,
    });
    expect(failures(drift).map((r) => r.subject)).toEqual(['embed/calibration-drift']);
    expect(find(rows, 'every embed (2)', 'console errors')).toMatchObject({ status: 'pass', checked: true });
    const broken = evaluate(findings([page({})], { embeds: [embed('embed/a', 1, ['uncaught: x'])] }));
    expect(failures(broken).map((r) => `${r.subject} ${r.metric}`)).toContain('every embed (1) console errors');
  });

  it('passes a page within every budget', () => {
    const rows = evaluate(findings([page({}), page({ kind: 'embed', firstLoadJsGzip: 150_000 })]));
    expect(failures(rows)).toEqual([]);
    expect(find(rows, 'embed', 'JS before scroll (gzip)').status).toBe('pass');
  });

  it('fails the check on accessibility, best practices or SEO below 100 on any page', () => {
    const rows = evaluate(findings([page({}), page({ kind: 'present', lighthouse: lh({ seo: 92 }) })]));
    expect(failures(rows).map((r) => `${r.subject} ${r.metric}`)).toEqual(['present Lighthouse seo']);
    const rows2 = evaluate(findings([page({ lighthouse: lh({ accessibility: 99, 'best-practices': 96 }) })]));
    expect(failures(rows2).map((r) => r.metric)).toEqual(['Lighthouse accessibility', 'Lighthouse best-practices']);
  });

  it('reports, but does not check, performance and lab metrics', () => {
    const rows = evaluate(
      findings([page({ lighthouse: lh({ performance: 60 }, { lcpMs: 4000, tbtMs: 900, cls: 0.3 }) })]),
    );
    expect(failures(rows)).toEqual([]);
    for (const m of ['Lighthouse performance', 'LCP (Lighthouse)', 'TBT (Lighthouse)', 'CLS (Lighthouse)']) {
      expect(find(rows, 'article', m)).toMatchObject({ status: 'fail', checked: false });
    }
  });

  it('fails the check on first-load JavaScript over the page kind’s budget, by one byte', () => {
    const over = evaluate(findings([page({ firstLoadJsGzip: BUDGETS.firstLoadJsGzip.article! + 1 })]));
    expect(failures(over).map((r) => r.metric)).toEqual(['JS before scroll (gzip)']);
    const at = evaluate(findings([page({ firstLoadJsGzip: BUDGETS.firstLoadJsGzip.article! })]));
    expect(failures(at)).toEqual([]);
    // The embed's budget is larger than the article's.
    const embed = evaluate(findings([page({ kind: 'embed', firstLoadJsGzip: 140_000 })]));
    expect(failures(embed)).toEqual([]);
  });

  it('reports the presentation page’s JavaScript without a budget', () => {
    const rows = evaluate(findings([page({ kind: 'present', firstLoadJsGzip: 900_000 })]));
    expect(find(rows, 'present', 'JS before scroll (gzip)')).toMatchObject({
      status: 'n/a',
      budget: '',
      shown: '900.0 kB',
    });
    expect(failures(rows)).toEqual([]);
  });

  it('fails the check on a request to another origin or a console error, on a page or while scrolling', () => {
    expect(
      failures(evaluate(findings([page({ foreignRequests: ['https://cdn.example/x.js'] })]))).map((r) => r.metric),
    ).toEqual(['requests to another origin']);
    expect(failures(evaluate(findings([page({ consoleErrors: ['boom'] })]))).map((r) => r.metric)).toEqual([
      'console errors',
    ]);
    const scrolled = evaluate(
      findings([page({})], { elsewhere: { consoleErrors: ['late'], foreignRequests: ['https://x.test/'] } }),
    );
    expect(failures(scrolled).map((r) => `${r.subject}: ${r.metric}`)).toEqual([
      'article, scrolled: requests to another origin',
      'article, scrolled: console errors',
    ]);
  });

  it('fails the check when a checked number could not be measured', () => {
    const rows = evaluate(
      findings([page({ lighthouse: null, lighthouseError: 'Chromium crashed', firstLoadJsGzip: null })]),
    );
    expect(failures(rows).map((r) => r.metric)).toEqual([
      'Lighthouse accessibility',
      'Lighthouse best-practices',
      'Lighthouse seo',
      'JS before scroll (gzip)',
    ]);
  });

  it('skips a category left out on purpose (quick mode has no performance)', () => {
    const rows = evaluate(
      findings([page({ lighthouse: lh({ performance: null }, { lcpMs: null, tbtMs: null, cls: null }) })]),
    );
    expect(rows.some((r) => r.metric === 'Lighthouse performance' || r.metric.startsWith('LCP'))).toBe(false);
    expect(failures(rows)).toEqual([]);
  });

  it('reports figure timings and scrolling against their budgets without checking them', () => {
    const rows = evaluate(
      findings([page({})], {
        figures: [
          { id: 'landscape', readyMs: 2500, firstPictureMs: 2500, firstPictureBy: 'ready', timedOut: false },
          { id: 'shot-noise', readyMs: 300, firstPictureMs: 120, firstPictureBy: 'hook', timedOut: false },
          { id: 'baseline-race', readyMs: null, firstPictureMs: null, firstPictureBy: null, timedOut: true },
        ],
        scrolls: [
          {
            viewport: { width: 1280, height: 800 },
            frames: { count: 100, p50: 16.7, p95: 40, p99: 60, max: 120, missedVsync: 0.1 },
            longTasks: { count: 2, over50: 2, over100: 1, maxMs: 120, over50WhileReady: 1, bySection: {} },
          },
          {
            viewport: { width: 375, height: 812 },
            frames: { count: 100, p50: 16.7, p95: 16.7, p99: 16.8, max: 50, missedVsync: 0 },
            longTasks: { count: 1, over50: 1, over100: 0, maxMs: 60, over50WhileReady: 0, bySection: {} },
          },
        ],
      }),
    );
    expect(failures(rows)).toEqual([]);
    expect(find(rows, 'landscape', 'ready at last step')).toMatchObject({
      status: 'fail',
      shown: '2.50 s',
      budget: '≤ 2.00 s',
    });
    expect(find(rows, 'landscape', 'first picture (= ready)').status).toBe('fail');
    expect(find(rows, 'shot-noise', 'first picture')).toMatchObject({ status: 'pass', shown: '120 ms' });
    expect(find(rows, 'baseline-race', 'ready at last step')).toMatchObject({ status: 'fail', shown: 'timed out' });
    expect(
      failures(
        evaluate(
          findings([page({})], {
            figures: [
              {
                id: 'x',
                readyMs: null,
                firstPictureMs: null,
                firstPictureBy: null,
                timedOut: false,
                error: 'no element',
              },
            ],
          }),
        ),
      ),
    ).toEqual([]);
    expect(find(rows, 'read-through 1280×800', 'longest long task')).toMatchObject({ status: 'fail', shown: '120 ms' });
    expect(find(rows, 'read-through 1280×800', 'long tasks > 50 ms, figure ready').status).toBe('fail');
    expect(find(rows, 'read-through 1280×800', 'p95 frame time').status).toBe('fail');
    // Each viewport's read-through is judged on its own.
    expect(find(rows, 'read-through 375×812', 'longest long task')).toMatchObject({ status: 'pass', shown: '60 ms' });
    expect(find(rows, 'read-through 375×812', 'long tasks > 50 ms, figure ready').status).toBe('pass');
    expect(find(rows, 'read-through 375×812', 'p95 frame time').status).toBe('pass');
  });

  it('judges the p95 frame time at the 0.1 ms resolution of rAF timestamps: float noise on 16.7 ms passes', () => {
    const scrolled = (p95: number) =>
      find(
        evaluate(
          findings([page({})], {
            scrolls: [
              {
                viewport: { width: 1280, height: 800 },
                frames: { count: 100, p50: 16.7, p95, p99: 16.8, max: 66.7, missedVsync: 0 },
                longTasks: { count: 0, over50: 0, over100: 0, maxMs: 0, over50WhileReady: 0, bySection: {} },
              },
            ],
          }),
        ),
        'read-through 1280×800',
        'p95 frame time',
      ).status;
    expect(scrolled(16.70000000001164)).toBe('pass');
    expect(scrolled(16.8)).toBe('fail');
  });
});

describe('formatTable', () => {
  it('prints one aligned line per row, marking checked rows and failures', () => {
    const rows = evaluate(findings([page({ lighthouse: lh({ seo: 92 }) })]));
    const lines = formatTable(rows).split('\n');
    expect(lines).toHaveLength(rows.length + 2);
    const seo = lines.find((l) => l.includes('Lighthouse seo'));
    expect(seo).toMatch(/^\*\s+article\s+Lighthouse seo\s+92\s+≥ 100\s+FAIL$/);
    const css = lines.find((l) => l.includes('CSS before scroll'));
    expect(css).toMatch(/^\s+article\s+CSS before scroll \(gzip\)\s+10\.0 kB$/);
    // Values are right-aligned in one column.
    const col = (l: string | undefined) => (l ?? '').indexOf('92') + 2;
    expect(col(seo)).toBe((css ?? '').indexOf('10.0 kB') + '10.0 kB'.length);
  });
});
