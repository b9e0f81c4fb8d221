/**
 * The security headers of `dist/_headers`, applied as response headers by a small server that reads that
 * file (scripts/static-server.ts), exactly as Netlify or Cloudflare Pages would send them. Under that
 * Content-Security-Policy the article (scrolled through, every figure), an embed framed by a page of
 * another origin, and the presentation (through its figure slides) raise no violation: no
 * `securitypolicyviolation` event in any frame and no CSP message in the console. The frame-ancestors
 * rule is checked both ways: embeds frame anywhere, the article nowhere but on its own site.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { expect, test, type BrowserContext } from '@playwright/test';
import { parseHeadersFile } from '../../scripts/hosting';
import { startStaticServer, type StaticServer } from '../../scripts/static-server';
import { FIGURE_CATALOG } from '../../src/figures/catalog';
import { waitForHydration } from './helpers';

const dist = path.resolve(process.env.QML_DIST_DIR ?? 'dist');
let site: StaticServer;
let host: Server;
let hostUrl = '';

test.beforeAll(async () => {
  site = await startStaticServer({ dir: dist });
  // Another origin (localhost, not 127.0.0.1) whose page frames one embed and the article.
  host = createServer((req, res) => {
    const target = new URL(req.url ?? '/', 'http://x').searchParams.get('src') ?? '';
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(
      `<!doctype html><html lang="en"><title>Host</title><iframe id="frame" title="framed page" src="${site.url}${target}" style="width:900px;height:700px"></iframe>`,
    );
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  hostUrl = `http://localhost:${(host.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await site?.close();
  await new Promise<void>((resolve) => (host ? host.close(() => resolve()) : resolve()));
});

/** Records CSP violations in every frame of the context (reported as they happen), and CSP console messages. */
async function recordViolations(context: BrowserContext): Promise<string[]> {
  const seen: string[] = [];
  await context.exposeFunction('__reportCsp', (text: string) => {
    seen.push(text);
  });
  await context.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (e) => {
        const report = (window as unknown as { __reportCsp(text: string): void }).__reportCsp;
        report(
          `${location.pathname}: ${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`,
        );
      },
      true,
    );
  });
  context.on('console', (m) => {
    if (/content security policy|refused to/i.test(m.text())) seen.push(`console.${m.type()}: ${m.text()}`);
  });
  context.on('weberror', (e) => seen.push(`pageerror: ${e.error().message}`));
  return seen;
}

test('the built _headers carry the documented policy', () => {
  const rules = parseHeadersFile(readFileSync(path.join(dist, '_headers'), 'utf8'));
  const csp = (pattern: string) => rules.find((r) => r.pattern === pattern)?.headers['Content-Security-Policy'] ?? '';
  // Three inline scripts: the theme, before the first paint; the one that adds the inlined stylesheet's link,
  // disabled (scripts/inline-css.ts); and the entry's starter (scripts/first-paint.ts).
  expect(csp('/')).toMatch(
    /^default-src 'self'; script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/]{43}='){3}; /,
  );
  expect(csp('/')).toMatch(/frame-ancestors 'self'$/);
  expect(csp('/embed/landscape')).toMatch(/frame-ancestors \*$/);
  expect(csp('/present')).toMatch(/frame-ancestors 'self'$/);
});

test('the article, scrolled through with every figure computed, raises no CSP violation', async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const problems = await recordViolations(context);
  const page = await context.newPage();
  const response = await page.goto(`${site.url}/`);
  expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'self'");
  await waitForHydration(page);
  for (const { id } of FIGURE_CATALOG) {
    const figure = page.locator(`[data-figure="${id}"]`);
    await figure.scrollIntoViewIfNeeded();
    await expect(figure).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
  }
  // And the rest: footnotes, references, "cite this".
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.locator('.pop-trigger').first().hover();
  expect(problems).toEqual([]);
  await context.close();
});

test('an embed framed by another origin works under its policy; the article refuses to be framed', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const problems = await recordViolations(context);
  const page = await context.newPage();
  await page.goto(`${hostUrl}/?src=${encodeURIComponent('/embed/landscape?step=1')}`);
  const frame = page.frameLocator('#frame');
  await expect(frame.locator('html')).toHaveAttribute('data-hydrated', 'true');
  // The landscape draws its heat map through a data: image; its controls and download links work.
  await expect(frame.locator('[data-figure="landscape"]')).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
  await frame.locator('.stepper__next').click();
  await expect(frame.locator('[data-figure="landscape"]')).toHaveAttribute('data-step', '2');
  await expect(frame.locator('[data-figure="landscape"]')).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
  expect(problems).toEqual([]);

  // frame-ancestors 'self' on the article: Chromium blocks the frame and says so.
  const blocked = new Promise<string>((resolve) =>
    context.on('console', (m) => {
      if (/frame-ancestors/.test(m.text())) resolve(m.text());
    }),
  );
  await page.goto(`${hostUrl}/?src=${encodeURIComponent('/')}`);
  expect(await blocked).toMatch(/frame-ancestors 'self'/);
  await context.close();
});

test('the presentation, through its figure slides, raises no CSP violation', async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const problems = await recordViolations(context);
  const page = await context.newPage();
  await page.goto(`${site.url}/present?figure=${FIGURE_CATALOG[0].id}&step=0`);
  await waitForHydration(page);
  const present = page.locator('[data-present]');
  const count = Number(await present.getAttribute('data-slide-count'));
  // One slide per figure, at each figure's last step, where the heaviest work is.
  for (const { id, steps } of FIGURE_CATALOG) {
    await page.goto(`${site.url}/present?figure=${id}&step=${steps.length - 1}`);
    await waitForHydration(page);
    const fig = page.locator(`[data-figure="${id}"]`);
    if ((await fig.count()) > 0) await expect(fig).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
    await page.keyboard.press('ArrowRight');
  }
  expect(count).toBeGreaterThan(FIGURE_CATALOG.length);
  // Speaker view and handout too.
  await page.goto(`${site.url}/present/speaker?slide=2`);
  await waitForHydration(page);
  await page.goto(`${site.url}/present?print`);
  await waitForHydration(page);
  expect(problems).toEqual([]);
  await context.close();
});
