/**
 * Renders the social preview image (public/og-image.png, 1200×630) from a real figure of the built site:
 * the barren-plateau embed at its "halving per qubit" step, computed by the simulator in a worker, in the
 * light theme. Its alt text is the figure's own text alternative at that step, written with the size to
 * src/pages/og-image.json (the <head> tags read it).
 *   npm run build && npm run og-image
 * Needs the system Chromium (CHROMIUM_PATH to override).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { chromium } from '@playwright/test';
import { startStaticServer } from './static-server';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.resolve(root, process.env.QML_DIST_DIR ?? 'dist');
const FIGURE = 'barren-plateau';
const STEP = 2;
const WIDTH = 1200;
const HEIGHT = 630;

async function main(): Promise<void> {
  // Served without SITE_URL's base path: build without SITE_URL (or at the root of its origin).
  // Without the CSP: the screenshot hides the page's controls with an injected style sheet.
  const server = await startStaticServer({ dir: dist, headers: false });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
  try {
    const context = await browser.newContext({
      viewport: { width: WIDTH, height: HEIGHT },
      deviceScaleFactor: 1,
      colorScheme: 'light',
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/embed/${FIGURE}?step=${STEP}&theme=light`);
    const figure = page.locator(`[data-figure="${FIGURE}"]`);
    await figure.waitFor();
    await page.waitForFunction(
      (id) => {
        const el = document.querySelector(`[data-figure="${id}"]`);
        return el?.getAttribute('data-ready') === 'true';
      },
      FIGURE,
      { timeout: 120_000 },
    );
    const title = (await figure.locator('.fig__title').first().textContent())?.trim() ?? FIGURE;
    const alt = (
      await figure
        .locator('[data-figure-alt]')
        .first()
        .evaluate((el) => {
          // The sentence of the text alternative, not its data table.
          const p = el.querySelector('p');
          return (p ?? el).textContent ?? '';
        })
    )
      .replace(/\s+/g, ' ')
      .trim();
    // Only the figure (title, caption, graphic), centred on the page colour, filling the card.
    await page.addStyleTag({
      content: `
      body > *:not(#root), .embed__attribution, .stepper__text, .stepper__controls, .stepper__article, .fig__tools, .fig__disclosure, .fig-embed { display: none !important; }
    `,
    });
    // Scale the whole figure into the card (CSS zoom keeps text crisp), then put it at the top.
    const tall = (await figure.boundingBox())?.height ?? HEIGHT;
    if (tall > HEIGHT - 32)
      await page.evaluate(
        (z) => {
          document.documentElement.style.zoom = String(z);
        },
        (HEIGHT - 32) / tall,
      );
    await figure.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    const box = await figure.boundingBox();
    if (!box) throw new Error('the figure has no box');
    await page.screenshot({
      path: path.join(root, 'public', 'og-image.png'),
      clip: { x: 0, y: Math.max(0, box.y - 16), width: WIDTH, height: HEIGHT },
    });
    const description = { file: 'og-image.png', width: WIDTH, height: HEIGHT, alt: `${title}: ${alt}` };
    writeFileSync(path.join(root, 'src', 'pages', 'og-image.json'), `${JSON.stringify(description, null, 2)}\n`);
    console.log(`public/og-image.png (${WIDTH}×${HEIGHT}) from /embed/${FIGURE}?step=${STEP}: ${description.alt}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
