import { expect, test } from '@playwright/test';
import { scrollThrough, scrollToId, waitForHydration, watchPage } from './helpers';

const viewports = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'mobile', width: 375, height: 812 },
];

for (const viewport of viewports) {
  test(`read-through at ${viewport.width}×${viewport.height}: no console warning or error, no failed or third-party request`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await page.setViewportSize(viewport);
    const problems = watchPage(page);
    await page.goto('/');
    await waitForHydration(page);
    const steps = await scrollThrough(page);
    expect(steps).toBeGreaterThan(10);
    // Every figure scrolled past has computed its data.
    const figures = page.locator('[data-figure]');
    const count = await figures.count();
    for (let i = 0; i < count; i += 1) {
      await expect(figures.nth(i), `figure ${await figures.nth(i).getAttribute('data-figure')}`).toHaveAttribute(
        'data-ready',
        'true',
        {
          timeout: 60_000,
        },
      );
    }
    await page.waitForLoadState('networkidle');
    expect(problems.list).toEqual([]);
  });
}

test('citation popover opens on hover and focus, closes on Escape; its link reaches the bibliography and back', async ({
  page,
}) => {
  const problems = watchPage(page);
  await page.goto('/');
  await waitForHydration(page);
  const cite = page.locator('.pop-cite').first();
  const trigger = cite.locator('.pop-trigger');
  const body = cite.locator('.pop-body');
  await trigger.scrollIntoViewIfNeeded();
  await expect(body).toBeHidden();
  await trigger.hover();
  await expect(body).toBeVisible();
  await expect(body).toHaveAttribute('role', 'tooltip');
  await expect(trigger).toHaveAttribute('aria-describedby', (await body.getAttribute('id'))!);
  await page.mouse.move(5, 400);
  await expect(body).toBeHidden();
  await trigger.focus();
  await expect(body).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(body).toBeHidden();
  // The number in the text is the position in the bibliography.
  const label = (await trigger.innerText()).replace(/\s+/g, ' ');
  const n = Number(/\[(\d+)/.exec(label)?.[1]);
  expect(n).toBe(1);
  const href = await trigger.getAttribute('href');
  await trigger.click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  const entry = page.locator(href!);
  await expect(entry).toBeInViewport();
  await expect(page.locator('.bibliography-list > li').first()).toHaveAttribute('id', href!.slice(1));
  const back = entry.locator('.ref-backlinks a').first();
  const backHref = await back.getAttribute('href');
  expect(backHref).toBe(`#${await trigger.getAttribute('id')}`);
  await back.click();
  await expect(trigger).toBeInViewport();
  expect(problems.list).toEqual([]);
});

test('every in-text citation number matches its bibliography entry', async ({ page }) => {
  await page.goto('/');
  const pairs = await page.$$eval('.pop-cite .pop-trigger', (links) =>
    links.map((a) => {
      const target = document.querySelector<HTMLLIElement>((a as HTMLAnchorElement).getAttribute('href')!);
      return { text: a.textContent ?? '', value: target?.value ?? -1 };
    }),
  );
  expect(pairs.length).toBeGreaterThan(5);
  for (const { text, value } of pairs) expect(text).toContain(`[${value}`);
});

test.describe('on a touch screen', () => {
  test.use({ hasTouch: true, isMobile: true, viewport: { width: 375, height: 812 } });
  test('a footnote opens on tap and closes on an outside tap', async ({ page }) => {
    await page.goto('/');
    await waitForHydration(page);
    const note = page.locator('.pop-footnote').first();
    const trigger = note.locator('.pop-trigger');
    const body = note.locator('.pop-body');
    await trigger.scrollIntoViewIfNeeded();
    await expect(body).toBeHidden();
    await trigger.tap();
    await expect(body).toBeVisible();
    await page.touchscreen.tap(10, 300);
    await expect(body).toBeHidden();
  });

  test('a citation opens on the first tap and follows its link on the second', async ({ page }) => {
    await page.goto('/');
    await waitForHydration(page);
    await scrollToId(page, 'noise', 0);
    const cite = page.locator('#noise .pop-cite').first();
    const trigger = cite.locator('.pop-trigger');
    await trigger.scrollIntoViewIfNeeded();
    await trigger.tap();
    await expect(cite.locator('.pop-body')).toBeVisible();
    const href = await trigger.getAttribute('href');
    await trigger.tap();
    await expect(page).toHaveURL(new RegExp(`${href}$`));
  });
});

test('the "Cite this article" block copies its BibTeX', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await waitForHydration(page);
  const block = page.locator('#cite-this');
  await expect(block.locator('code')).toContainText('@misc{');
  await block.getByRole('button', { name: 'Copy BibTeX' }).click();
  await expect(block.getByRole('status')).toHaveText(/copied/);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await block.locator('code').innerText());
});
