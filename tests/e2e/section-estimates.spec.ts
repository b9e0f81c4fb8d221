/**
 * The size estimates of the sections the browser skips until they near the viewport
 * (src/styles/section-estimates.css, written by `npm run section-heights`): at each band's narrowest width
 * (where its sections are tallest) every estimate is at least the section's real height, so a jump to a
 * step measured inside a skipped section lands inside its box, and at most 25 % above it, so sections
 * rendering around a jump do not shrink the page under the reader. When this fails after a prose or
 * layout change, run `npm run build && npm run section-heights` and commit the stylesheet.
 */
import { expect, test } from '@playwright/test';
import { ESTIMATE_BANDS, SKIPPABLE, bandOf, measureSkippableSections } from '../../scripts/section-estimates';

const MAX_OVER = 1.25;

for (const width of [320, 412, 960, 1280]) {
  test(`skipped sections' size estimates bound their real heights at ${width} px`, async ({ page }) => {
    expect(ESTIMATE_BANDS[bandOf(width)].minWidth).toBe(width);
    await page.setViewportSize({ width, height: 800 });
    await page.goto('/');
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const rows = await page.evaluate(measureSkippableSections, SKIPPABLE);
    expect(rows.length).toBeGreaterThanOrEqual(6);
    for (const { id, estimate, real } of rows) {
      const px = Number(/^auto (\d+)px$/.exec(estimate)?.[1]);
      expect(px, `#${id}: estimate "${estimate}" is not one generated per section`).toBeGreaterThan(0);
      expect(px, `#${id} is ${Math.round(real)} px tall, estimated ${px} px`).toBeGreaterThanOrEqual(real);
      expect(px, `#${id} is ${Math.round(real)} px tall, estimated ${px} px`).toBeLessThanOrEqual(real * MAX_OVER);
    }
  });
}
