/**
 * Lighthouse 12, mobile preset (its default config: a mid-range phone, simulated 4G and 4× CPU
 * slowdown), one fresh Chromium per page. Returns the four category scores, the lab metrics and,
 * for the categories that fall short, which audits failed (so the table says why).
 */
import lighthouse from 'lighthouse';
import { launchChromium } from './browser';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface LighthouseSummary {
  /** 0–100, or null when the category was not run (--quick skips performance) */
  scores: Record<Category, number | null>;
  /** lab metrics in ms (cls unitless); null when performance was not run */
  metrics: {
    fcpMs: number | null;
    lcpMs: number | null;
    tbtMs: number | null;
    cls: number | null;
    siMs: number | null;
    ttiMs: number | null;
  };
  domElements: number | null;
  /** failing audits of each run category, e.g. { seo: ['robots-txt: robots.txt is not valid'] } */
  failing: Partial<Record<Category, string[]>>;
  lighthouseVersion: string;
  warnings: string[];
}

type Lhr = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'];

function numeric(lhr: Lhr, id: string): number | null {
  const v = lhr.audits[id]?.numericValue;
  return typeof v === 'number' ? v : null;
}

export function summarize(lhr: Lhr): LighthouseSummary {
  const scores = Object.fromEntries(
    CATEGORIES.map((c) => {
      const s = lhr.categories[c]?.score;
      return [c, typeof s === 'number' ? Math.round(s * 100) : null];
    }),
  ) as Record<Category, number | null>;
  const failing: Partial<Record<Category, string[]>> = {};
  for (const c of CATEGORIES) {
    const cat = lhr.categories[c];
    if (!cat) continue;
    const list: string[] = [];
    for (const ref of cat.auditRefs) {
      const a = lhr.audits[ref.id];
      if (!a || ref.weight === 0 || a.score === null || a.score >= 1) continue;
      if (a.scoreDisplayMode !== 'binary' && a.scoreDisplayMode !== 'numeric' && a.scoreDisplayMode !== 'metricSavings')
        continue;
      list.push(`${a.id}${a.displayValue ? ` (${a.displayValue})` : ''}: ${a.title}`);
    }
    if (list.length) failing[c] = list;
  }
  return {
    scores,
    metrics: {
      fcpMs: numeric(lhr, 'first-contentful-paint'),
      lcpMs: numeric(lhr, 'largest-contentful-paint'),
      tbtMs: numeric(lhr, 'total-blocking-time'),
      cls: numeric(lhr, 'cumulative-layout-shift'),
      siMs: numeric(lhr, 'speed-index'),
      ttiMs: numeric(lhr, 'interactive'),
    },
    domElements: numeric(lhr, 'dom-size'),
    failing,
    lighthouseVersion: lhr.lighthouseVersion,
    warnings: lhr.runWarnings ?? [],
  };
}

export async function runLighthouse(url: string, categories: readonly Category[]): Promise<LighthouseSummary> {
  const chrome = await launchChromium();
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...categories],
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    if (result.lhr.runtimeError)
      throw new Error(`Lighthouse on ${url}: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
    return summarize(result.lhr);
  } finally {
    await chrome.close();
  }
}
