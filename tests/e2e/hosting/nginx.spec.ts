/**
 * The site as deployed: built with SITE_URL=http://127.0.0.1:<port>/qml-reality-check and served by nginx
 * with deploy/nginx.conf (tests/e2e/hosting/site.ts). The article, one embed through embed.js on a page of
 * another origin, the presentation, an offline reload and the oEmbed documents all work under the
 * sub-path, with the headers the build documents in _headers.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { headersForPath, parseHeadersFile } from '../../../scripts/hosting';
import { watchPage, waitForHydration } from '../helpers';
import { BUILD_A, ROOT, SITE, SUB_PATH } from './site';

let host: Server;
let hostUrl = '';

test.beforeAll(async () => {
  // A blog on another origin (localhost, not 127.0.0.1) pasting the loader snippet.
  host = createServer((_req, res) => {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(`<!doctype html><html lang="en"><title>A blog</title><main><h1>A blog post</h1>
<div data-qml-embed="shot-noise" data-step="1"></div>
<script async src="${SITE}/embed.js"></script></main></html>`);
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  hostUrl = `http://localhost:${(host.address() as AddressInfo).port}/`;
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => (host ? host.close(() => resolve()) : resolve()));
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) =>
    statSync(path.join(dir, n)).isDirectory() ? filesUnder(path.join(dir, n)) : [path.join(dir, n)],
  );
}

test('no placeholder host anywhere in either build', () => {
  for (const dir of [BUILD_A, path.join(ROOT, process.env.QML_DIST_DIR ?? 'dist')]) {
    const hits = filesUnder(dir).filter(
      (f) => /\.(html|js|json|xml|txt|css|conf)$|_headers$/.test(f) && readFileSync(f, 'utf8').includes('example.org'),
    );
    expect(hits, dir).toEqual([]);
  }
});

test('the article works under the sub-path, with the documented headers', async ({ page, request }) => {
  const problems = watchPage(page);
  const response = await page.goto(`${SITE}/`);
  const rules = parseHeadersFile(readFileSync(path.join(BUILD_A, '_headers'), 'utf8'));
  const expected = headersForPath(rules, `${SUB_PATH}/`);
  for (const [name, value] of Object.entries(expected))
    expect(response?.headers()[name.toLowerCase()], name).toBe(value);
  await waitForHydration(page);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${SITE}/`);
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute('content', `${SITE}/og-image.png`);
  const fig = page.locator('[data-figure="shot-noise"]');
  await fig.scrollIntoViewIfNeeded();
  await expect(fig).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
  // Links stay under the sub-path.
  await expect(page.locator('a.brand')).toHaveAttribute('href', `${SUB_PATH}/`);
  await expect(page.locator('a.header-present')).toHaveAttribute('href', `${SUB_PATH}/present`);
  // Copy-embed snippets carry SITE_URL; "cite this" too.
  await fig.locator('.fig-embed > summary').click();
  await expect(fig.locator('textarea[data-snippet="Plain iframe"]')).toHaveValue(
    new RegExp(`src="${SITE.replace(/[.]/g, '\\.')}/embed/shot-noise`),
  );
  await expect(fig.locator('textarea[data-snippet^="Loader"]')).toHaveValue(
    new RegExp(`src="${SITE.replace(/[.]/g, '\\.')}/embed\\.js"`),
  );
  await expect(page.locator('#cite-this')).toContainText(SITE);
  // Cache rules and headers on the other kinds of file.
  // The entry module, which the article starts after its first paint (scripts/first-paint.ts).
  const asset = await page.evaluate(
    () =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .map((r) => r.name)
        .find((name) => /\/assets\/index-[\w-]+\.js$/.test(name)) ?? '',
  );
  const assetPath = new URL(asset).pathname;
  expect(assetPath.startsWith(`${SUB_PATH}/assets/`)).toBe(true);
  for (const p of [
    assetPath,
    `${SUB_PATH}/sw.js`,
    `${SUB_PATH}/embed.js`,
    `${SUB_PATH}/embed/landscape`,
    `${SUB_PATH}/present`,
    `${SUB_PATH}/oembed/landscape.json`,
    `${SUB_PATH}/robots.txt`,
  ]) {
    const r = await request.get(`http://127.0.0.1:${new URL(SITE).port}${p}`);
    expect(r.status(), p).toBe(200);
    for (const [name, value] of Object.entries(headersForPath(rules, p)))
      expect(r.headers()[name.toLowerCase()], `${p} ${name}`).toBe(value);
  }
  const missing = await request.get(`${SITE}/nothing-here`);
  expect(missing.status()).toBe(404);
  expect(await missing.text()).toContain('Page not found');
  expect((await request.get(`${SITE}/_headers`)).status()).toBe(404);
  expect((await request.get(`${SITE}/sitemap.xml`)).ok()).toBe(true);
  expect(await (await request.get(`${SITE}/sitemap.xml`)).text()).toContain(`<loc>${SITE}/</loc>`);
  expect(problems.list).toEqual([]);
});

test('an embed through embed.js on a page of another origin', async ({ page }) => {
  await page.goto(hostUrl);
  const iframe = page.locator('[data-qml-embed] iframe');
  await expect(iframe).toHaveAttribute('src', `${SITE}/embed/shot-noise?step=1`);
  const frame = page.frameLocator('[data-qml-embed] iframe');
  await expect(frame.locator('[data-figure="shot-noise"]')).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
  await expect(frame.locator('[data-stepper="shot-noise"]')).toHaveAttribute('data-active-step', '1');
  // Auto-height from the frame's messages, accepted because they come from SITE_URL's origin.
  await expect(iframe).toHaveAttribute('data-qml-height', /^\d+$/);
  await expect(frame.locator('.stepper__article a')).toHaveAttribute('href', `${SUB_PATH}/#shot-noise-step-1`);
});

test('the presentation and its speaker view', async ({ page }) => {
  const problems = watchPage(page);
  await page.goto(`${SITE}/present?figure=landscape&step=0`);
  await waitForHydration(page);
  await expect(page.locator('[data-figure="landscape"]')).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
  const before = Number(await page.locator('[data-present]').getAttribute('data-slide-index'));
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('[data-present]')).toHaveAttribute('data-slide-index', String(before + 1));
  await expect(page).toHaveURL(new RegExp(`^${SITE.replace(/[.]/g, '\\.')}/present\\?`));
  await page.goto(`${SITE}/present/speaker?slide=2`);
  await waitForHydration(page);
  await expect(page.locator('h1, h2').first()).toBeVisible();
  expect(problems.list).toEqual([]);
});

test('after one visit, a reload offline still shows the article, an embed and the slides', async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  const page = await context.newPage();
  await page.goto(`${SITE}/`);
  await waitForHydration(page);
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toBe(`${SITE}/`);
  await expect
    .poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)), { timeout: 30_000 })
    .toBe(true);
  await context.setOffline(true);
  await page.reload();
  await waitForHydration(page);
  const fig = page.locator('[data-figure="shot-noise"]');
  await fig.scrollIntoViewIfNeeded();
  await expect(fig).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
  await page.goto(`${SITE}/embed/noise-vs-depth?step=1`);
  await waitForHydration(page);
  await expect(page.locator('[data-stepper="noise-vs-depth"]')).toHaveAttribute('data-active-step', '1');
  await page.goto(`${SITE}/present?slide=3`);
  await waitForHydration(page);
  await expect(page.locator('[data-present]')).toHaveAttribute('data-slide-index', '2');
  // An unknown address offline: the precached 404 page, under the sub-path.
  await page.goto(`${SITE}/nothing-here`);
  await expect(page.locator('h1')).toHaveText('Page not found');
  await context.close();
});

test('oEmbed: discovery on each embed, absolute documents that frame the embed', async ({ page, request }) => {
  await page.goto(`${SITE}/embed/landscape`);
  const discovery = await page.locator('link[rel="alternate"][type="application/json+oembed"]').getAttribute('href');
  expect(discovery).toBe(`${SITE}/oembed/landscape.json`);
  const response = await request.get(discovery!);
  expect(response.headers()['access-control-allow-origin']).toBe('*');
  const doc = await response.json();
  expect(doc).toMatchObject({
    version: '1.0',
    type: 'rich',
    provider_url: `${SITE}/`,
    title: 'The landscape goes flat',
  });
  expect(doc.html).toContain(`<iframe src="${SITE}/embed/landscape"`);
  const section = await (await request.get(`${SITE}/oembed/section/noise.json`)).json();
  expect(section.html).toContain(`src="${SITE}/embed/section/noise"`);
  // A CMS pastes the document's HTML into a page of another origin: the frame loads the figure.
  await page.goto(hostUrl);
  await page.evaluate((html) => {
    document.querySelector('main')!.insertAdjacentHTML('beforeend', html);
  }, doc.html);
  // Figures compute when they are on screen.
  await page.locator(`iframe[src="${SITE}/embed/landscape"]`).scrollIntoViewIfNeeded();
  const frame = page.frameLocator(`iframe[src="${SITE}/embed/landscape"]`);
  await expect(frame.locator('[data-figure="landscape"]')).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
});

test("the build's precompressed gzip copy is what nginx sends (gzip_static), byte for byte", async () => {
  const copy = readFileSync(path.join(BUILD_A, 'index.html.gz'));
  const response = await fetch(`${SITE}/`, { headers: { 'Accept-Encoding': 'gzip' } });
  expect(response.headers.get('content-encoding')).toBe('gzip');
  // Node's fetch decodes the body; the length header is the copy's (on-the-fly gzip sends no length).
  expect(Number(response.headers.get('content-length'))).toBe(copy.byteLength);
  expect(await response.text()).toBe(readFileSync(path.join(BUILD_A, 'index.html'), 'utf8'));
});
