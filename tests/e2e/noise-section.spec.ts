/**
 * The "NISQ noise" section: noise-vs-depth, calibration-drift and error-correction. Scrolling drives each
 * figure to its step's state (data-step / data-ready and a text alternative built from that step's data),
 * the device picker works by keyboard, URL parameters restore a view, and axe finds no violations.
 */
import { expect, test, type Page } from '@playwright/test';
import { waitForHydration } from './helpers';
import { describeViolations, runAxe } from './modes-helpers';

const fig = (id: string) => `[data-figure="${id}"]`;
const alt = (id: string) => `${fig(id)} [data-figure-alt]`;

async function open(page: Page, url = '/'): Promise<void> {
  await page.goto(url);
  await waitForHydration(page);
}

async function goToStep(page: Page, id: string, n: number): Promise<void> {
  const section = page.locator(`[data-scrolly="${id}"]`);
  await expect(section).toHaveAttribute('data-trigger', /^\d+$/);
  // Figures above this section load lazily and can change its position: scroll until the step holds.
  await expect(async () => {
    await page.evaluate(
      ([f, i]) => {
        const sec = document.querySelector(`[data-scrolly="${f}"]`) as HTMLElement;
        const el = sec.querySelector(`[data-step-index="${i}"]`) as HTMLElement;
        window.scrollTo({
          top: el.getBoundingClientRect().top + scrollY - Number(sec.dataset.trigger) + 20,
          behavior: 'instant',
        });
      },
      [id, n] as const,
    );
    await expect(page.locator(fig(id))).toHaveAttribute('data-step', String(n), { timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
  await expect(page.locator(fig(id))).toHaveAttribute('data-ready', 'true', { timeout: 90_000 });
}

const altText = async (page: Page, id: string) => (await page.locator(alt(id)).textContent()) ?? '';

test('noise-vs-depth: each step turns on its noise source, the last marks the shot-noise limit', async ({ page }) => {
  test.setTimeout(180_000);
  await open(page);
  const expected = [
    'Without noise the fidelity',
    'with gate errors only',
    'with decoherence (T1, T2) only',
    'with readout error only',
    'gate errors, decoherence and readout error together',
  ];
  for (let n = 0; n < expected.length; n++) {
    await goToStep(page, 'noise-vs-depth', n);
    const text = await altText(page, 'noise-vs-depth');
    expect(text).toContain(expected[n]);
    await expect(page.locator(`${fig('noise-vs-depth')} .nvd-noisy`)).toHaveCount(n === 0 ? 0 : 1);
  }
  expect(await altText(page, 'noise-vs-depth')).toMatch(/sinks below 2 standard errors of shot noise at depth \d+/);
  await expect(page.locator(`${fig('noise-vs-depth')} .nvd-lost`)).toHaveCount(1);
  await expect(page.locator(`${fig('noise-vs-depth')} .nvd-band`)).toHaveCount(1);
  await goToStep(page, 'noise-vs-depth', 1);
  await expect(page.locator(`${fig('noise-vs-depth')} .nvd-lost`)).toHaveCount(0);
  await expect(page.locator(`${fig('noise-vs-depth')} .nvd-controls`)).toHaveCount(0);
});

test('noise-vs-depth: a hash jump from the top lands on the last step with its data', async ({ page }) => {
  test.setTimeout(120_000);
  await open(page, '/#noise-vs-depth-step-4');
  await expect(page.locator(fig('noise-vs-depth'))).toHaveAttribute('data-step', '4');
  await expect(page.locator(fig('noise-vs-depth'))).toHaveAttribute('data-ready', 'true', { timeout: 90_000 });
  expect(await altText(page, 'noise-vs-depth')).toContain('together');
});

test('noise-vs-depth: the device picker and the error sliders work by keyboard and live in the URL', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await open(page);
  await goToStep(page, 'noise-vs-depth', 4);
  const before = await altText(page, 'noise-vs-depth');
  expect(before).toContain('IBM Heron r3 (ibm_boston)');
  const picker = page.getByRole('group', { name: 'Device profile' });
  await picker.getByRole('radio', { name: 'IBM Heron r3 (ibm_boston)' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(page).toHaveURL(/noise-vs-depth\.device=ibm_kingston/);
  await expect(picker.getByRole('radio', { name: 'IBM Heron r2 (ibm_kingston)' })).toBeChecked();
  await expect(page.locator(fig('noise-vs-depth'))).toHaveAttribute('data-ready', 'true', { timeout: 90_000 });
  await expect(page.locator(alt('noise-vs-depth'))).toContainText('IBM Heron r2 (ibm_kingston)', { timeout: 90_000 });
  await expect(page.locator(`${fig('noise-vs-depth')} .nvd-source`)).toContainText('2026-04-15');
  // keep pressing: the arrow keys walk the whole list
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  await expect(page).toHaveURL(/noise-vs-depth\.device=google_willow/);
  await expect(page.locator(fig('noise-vs-depth'))).toHaveAttribute('data-ready', 'true', { timeout: 90_000 });
  await expect(page.locator(alt('noise-vs-depth'))).toContainText('Google Willow', { timeout: 90_000 });
  const willowText = await altText(page, 'noise-vs-depth');
  const gate = page.getByLabel(/^Gate error ×1/);
  await gate.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/noise-vs-depth\.gate=2/);
  await expect(page.locator(fig('noise-vs-depth'))).toHaveAttribute('data-ready', 'true', { timeout: 90_000 });
  await expect.poll(() => altText(page, 'noise-vs-depth'), { timeout: 90_000 }).not.toBe(willowText);
  // the URL restores the view
  await open(page, '/?noise-vs-depth.device=ionq_aria');
  await goToStep(page, 'noise-vs-depth', 4);
  await expect(page.locator(alt('noise-vs-depth'))).toContainText('IonQ Aria', { timeout: 90_000 });
  await expect(page.getByRole('radio', { name: 'IonQ Aria' })).toBeChecked();
});

test('calibration-drift: one run, the week, then the best day a paper would report', async ({ page }) => {
  test.setTimeout(150_000);
  await open(page);
  await goToStep(page, 'calibration-drift', 0);
  let text = await altText(page, 'calibration-drift');
  expect(text).toContain("On Monday's simulated calibration");
  expect(text).not.toContain('pairs of days');
  await expect(page.locator(`${fig('calibration-drift')} .cd-obs`)).toHaveCount(1);
  await goToStep(page, 'calibration-drift', 1);
  text = await altText(page, 'calibration-drift');
  expect(text).toMatch(/\d+ of 10 pairs of days have 95 % shot intervals that do not overlap/);
  await expect(page.locator(`${fig('calibration-drift')} .cd-obs`)).toHaveCount(5);
  await expect(page.locator(`${alt('calibration-drift')} tbody tr`)).toHaveCount(5);
  await expect(page.locator(`${fig('calibration-drift')} .cd-day--best`)).toHaveCount(0);
  await goToStep(page, 'calibration-drift', 2);
  text = await altText(page, 'calibration-drift');
  expect(text).toMatch(/only its best day, (Monday|Tuesday|Wednesday|Thursday|Friday)/);
  await expect(page.locator(`${fig('calibration-drift')} .cd-day--best`)).toHaveCount(2);
  await expect(page.locator(`${fig('calibration-drift')} .cd-claim`)).toContainText('reported');
});

test('error-correction: one logical qubit, a 100-qubit machine, a learning workload', async ({ page }) => {
  test.setTimeout(90_000);
  await open(page);
  await goToStep(page, 'error-correction', 0);
  expect(await altText(page, 'error-correction')).toContain(
    'needs distance 27, 1,457 physical qubits per logical qubit',
  );
  await goToStep(page, 'error-correction', 1);
  expect(await altText(page, 'error-correction')).toContain('145,700 for 100 logical qubits');
  await goToStep(page, 'error-correction', 2);
  expect(await altText(page, 'error-correction')).toMatch(/the run takes [\d.]+ years/);
  const slider = page.getByLabel(/^Physical error rate p =/);
  await slider.focus();
  await page.keyboard.press('End');
  await expect(page).toHaveURL(/error-correction\.p=0\.005/);
});

test('invalid URL parameters fall back to the defaults with a visible note', async ({ page }) => {
  test.setTimeout(90_000);
  await open(page, '/?error-correction.p=abc&noise-vs-depth.device=nope&calibration-drift.drift=99');
  for (const id of ['error-correction', 'noise-vs-depth', 'calibration-drift']) {
    await goToStep(page, id, 0);
    await expect(page.locator(`${fig(id)} .fig__issues`)).toBeVisible();
  }
  await expect(page.locator(`${fig('noise-vs-depth')} .fig__issues`)).toContainText('“nope” is not one of');
  await expect(page.locator(alt('error-correction'))).toContainText('p = 0.1%');
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe: no violations in the noise section (${theme}, controls open)`, async ({ browser }) => {
    test.setTimeout(180_000);
    const context = await browser.newContext({ colorScheme: theme, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await open(page);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    for (const [id, last] of [
      ['noise-vs-depth', 4],
      ['calibration-drift', 2],
      ['error-correction', 2],
    ] as const) {
      await goToStep(page, id, last);
      await page
        .locator(`${fig(id)} .fig__disclosure summary`)
        .first()
        .click();
    }
    const violations = await runAxe(page, [
      '[data-scrolly="noise-vs-depth"]',
      '[data-scrolly="calibration-drift"]',
      '[data-scrolly="error-correction"]',
    ]);
    expect(violations, describeViolations(violations)).toEqual([]);
    await context.close();
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the pre-rendered page carries step 0 of each figure with its text alternative', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator(fig('noise-vs-depth'))).toHaveAttribute('data-ready', 'true');
    await expect(page.locator(alt('noise-vs-depth'))).toContainText('Without noise the fidelity');
    await expect(page.locator(`${fig('noise-vs-depth')} .nvd-ideal path`)).toHaveCount(2);
    await expect(page.locator(alt('error-correction'))).toContainText('1,457');
    await expect(page.locator(fig('calibration-drift'))).toHaveAttribute('data-step', '0');
  });
});
