/**
 * Presentation mode: keys (clickers' PageUp/PageDown too) move slides and the URL tracks them; reload
 * returns to the slide; blackout, overview; the speaker view (a second page) stays in sync both ways
 * and shows the step's <Notes>; figures stay interactive; ?print lays out every step as a frame; axe.
 */
import { expect, test, type Page } from '@playwright/test';
import { FIGURE_CATALOG } from '../../src/figures/catalog';
import { waitForHydration } from './helpers';
import { describeViolations, runAxe } from './modes-helpers';

const STEP_SLIDES = FIGURE_CATALOG.reduce((n, f) => n + f.steps.length, 0);

const slideIndex = (page: Page) => page.locator('[data-present]').getAttribute('data-slide-index').then(Number);
const urlSlide = (page: Page) => new URL(page.url()).searchParams.get('slide');

async function expectSlide(page: Page, n1: number) {
  await expect(page.locator('[data-present]')).toHaveAttribute('data-slide-index', String(n1 - 1));
  await expect.poll(() => urlSlide(page)).toBe(String(n1));
  await expect(page.locator('[data-present-count]')).toHaveText(new RegExp(`^${n1} / \\d+$`));
}

test('keys move the slides, the URL tracks them and a reload returns to the slide', async ({ page }) => {
  await page.goto('/present?slide=3');
  await waitForHydration(page);
  await expectSlide(page, 3);
  const count = Number(await page.locator('[data-present]').getAttribute('data-slide-count'));
  expect(count).toBeGreaterThanOrEqual(STEP_SLIDES);
  await page.keyboard.press('ArrowRight');
  await expectSlide(page, 4);
  await page.keyboard.press('PageDown');
  await expectSlide(page, 5);
  await page.keyboard.press(' ');
  await expectSlide(page, 6);
  await page.keyboard.press('ArrowLeft');
  await expectSlide(page, 5);
  await page.keyboard.press('PageUp');
  await expectSlide(page, 4);
  await page.keyboard.press('Shift+ ');
  await expectSlide(page, 3);
  await page.keyboard.press('End');
  await expectSlide(page, count);
  await page.keyboard.press('ArrowRight');
  await expectSlide(page, count);
  await page.keyboard.press('Home');
  await expectSlide(page, 1);
  await page.keyboard.press('ArrowLeft');
  await expectSlide(page, 1);
  for (let i = 0; i < 9; i += 1) await page.keyboard.press('PageDown');
  await expectSlide(page, 10);
  await page.reload();
  await waitForHydration(page);
  await expectSlide(page, 10);
  expect(await slideIndex(page)).toBe(9);
});

test('the first slide paints from the HTML alone: the stylesheet is inline, the entry starts after the paint', async ({
  page,
}) => {
  const stylesheets: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'stylesheet') stylesheets.push(r.url());
  });
  await page.goto('/present');
  await waitForHydration(page);
  const timing = await page.evaluate(() => {
    // The rendering update that painted (`paintTime`), not the later `presentationTime` Chromium 150 puts in
    // `startTime`: the page can only wait for the former.
    const fcp = performance.getEntriesByName('first-contentful-paint')[0] as
      (PerformanceEntry & { paintTime?: number }) | undefined;
    const entry = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((r) =>
      /\/assets\/index-[\w-]+\.js$/.test(new URL(r.name).pathname),
    );
    return { paint: fcp ? (fcp.paintTime ?? fcp.startTime) : NaN, entry: entry?.startTime ?? NaN };
  });
  expect(timing.paint).toBeGreaterThan(0);
  expect(timing.entry).toBeGreaterThan(timing.paint);
  expect(stylesheets).toEqual([]);
  // The site's slide type (clamped to 4rem at 1280 px), not the browser's default 2em for a heading.
  await expect(page.locator('.slide__big')).toHaveCSS('font-size', '64px');
});

test('every step is a slide with its text at classroom size beside the live figure', async ({ page }) => {
  await page.goto('/present?figure=shot-noise&step=2');
  await waitForHydration(page);
  const slide = page.locator('.slide--step');
  await expect(slide).toHaveAttribute('data-scrolly', 'shot-noise');
  await expect(slide).toHaveAttribute('data-active-step', '2');
  await expect.poll(() => urlSlide(page)).toMatch(/^\d+$/);
  const fontSize = await page
    .locator('.slide__prose p')
    .first()
    .evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
  expect(fontSize).toBeGreaterThanOrEqual(20);
  await expect(page.locator('[data-figure="shot-noise"]')).toHaveAttribute('data-step', '2');
  await expect(page.locator('[data-figure="shot-noise"]')).toHaveAttribute('data-ready', 'true');
  // Notes stay out of the slide.
  expect(await page.locator('.slide [data-notes]').count()).toBe(0);
  // Slides of figures without a view show their text only.
  const ids = FIGURE_CATALOG.map((f) => f.id);
  for (const id of ids) {
    await page.goto(`/present?figure=${id}&step=0`);
    await waitForHydration(page);
    await expect(page.locator('.slide--step')).toHaveAttribute('data-scrolly', id);
    expect((await page.locator('.slide__prose').innerText()).length, id).toBeGreaterThan(60);
    if ((await page.locator('.slide--text-only').count()) > 0) expect(await page.locator('.slide svg').count()).toBe(0);
  }
});

test('figures stay interactive in slides', async ({ page }) => {
  const last = FIGURE_CATALOG[0].steps.length - 1;
  // A small shot count keeps the last step quick to compute on a busy machine.
  await page.goto(`/present?figure=shot-noise&step=${last}&shot-noise.shots=100`);
  await waitForHydration(page);
  const fig = page.locator('[data-figure="shot-noise"]');
  await expect(fig).toHaveAttribute('data-ready', 'true');
  const slider = fig.locator('.fig__controls input[type="range"]').first();
  await expect(slider).toBeVisible();
  const slideBefore = await slideIndex(page);
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  // Arrow keys on a control belong to the control, not to the deck.
  expect(await slideIndex(page)).toBe(slideBefore);
  await expect.poll(() => page.url()).toMatch(/shot-noise\.\w+=/);
});

test('blackout (B) and overview (O)', async ({ page }) => {
  await page.goto('/present?slide=5');
  await waitForHydration(page);
  await page.keyboard.press('b');
  await expect(page.locator('[data-blackout-screen]')).toBeVisible();
  await expect(page.locator('[data-present]')).toHaveAttribute('data-blackout', 'true');
  await page.keyboard.press('b');
  await expect(page.locator('[data-blackout-screen]')).toHaveCount(0);
  await page.keyboard.press('o');
  const cards = page.locator('[data-overview-slide]');
  await expect(cards.first()).toBeVisible();
  expect(await cards.count()).toBe(Number(await page.locator('[data-present]').getAttribute('data-slide-count')));
  await expect(page.locator('[data-overview-slide="4"]')).toHaveAttribute('aria-current', 'true');
  await page.locator('[data-overview-slide="11"]').click();
  await expectSlide(page, 12);
  await expect(page.locator('[data-overview-slide]')).toHaveCount(0);
});

test('S opens the speaker view, which stays in sync with the presentation both ways', async ({ page, context }) => {
  test.setTimeout(90_000);
  await page.goto('/present?figure=noise-vs-depth&step=0');
  await waitForHydration(page);
  const start = await slideIndex(page);
  const [speaker] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('s')]);
  await speaker.waitForLoadState();
  expect(new URL(speaker.url()).pathname).toBe('/present/speaker');
  await waitForHydration(speaker);
  await expect(speaker.locator('[data-speaker]')).toHaveAttribute('data-slide-index', String(start));
  // Notes from the MDX <Notes> of that step, hidden in the article.
  await expect(speaker.locator('[data-speaker-notes]')).toContainText('baseline');
  await expect(speaker.locator('[data-speaker-next]')).toContainText('Gate errors');
  await expect(speaker.locator('[data-elapsed]')).toHaveText(/^\d\d:\d\d$/);
  // Presentation → speaker.
  await page.bringToFront();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('[data-present]')).toHaveAttribute('data-slide-index', String(start + 1));
  await expect(speaker.locator('[data-speaker]')).toHaveAttribute('data-slide-index', String(start + 1));
  await expect(speaker.locator('[data-speaker-notes]')).toContainText('slope');
  // Speaker → presentation (keys and buttons).
  await speaker.bringToFront();
  await speaker.keyboard.press('PageDown');
  await expect(speaker.locator('[data-speaker]')).toHaveAttribute('data-slide-index', String(start + 2));
  await expect(page.locator('[data-present]')).toHaveAttribute('data-slide-index', String(start + 2));
  await expect.poll(() => urlSlide(page)).toBe(String(start + 3));
  await speaker.getByRole('button', { name: '← Previous' }).click();
  await expect(page.locator('[data-present]')).toHaveAttribute('data-slide-index', String(start + 1));
  // Blackout from the speaker view reaches the room.
  await speaker.getByRole('button', { name: 'Blackout' }).click();
  await expect(page.locator('[data-blackout-screen]')).toBeVisible();
});

test('?print lays out every step as a static frame with its text, one per page', async ({ page }) => {
  test.setTimeout(90_000);
  await page.emulateMedia({ media: 'print', reducedMotion: 'reduce' });
  await page.goto('/present?print');
  await waitForHydration(page);
  const frames = page.locator('.print-frame[data-scrolly]');
  await expect(frames).toHaveCount(STEP_SLIDES);
  // One read of every frame (the page is busy computing every figure's end state).
  const seen = await page.evaluate(() =>
    [...document.querySelectorAll('.print-frame[data-scrolly]')].map((el) => ({
      id: el.getAttribute('data-scrolly'),
      step: Number(el.getAttribute('data-active-step')),
      label: el.querySelector('.print-frame__label')?.textContent ?? '',
      prose: (el.querySelector('.print-frame__prose')?.textContent ?? '').length,
    })),
  );
  const expected = FIGURE_CATALOG.flatMap((f) => f.steps.map((label, step) => ({ id: f.id, step, label })));
  expect(
    seen
      .map(({ id, step, label }) => ({ id, step, label }))
      .sort((a, b) => `${a.id}${a.step}`.localeCompare(`${b.id}${b.step}`)),
  ).toEqual(expected.sort((a, b) => `${a.id}${a.step}`.localeCompare(`${b.id}${b.step}`)));
  for (const frame of seen) expect(frame.prose, `${frame.id} step ${frame.step}`).toBeGreaterThan(40);
  expect(await frames.first().evaluate((el) => getComputedStyle(el).breakAfter)).toBe('page');
  // Built figures print their end state: the shot-noise frames carry its figure at that step.
  await expect(page.locator('.print-frame[data-scrolly="shot-noise"] [data-figure="shot-noise"]')).toHaveCount(
    FIGURE_CATALOG[0].steps.length,
  );
  await expect(page.locator('.present__bar')).toHaveCount(0);
  // The pre-rendered handout is the same, without JavaScript.
  const html = await (await page.request.get('/present/print')).text();
  expect((html.match(/class="print-frame"/g) ?? []).length).toBe(STEP_SLIDES);
});

test('the browser print of /present switches to the handout', async ({ page }) => {
  await page.goto('/present?slide=4');
  await waitForHydration(page);
  await expect(page.locator('.print-frame')).toHaveCount(0);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.print-frame[data-scrolly]')).toHaveCount(STEP_SLIDES);
  await page.emulateMedia({ media: 'screen' });
  await expect(page.locator('[data-present]')).toHaveAttribute('data-slide-index', '3');
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe: no violations on a slide, the overview and the speaker view (${theme})`, async ({ browser }) => {
    test.setTimeout(90_000);
    const context = await browser.newContext({ colorScheme: theme });
    const page = await context.newPage();
    await page.goto('/present?figure=shot-noise&step=4&shot-noise.shots=100');
    await waitForHydration(page);
    await expect(page.locator('[data-figure="shot-noise"]')).toHaveAttribute('data-ready', 'true', { timeout: 45_000 });
    let violations = await runAxe(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await page.keyboard.press('o');
    violations = await runAxe(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await page.goto('/present/speaker?slide=9');
    await waitForHydration(page);
    violations = await runAxe(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await context.close();
  });
}

test.describe('refused presentation URLs show a note (issue 15, defect 8)', () => {
  const cases: Array<[string, RegExp, string | null]> = [
    ['/present?figure=nope', /figure = “nope” is not a figure in this presentation/, null],
    [
      '/present?figure=landscape&step=99',
      /step = “99” is not a step from 0 to \d+ of “.+”; showing its step 0\./,
      'landscape',
    ],
    ['/present?figure=landscape&step=NaN', /step = “NaN” is not a step/, 'landscape'],
    ['/present?figure=landscape&step=0x1', /step = “0x1” is not a step/, 'landscape'],
  ];
  for (const [url, note, figure] of cases) {
    test(url, async ({ page }) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(url);
      await waitForHydration(page);
      await expect(page.locator('[data-present-issues]')).toBeVisible();
      await expect(page.locator('[data-present-issues]')).toHaveText(note);
      if (figure) {
        await expect(page.locator('.slide--step')).toHaveAttribute('data-scrolly', figure);
        await expect(page.locator('.slide--step')).toHaveAttribute('data-active-step', '0');
      } else await expectSlide(page, 1);
      expect(errors).toEqual([]);
    });
  }

  test('the speaker view shows its own notes and the presentation window’s', async ({ page, context }) => {
    await page.goto('/present?figure=nope');
    await waitForHydration(page);
    await expect(page.locator('[data-present-issues]')).toBeVisible();
    const speaker = await context.newPage();
    await speaker.goto('/present/speaker?slide=abc');
    await waitForHydration(speaker);
    const notes = speaker.locator('[data-speaker-issues]');
    await expect(notes).toContainText('slide = “abc” is not a slide number');
    await expect(notes).toContainText('Presentation window: figure = “nope” is not a figure in this presentation');
    const violations = await runAxe(speaker);
    expect(violations, describeViolations(violations)).toEqual([]);
  });

  test('a plain step is accepted without a note', async ({ page }) => {
    await page.goto('/present?figure=landscape&step=1');
    await waitForHydration(page);
    await expect(page.locator('.slide--step')).toHaveAttribute('data-active-step', '1');
    await expect(page.locator('[data-present-issues]')).toHaveCount(0);
  });
});
