/**
 * cost-of-an-answer: each step reaches data-ready (the browser timing finishes in slices), the text
 * alternative states the numbers, URL parameters round-trip (and invalid ones fall back with a note),
 * the embed works, and axe-core finds nothing in the section.
 */
import { expect, test, type Page } from '@playwright/test';
import { scrollToStep, waitForHydration } from './helpers';
import { describeViolations, runAxe } from './modes-helpers';

const FIG = 'cost-of-an-answer';

const goToStep = (page: Page, n: number) => scrollToStep(page, FIG, n, 30_000);

const alt = (page: Page) => page.locator(`[data-figure="${FIG}"] [data-figure-alt]`);

test('one answer, the sweep, the crossover: each step ready with its numbers', async ({ page }) => {
  await page.goto('/');
  await waitForHydration(page);
  await goToStep(page, 0);
  await expect(alt(page)).toContainText('QPU 17.5 seconds, $4.06');
  await expect(alt(page)).toContainText(/your browser [\d.]+ (µs|ms|seconds?|minutes?) \(measured\)/);
  await goToStep(page, 1);
  await expect(page.locator(`[data-figure="${FIG}"] .coa-sweep`)).toHaveCount(1);
  await expect(alt(page)).toContainText('from n = 33 the QPU beats a GPU simulation on wall-clock time');
  await goToStep(page, 2);
  await expect(page.locator(`[data-figure="${FIG}"] .coa-sweep`)).toHaveCount(3);
  await expect(page.locator(`[data-figure="${FIG}"] .coa-readout`)).toHaveAttribute('data-crossover-gpu', '33');
  await expect(page.locator(`[data-figure="${FIG}"] .coa-readout`)).toHaveAttribute('data-crossover-browser', /^\d+$/);
  // a control writes the URL, and the figure follows
  await page.locator(`[data-figure="${FIG}"] .coa-controls select`).first().selectOption('gradient');
  await expect(page).toHaveURL(/cost-of-an-answer\.answer=gradient/);
  await expect(alt(page)).toContainText('one gradient (parameter shift)');
});

test('URL parameters round-trip; invalid values fall back with a note', async ({ page }) => {
  await page.goto(`/?${FIG}.answer=vqe&${FIG}.qubits=30&${FIG}.eps=-3`);
  await waitForHydration(page);
  await goToStep(page, 0);
  await expect(page.locator(`[data-figure="${FIG}"] .fig__issues`)).toContainText('“-3” is outside');
  await expect(alt(page)).toContainText('one VQE energy (3 measurement bases) on 30 qubits (L = 10, ε = 0.01)');
  await expect(page).toHaveURL(/cost-of-an-answer\.qubits=30/);
});

test('the embed renders the figure with its stepper', async ({ page }) => {
  await page.goto(`/embed/${FIG}?step=2`);
  await expect(page.locator(`[data-figure="${FIG}"]`)).toHaveAttribute('data-step', '2');
  await expect(page.locator(`[data-figure="${FIG}"]`)).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  await expect(alt(page)).toContainText('On dollars');
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
      await goToStep(page, 2);
      expect(describeViolations(await runAxe(page, `[data-scrolly="${FIG}"]`))).toBe('');
      await context.close();
    });
  }
}
