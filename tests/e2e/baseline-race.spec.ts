/**
 * The baseline-race figure in the built article: the steps drive it (data-step, data-ready, the text
 * alternative), training animates from worker segments, pause/resume/reset work from the keyboard, a
 * running sweep is replaced when its inputs change, reduced motion jumps to the end state, URL
 * parameters fall back with a note, and axe finds nothing.
 */
import { expect, test, type Page } from '@playwright/test';
import { waitForHydration } from './helpers';
import { describeViolations, runAxe } from './modes-helpers';

const SECTION = '[data-scrolly="baseline-race"]';
const FIGURE = '[data-figure="baseline-race"]';
const ALT = `${FIGURE} [data-figure-alt]`;
const GRAPHIC = `${FIGURE} .br`;
/** Slow enough (5 layers, 2,000 shots per circuit) that training is still running when the test acts. */
const SLOW = '?baseline-race.layers=5&baseline-race.shots=2000';

async function open(page: Page, url = '/'): Promise<void> {
  await page.goto(url);
  await waitForHydration(page);
  await expect(page.locator(SECTION)).toHaveAttribute('data-trigger', /^\d+$/);
  // The figure is an island: its view's chunk loads, and the view mounts, when the section nears the
  // viewport; until then the pre-rendered HTML stands in (no effects ran yet). FigureShell sets
  // data-mount in an effect, so its presence means the live view is mounted.
  await scrollToStepTop(page, 0);
  await expect(page.locator(`${FIGURE}[data-mount]`)).toHaveCount(1, { timeout: 60_000 });
}

/** Scrolls so that the trigger line is 20 px into step n (without waiting for the figure). */
async function scrollToStepTop(page: Page, n: number): Promise<void> {
  await page.evaluate(
    ([sel, i]) => {
      const section = document.querySelector(sel as string) as HTMLElement;
      const el = section.querySelector(`[data-step-index="${i}"]`) as HTMLElement;
      window.scrollTo({
        top: el.getBoundingClientRect().top + scrollY - Number(section.dataset.trigger) + 20,
        behavior: 'instant',
      });
    },
    [SECTION, n] as const,
  );
}

/**
 * Scrolls to step n and waits until the figure shows it, but not until it is ready (the shared
 * helpers' scrollToStep waits for data-ready; these tests act while training runs).
 */
async function scrollToStep(page: Page, n: number): Promise<void> {
  await scrollToStepTop(page, n);
  await expect(page.locator(FIGURE)).toHaveAttribute('data-step', String(n), { timeout: 30_000 });
}

/**
 * Records every state the graphic shows from now on, as "epoch|ready" (its data-epoch and the figure's
 * data-ready), so a test can check which states were drawn without catching them as they pass.
 */
async function recordStates(page: Page): Promise<void> {
  await page.evaluate(
    ([figure, graphic]) => {
      const w = window as unknown as { __brStates: string[] };
      const root = document.querySelector(figure) as HTMLElement;
      const read = () =>
        `${root.querySelector(graphic)?.getAttribute('data-epoch') ?? ''}|${root.getAttribute('data-ready') ?? ''}`;
      w.__brStates = [read()];
      new MutationObserver(() => {
        const now = read();
        if (w.__brStates[w.__brStates.length - 1] !== now) w.__brStates.push(now);
      }).observe(root, { attributes: true, subtree: true, attributeFilter: ['data-epoch', 'data-ready'] });
    },
    [FIGURE, GRAPHIC] as const,
  );
}

async function recordedStates(page: Page): Promise<{ epoch: number; ready: boolean }[]> {
  const states = await page.evaluate(() => (window as unknown as { __brStates: string[] }).__brStates);
  return states.map((s) => ({ epoch: Number(s.split('|')[0]), ready: s.split('|')[1] === 'true' }));
}

async function waitReady(page: Page, timeout = 90_000): Promise<void> {
  await expect(page.locator(FIGURE)).toHaveAttribute('data-ready', 'true', { timeout });
}

const epochOf = async (page: Page) => Number(await page.locator(GRAPHIC).getAttribute('data-epoch'));
const altText = async (page: Page) => (await page.locator(ALT).textContent()) ?? '';

test('the steps drive the figure: datasets, animated training, accuracy and work, the knob sweep', async ({ page }) => {
  test.setTimeout(180_000);
  await open(page);
  await scrollToStep(page, 0);
  await waitReady(page, 15_000);
  await expect(page.locator(`${FIGURE} .br-dataset`)).toHaveCount(3);
  expect(await altText(page)).toContain('two moons: 84 training points (42 and 42 per class) and 36 test points');

  // Step 1: training starts; partial results (an epoch strictly between 0 and 40, not yet ready) are drawn.
  await recordStates(page);
  await scrollToStep(page, 1);
  await waitReady(page);
  expect(await epochOf(page)).toBe(40);
  const drawn = await recordedStates(page);
  expect(drawn.some((d) => d.epoch > 0 && d.epoch < 40 && !d.ready)).toBe(true);
  const epochs = drawn.map((d) => d.epoch);
  expect(epochs).toEqual([...epochs].sort((a, b) => a - b));
  await expect(page.locator(`${FIGURE} .br-model`)).toHaveCount(3);
  await expect(page.locator(`${FIGURE} .br-contour`).first()).toHaveAttribute('d', /^M/);
  expect(await altText(page)).toMatch(
    /After all 40 epochs on two moons, test accuracy: Quantum \(VQC\) [\d.]+% \(14 parameters\), Logistic regression [\d.]+% \(10 parameters\), Neural net \(MLP\) [\d.]+% \(13 parameters\)/,
  );

  // Step 2: the ledger, with the exact circuit count 40 · (84 · (1 + 2 · 12) + 120) = 88,800.
  await scrollToStep(page, 2);
  await waitReady(page, 15_000);
  await expect(page.locator(`${FIGURE} .br-work[data-model="vqc"] [data-kind="shots"]`)).toHaveCount(1);
  await expect(page.locator(`${FIGURE} .br-work[data-model="logistic"] [data-kind="flops"]`)).toHaveCount(1);
  const ledger = await altText(page);
  expect(ledger).toContain('ran 88,800 circuits and 8.88M shots');
  expect(ledger).toContain('shots/s');

  // Step 3: the strip plot fills in, six rows, 48 runs in all.
  await scrollToStep(page, 3);
  await waitReady(page);
  await expect(page.locator(`${FIGURE} .br-strip-row`)).toHaveCount(6);
  await expect(page.locator(`${FIGURE} .br-dot`)).toHaveCount(48);
  expect(await altText(page)).toContain('Knob sweep on two moons (48 of 48 training runs)');

  // Back to step 0 and forward again: the finished race is kept, nothing recomputes.
  await scrollToStep(page, 0);
  await scrollToStep(page, 2);
  await expect(page.locator(FIGURE)).toHaveAttribute('data-ready', 'true');
});

test('pause holds the last checkpoint, resume continues, reset restarts from epoch 0 — by keyboard', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await open(page, `/${SLOW}`);
  await scrollToStep(page, 3);
  const pause = page.getByRole('button', { name: 'Pause training' });
  await expect.poll(() => epochOf(page), { timeout: 60_000 }).toBeGreaterThan(0);
  await pause.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator(GRAPHIC)).toHaveAttribute('data-paused', 'true');
  const resume = page.getByRole('button', { name: 'Resume training' });
  await expect(resume).toBeFocused();
  await expect(resume).toHaveAttribute('aria-pressed', 'true');
  const held = await epochOf(page);
  expect(held).toBeGreaterThan(0);
  expect(held).toBeLessThan(40);
  await expect(page.locator(`${FIGURE} .br-status`)).toContainText(`Paused at epoch ${held} of 40`);
  // While training is paused the knob sweep gets the workers: wait until it has drawn runs it computed
  // after the pause (work that takes longer than a training segment); the epoch never moved meanwhile.
  await recordStates(page);
  const dots = await page.locator(`${FIGURE} .br-dot`).count();
  await expect
    .poll(() => page.locator(`${FIGURE} .br-dot`).count(), { timeout: 90_000 })
    .toBeGreaterThanOrEqual(dots + 4);
  expect((await recordedStates(page)).map((d) => d.epoch)).toEqual([held]);

  await page.keyboard.press('Space');
  await expect(page.locator(GRAPHIC)).toHaveAttribute('data-paused', 'false');
  await expect.poll(() => epochOf(page), { timeout: 60_000 }).toBeGreaterThan(held);

  const reset = page.getByRole('button', { name: 'Reset to epoch 0' });
  await reset.focus();
  await recordStates(page);
  await page.keyboard.press('Enter');
  // The run starts over: the graphic goes back to epoch 0, then counts up again from there.
  await page.waitForFunction(() =>
    (window as unknown as { __brStates: string[] }).__brStates.some((s) => s.startsWith('0|')),
  );
  const after = (await recordedStates(page)).map((d) => d.epoch);
  const zero = after.findIndex((e) => e === 0);
  expect(after.slice(zero)).toEqual([...after.slice(zero)].sort((a, b) => a - b));
});

test('changing the dataset by keyboard replaces the running computation and keeps it in the URL', async ({ page }) => {
  test.setTimeout(180_000);
  await open(page, '/?baseline-race.shots=10');
  await scrollToStep(page, 3);
  await expect.poll(() => epochOf(page), { timeout: 60_000 }).toBeGreaterThan(0);
  const dataset = page.locator(FIGURE).getByLabel('Dataset', { exact: true });
  await dataset.focus();
  await recordStates(page);
  await page.keyboard.press('ArrowDown');
  await expect(page).toHaveURL(/baseline-race\.dataset=circles/);
  // The moons run was cancelled: the figure starts over on circles from epoch 0 and never shows moons again.
  await waitReady(page);
  const epochs = (await recordedStates(page)).map((d) => d.epoch);
  expect(epochs).toContain(0);
  expect(epochs.slice(epochs.indexOf(0))).toEqual([...epochs.slice(epochs.indexOf(0))].sort((a, b) => a - b));
  const alt = await altText(page);
  expect(alt).toContain('Knob sweep on concentric circles (48 of 48 training runs)');
  expect(alt).not.toContain('moons');
  await expect(page.locator(`${FIGURE} .br-dataset`)).toHaveCount(0);
  await scrollToStep(page, 1);
  expect(await altText(page)).toContain('After all 40 epochs on concentric circles');
});

test('an invalid URL parameter falls back to its default with a visible note', async ({ page }) => {
  await open(page, '/?baseline-race.dataset=spirals&baseline-race.layers=9');
  await scrollToStep(page, 0);
  const note = page.locator(`${FIGURE} .fig__issues`);
  await expect(note).toContainText('dataset = “spirals” is not one of moons, circles, linear; using moons.', {
    timeout: 60_000,
  });
  await expect(note).toContainText('VQC layers = “9” is outside 1–5; using 3.');
  await expect(page.locator(`${FIGURE} .br-dataset[data-selected="true"]`)).toHaveAttribute('data-dataset', 'moons');
});

test.describe('reduced motion', () => {
  test.use({ reducedMotion: 'reduce' });
  test('training jumps from epoch 0 to its end state, with no intermediate frames', async ({ page }) => {
    test.setTimeout(120_000);
    await open(page);
    await recordStates(page);
    await scrollToStep(page, 1);
    await waitReady(page);
    const epochs = [...new Set((await recordedStates(page)).map((d) => d.epoch))];
    expect(epochs.every((e) => e === 0 || e === 40)).toBe(true);
    expect(epochs).toContain(40);
  });
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe reports no violations in the figure with its controls (${theme})`, async ({ browser }) => {
    test.setTimeout(120_000);
    const context = await browser.newContext({ colorScheme: theme, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await open(page, '/?baseline-race.shots=10');
    await scrollToStep(page, 3);
    await expect(page.locator(`${FIGURE} .br-controls`)).toBeVisible();
    await expect.poll(() => epochOf(page), { timeout: 60_000 }).toBeGreaterThan(0);
    const violations = await runAxe(page, SECTION);
    expect(violations, describeViolations(violations)).toEqual([]);
    await context.close();
  });
}
