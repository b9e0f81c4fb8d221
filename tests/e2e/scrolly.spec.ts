/**
 * Step tracking of a scrolly section in the built article (the shot-noise section): fast scrolls, hash jumps,
 * deep links and reloads land on the right step; viewport changes keep it; progress is exact at step edges;
 * the figure stays sticky. (Pre-rendering without window/document is tests/unit/story/prerender-safety.test.tsx.)
 */
import { expect, test, type Page } from '@playwright/test';
import { waitForHydration } from './helpers';

const SECTION = '[data-scrolly="shot-noise"]';
const FIGURE = '[data-figure="shot-noise"]';
const LAST = 4;

/** Loads the article and waits until the section has measured its steps (trigger line known). */
async function openArticle(page: Page, url = '/'): Promise<void> {
  await page.goto(url);
  await waitForHydration(page);
  await expect(page.locator(SECTION)).toHaveAttribute('data-trigger', /^\d+$/);
}

/** Document-space top and bottom of step n, and the trigger offset. */
async function stepGeometry(page: Page, n: number): Promise<{ top: number; bottom: number; trigger: number }> {
  return page.evaluate(
    ([sel, i]) => {
      const section = document.querySelector(sel as string) as HTMLElement;
      const step = section.querySelector(`[data-step-index="${i}"]`) as HTMLElement;
      const r = step.getBoundingClientRect();
      return {
        top: Math.round(r.top + scrollY),
        bottom: Math.round(r.bottom + scrollY),
        trigger: Number(section.dataset.trigger),
      };
    },
    [SECTION, n] as const,
  );
}

/** Scrolls (instantly) so that the trigger line sits `into` px below step n's top edge. */
async function scrollToStep(page: Page, n: number, into = 0): Promise<void> {
  const g = await stepGeometry(page, n);
  await page.evaluate((y) => window.scrollTo({ top: y, behavior: 'instant' }), g.top - g.trigger + into);
}

async function expectStep(page: Page, n: number): Promise<void> {
  await expect(page.locator(SECTION)).toHaveAttribute('data-active-step', String(n));
  await expect(page.locator(FIGURE)).toHaveAttribute('data-step', String(n));
  await expect(page.locator(FIGURE)).toHaveAttribute('data-ready', 'true', { timeout: 45_000 });
}

/**
 * Waits until the step tracker has processed the current scroll position and the current viewport and
 * document size (it announces both on <html>: data-steps-y, data-steps-measured).
 */
async function trackerSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const root = document.documentElement;
    const size = `${root.clientWidth}x${root.clientHeight}x${root.scrollHeight}`;
    return root.dataset.stepsY === String(Math.round(scrollY)) && root.dataset.stepsMeasured === size;
  });
}

test.describe('scrolly step tracking', () => {
  test('a fast scroll from step 0 to the last step lands on its state', async ({ page }) => {
    test.setTimeout(90_000);
    await openArticle(page);
    await scrollToStep(page, 0, 10);
    await expectStep(page, 0);
    const last = await stepGeometry(page, LAST);
    // Several positions within one frame: only where the scroll ends counts.
    await page.evaluate(
      ([a, b]) => {
        window.scrollTo({ top: a, behavior: 'instant' });
        window.scrollTo({ top: b, behavior: 'instant' });
      },
      [last.top - 3000, last.top - last.trigger + 20],
    );
    await expectStep(page, LAST);
    await expect(page.locator(`${SECTION} [data-step-index="${LAST}"]`)).toHaveAttribute('data-active', 'true');
  });

  test('a hash jump from step 0 to step 3 lands on step 3 at progress 0', async ({ page }) => {
    test.setTimeout(90_000);
    await openArticle(page);
    await scrollToStep(page, 0, 10);
    await expectStep(page, 0);
    await page.evaluate(() => {
      location.hash = '#shot-noise-step-3';
    });
    await expectStep(page, 3);
    await expect(page.locator(SECTION)).toHaveAttribute('data-progress', '0');
  });

  test('a deep link opens with exactly that step active', async ({ page }) => {
    test.setTimeout(90_000);
    await openArticle(page, '/#shot-noise-step-2');
    await expectStep(page, 2);
    await expect(page.locator(`${SECTION} [data-active="true"]`)).toHaveCount(1);
  });

  test('a deep link keeps its step when the page shifts as it settles (a late font swap)', async ({ page }) => {
    test.setTimeout(90_000);
    // What a web font arriving at the load event did ~1 run in 15: the page moved 30 px up, the step stayed,
    // and the trigger line fell into the gap above it (step 1 at progress 1).
    await page.addInitScript(() => {
      window.addEventListener('load', () => setTimeout(() => window.scrollBy({ top: -30, behavior: 'instant' })));
    });
    await openArticle(page, '/#shot-noise-step-2');
    await expectStep(page, 2);
    await expect(page.locator(SECTION)).toHaveAttribute('data-progress', '0');
  });

  test('a malformed fragment (a broken %-escape) leaves step tracking working, without a page error', async ({
    page,
  }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openArticle(page, '/#%E0%A4%A');
    await scrollToStep(page, 1, 10);
    await expect(page.locator(SECTION)).toHaveAttribute('data-active-step', '1');
    expect(errors).toEqual([]);
  });

  test('a reload mid-story restores the same step', async ({ page }) => {
    test.setTimeout(90_000);
    await openArticle(page);
    await scrollToStep(page, 2, 60);
    await expectStep(page, 2);
    const y = await page.evaluate(() => scrollY);
    await page.reload();
    await waitForHydration(page);
    await expect.poll(() => page.evaluate(() => scrollY)).toBe(y);
    await expectStep(page, 2);
    await expect(page.locator(`${SECTION} [data-active="true"]`)).toHaveCount(1);
  });

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 375, height: 667 },
  ]) {
    test(`an 80 px viewport height change keeps the step and the chart (${viewport.width} px)`, async ({ page }) => {
      test.setTimeout(90_000);
      await page.setViewportSize(viewport);
      await openArticle(page);
      // Just past the trigger: a moving trigger line would switch steps here.
      await scrollToStep(page, 2, 30);
      await expectStep(page, 2);
      const before = await page.evaluate(
        ([s, f]) => {
          const section = document.querySelector(s as string) as HTMLElement;
          const fig = document.querySelector(f as string) as HTMLElement;
          return {
            step: section.dataset.activeStep,
            progress: section.dataset.progress,
            trigger: section.dataset.trigger,
            mount: fig.dataset.mount,
            svgWidth: fig.querySelector('svg')?.getAttribute('viewBox'),
          };
        },
        [SECTION, FIGURE] as const,
      );
      expect(before.mount).toMatch(/^\d+$/);
      for (const h of [viewport.height - 80, viewport.height, viewport.height - 80, viewport.height]) {
        await page.setViewportSize({ width: viewport.width, height: h });
        await trackerSettled(page);
        const now = await page.evaluate(
          ([s, f]) => {
            const section = document.querySelector(s as string) as HTMLElement;
            const fig = document.querySelector(f as string) as HTMLElement;
            return {
              step: section.dataset.activeStep,
              progress: section.dataset.progress,
              trigger: section.dataset.trigger,
              mount: fig.dataset.mount,
              svgWidth: fig.querySelector('svg')?.getAttribute('viewBox'),
            };
          },
          [SECTION, FIGURE] as const,
        );
        expect(now).toEqual(before);
      }
    });
  }

  test('progress is exactly 0 and 1 at the edges of a step taller than 1000 px', async ({ page }) => {
    test.setTimeout(90_000);
    await openArticle(page);
    await page.evaluate((sel) => {
      const step = document.querySelector(`${sel} [data-step-index="1"]`) as HTMLElement;
      step.style.minHeight = '1600px';
    }, SECTION);
    const g = await stepGeometry(page, 1);
    expect(g.bottom - g.top).toBeGreaterThan(1000);
    const section = page.locator(SECTION);
    const at = async (y: number) => {
      await page.evaluate((t) => window.scrollTo({ top: t, behavior: 'instant' }), y);
      await trackerSettled(page);
    };
    // At the tall step's new bottom edge, the bounds measured before the size change would put the trigger
    // line several steps further down: step 1 at progress 1 shows the tracker has re-measured.
    await at(g.bottom - g.trigger);
    await expect(section).toHaveAttribute('data-active-step', '1');
    await expect(section).toHaveAttribute('data-progress', '1');
    await at(g.top - g.trigger);
    await expect(section).toHaveAttribute('data-progress', '0');
    await expect(section).toHaveAttribute('data-active-step', '1');
    await at(g.top - g.trigger + Math.round((g.bottom - g.top) / 2));
    const mid = Number(await section.getAttribute('data-progress'));
    expect(mid).toBeGreaterThan(0.45);
    expect(mid).toBeLessThan(0.55);
    await at(g.top - g.trigger + 1);
    expect(Number(await section.getAttribute('data-progress'))).toBeGreaterThan(0);
    await at(g.bottom - g.trigger - 1);
    expect(Number(await section.getAttribute('data-progress'))).toBeLessThan(1);
  });

  test('before the first step it is step 0 at progress 0; after the last, the last at progress 1', async ({ page }) => {
    await openArticle(page);
    const first = await stepGeometry(page, 0);
    await page.evaluate(
      (y) => window.scrollTo({ top: y, behavior: 'instant' }),
      Math.max(0, first.top - first.trigger - 400),
    );
    await trackerSettled(page);
    await expect(page.locator(SECTION)).toHaveAttribute('data-active-step', '0');
    await expect(page.locator(SECTION)).toHaveAttribute('data-progress', '0');
    const last = await stepGeometry(page, LAST);
    await page.evaluate((y) => window.scrollTo({ top: y, behavior: 'instant' }), last.bottom - last.trigger + 50);
    await trackerSettled(page);
    await expect(page.locator(SECTION)).toHaveAttribute('data-active-step', String(LAST));
    await expect(page.locator(SECTION)).toHaveAttribute('data-progress', '1');
  });

  test('after resizing 1200 → 375 px exactly one step is active, and it is the one at the trigger line', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await page.setViewportSize({ width: 1200, height: 800 });
    await openArticle(page);
    await scrollToStep(page, 3, 40);
    await expectStep(page, 3);
    await page.setViewportSize({ width: 375, height: 800 });
    await trackerSettled(page);
    for (const y of [null, 0.25, 0.5, 0.75]) {
      if (y !== null) {
        const total = await page.evaluate((sel) => {
          const s = document.querySelector(sel) as HTMLElement;
          const r = s.getBoundingClientRect();
          return { top: r.top + scrollY, height: r.height };
        }, SECTION);
        await page.evaluate(
          (t) => window.scrollTo({ top: t, behavior: 'instant' }),
          Math.round(total.top + total.height * y),
        );
        await trackerSettled(page);
      }
      const state = await page.evaluate((sel) => {
        const s = document.querySelector(sel) as HTMLElement;
        const active = [...s.querySelectorAll<HTMLElement>('[data-step-index][data-active="true"]')].map((e) =>
          Number(e.dataset.stepIndex),
        );
        const triggerY = scrollY + Number(s.dataset.trigger);
        const tops = [...s.querySelectorAll<HTMLElement>('[data-step-index]')].map(
          (e) => e.getBoundingClientRect().top + scrollY,
        );
        let expected = 0;
        tops.forEach((t, i) => {
          if (t <= triggerY + 1) expected = i;
        });
        return {
          active,
          attr: Number(s.dataset.activeStep),
          expected,
          trigger: Number(s.dataset.trigger),
          vh: document.documentElement.clientHeight,
        };
      }, SECTION);
      expect(state.active).toHaveLength(1);
      expect(state.active[0]).toBe(state.attr);
      expect(state.attr).toBe(state.expected);
      expect(state.trigger).toBe(Math.round(0.65 * state.vh));
    }
  });

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 375, height: 667 },
  ]) {
    test(`no overflow-clipping ancestor above the sticky figure, and it sticks (${viewport.width} px)`, async ({
      page,
    }) => {
      await page.setViewportSize(viewport);
      await openArticle(page);
      const offenders = await page.evaluate((sel) => {
        const sticky = document.querySelector(`${sel} .scrolly__graphic`) as HTMLElement;
        const bad: string[] = [];
        if (getComputedStyle(sticky).position !== 'sticky') bad.push('graphic is not position: sticky');
        for (let el = sticky.parentElement; el && el !== document.documentElement; el = el.parentElement) {
          const cs = getComputedStyle(el);
          for (const v of [cs.overflow, cs.overflowX, cs.overflowY]) {
            if (/hidden|auto|scroll/.test(v)) bad.push(`${el.tagName.toLowerCase()}.${el.className}: overflow ${v}`);
          }
        }
        return bad;
      }, SECTION);
      expect(offenders).toEqual([]);
      const topAt = async (n: number) => {
        await scrollToStep(page, n, 20);
        await trackerSettled(page);
        return page.evaluate(
          (sel) =>
            Math.round((document.querySelector(`${sel} .scrolly__graphic`) as HTMLElement).getBoundingClientRect().top),
          SECTION,
        );
      };
      const a = await topAt(1);
      const b = await topAt(3);
      expect(b).toBe(a);
    });
  }

  test('speaker notes stay in the DOM but hidden; steps are linkable', async ({ page }) => {
    await openArticle(page);
    const notes = page.locator(`${SECTION} [data-notes]`);
    expect(await notes.count()).toBeGreaterThan(0);
    for (const n of await notes.all()) await expect(n).toBeHidden();
    await expect(page.locator('#shot-noise-step-4')).toHaveAttribute('data-step-index', '4');
  });
});
