/**
 * The article is static HTML with islands: the prose, math, footnotes and bibliography are never
 * hydrated; the header hydrates at once; a figure's graphic hydrates on its own root, and its code is
 * requested, only when it nears the viewport. Each island is rendered on the server as its own root, so
 * it hydrates without a mismatch (React reports one as a console error, which the watcher records).
 */
import { expect, test, type Page } from '@playwright/test';
import { scrollToStep, waitForHydration, watchPage } from './helpers';

/** Whether React owns the element (it carries a fiber key once hydrated or rendered by React). */
const ownedByReact = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => Object.keys(el).some((k) => k.startsWith('__reactFiber$')));

/** Paths of the scripts requested so far. */
function recordScripts(page: Page): string[] {
  const scripts: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.endsWith('.js')) scripts.push(url.pathname);
  });
  return scripts;
}

const figureCode = (scripts: string[]) => scripts.filter((s) => /\/assets\/(view|FigureIsland|FigureShell)-/.test(s));

test('the prose is never hydrated; the header is; a figure hydrates when scrolled near, without a mismatch', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const problems = watchPage(page);
  const scripts = recordScripts(page);
  await page.goto('/');
  await waitForHydration(page);
  await page.waitForLoadState('networkidle');

  // The header controls are live.
  expect(await ownedByReact(page, '.site-header .theme-toggle')).toBe(true);
  await expect(page.locator('.site-header')).toHaveAttribute('data-island-hydrated', 'true');
  // Prose, math, steps, footnotes and the bibliography are static.
  for (const selector of [
    '.article-title',
    '.article-section > p',
    '.katex',
    '.story-step',
    '.pop-footnote',
    '#references li',
    '#cite-this',
  ]) {
    expect(await ownedByReact(page, selector), selector).toBe(false);
  }
  // No figure is near the viewport at the top of the page: no figure code has been requested.
  const graphic = page.locator('[data-scrolly="shot-noise"] .scrolly__graphic');
  await expect(graphic).not.toHaveAttribute('data-island-hydrated', 'true');
  expect(figureCode(scripts)).toEqual([]);

  await page.locator('#shot-noise-step-1').scrollIntoViewIfNeeded();
  await expect(graphic).toHaveAttribute('data-island-hydrated', 'true');
  expect(figureCode(scripts).length).toBeGreaterThan(0);
  expect(await ownedByReact(page, '[data-figure="shot-noise"]')).toBe(true);
  // The steps around it stay static; the tracker still marks the active one.
  expect(await ownedByReact(page, '[data-scrolly="shot-noise"] .story-step')).toBe(false);
  await expect(page.locator('[data-scrolly="shot-noise"] [data-active="true"]')).toHaveCount(1);
  // A figure far below is still static HTML.
  await expect(page.locator('[data-scrolly="baseline-race"] .scrolly__graphic')).not.toHaveAttribute(
    'data-island-hydrated',
    'true',
  );
  expect(await ownedByReact(page, '[data-figure="baseline-race"]')).toBe(false);
  await expect(page.locator('[data-figure="shot-noise"]')).toHaveAttribute('data-ready', 'true', { timeout: 45_000 });
  expect(problems.list).toEqual([]);
});

test('a figure that hydrates after another has computed its run shows the result without a mismatch', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const problems = watchPage(page);
  await page.goto('/');
  await waitForHydration(page);
  // barren-plateau's step 1 runs the experiment measurement-marathon runs (McClean's 2–12 qubits, 100
  // layers, ZZ cost, same samples and seed); the result lands in the page's result cache.
  await scrollToStep(page, 'barren-plateau', 1, 90_000);
  const marathon = page.locator('[data-scrolly="measurement-marathon"] .scrolly__graphic');
  await expect(marathon).not.toHaveAttribute('data-island-hydrated', 'true');
  // measurement-marathon's island hydrates now, with that result already cached: its first render must
  // still match the server's (computing), and show the result in the render after.
  await scrollToStep(page, 'measurement-marathon', 0, 30_000);
  await expect(marathon).toHaveAttribute('data-island-hydrated', 'true');
  expect(problems.list).toEqual([]);
});

test('every island carries its props in the HTML, under a unique id', async ({ request }) => {
  const html = await (await request.get('/')).text();
  const islands = [...html.matchAll(/data-island="([^"]+)" data-island-id="([^"]+)" data-island-props="([^"]*)"/g)];
  const names = islands.map((m) => m[1]);
  expect(names).toContain('header');
  expect(names).toContain('update-prompt');
  expect(names.filter((n) => n === 'figure').length).toBeGreaterThan(5);
  const ids = islands.map((m) => m[2]);
  expect(new Set(ids).size).toBe(ids.length);
  for (const m of islands) {
    const props = JSON.parse(m[3].replace(/&quot;/g, '"').replace(/&amp;/g, '&')) as Record<string, unknown>;
    if (m[1] === 'figure') expect(props.figure).toBe(m[2].replace(/^figure-/, ''));
  }
  // Every placeholder was replaced by the island's own render.
  expect(html).not.toContain('<!--island:');
});

test('a deep link hydrates the figure it lands on, at that step, and leaves the others static', async ({ page }) => {
  test.setTimeout(60_000);
  const problems = watchPage(page);
  await page.goto('/#barren-plateau-step-2');
  await waitForHydration(page);
  await expect(page.locator('[data-scrolly="barren-plateau"] .scrolly__graphic')).toHaveAttribute(
    'data-island-hydrated',
    'true',
  );
  await expect(page.locator('[data-figure="barren-plateau"]')).toHaveAttribute('data-step', '2');
  await expect(page.locator('[data-scrolly="shot-noise"] .scrolly__graphic')).not.toHaveAttribute(
    'data-island-hydrated',
    'true',
  );
  expect(problems.list).toEqual([]);
});

test('a figure whose code does not load keeps its picture and text alternative, says so, and retries', async ({
  page,
}) => {
  test.setTimeout(90_000);
  // The figure views' chunks fail (offline, or a deploy replaced them) until the reader retries.
  let failing = true;
  let aborted = 0;
  await page.route(/\/assets\/view-[^/]*\.js$/, async (route) => {
    if (!failing) return route.continue();
    aborted++;
    return route.abort('internetdisconnected');
  });
  await page.goto('/');
  await waitForHydration(page);
  const graphic = page.locator('[data-scrolly="shot-noise"] .scrolly__graphic');
  await page.locator('#shot-noise-step-1').scrollIntoViewIfNeeded();

  const notice = graphic.getByRole('alert');
  await expect(notice).toContainText('could not load');
  expect(aborted).toBeGreaterThan(0);
  await expect(graphic).toHaveAttribute('data-island-failed', 'true');
  await expect(graphic).not.toHaveAttribute('data-island-hydrated', 'true');
  // The server's picture and its text alternative are still there.
  await expect(graphic.locator('[data-figure="shot-noise"] svg').first()).toBeVisible();
  await expect(graphic.locator('[data-figure-alt]')).toHaveCount(1);
  expect(await ownedByReact(page, '[data-figure="shot-noise"]')).toBe(false);

  failing = false;
  await notice.getByRole('button', { name: 'Retry' }).click();
  await expect(graphic).toHaveAttribute('data-island-hydrated', 'true');
  await expect(graphic.getByRole('alert')).toHaveCount(0);
  await expect(graphic).not.toHaveAttribute('data-island-failed', 'true');
  expect(await ownedByReact(page, '[data-figure="shot-noise"]')).toBe(true);
  await expect(page.locator('[data-figure="shot-noise"]')).toHaveAttribute('data-ready', 'true', { timeout: 45_000 });
});

test('an Embed disclosure opened before its figure hydrates shows the snippets once it has', async ({ page }) => {
  const problems = watchPage(page);
  // The figure views' chunks are held until the reader has opened the pre-rendered disclosure.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/view-[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/');
  await waitForHydration(page);
  const graphic = page.locator('[data-scrolly="shot-noise"] .scrolly__graphic');
  await page.locator('#shot-noise-step-1').scrollIntoViewIfNeeded();
  await graphic.locator('.fig-embed > summary').click();
  await expect(graphic.locator('.fig-embed')).toHaveAttribute('open', '');
  expect(await ownedByReact(page, '[data-figure="shot-noise"]')).toBe(false);

  release();
  await expect(graphic).toHaveAttribute('data-island-hydrated', 'true');
  await expect(graphic.locator('textarea[data-snippet="Plain iframe"]')).toHaveValue(/\/embed\/shot-noise/);
  expect(problems.list).toEqual([]);
});

test('the first paint needs no JavaScript: its math fonts are preloaded, the entry starts after the paint', async ({
  page,
}) => {
  await page.setViewportSize({ width: 412, height: 823 });
  const stylesheets: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'stylesheet') stylesheets.push(r.url());
  });
  await page.goto('/');
  await waitForHydration(page);
  // The stylesheet is inline; its file is never fetched (not even by the preload scanner), although the
  // first figure views, which list it among their dependencies, have loaded by now.
  expect(stylesheets).toEqual([]);
  const timing = await page.evaluate(() => {
    // The rendering update that painted (`paintTime`). Chromium 150 reports the later moment the frame
    // reached the screen as `startTime` (`presentationTime`); a page can only wait for the former.
    const fcp = performance.getEntriesByName('first-contentful-paint')[0] as
      (PerformanceEntry & { paintTime?: number }) | undefined;
    const paint = fcp ? (fcp.paintTime ?? fcp.startTime) : NaN;
    const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const start = (re: RegExp) => resources.find((r) => re.test(new URL(r.name).pathname))?.startTime ?? NaN;
    return {
      paint,
      entry: start(/\/assets\/index-[\w-]+\.js$/),
      fonts: resources.filter((r) => /KaTeX_.*\.woff2$/.test(r.name)).map((r) => r.initiatorType),
      preloads: Array.from(document.querySelectorAll('link[rel="preload"][as="font"]'), (l) => l.getAttribute('href')),
    };
  });
  expect(timing.paint).toBeGreaterThan(0);
  // Fetched after the first contentful paint, not before or with it.
  expect(timing.entry).toBeGreaterThan(timing.paint);
  // The opening's formulas use KaTeX's main and math-italic faces; both are preloaded by the HTML (initiator
  // "link"), so they are not discovered only after the first layout (initiator "css").
  expect(timing.preloads.map((h) => h?.replace(/^.*\/(KaTeX_\w+-\w+)-.*$/, '$1'))).toEqual([
    'KaTeX_Main-Regular',
    'KaTeX_Math-Italic',
  ]);
  expect(timing.fonts.slice(0, 2)).toEqual(['link', 'link']);
});
