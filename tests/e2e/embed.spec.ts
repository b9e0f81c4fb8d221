/**
 * Embeds: /embed/<figure-id> and /embed/section/<section-id>, the embed.js loader on a plain host page
 * (another origin), auto-height that settles, message filtering, validated parameters, oEmbed, sandboxed
 * frames with storage blocked, no third-party requests or cookies, and axe.
 */
import { expect, test, type Frame, type Page } from '@playwright/test';
import { FIGURE_CATALOG, FIGURE_IDS, SECTION_IDS } from '../../src/figures/catalog';
import { expectedSections, waitForHydration } from './helpers';
import { SITE, describeViolations, runAxe, startHostServer, type HostServer } from './modes-helpers';

let host: HostServer;
test.beforeAll(async () => {
  host = await startHostServer();
});
test.afterAll(async () => {
  await host.close();
});

/** Counts the resize messages each loader-made iframe receives (recorded before the loader runs). */
async function countMessages(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const counts: Record<string, number> = {};
    (window as unknown as { __resizeCounts: Record<string, number> }).__resizeCounts = counts;
    window.addEventListener('message', (e) => {
      const data =
        typeof e.data === 'string'
          ? (() => {
              try {
                return JSON.parse(e.data);
              } catch {
                return null;
              }
            })()
          : e.data;
      if (!data || data.type !== 'qml-embed:resize') return;
      const frame = [...document.querySelectorAll('iframe')].find((f) => f.contentWindow === e.source);
      const key = frame?.parentElement?.id ?? 'other';
      counts[key] = (counts[key] ?? 0) + 1;
    });
  });
}

async function frameFor(page: Page, hostId: string): Promise<Frame> {
  const handle = await page.locator(`#${hostId} iframe`).elementHandle();
  const frame = await handle!.contentFrame();
  if (!frame) throw new Error(`no frame in #${hostId}`);
  return frame;
}

/** Waits until the loader has sized the frame to its content (the height it was sent equals the content's). */
async function settledHeight(page: Page, hostId: string): Promise<number> {
  const iframe = page.locator(`#${hostId} iframe`);
  const frame = await frameFor(page, hostId);
  const content = () =>
    frame.evaluate(() => Math.ceil(document.getElementById('root')!.getBoundingClientRect().height));
  await expect
    .poll(async () => {
      const h = Number(await iframe.getAttribute('data-qml-height'));
      return h > 0 && Math.abs(h - (await content())) <= 2;
    })
    .toBe(true);
  return Number(await iframe.getAttribute('data-qml-height'));
}

/**
 * Lets the frame run `animationFrames` more animation frames (its ResizeObserver reports within them) and
 * waits until a message it posts after them reaches the host, so every resize message posted before has arrived.
 */
async function flushFrame(page: Page, frame: Frame, animationFrames = 3): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __flushed: boolean };
    w.__flushed = false;
    addEventListener('message', (e) => {
      if (e.data === 'qml-test:flush') w.__flushed = true;
    });
  });
  await frame.evaluate(
    (left) =>
      new Promise<void>((resolve) => {
        const tick = (n: number) => {
          if (n > 0) return void requestAnimationFrame(() => tick(n - 1));
          parent.postMessage('qml-test:flush', '*');
          resolve();
        };
        tick(left);
      }),
    animationFrames,
  );
  await page.waitForFunction(() => (window as unknown as { __flushed: boolean }).__flushed);
}

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 375, height: 740 },
]) {
  test(`two embeds on a host page settle to their content height (${viewport.width} px)`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.setViewportSize(viewport);
    await countMessages(page);
    await page.goto(`${host.url}/two-embeds.html`);
    // The loader makes titled, lazy iframes pointing at the site's own embed pages.
    const first = page.locator('#first iframe');
    await expect(first).toHaveAttribute('src', `${SITE}/embed/shot-noise?step=2`);
    await expect(first).toHaveAttribute('loading', 'lazy');
    await expect(first).toHaveAttribute('title', /\S/);
    await expect(page.locator('#second iframe')).toHaveAttribute('src', `${SITE}/embed/section/noise?theme=light`);

    const firstFrame = await frameFor(page, 'first');
    await expect(firstFrame.locator('[data-stepper="shot-noise"]')).toHaveAttribute('data-active-step', '2');
    await expect(firstFrame.locator('[data-figure="shot-noise"]')).toHaveAttribute('data-ready', 'true');
    const h1 = await settledHeight(page, 'first');
    const content1 = await firstFrame.evaluate(() =>
      Math.ceil(document.getElementById('root')!.getBoundingClientRect().height),
    );
    expect(Math.abs(h1 - content1)).toBeLessThanOrEqual(2);
    // The frame's box really is that tall, and nothing inside scrolls.
    expect(Math.round((await first.boundingBox())!.height)).toBe(h1);
    expect(await firstFrame.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight + 1)).toBe(true);

    await page.locator('#second').scrollIntoViewIfNeeded();
    const secondFrame = await frameFor(page, 'second');
    await expect(secondFrame.locator('[data-stepper="noise-vs-depth"]')).toBeVisible({ timeout: 30_000 });
    // The section's figures grow a little when their data arrives (legends, notes): measure after that.
    // Each figure's stepper hydrates (and computes) when it nears the host page's viewport: bring it there.
    const figures = secondFrame.locator('[data-figure]');
    // A figure computes when it nears the reader's viewport (the host page's, not the frame's own).
    for (let i = 0; i < (await figures.count()); i += 1) {
      await figures.nth(i).scrollIntoViewIfNeeded();
      await expect(figures.nth(i)).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
    }
    const h2 = await settledHeight(page, 'second');
    const content2 = await secondFrame.evaluate(() =>
      Math.ceil(document.getElementById('root')!.getBoundingClientRect().height),
    );
    expect(Math.abs(h2 - content2)).toBeLessThanOrEqual(2);
    expect(await secondFrame.evaluate(() => document.documentElement.dataset.theme)).toBe('light');

    // Settled within a few messages: no feedback loop between the frame's height and its content.
    const counts = await page.evaluate(
      () => (window as unknown as { __resizeCounts: Record<string, number> }).__resizeCounts,
    );
    expect(counts.first).toBeGreaterThan(0);
    expect(counts.first).toBeLessThan(12);
    expect(counts.second).toBeLessThan(25);
    const before = counts.first;
    // Chrome runs no animation frames in a frame scrolled out of view: bring the first one back first.
    await page.locator('#first').scrollIntoViewIfNeeded();
    await flushFrame(page, firstFrame);
    await flushFrame(page, firstFrame);
    const after = await page.evaluate(
      () => (window as unknown as { __resizeCounts: Record<string, number> }).__resizeCounts.first,
    );
    expect(after).toBe(before);

    // Stepping changes the content, and the frame follows.
    await firstFrame.locator('.stepper__next').click();
    await expect(firstFrame.locator('[data-stepper="shot-noise"]')).toHaveAttribute('data-active-step', '3');
    const h3 = await settledHeight(page, 'first');
    const content3 = await firstFrame.evaluate(() =>
      Math.ceil(document.getElementById('root')!.getBoundingClientRect().height),
    );
    expect(Math.abs(h3 - content3)).toBeLessThanOrEqual(2);
  });
}

test('the loader ignores height messages from frames it did not create', async ({ page }) => {
  await page.goto(`${host.url}/two-embeds.html`);
  const first = page.locator('#first iframe');
  await expect(first).toHaveAttribute('data-qml-height', /\d+/, { timeout: 30_000 });
  const height = await settledHeight(page, 'first');
  // 1) an unrelated same-page frame, 2) the host page itself, 3) a frame of the embed site the loader
  // did not make — all post well-formed resize messages.
  await page.evaluate(async (site) => {
    const hostile = document.getElementById('hostile') as HTMLIFrameElement;
    (hostile.contentWindow as unknown as { eval(code: string): void }).eval(
      'parent.postMessage({type:"qml-embed:resize",height:4321},"*")',
    );
    (hostile.contentWindow as Window).parent.postMessage({ type: 'qml-embed:resize', height: 4321 }, '*');
    window.postMessage({ type: 'qml-embed:resize', height: 4321 }, '*');
    window.postMessage(JSON.stringify({ context: 'iframe.resize', height: 4321 }), '*');
    const stray = document.createElement('iframe');
    stray.id = 'stray';
    stray.src = `${site}/embed/landscape`;
    stray.style.height = '150px';
    document.body.appendChild(stray);
    await new Promise((r) => stray.addEventListener('load', r, { once: true }));
    // Messages to this window arrive in order: once this one is here, the ones posted above were handled.
    await new Promise<void>((resolve) => {
      addEventListener('message', (e) => e.data === 'qml-test:sync' && resolve());
      window.postMessage('qml-test:sync', '*');
    });
  }, SITE);
  // Once the stray frame has hydrated, whatever it posted before a message it sends now has arrived. (Its
  // height goes out on an animation frame, which Chromium may hold back for a frame it does not paint.)
  const stray = await (await page.locator('#stray').elementHandle())!.contentFrame();
  await expect(stray!.locator('html')).toHaveAttribute('data-hydrated', 'true');
  await flushFrame(page, stray!, 0);
  expect(await first.getAttribute('data-qml-height')).toBe(String(height));
  expect(Math.round((await first.boundingBox())!.height)).toBe(height);
  expect(await page.locator('#stray').evaluate((f) => (f as HTMLElement).style.height)).toBe('150px');
});

test('every figure id has a working embed', async ({ page }) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  for (const entry of FIGURE_CATALOG) {
    const id = entry.id;
    await page.goto(`/embed/${id}`);
    await waitForHydration(page);
    const stepper = page.locator(`[data-stepper="${id}"]`);
    await expect(stepper, id).toHaveAttribute('data-active-step', '0');
    await expect(page.locator('.stepper__dot'), id).toHaveCount(entry.steps.length);
    await expect(page.locator('.stepper__label')).toContainText(entry.steps[0]);
    const text0 = await page.locator('.stepper__text').innerText();
    expect(text0.length, `${id} step text`).toBeGreaterThan(60);
    // Next button, then the arrow key, move the step; the figure (when it has a view) follows.
    await page.locator('.stepper__next').click();
    await expect(stepper).toHaveAttribute('data-active-step', '1');
    expect(new URL(page.url()).searchParams.get('step')).toBe('1');
    await page.locator('.stepper__next').focus();
    await page.keyboard.press('ArrowLeft');
    await expect(stepper).toHaveAttribute('data-active-step', '0');
    const figure = page.locator(`[data-figure="${id}"]`);
    if ((await figure.count()) > 0) {
      await expect(figure).toHaveAttribute('data-step', '0');
      await expect(figure.locator('[data-figure-alt]')).toHaveCount(1);
    } else {
      // No view yet: text only, never a placeholder graphic.
      expect(await page.locator('.stepper svg, .stepper canvas, .stepper img').count()).toBe(0);
    }
    // The link back to the article at this step, and oEmbed discovery.
    await expect(page.locator('.stepper__article a')).toHaveAttribute('href', `/#${id}-step-0`);
    const oembed = await page.locator('link[rel="alternate"][type="application/json+oembed"]').getAttribute('href');
    expect(oembed).toBe(`/oembed/${id}.json`);
  }
  expect(errors).toEqual([]);
});

test('every section has a working embed with one stepper per figure', async ({ page }) => {
  test.setTimeout(120_000);
  const titles = Object.fromEntries(expectedSections().map((s) => [s.id, s.title]));
  for (const id of SECTION_IDS) {
    await page.goto(`/embed/section/${id}`);
    await waitForHydration(page);
    await expect(page.locator('h2').first()).toHaveText(titles[id]);
    const figures = FIGURE_CATALOG.filter((f) => f.section === id);
    await expect(page.locator('[data-stepper]'), id).toHaveCount(figures.length);
    expect(await page.locator('link[rel="alternate"][type="application/json+oembed"]').getAttribute('href')).toBe(
      `/oembed/section/${id}.json`,
    );
  }
});

test('oEmbed documents describe each embed as a rich iframe', async ({ request }) => {
  for (const id of FIGURE_IDS) {
    const doc = await (await request.get(`/oembed/${id}.json`)).json();
    expect(doc.version).toBe('1.0');
    expect(doc.type).toBe('rich');
    expect(doc.title).toBe(FIGURE_CATALOG.find((f) => f.id === id)!.title);
    expect(doc.html).toMatch(new RegExp(`<iframe src="[^"]*/embed/${id}"[^>]* title="`));
    expect(doc.width).toBeGreaterThan(0);
    expect(doc.height).toBeGreaterThan(0);
  }
  for (const id of SECTION_IDS) {
    const doc = await (await request.get(`/oembed/section/${id}.json`)).json();
    expect(doc.html).toContain(`/embed/section/${id}`);
  }
});

test('invalid query parameters fall back to defaults with a visible note', async ({ page }) => {
  await page.goto('/embed/shot-noise?step=99&theme=purple&shot-noise.shots=banana');
  await waitForHydration(page);
  const note = page.locator('[data-embed-issues]');
  await expect(note).toBeVisible();
  await expect(note).toContainText('step = “99”');
  await expect(note).toContainText('theme = “purple”');
  await expect(page.locator('[data-stepper="shot-noise"]')).toHaveAttribute('data-active-step', '0');
  // Figure parameters are validated by the figure's own spec (the shell shows its note).
  await expect(page.locator('.fig__issues')).toContainText('banana');
  // A valid combination shows no note.
  await page.goto('/embed/shot-noise?step=4&theme=dark');
  await waitForHydration(page);
  await expect(page.locator('[data-stepper="shot-noise"]')).toHaveAttribute('data-active-step', '4');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('[data-embed-issues]')).toHaveCount(0);
});

test('embeds work sandboxed with storage blocked, make no third-party requests and set no cookies', async ({
  browser,
}) => {
  const context = await browser.newContext();
  // Storage blocked, as in browsers that partition or deny third-party storage.
  await context.addInitScript(() => {
    const deny = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    for (const name of ['localStorage', 'sessionStorage', 'indexedDB']) {
      try {
        Object.defineProperty(window, name, { get: deny, configurable: true });
      } catch {
        /* ignore */
      }
    }
    try {
      Object.defineProperty(Document.prototype, 'cookie', { get: () => '', set: deny, configurable: true });
    } catch {
      /* ignore */
    }
  });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${host.url}/sandboxed.html`);
  const scripted = await (await page.locator('#scripted').elementHandle())!.contentFrame();
  await expect(scripted!.locator('[data-stepper="shot-noise"]')).toHaveAttribute('data-active-step', '1');
  await expect(scripted!.locator('[data-figure="shot-noise"]')).toHaveAttribute('data-ready', 'true');
  await scripted!.locator('.stepper__next').click();
  await expect(scripted!.locator('[data-stepper="shot-noise"]')).toHaveAttribute('data-active-step', '2');
  // Without scripts the pre-rendered step, caption and text alternative are there.
  const inert = await (await page.locator('#static').elementHandle())!.contentFrame();
  await expect(inert!.locator('.stepper__text')).toContainText(/\w{4,}/);
  expect(await inert!.locator('[data-figure-alt]').count()).toBe(1);
  expect(errors).toEqual([]);
  const foreign = requests.filter(
    (u) => !u.startsWith(SITE) && !u.startsWith(host.url) && !u.startsWith('data:') && !u.startsWith('blob:'),
  );
  expect(foreign).toEqual([]);
  expect(await context.cookies()).toEqual([]);
  await context.close();
});

test('the article offers an Embed control with the current step and parameters', async ({ page }) => {
  await page.goto('/?shot-noise.seed=7#shot-noise-step-2');
  await waitForHydration(page);
  const fig = page.locator('[data-figure="shot-noise"]');
  await expect(fig).toHaveAttribute('data-step', '2');
  await fig.locator('.fig-embed > summary').click();
  const loader = fig.locator('textarea[data-snippet^="Loader"]');
  await expect(loader).toHaveValue(/data-qml-embed="shot-noise" data-step="2"/);
  await expect(loader).toHaveValue(/embed\.js/);
  const iframe = fig.locator('textarea[data-snippet="Plain iframe"]');
  await expect(iframe).toHaveValue(new RegExp(`src="${SITE.replace(/\./g, '\\.')}/embed/shot-noise\\?step=2`));
  await expect(iframe).toHaveValue(/shot-noise\.seed=7/);
  await expect(loader).toHaveValue(/data-params="shot-noise\.seed=7"/);
  await expect(fig.locator('a.fig-present')).toHaveAttribute('href', '/present?figure=shot-noise&step=2');
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe: no violations on a figure embed and a section embed (${theme})`, async ({ browser }) => {
    test.setTimeout(90_000);
    const context = await browser.newContext({ colorScheme: theme });
    const page = await context.newPage();
    for (const path of ['/embed/shot-noise?step=4', '/embed/section/opening', '/embed/error-correction']) {
      await page.goto(path);
      await waitForHydration(page);
      await expect(page.locator('[data-stepper]').first()).toBeVisible();
      const violations = await runAxe(page);
      expect(violations, `${path}\n${describeViolations(violations)}`).toEqual([]);
    }
    await context.close();
  });
}
