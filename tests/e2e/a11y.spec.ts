import { expect, test } from '@playwright/test';
import { waitForHydration } from './helpers';
import { describeViolations, runAxe } from './modes-helpers';

for (const theme of ['light', 'dark'] as const) {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 375, height: 812 },
  ]) {
    test(`axe reports no violations in the ${theme} theme at ${viewport.width}px`, async ({ browser }) => {
      test.setTimeout(120_000);
      const context = await browser.newContext({ colorScheme: theme, viewport });
      const page = await context.newPage();
      await page.goto('/');
      await waitForHydration(page);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      const violations = await runAxe(page);
      expect(violations, describeViolations(violations)).toEqual([]);
      await context.close();
    });
  }
}

test('axe reports no violations with the contents menu and a footnote open', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto('/');
  await waitForHydration(page);
  await page.locator('.pop-footnote .pop-trigger').first().focus();
  await page.locator('.toc-toggle').click();
  await expect(page.locator('#toc-list')).toBeVisible();
  const violations = await runAxe(page);
  expect(violations, describeViolations(violations)).toEqual([]);
});
