/**
 * Offline: after one visit the service worker has precached the site (pages, assets, fonts, workers);
 * with the network gone, a reload still shows the article with a working figure, and the embeds and
 * slides open. A new service worker waits behind an "update available" prompt.
 */
import { expect, test } from '@playwright/test';
import { waitForHydration } from './helpers';

test('after a first visit the article, an embed and the slides work offline', async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  const page = await context.newPage();
  await page.goto('/');
  await waitForHydration(page);
  // Installed, precached and controlling.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect
    .poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)), { timeout: 30_000 })
    .toBe(true);
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const urls: string[] = [];
    for (const n of names) for (const r of await (await caches.open(n)).keys()) urls.push(new URL(r.url).pathname);
    return urls;
  });
  expect(cached.some((u) => u.endsWith('.woff2'))).toBe(true);
  expect(cached.some((u) => /\/embed\/shot-noise\.html$/.test(u))).toBe(true);
  expect(cached.some((u) => /\/present\.html$/.test(u))).toBe(true);

  await context.setOffline(true);
  await page.reload();
  await waitForHydration(page);
  await expect(page.locator('h1')).toBeVisible();
  const fig = page.locator('[data-figure="shot-noise"]');
  await fig.scrollIntoViewIfNeeded();
  await expect(fig).toHaveAttribute('data-ready', 'true');
  // The figure still computes: a deep link to another step redraws it.
  await page.goto('/#shot-noise-step-3');
  await waitForHydration(page);
  await expect(fig).toHaveAttribute('data-step', '3');
  await expect(fig).toHaveAttribute('data-ready', 'true');

  await page.goto('/embed/shot-noise?step=2');
  await waitForHydration(page);
  await expect(page.locator('[data-stepper="shot-noise"]')).toHaveAttribute('data-active-step', '2');
  await expect(page.locator('[data-figure="shot-noise"]')).toHaveAttribute('data-ready', 'true');

  await page.goto('/present?slide=9');
  await waitForHydration(page);
  await expect(page.locator('[data-present]')).toHaveAttribute('data-slide-index', '8');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('[data-present]')).toHaveAttribute('data-slide-index', '9');
  await context.close();
});

test('a new version waits behind an "update available" prompt', async ({ browser }) => {
  test.setTimeout(90_000);
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  const page = await context.newPage();
  await page.goto('/present?slide=2');
  await waitForHydration(page);
  await expect
    .poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)), { timeout: 30_000 })
    .toBe(true);
  // A new deployment: a different worker script for the same scope installs and then waits.
  await page.evaluate(async () => {
    await navigator.serviceWorker.register('/sw.js?v=next');
  });
  const prompt = page.locator('[data-update-available]');
  await expect(prompt).toBeVisible({ timeout: 30_000 });
  // Nothing changed under the presenter: same slide, old worker still in control until they choose.
  await expect(page.locator('[data-present]')).toHaveAttribute('data-slide-index', '1');
  await prompt.getByRole('button', { name: 'Reload' }).click();
  await page.waitForLoadState('load');
  await waitForHydration(page);
  await expect(page.locator('[data-present]')).toHaveAttribute('data-slide-index', '1');
  await context.close();
});
