/** accelerator-check: steps reveal conditions, editing a workload flips cells and round-trips through the URL, axe is clean. */
import { expect, test, type Page } from '@playwright/test';
import { scrollToStep, waitForHydration } from './helpers';
import { describeViolations, runAxe } from './modes-helpers';

const FIG = 'accelerator-check';

const goToStep = (page: Page, n: number) => scrollToStep(page, FIG, n);

const fig = (page: Page) => page.locator(`[data-figure="${FIG}"]`);

test('one condition per step; the last step names the workloads that pass', async ({ page }) => {
  await page.goto('/');
  await waitForHydration(page);
  await goToStep(page, 0);
  await expect(fig(page).locator('.ac-matrix td')).toHaveCount(6);
  await goToStep(page, 2);
  await expect(fig(page).locator('.ac-matrix td')).toHaveCount(18);
  await goToStep(page, 4);
  await expect(fig(page).locator('.ac-matrix td')).toHaveCount(30);
  await expect(fig(page).locator('[data-figure-alt]')).toContainText(
    'Workloads meeting all of them: Learning from quantum-sensor data.',
  );
  // MNIST at 10 layers fits the noise budget: the cell flips and the URL keeps it
  const noise = fig(page).locator('[data-workload="mnist"] [data-condition="noise"]');
  await expect(noise).toHaveAttribute('data-holds', 'false');
  await fig(page).locator('.ac-controls select').nth(4).selectOption('10');
  await expect(noise).toHaveAttribute('data-holds', 'true');
  await expect(page).toHaveURL(/accelerator-check\.depth=10/);
});

test('URL parameters round-trip; invalid values fall back with a note', async ({ page }) => {
  await page.goto(`/?${FIG}.depth=10&${FIG}.qubits=-5`);
  await waitForHydration(page);
  await goToStep(page, 4);
  await expect(fig(page).locator('.fig__issues')).toContainText('“-5” is outside');
  await expect(fig(page).locator('[data-workload="mnist"] [data-condition="noise"]')).toHaveAttribute(
    'data-holds',
    'true',
  );
});

for (const theme of ['light', 'dark'] as const) {
  for (const width of [1280, 375]) {
    test(`axe: the section is clean (${theme}, ${width}px)`, async ({ browser }) => {
      test.setTimeout(120_000);
      const context = await browser.newContext({
        colorScheme: theme,
        viewport: { width, height: width > 900 ? 800 : 812 },
      });
      const page = await context.newPage();
      await page.goto('/');
      await waitForHydration(page);
      await goToStep(page, 4);
      expect(describeViolations(await runAxe(page, `[data-scrolly="${FIG}"]`))).toBe('');
      await context.close();
    });
  }
}
