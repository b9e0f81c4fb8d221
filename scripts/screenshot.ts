/**
 * Screenshots of the built site at 1280 and 375 px, light and dark, at a few places in the article
 * (top, the first scrolly section, a footnote popover, the references). Writes PNGs to screenshots/.
 * Needs a running `vite preview` (default http://127.0.0.1:4173; set BASE_URL to change it) and the
 * system Chromium (CHROMIUM_PATH to override).
 *   npx tsx scripts/screenshot.ts
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { chromium, type Page } from '@playwright/test';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:4173';
const out = path.resolve('screenshots');
const widths = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'mobile', width: 375, height: 812 },
];
const themes = ['light', 'dark'] as const;

async function scrollToSelector(page: Page, selector: string, offset = 0): Promise<boolean> {
  return page.evaluate(
    ([sel, off]) => {
      const el = document.querySelector(sel as string);
      if (!el) return false;
      window.scrollTo({ top: el.getBoundingClientRect().top + window.scrollY - (off as number), behavior: 'instant' });
      return true;
    },
    [selector, offset] as const,
  );
}

async function main(): Promise<void> {
  mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
  for (const size of widths) {
    for (const theme of themes) {
      const context = await browser.newContext({
        viewport: { width: size.width, height: size.height },
        colorScheme: theme,
      });
      const page = await context.newPage();
      await page.goto(base, { waitUntil: 'networkidle' });
      const shot = async (name: string) => {
        await page.waitForTimeout(400);
        await page.screenshot({ path: path.join(out, `${size.name}-${theme}-${name}.png`) });
      };
      await shot('top');
      if (await scrollToSelector(page, '[data-scrolly]', -40)) {
        await page.mouse.wheel(0, size.height * 1.5);
        await shot('scrolly');
      }
      if (await scrollToSelector(page, '.pop-footnote', 300)) {
        await page.locator('.pop-footnote .pop-trigger').first().focus();
        await shot('footnote');
      }
      if (await scrollToSelector(page, '#references', 60)) await shot('references');
      if (await scrollToSelector(page, '#cite-this', 60)) await shot('cite-this');
      await context.close();
    }
  }
  await browser.close();
  console.log(`screenshots written to ${out}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
