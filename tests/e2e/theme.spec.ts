import { expect, test, type Page } from '@playwright/test';
import { waitForHydration } from './helpers';

/** Blocks the JavaScript bundle so only the inline <head> script can have set the theme. */
async function withoutBundle(page: Page): Promise<void> {
  await page.route(/\/assets\/.*\.js$/, (route) => route.abort());
}

const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

for (const scheme of ['light', 'dark'] as const) {
  test(`before any bundle runs, the theme follows prefers-color-scheme: ${scheme}`, async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: scheme });
    const page = await context.newPage();
    await withoutBundle(page);
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
    await expect(page.locator('html')).not.toHaveAttribute('data-hydrated', 'true');
    await context.close();
  });
}

test('the toggle switches the theme and the choice survives a reload with no flash', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'light' });
  const page = await context.newPage();
  await page.goto('/');
  await waitForHydration(page);
  const toggle = page.locator('.theme-toggle');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  const lightBg = await background(page);
  await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  expect(await background(page)).not.toBe(lightBg);
  expect(await page.evaluate(() => localStorage.getItem('qml-theme'))).toBe('dark');

  // Reload with the bundle blocked: the inline script alone must restore the choice before first paint.
  await withoutBundle(page);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await background(page)).not.toBe(lightBg);
  await page.unroute(/\/assets\/.*\.js$/);

  // And with the bundle: hydration keeps it, the toggle reflects it.
  await page.reload();
  await waitForHydration(page);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(await page.evaluate(() => localStorage.getItem('qml-theme'))).toBe('light');
  await context.close();
});

test('the first paint already has the theme: the attribute is set before the body is parsed', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'dark' });
  const page = await context.newPage();
  // Record data-theme at the moment the parser inserts <body>, before any content can be painted.
  await page.addInitScript(() => {
    const record = (value: string | null) => {
      (window as unknown as { themeAtParse?: string | null }).themeAtParse = value;
    };
    const observer = new MutationObserver(() => {
      if (document.body) {
        record(document.documentElement.getAttribute('data-theme'));
        observer.disconnect();
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  await page.goto('/');
  expect(await page.evaluate(() => (window as unknown as { themeAtParse: string | null }).themeAtParse)).toBe('dark');
  await context.close();
});
