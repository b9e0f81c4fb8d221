/**
 * cost-of-an-answer: each step reaches data-ready (the browser timing finishes in slices), the text
 * alternative states the numbers, URL parameters round-trip (and invalid ones fall back with a note),
 * the embed works, and axe-core finds nothing in the section.
 */
import { expect, test, type Page } from '@playwright/test';
import { axeSource, waitForHydration } from './helpers';

const FIG = 'cost-of-an-answer';

async function goToStep(page: Page, n: number): Promise<void> {
  await expect(page.locator(`[data-scrolly="${FIG}"]`)).toHaveAttribute('data-trigger', /^\d+$/);
  await page.evaluate(([f, i]) => {
    const section = document.querySelector(`[data-scrolly="${f}"]`) as HTMLElement;
    const el = section.querySelector(`[data-step-index="${i}"]`) as HTMLElement;
    window.scrollTo({ top: el.getBoundingClientRect().top + scrollY - Number(section.dataset.trigger) + 20, behavior: 'instant' });
  }, [FIG, n] as const);
  await expect(page.locator(`[data-figure="${FIG}"]`)).toHaveAttribute('data-step', String(n), { timeout: 60_000 });
  await expect(page.locator(`[data-figure="${FIG}"]`)).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
}

const alt = (page: Page) => page.locator(`[data-figure="${FIG}"] [data-figure-alt]`);

test('one answer, the sweep, the crossover: each step ready with its numbers', async ({ page }) => {
  await page.goto('/');
  await waitForHydration(page);
  await goToStep(page, 0);
  await expect(alt(page)).toContainText('QPU 17.5 s, $4.06');
  await expect(alt(page)).toContainText(/your browser [\d.]+ (µs|ms|s) \(measured\)/);
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
      const context = await browser.newContext({ colorScheme: theme, viewport: { width, height: width > 900 ? 800 : 812 } });
      const page = await context.newPage();
      await page.goto('/');
      await waitForHydration(page);
      await goToStep(page, 2);
      await page.addScriptTag({ path: axeSource });
      const violations = await page.evaluate(async (f) => {
        const axe = (window as unknown as { axe: { run(ctx: object, opts: object): Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
        const r = await axe.run({ include: [`[data-scrolly="${f}"]`] }, { resultTypes: ['violations'] });
        return r.violations.map((v) => `${v.id}: ${v.help} @ ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      }, FIG);
      expect(violations).toEqual([]);
      await context.close();
    });
  }
}
