import { expect, test, type Page } from '@playwright/test';
import { expectedSections, scrollToId, waitForHydration } from './helpers';

for (const width of [320, 375, 1280, 2560]) {
  test(`no horizontal overflow at ${width}px, at the top and in every section`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width, height: 800 });
    await page.goto('/');
    await waitForHydration(page);
    const overflow = () =>
      page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    for (const { id } of expectedSections()) {
      await scrollToId(page, id);
      // Measure once every island on screen has hydrated (a figure draws its live view then).
      await expect
        .poll(() =>
          page.evaluate(
            () =>
              [...document.querySelectorAll<HTMLElement>('[data-island]')].filter((el) => {
                const r = el.getBoundingClientRect();
                return r.bottom > 0 && r.top < innerHeight && el.dataset.islandHydrated !== 'true';
              }).length,
          ),
        )
        .toBe(0);
      expect(await overflow(), `overflow in #${id}`).toBeLessThanOrEqual(0);
    }
    await scrollToId(page, 'references');
    expect(await overflow()).toBeLessThanOrEqual(0);
  });
}

test('no sticky element has a clipping or scrolling ancestor', async ({ page }) => {
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('/');
    await waitForHydration(page);
    const offenders = await page.evaluate(() => {
      const found: string[] = [];
      for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
        if (getComputedStyle(el).position !== 'sticky') continue;
        for (let a = el.parentElement; a && a !== document.documentElement; a = a.parentElement) {
          const s = getComputedStyle(a);
          if ([s.overflowX, s.overflowY].some((o) => o === 'hidden' || o === 'auto' || o === 'scroll')) {
            found.push(
              `${el.className} inside ${a.tagName.toLowerCase()}.${a.className} (overflow ${s.overflowX}/${s.overflowY})`,
            );
          }
        }
      }
      return found;
    });
    expect(offenders).toEqual([]);
  }
});

test('the reading measure is about 65–72 characters per line', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  const perLine = await page.evaluate(() => {
    // Longest plain paragraphs of the first section; characters per rendered line.
    const paragraphs = Array.from(document.querySelectorAll<HTMLParagraphElement>('.article-section > p'))
      .filter((p) => !p.querySelector('.katex, .pop'))
      .sort((a, b) => (b.textContent ?? '').length - (a.textContent ?? '').length)
      .slice(0, 5);
    return paragraphs.map((p) => {
      const lineHeight = parseFloat(getComputedStyle(p).lineHeight);
      const lines = Math.round(p.getBoundingClientRect().height / lineHeight);
      return (p.textContent ?? '').length / Math.max(1, lines - 0.5);
    });
  });
  expect(perLine.length).toBeGreaterThan(0);
  const mean = perLine.reduce((a, b) => a + b, 0) / perLine.length;
  expect(mean).toBeGreaterThan(60);
  expect(mean).toBeLessThan(78);
});

test('the table of contents marks the section being read', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  await waitForHydration(page);
  const sections = expectedSections();
  for (const { id } of [sections[1], sections[sections.length - 1], sections[0]]) {
    await scrollToId(page, id, 40);
    await expect(page.locator(`nav[aria-label="Contents"] a[data-section="${id}"]`)).toHaveAttribute(
      'aria-current',
      'location',
    );
    await expect(page.locator('nav[aria-label="Contents"] a[aria-current]')).toHaveCount(1);
  }
  // The collapsed menu shows the current section's title beside "Contents".
  await expect(page.locator('.toc-toggle-current')).toHaveText(sections[0].title);
});

test('the contents menu opens, jumps to a section and closes (narrow screen)', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto('/');
  await waitForHydration(page);
  const toggle = page.locator('.toc-toggle');
  const list = page.locator('#toc-list');
  await expect(list).toBeHidden();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(list).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(list).toBeHidden();
  await expect(toggle).toBeFocused();
  await toggle.click();
  const target = expectedSections()[2];
  await list.locator(`a[data-section="${target.id}"]`).click();
  await expect(list).toBeHidden();
  await expect(page.locator(`#${target.id} h2`)).toBeInViewport();
  await expect(page.locator(`nav[aria-label="Contents"] a[data-section="${target.id}"]`)).toHaveAttribute(
    'aria-current',
    'location',
  );
});

test('wide screens show the contents beside the article', async ({ page }) => {
  await page.setViewportSize({ width: 2560, height: 1200 });
  await page.goto('/');
  await waitForHydration(page);
  await expect(page.locator('.toc-toggle')).toBeHidden();
  await expect(page.locator('#toc-list')).toBeVisible();
  const box = await page.locator('#toc-list').boundingBox();
  const article = await page.locator('.article-header').boundingBox();
  expect(box!.x + box!.width).toBeLessThan(article!.x);
});

test('the skip link is the first tab stop and moves focus to the main content', async ({ page }) => {
  await page.goto('/');
  await waitForHydration(page);
  await page.keyboard.press('Tab');
  const skip = page.locator('.skip-link');
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();
  // The next Tab continues inside the article, not back in the header.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
});

test('the reading progress bar tracks the scroll position', async ({ page }) => {
  await page.goto('/');
  await waitForHydration(page);
  const scale = () =>
    page.locator('.reading-progress-bar').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a);
  expect(await scale()).toBeLessThan(0.01);
  await scrollToId(page, expectedSections()[3].id);
  await expect.poll(scale).toBeGreaterThan(0.2);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect.poll(scale).toBeGreaterThan(0.99);
});

// A chart's pre-rendered box is laid out for a width the server guesses; hydration redraws it at the measured
// width. The box's height must already be the final one, or everything below it moves (layout shift).
for (const width of [412, 1280]) {
  test(`charts keep their pre-rendered height when their figure hydrates (${width} px)`, async ({ browser }) => {
    test.setTimeout(120_000);
    const viewport = { width, height: 800 };
    const figures = ['barren-plateau', 'noise-vs-depth', 'error-correction'];
    const chartHeights = (page: Page, figure: string) =>
      page.evaluate(
        (id) =>
          [...document.querySelectorAll(`[data-figure="${id}"] svg[role="img"]`)].map(
            (svg) => Math.round(svg.getBoundingClientRect().height * 10) / 10,
          ),
        figure,
      );
    const staticPage = await (await browser.newContext({ javaScriptEnabled: false, viewport })).newPage();
    await staticPage.goto('/');
    const live = await (await browser.newContext({ viewport })).newPage();
    await live.goto('/');
    await waitForHydration(live);
    for (const figure of figures) {
      const before = await chartHeights(staticPage, figure);
      expect(before.length, figure).toBeGreaterThan(0);
      const host = live.locator(`[data-figure="${figure}"]`).first();
      await host.scrollIntoViewIfNeeded();
      await expect(host).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
      const after = await chartHeights(live, figure);
      expect(after.length, figure).toBe(before.length);
      after.forEach((h, i) =>
        expect(Math.abs(h - before[i]), `${figure} chart ${i}: ${before[i]} → ${h} px`).toBeLessThanOrEqual(1),
      );
    }
  });
}
