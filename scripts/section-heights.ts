/**
 * Writes src/styles/section-estimates.css: for every article section after the opening, and the end
 * matter (`SKIPPABLE`, each with an id), a size estimate per band of viewport widths, used by `content-visibility: auto` until the
 * section has been rendered once (src/styles/layout.css explains why each estimate must be an upper bound
 * of the section's real height, and not far above it).
 *
 * It serves the build in dist/ (run `npm run build` first), lays the article out fully in the system
 * Chromium at a few widths inside each band, waits for the web fonts, and takes the tallest height seen
 * in the band times 1.08 (headroom for other fonts' line breaks), rounded up to 100 px.
 *   npm run section-heights
 * tests/e2e/section-estimates.spec.ts fails when the prose has changed enough to need a new run.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { startSite } from './audit/server';
import {
  ESTIMATE_BANDS,
  SKIPPABLE,
  estimateFor,
  measureSkippableSections,
  renderEstimatesCss,
} from './section-estimates';

async function main(): Promise<void> {
  const site = await startSite({ distDir: 'dist', port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
  const tallest = new Map<string, number[]>();
  try {
    for (const [b, band] of ESTIMATE_BANDS.entries()) {
      for (const width of band.measureAt) {
        const page = await browser.newPage({ viewport: { width, height: 800 } });
        await page.goto(site.baseUrl, { waitUntil: 'load' });
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        for (const { id, real } of await page.evaluate(measureSkippableSections, SKIPPABLE)) {
          const row = tallest.get(id) ?? [];
          row[b] = Math.max(row[b] ?? 0, real);
          tallest.set(id, row);
        }
        await page.close();
      }
    }
  } finally {
    await browser.close();
    await site.close();
  }
  const estimates = Object.fromEntries([...tallest].map(([id, row]) => [id, row.map((h) => estimateFor(h))]));
  const file = path.resolve('src/styles/section-estimates.css');
  writeFileSync(file, renderEstimatesCss(estimates));
  for (const [id, row] of Object.entries(estimates)) console.log(id.padEnd(16), row.join(' '));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}

await main();
