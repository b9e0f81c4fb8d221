/**
 * With reduced motion emulated, every step's end state is fully visible at once — marks at
 * opacity 1 and animated geometry already at its final value — without waiting for any animation.
 */
import { expect, test } from '@playwright/test';
import { waitForHydration } from './helpers';

const SECTION = '[data-scrolly="shot-noise"]';
const FIGURE = '[data-figure="shot-noise"]';

test.use({ reducedMotion: 'reduce' });

test('reduced motion: each shot-noise step shows its end state fully, immediately', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await waitForHydration(page);
  await expect(page.locator(SECTION)).toHaveAttribute('data-trigger', /^\d+$/);
  expect(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches)).toBe(true);

  for (const step of [0, 1, 2, 3, 4]) {
    await page.evaluate(
      ([sel, n]) => {
        const section = document.querySelector(sel as string) as HTMLElement;
        const el = section.querySelector(`[data-step-index="${n}"]`) as HTMLElement;
        // Step's bottom edge on the trigger line: progress 1, the step's end state.
        window.scrollTo({
          top: el.getBoundingClientRect().bottom + scrollY - Number(section.dataset.trigger),
          behavior: 'instant',
        });
      },
      [SECTION, step] as const,
    );
    // Check in the same task as readiness is first observed: no time for an animation to finish.
    const handle = await page.waitForFunction(
      ([sel, n]) => {
        const fig = document.querySelector(sel as string) as HTMLElement | null;
        if (!fig || fig.dataset.step !== String(n) || fig.dataset.ready !== 'true') return null;
        const opacityChain = (el: Element) => {
          let o = 1;
          for (let e: Element | null = el; e && e !== fig.parentElement; e = e.parentElement)
            o *= Number(getComputedStyle(e).opacity);
          return o;
        };
        const marks = [
          ...fig.querySelectorAll(
            '.sn-bar, .sn-errorbar line, .sn-errorbar circle, .sn-true, .sn-label, .sn-point, .sn-theory',
          ),
        ];
        const bars = fig.querySelectorAll('.sn-bar').length;
        const dim = marks.filter((m) => opacityChain(m) < 1).length;
        const err = [...fig.querySelectorAll('.sn-errorbar')].map((g) => {
          const [main, capLo, capHi] = [...g.querySelectorAll('line')];
          return [
            Number(main.getAttribute('x1')) - Number(capLo.getAttribute('x1')),
            Number(main.getAttribute('x2')) - Number(capHi.getAttribute('x1')),
          ];
        });
        return { marks: marks.length, bars, dim, err };
      },
      [FIGURE, step] as const,
      { timeout: 60_000, polling: 'raf' },
    );
    const state = await handle.jsonValue();
    expect(state, `step ${step}`).not.toBeNull();
    expect(state!.bars, `step ${step} bars`).toBeGreaterThan(1);
    expect(state!.dim, `step ${step}: marks below opacity 1`).toBe(0);
    for (const [a, b] of state!.err) {
      expect(Math.abs(a), `step ${step}: error bar not at its end position`).toBeLessThan(0.01);
      expect(Math.abs(b), `step ${step}: error bar not at its end position`).toBeLessThan(0.01);
    }
  }
});
