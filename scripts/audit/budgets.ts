/**
 * The budgets `npm run audit` reports against, in one place (DESIGN.md "Budgets", issue 12).
 * `npm run audit -- --check` fails only on the deterministic ones (`check: true`); the rest are
 * timings and simulated scores that vary with the machine, so they are reported, never asserted.
 * Byte budgets are in kB of 1,000 bytes, gzipped, as `vite build` prints them.
 */
import type { PageKind } from './pages';

export const BUDGETS = {
  /** JavaScript fetched before the reader scrolls, gzipped bytes; `null`: reported without a budget. */
  firstLoadJsGzip: { article: 120_000, embed: 150_000, present: null } as Record<PageKind, number | null>,
  /** Lighthouse category scores (0–100), mobile preset, on every audited page. */
  lighthouse: { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 },
  /** Lighthouse lab metrics, mobile preset (simulated throttling). */
  tbtMs: 150,
  lcpMs: 1_800,
  /** Core Web Vitals' "good" threshold; the issue sets none of its own. */
  cls: 0.1,
  /** Every figure, after a jump from the top of the article to its last step. */
  figureReadyMs: 2_000,
  figureFirstPictureMs: 1_000,
  /** The read-through of the whole article. */
  scrollLongTaskMaxMs: 100,
  /** No long task over this in the section being read once its figure is ready. */
  readyLongTaskMaxMs: 50,
  scrollFrameP95Ms: 16.7,
} as const;

/** Lighthouse categories whose score below budget fails `--check` (deterministic: no timings in them). */
export const CHECKED_CATEGORIES = ['accessibility', 'best-practices', 'seo'] as const;

export type Budgets = typeof BUDGETS;
