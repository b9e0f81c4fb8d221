/**
 * The variational-training figures (barren-plateau, landscape, measurement-marathon) in the built article:
 * steps drive each figure (data-step, data-ready) with a text alternative from the data, the last steps'
 * controls work by keyboard and land in the URL, a running computation is cancelled when its inputs change
 * (observed on the worker messages), and axe finds nothing on these figures in either theme.
 */
import { expect, test, type Page } from '@playwright/test';
import { scrollToStep, waitForHydration } from './helpers';
import { describeViolations, runAxe } from './modes-helpers';

const fig = (id: string) => `[data-figure="${id}"]`;
const alt = (id: string) => `${fig(id)} [data-figure-alt]`;

/** Records every message to and from the experiment workers (installed before the page's scripts run). */
async function recordWorkerTraffic(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const log: Array<{ dir: 'out' | 'in'; type: string; id: number; name?: string; qubits?: number[] }> = [];
    (window as unknown as { __workerLog: typeof log }).__workerLog = log;
    const Original = window.Worker;
    class Recorded extends Original {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        this.addEventListener('message', (e: MessageEvent) =>
          log.push({ dir: 'in', type: e.data?.type, id: e.data?.id }),
        );
      }
      postMessage(message: unknown, transfer?: unknown): void {
        const m = message as { type: string; id: number; name?: string; params?: { qubits?: number[] } };
        log.push({ dir: 'out', type: m.type, id: m.id, name: m.name, qubits: m.params?.qubits });
        super.postMessage(message, transfer as Transferable[]);
      }
    }
    window.Worker = Recorded as typeof Worker;
  });
}

async function open(page: Page, url = '/'): Promise<void> {
  await page.goto(url);
  await waitForHydration(page);
}

const goToStep = (page: Page, id: string, n: number, ready = true) =>
  scrollToStep(page, id, n, ready ? 120_000 : false);

const altText = async (page: Page, id: string) => (await page.locator(alt(id)).textContent()) ?? '';

test('barren-plateau: the steps go from two qubits to a fitted exponential, cost types and noise', async ({ page }) => {
  test.setTimeout(240_000);
  await open(page);
  const id = 'barren-plateau';
  await goToStep(page, id, 0);
  expect(await altText(page, id)).toMatch(/With 2 qubits, 200 random circuits of 100 layers/);
  await expect(page.locator(`${fig(id)} .bp-point`)).toHaveCount(1);
  await expect(page.locator(`${fig(id)} .bp-dotcol[data-qubits="2"]`)).toHaveAttribute('data-dots', '200');
  await goToStep(page, id, 1);
  await expect(page.locator(`${fig(id)} .bp-point`)).toHaveCount(11);
  await expect(page.locator(`${fig(id)} .bp-fitline`)).toHaveCount(0);
  await goToStep(page, id, 2);
  await expect(page.locator(`${fig(id)} .bp-fitline`)).toHaveCount(1);
  const slope = Number(/slope (-[\d.]+)/.exec(await altText(page, id))?.[1]);
  expect(slope).toBeLessThan(-0.5);
  expect(slope).toBeGreaterThan(-0.8);
  await goToStep(page, id, 3);
  const s3 = await altText(page, id);
  const global = Number(/global cost[^:]*:.*?slope (-[\d.]+)/.exec(s3)?.[1]);
  const local = Number(/local cost[^:]*:.*?slope (-[\d.]+)/.exec(s3)?.[1]);
  expect(global).toBeLessThan(local - 0.3);
  await expect(page.locator(`${fig(id)} .bp-controls`)).toHaveCount(0);
  await goToStep(page, id, 4);
  expect(await altText(page, id)).toMatch(/noise p = 0\.1/);
  await expect(page.locator(`${fig(id)} .bp-series`)).toHaveCount(2);
});

test('barren-plateau: keyboard controls change the sweep; a run in progress is cancelled by new inputs', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await recordWorkerTraffic(page);
  await open(page, '/?barren-plateau.noise=0&barren-plateau.cost=zz&barren-plateau.nMax=12&barren-plateau.layers=50');
  const id = 'barren-plateau';
  await goToStep(page, id, 4, false);
  // Wait until the slow 2–12-qubit run has started and reported progress, but has not finished.
  await expect
    .poll(
      () =>
        page.evaluate(() =>
          (
            window as unknown as { __workerLog: Array<{ dir: string; type: string; qubits?: number[] }> }
          ).__workerLog.some((m) => m.dir === 'out' && m.type === 'run' && m.qubits?.length === 11),
        ),
      { timeout: 60_000 },
    )
    .toBe(true);
  // The pool sends a request's samples in short chunks: these are the chunks of the 2–12-qubit run.
  const oldIds = () =>
    page.evaluate(() =>
      (
        window as unknown as { __workerLog: Array<{ dir: string; type: string; id: number; qubits?: number[] }> }
      ).__workerLog
        .filter((m) => m.dir === 'out' && m.type === 'run' && m.qubits?.length === 11)
        .map((m) => m.id),
    );
  await expect(page.locator(fig(id))).toHaveAttribute('data-ready', 'false');
  // A computation this long shows its progress.
  await expect(page.locator(`${fig(id)} .fig__work progress`)).toBeVisible();
  // Keyboard: the "To qubits" select, one step up to 12 → down to 4.
  const toQubits = page.getByLabel('To qubits', { exact: true });
  await toQubits.focus();
  for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowUp');
  await expect(page).toHaveURL(/barren-plateau\.nMax=4(&|$)/);
  // The old request is cancelled: no chunk of it is sent any more while the new one runs …
  const sent = (await oldIds()).length;
  // … the figure shows the new parameters' result …
  await expect(page.locator(fig(id))).toHaveAttribute('data-ready', 'true', { timeout: 120_000 });
  expect((await oldIds()).length).toBe(sent);
  await expect(page.locator(`${fig(id)} .fig__work`)).toHaveCount(0);
  expect(await altText(page, id)).toMatch(/from .* at 2 qubits to .* at 4 qubits/);
  await expect(page.locator(`${fig(id)} .bp-point`)).toHaveCount(3);
  // … and the old request's messages stop: none arrives while a whole further computation runs.
  const ids = await oldIds();
  const count = () =>
    page.evaluate(
      (ids) =>
        (window as unknown as { __workerLog: Array<{ dir: string; type: string; id: number }> }).__workerLog.filter(
          (m) => m.dir === 'in' && ids.includes(m.id),
        ).length,
      ids,
    );
  // Each chunk already sent gets one final answer (done, or an abort error), and then nothing more.
  await expect
    .poll(() =>
      page.evaluate(
        (ids) =>
          ids.every((i) =>
            (window as unknown as { __workerLog: Array<{ dir: string; type: string; id: number }> }).__workerLog.some(
              (m) => m.dir === 'in' && m.id === i && (m.type === 'done' || m.type === 'error'),
            ),
          ),
        ids,
      ),
    )
    .toBe(true);
  const before = await count();
  // Cost by keyboard.
  const cost = page.getByLabel('Cost', { exact: true });
  await cost.focus();
  await page.keyboard.press('ArrowDown');
  await expect(page).toHaveURL(/barren-plateau\.cost=global/);
  await expect.poll(() => altText(page, id), { timeout: 120_000 }).toMatch(/global cost/);
  await expect(page.locator(fig(id))).toHaveAttribute('data-ready', 'true', { timeout: 120_000 });
  expect(await count()).toBe(before);
});

test('landscape: 2, then 6, then 10 qubits and the reader’s choice, on one colour scale, flattening', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await open(page);
  const id = 'landscape';
  await goToStep(page, id, 0);
  await expect(page.locator(`${fig(id)} .ls-panel`)).toHaveCount(1);
  expect(await altText(page, id)).toMatch(/64×64 grid .* at 2 qubits/);
  await goToStep(page, id, 1);
  await expect(page.locator(`${fig(id)} .ls-panel`)).toHaveCount(2);
  await goToStep(page, id, 2);
  await expect(page.locator(`${fig(id)} .ls-panel`)).toHaveCount(4);
  await expect(page.locator(`${fig(id)} .ls-panel[data-complete="true"] image`)).toHaveCount(4);
  const text = await altText(page, id);
  const ratio = Number(/is ([\d.]+) times flatter/.exec(text)?.[1]);
  expect(ratio).toBeGreaterThan(5);
  const select = page.getByLabel('Your register size', { exact: true });
  await select.focus();
  await page.keyboard.press('Home');
  await expect(page).toHaveURL(/landscape\.custom=2(&|$)/);
  await expect(page.locator(fig(id))).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
  await expect(page.locator(`${fig(id)} .ls-panel[data-qubits="2"]`)).toHaveCount(2);
});

test('measurement-marathon: shots against qubits, then a counted training run converted to time', async ({ page }) => {
  test.setTimeout(240_000);
  await open(page);
  const id = 'measurement-marathon';
  await goToStep(page, id, 0);
  const s0 = await altText(page, id);
  expect(s0).toMatch(/95 % confidence/);
  expect(s0).toMatch(/at 30/);
  await expect(page.locator(`${fig(id)} .mm-point`)).toHaveCount(11);
  await goToStep(page, id, 1);
  const s1 = await altText(page, id);
  expect(s1).toMatch(/2 × 800 × 100 × 50 = 8,000,000 circuits/);
  expect(s1).toMatch(/4,000 shots per second/);
  await expect(page.locator(`${fig(id)} .mm-counter`)).toHaveAttribute('data-fraction', '1.000', { timeout: 20_000 });
  const epochs = page.getByLabel('Epochs', { exact: true });
  await epochs.focus();
  await page.keyboard.press('Home');
  await expect(page).toHaveURL(/measurement-marathon\.epochs=1(&|$)/);
  await expect.poll(() => altText(page, id)).toMatch(/2 × 800 × 100 × 1 = 160,000 circuits/);
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe: no violations on the variational figures (${theme})`, async ({ browser }) => {
    test.setTimeout(240_000);
    const context = await browser.newContext({ colorScheme: theme, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await open(page);
    await goToStep(page, 'barren-plateau', 4);
    await goToStep(page, 'landscape', 2);
    await goToStep(page, 'measurement-marathon', 1);
    const violations = await runAxe(page, [
      '[data-scrolly="barren-plateau"]',
      '[data-scrolly="landscape"]',
      '[data-scrolly="measurement-marathon"]',
    ]);
    expect(violations, describeViolations(violations)).toEqual([]);
    await context.close();
  });
}
