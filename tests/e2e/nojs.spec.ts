import { expect, test } from '@playwright/test';
import { expectedSections } from './helpers';

test.use({ javaScriptEnabled: false });

test('without JavaScript the article shows every section heading, its prose, math and figure text', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.locator('h1')).toBeVisible();
  const sections = expectedSections();
  expect(sections.length).toBeGreaterThan(0);
  for (const { id, title } of sections) {
    const section = page.locator(`section#${id}`);
    await expect(section.locator('h2').first()).toHaveText(title);
    await expect(section.locator('h2').first()).toBeVisible();
    // Prose: at least one visible paragraph of real length.
    const lengths = await section
      .locator('p')
      .evaluateAll((ps) =>
        ps.filter((p) => (p as HTMLElement).offsetParent !== null).map((p) => (p.textContent ?? '').length),
      );
    expect(Math.max(0, ...lengths), `prose in #${id}`).toBeGreaterThan(80);
  }
  // Math is typeset at build time.
  expect(await page.locator('.katex').count()).toBeGreaterThan(0);
  await expect(page.locator('.katex').first()).toBeVisible();
  // Every pre-rendered figure carries its text alternative.
  const figures = await page.locator('[data-figure]').count();
  for (let i = 0; i < figures; i += 1) {
    const figure = page.locator('[data-figure]').nth(i);
    expect(
      await figure.locator('[data-figure-alt]').count(),
      `alt text of ${await figure.getAttribute('data-figure')}`,
    ).toBeGreaterThan(0);
  }
  // The bibliography and the contents are plain HTML.
  await expect(page.locator('#references li').first()).toBeVisible();
  await expect(page.locator('nav[aria-label="Contents"] a').first()).toBeVisible();
});

test('without JavaScript the theme follows the system setting', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, colorScheme: 'dark' });
  const page = await context.newPage();
  await page.goto('/');
  const [bg, fg] = await page.evaluate(() => {
    const style = getComputedStyle(document.body);
    return [style.backgroundColor, style.color];
  });
  expect(bg).toBe('rgb(18, 20, 23)');
  expect(fg).toBe('rgb(231, 229, 224)');
  await context.close();
});

test('a footnote is readable without JavaScript on focus', async ({ page }) => {
  await page.goto('/');
  const note = page.locator('.pop-footnote').first();
  await note.locator('.pop-trigger').focus();
  await expect(note.locator('.pop-body')).toBeVisible();
});

test('the 404 page is pre-rendered', async ({ page }) => {
  const response = await page.goto('/404.html');
  expect(response?.status()).toBe(200);
  await expect(page.locator('h1')).toHaveText('Page not found');
  await expect(page.locator('main a[href="/"]')).toBeVisible();
});

// React hydrates a pre-rendered Suspense boundary in a later pass at offscreen priority, and updates made
// by its content's mount effects (URL parameters) then run at idle priority and can starve while a figure
// computes. Pages and figure views are therefore loaded first and rendered in place: no boundary markers.
test('pre-rendered pages hold no Suspense boundary: they hydrate in one pass at normal priority', async ({
  request,
}) => {
  for (const path of ['/', '/embed/barren-plateau', '/embed/section/noise', '/present', '/present/speaker']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const html = await response.text();
    if (!path.startsWith('/present')) expect(html, path).toContain('data-figure=');
    expect(html.match(/<!--\$[?!]?-->/g) ?? [], path).toEqual([]);
  }
});
