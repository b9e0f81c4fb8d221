/**
 * A redeploy in the middle of a class. Build A is served and /present is open (controlled by A's service
 * worker). Build B replaces A on the server: A's hashed chunks are gone. In a second tab (the speaker's
 * article, say) the new version is accepted with "Reload", so B's worker activates and takes over every
 * tab of the site, the presentation included. The presenter then advances through slides whose figure
 * chunks the page has not loaded yet: they must still come (from A's precache, kept while a tab runs A),
 * with no uncaught error, and each figure completes. Once the presentation tab is reloaded, A's cache goes.
 * Served by scripts/static-server.ts on its own port (its own origin: its own service worker and caches),
 * with `no-store` so nothing is rescued by the HTTP cache.
 */
import { expect, test } from '@playwright/test';
import { startStaticServer, type StaticServer } from '../../../scripts/static-server';
import { waitForHydration } from '../helpers';
import { BUILD_A, BUILD_B, SUB_PATH } from './site';

let server: StaticServer;

test.beforeAll(async () => {
  // no-store: the old chunks must come from the service worker, not from the browser's HTTP cache (which a
  // school laptop may have evicted, and which hosts without cache rules barely fill).
  server = await startStaticServer({ dir: BUILD_A, basePath: SUB_PATH, noStore: true });
});
test.afterAll(async () => {
  await server?.close();
});

test('a redeploy does not strand an open presentation', async ({ browser }) => {
  test.setTimeout(240_000);
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  const errors: string[] = [];
  const missing: string[] = [];
  const present = await context.newPage();
  present.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  present.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
  });
  present.on('response', (r) => {
    if (r.status() >= 400) missing.push(`${r.status()} ${new URL(r.url()).pathname}`);
  });

  await present.goto(`${server.url}/present?slide=1`);
  await waitForHydration(present);
  await expect
    .poll(() => present.evaluate(() => Boolean(navigator.serviceWorker.controller)), { timeout: 60_000 })
    .toBe(true);
  const cachesA = await present.evaluate(() => caches.keys());
  const chunksBefore = await present.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname)
      .filter((p) => p.includes('/assets/')),
  );

  // Deploy B: A's files are gone from the server.
  server.deploy(BUILD_B);
  const other = await context.newPage();
  await other.goto(`${server.url}/`);
  await waitForHydration(other);
  const prompt = other.locator('[data-update-available]');
  await expect(prompt).toBeVisible({ timeout: 60_000 });
  const controllerChanged = present.evaluate(
    () =>
      new Promise<void>((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }),
      ),
  );
  await prompt.getByRole('button', { name: 'Reload' }).click();
  await controllerChanged;
  // The other tab now runs B (its paragraph added by the redeploy); the presentation still runs A.
  await expect(other.locator('main')).toContainText('This paragraph was added by a redeploy.', { timeout: 60_000 });

  // The presenter advances through the slides: each new figure needs a chunk not loaded before the deploy.
  const count = Number(await present.locator('[data-present]').getAttribute('data-slide-count'));
  const seen = new Set<string>();
  for (let i = 1; i < count; i += 1) {
    await present.keyboard.press('ArrowRight');
    await expect(present.locator('[data-present]')).toHaveAttribute('data-slide-index', String(i));
    // A step slide with a graphic names its figure; the figure itself mounts once its chunk has loaded.
    const slide = present.locator('[data-present] [data-slide]');
    const withGraphic = await slide.evaluate(
      (el) => el.classList.contains('slide--step') && !el.classList.contains('slide--text-only'),
    );
    const id = withGraphic ? await slide.getAttribute('data-scrolly') : null;
    if (!id || seen.has(id)) continue;
    seen.add(id);
    await expect(present.locator(`[data-present] [data-figure="${id}"]`), id).toHaveAttribute('data-ready', 'true', {
      timeout: 60_000,
    });
  }
  expect(seen.size).toBeGreaterThan(3);
  const chunksAfter = await present.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname)
      .filter((p) => p.includes('/assets/')),
  );
  // Old chunks were fetched after the deploy, and none of them failed.
  expect(chunksAfter.filter((p) => !chunksBefore.includes(p)).length).toBeGreaterThan(0);
  expect(missing).toEqual([]);
  expect(errors).toEqual([]);

  // Once no tab runs A any more, A's precache is retired.
  await present.reload();
  await waitForHydration(present);
  await expect
    .poll(
      async () => {
        await present.evaluate(() => fetch(location.href).catch(() => undefined)); // any request lets the worker check
        return present.evaluate(
          async (before) => (await caches.keys()).filter((n) => before.includes(n) && n.includes('-precache-')).length,
          cachesA,
        );
      },
      { timeout: 30_000, intervals: [6_000] },
    )
    .toBe(0);
  await context.close();
});
