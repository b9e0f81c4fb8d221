/**
 * The data-loading section: the steps drive encoding-cost, pipeline-cost and speedup-erosion; the
 * calculator's inputs work by keyboard with inline validation; URL fallbacks; axe-core on the section.
 */
import { expect, test, type Page } from '@playwright/test';
import { scrollToStep, waitForHydration } from './helpers';
import { describeViolations, runAxe } from './modes-helpers';

async function open(page: Page, url = '/'): Promise<void> {
  await page.goto(url);
  await waitForHydration(page);
}

const alt = (page: Page, fig: string) => page.locator(`[data-figure="${fig}"] [data-figure-alt]`);

test('encoding-cost: MNIST → ImageNet → training set, each step its own numbers', async ({ page }) => {
  await open(page);
  await scrollToStep(page, 'encoding-cost', 0);
  await expect(alt(page, 'encoding-cost')).toContainText('784 features');
  await expect(alt(page, 'encoding-cost')).toContainText('1,024 amplitudes on 10 qubits with 1,022 CNOTs');
  await scrollToStep(page, 'encoding-cost', 1);
  await expect(alt(page, 'encoding-cost')).toContainText('150,528 features');
  await expect(alt(page, 'encoding-cost')).toContainText('on 18 qubits with 262,142 CNOTs');
  await expect(page.locator('[data-figure="encoding-cost"] .ec-table td.ec-bad').first()).toBeVisible();
  await scrollToStep(page, 'encoding-cost', 2);
  await expect(alt(page, 'encoding-cost')).toContainText('loads the data 2.85 × 10¹¹ times');
  await expect(page.locator('[data-figure="encoding-cost"] .ec-ansatz')).toHaveCount(1);
  // a hash jump back to step 0 lands on step 0's state
  await page.evaluate(() => {
    location.hash = '#encoding-cost-step-0';
  });
  await expect(page.locator('[data-figure="encoding-cost"]')).toHaveAttribute('data-step', '0');
  await expect(alt(page, 'encoding-cost')).toContainText('784 features');
});

test('encoding-cost: invalid URL values fall back with a note; the device changes the ceiling', async ({ page }) => {
  await open(page, '/?encoding-cost.device=ibm_kingston&encoding-cost.eps=-1');
  await scrollToStep(page, 'encoding-cost', 0);
  await expect(page.locator('[data-figure="encoding-cost"] .fig__issues')).toContainText('“-1” is outside');
  await expect(alt(page, 'encoding-cost')).toContainText('IBM Heron r2 (ibm_kingston)');
  await expect(alt(page, 'encoding-cost')).toContainText('2,880 layers'); // 144 µs / 50 ns
});

test('pipeline-cost: the bill grows item by item and ends on MNIST and ImageNet totals', async ({ page }) => {
  await open(page);
  const fig = page.locator('[data-figure="pipeline-cost"]');
  await scrollToStep(page, 'pipeline-cost', 0);
  await expect(fig.locator('.pc-line')).toHaveCount(1);
  await expect(fig.locator('[data-line="shots"]')).toContainText('1,112');
  await scrollToStep(page, 'pipeline-cost', 1);
  await expect(fig.locator('[data-line="circuits"]')).toContainText('12 million');
  await scrollToStep(page, 'pipeline-cost', 2);
  await expect(fig.locator('[data-line="latency"]')).toContainText('10.4 days');
  await scrollToStep(page, 'pipeline-cost', 3);
  await expect(fig.locator('[data-line="money"]')).toContainText('$7.59 million');
  await scrollToStep(page, 'pipeline-cost', 4);
  await expect(fig.locator('[data-row="gpu"]')).toHaveCount(3);
  await scrollToStep(page, 'pipeline-cost', 5);
  const a = alt(page, 'pipeline-cost');
  await expect(a).toContainText('MNIST, one run: quantum 65.3 days, $7.59 million');
  await expect(a).toContainText('ImageNet-1k, one run: quantum 240 years');
  await expect(a).toContainText('Lower bound on a computation that could not run');
  await expect(fig.locator('[data-caveat="imagenet-1k"]')).toContainText('74.3× the device’s T2');
  await expect(a.locator('tbody tr')).toHaveCount(4);
});

test('pipeline-cost: calculator inputs by keyboard, with inline messages for bad values', async ({ page }) => {
  await open(page);
  await scrollToStep(page, 'pipeline-cost', 5);
  const fig = page.locator('[data-figure="pipeline-cost"]');
  const summary = fig.locator('.pc-try > summary');
  await summary.focus();
  await page.keyboard.press('Enter');
  const examples = fig.getByLabel('training examples');
  await expect(examples).toBeVisible();
  for (const [bad, message] of [
    ['-3', 'Cannot be negative.'],
    ['0', 'Must be greater than zero.'],
    ['abc', 'is not a number'],
    ['1e20', 'At most'],
  ] as const) {
    await examples.fill(bad);
    await expect(fig.locator('[data-field="examples"] .pc-error')).toContainText(message);
    await expect(examples).toHaveAttribute('aria-invalid', 'true');
  }
  await expect(fig).not.toContainText('NaN');
  await expect(fig).not.toContainText('Infinity');
  await examples.fill('1000');
  await expect(fig.locator('[data-field="examples"] .pc-error')).toHaveCount(0);
  await expect(page).toHaveURL(/pipeline-cost\.examples=1000/);
  await expect(page).toHaveURL(/pipeline-cost\.dataset=custom/);
  // the preset select by keyboard
  const preset = fig.getByLabel('dataset preset');
  await preset.focus();
  await preset.selectOption('imagenet-1k');
  await expect(fig.getByLabel('features per example')).toHaveValue('150528');
  // a price plan changes the dollars
  await fig.getByLabel('price plan').selectOption('braket-ionq-forte');
  await expect(page).toHaveURL(/pipeline-cost\.plan=braket-ionq-forte/);
  await expect(alt(page, 'pipeline-cost')).toContainText('MNIST, one run');
});

test('speedup-erosion: each step adds a cost; the last states the break-even or none', async ({ page }) => {
  await open(page);
  const fig = page.locator('[data-figure="speedup-erosion"]');
  for (let s = 0; s < 4; s++) {
    await scrollToStep(page, 'speedup-erosion', s);
    await expect(fig.locator('.se-quantum')).toHaveCount(s + 1);
  }
  await scrollToStep(page, 'speedup-erosion', 4);
  // A search's bit-string answer needs about one run, so the default (quadratic) break-even is 1.1 × 10⁸.
  await expect(fig.locator('.se-readout')).toContainText('break-even at N ≈ 1.1 × 10⁸');
  const cost = fig.getByLabel('classical cost');
  await cost.focus();
  await cost.selectOption('1');
  await expect(fig.locator('.se-readout')).toContainText('no break-even at any size');
  await expect(page).toHaveURL(/speedup-erosion\.alpha=1/);
});

for (const theme of ['light', 'dark'] as const) {
  for (const width of [1280, 375]) {
    test(`axe: the data-loading figures are clean (${theme}, ${width}px)`, async ({ browser }) => {
      test.setTimeout(120_000);
      const context = await browser.newContext({
        colorScheme: theme,
        viewport: { width, height: width > 900 ? 800 : 812 },
      });
      const page = await context.newPage();
      await open(page);
      await scrollToStep(page, 'pipeline-cost', 5);
      await page.locator('[data-figure="pipeline-cost"] .pc-try > summary').click();
      await scrollToStep(page, 'encoding-cost', 2);
      await scrollToStep(page, 'speedup-erosion', 4);
      const violations = await runAxe(page, [
        '[data-scrolly="encoding-cost"]',
        '[data-scrolly="pipeline-cost"]',
        '[data-scrolly="speedup-erosion"]',
      ]);
      expect(violations, describeViolations(violations)).toEqual([]);
      await context.close();
    });
  }
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the pre-rendered page carries the three figures with their step-0 data', async ({ page }) => {
    await page.goto('/');
    for (const fig of ['encoding-cost', 'pipeline-cost', 'speedup-erosion']) {
      await expect(page.locator(`[data-figure="${fig}"]`)).toHaveAttribute('data-ready', 'true');
    }
    await expect(alt(page, 'encoding-cost')).toContainText('1,022 CNOTs');
    await expect(alt(page, 'pipeline-cost')).toContainText('Shots per expectation value: 1,112');
    // Prose numbers are resolved at build time from the same model the figure runs.
    await expect(page.locator('[data-value="model.pipeline-cost.mnist.days"]').first()).toHaveText('65.3');
    await expect(page.locator('[data-value="model.speedup-erosion.quadratic.breakEvenN"]')).toHaveText('1.1 × 10⁸');
  });
});
