/**
 * What Lighthouse's SEO category checks, on the three pages `npm run audit` scores (the article, an embed,
 * the presentation): a title and a meta description, indexable, `<html lang>`, crawlable links with
 * descriptive text, a valid robots.txt (not the article's HTML), and no canonical link that is relative
 * or points elsewhere. With SITE_URL the hosting project checks the absolute canonical and og:image.
 */
import { expect, test } from '@playwright/test';
import { waitForHydration } from './helpers';

// Lighthouse's list of link texts that say nothing (core/audits/seo/link-text.js, English).
const VAGUE = new Set([
  'click here',
  'click this',
  'go',
  'here',
  'information',
  'learn more',
  'more',
  'more info',
  'more information',
  'right here',
  'read more',
  'see more',
  'start',
  'this',
  'this page',
  'this link',
]);

test('robots.txt is a robots file, not the article', async ({ request }) => {
  const response = await request.get('/robots.txt');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^text\/plain/);
  const text = await response.text();
  expect(text).toMatch(/^User-agent: \*\nAllow: \/\n/);
  expect(text).not.toContain('<');
});

for (const path of ['/', '/embed/barren-plateau', '/present']) {
  test(`${path}: title, description, indexable, descriptive crawlable links`, async ({ page }) => {
    await page.goto(path);
    await waitForHydration(page);
    expect((await page.title()).length).toBeGreaterThan(10);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    const description = await page.locator('meta[name="description"]').getAttribute('content');
    expect(description?.length ?? 0).toBeGreaterThan(50);
    expect(await page.locator('meta[name="robots"]').count()).toBe(0);
    for (const href of await page
      .locator('link[rel="canonical"]')
      .evaluateAll((ls) => ls.map((l) => l.getAttribute('href') ?? ''))) {
      expect(href).toMatch(/^https?:\/\//);
    }
    await expect(page.locator('meta[property="og:title"]')).toHaveCount(1);
    await expect(page.locator('meta[name="twitter:card"]')).toHaveCount(1);
    const links = await page
      .locator('a[href]')
      .evaluateAll((as) =>
        as.map((a) => ({ href: a.getAttribute('href') ?? '', text: (a.textContent ?? '').trim().toLowerCase() })),
      );
    for (const l of links) {
      expect(l.href, l.text).not.toMatch(/^javascript:/i);
      expect(VAGUE.has(l.text), `vague link text "${l.text}" → ${l.href}`).toBe(false);
    }
  });
}
