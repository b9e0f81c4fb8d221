/**
 * Shared e2e helpers: a watcher that records console warnings/errors, page errors, failed requests and
 * any request to a host other than the local preview server; hydration and scrolling helpers; the
 * article's expected sections read from content/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';

export interface PageProblems {
  list: string[];
}

/** Start recording problems; call before `page.goto`. */
export function watchPage(page: Page): PageProblems {
  const problems: PageProblems = { list: [] };
  page.on('console', (message) => {
    const type = message.type();
    if (type === 'error' || type === 'warning') problems.list.push(`console.${type}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.list.push(`pageerror: ${error.message}`));
  page.on('requestfailed', (request) => {
    problems.list.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? 'unknown'})`);
  });
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.hostname !== '127.0.0.1') problems.list.push(`third-party request: ${request.url()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.list.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return problems;
}

/**
 * Waits for `<html data-hydrated="true">`. On the article (static HTML with islands) that means: every
 * scrolly section is tracked (`data-trigger` set), the header has hydrated, and so has every figure
 * island near the viewport at load; figures further down hydrate as they are scrolled near. On the other
 * pages (one React app each) it means the page has committed.
 */
export async function waitForHydration(page: Page): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
}

/**
 * Waits until the page has caught up with the current scroll position, as the page itself reports it:
 * every island on screen has hydrated (`data-island-hydrated`), and every scrolly section on screen marks
 * the step under its trigger line (`data-trigger`) as active (`data-active-step`) and its figure, once
 * hydrated, shows that step (`data-step`). A step edge within 2 px of the trigger line accepts either step.
 */
export async function waitForScrollSettled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const onScreen = (el: Element) => {
        const r = el.getBoundingClientRect();
        return r.bottom > 0 && r.top < innerHeight;
      };
      for (const island of document.querySelectorAll<HTMLElement>('[data-island]')) {
        if (onScreen(island) && island.dataset.islandHydrated !== 'true') return false;
      }
      for (const section of document.querySelectorAll<HTMLElement>('[data-scrolly]')) {
        if (!onScreen(section)) continue;
        const trigger = Number(section.dataset.trigger);
        if (section.dataset.trigger === undefined || !Number.isFinite(trigger)) return false;
        const tops = [...section.querySelectorAll<HTMLElement>('[data-step-index]')].map(
          (step) => step.getBoundingClientRect().top,
        );
        if (tops.some((top, i) => i > 0 && Math.abs(top - trigger) <= 2)) continue;
        const expected = tops.reduce((index, top, i) => (i > 0 && top <= trigger ? i : index), 0);
        if (section.dataset.activeStep !== String(expected)) return false;
        const figure = section.querySelector<HTMLElement>('[data-figure]');
        const island = figure?.closest<HTMLElement>('[data-island]');
        if (figure && island?.dataset.islandHydrated === 'true' && figure.dataset.step !== String(expected))
          return false;
      }
      return true;
    },
    undefined,
    { polling: 'raf' },
  );
}

/**
 * Scrolls from top to bottom in steps of `fraction` of the viewport, waiting after each until the page has
 * caught up with the new position (`waitForScrollSettled`). Returns the number of steps scrolled.
 */
export async function scrollThrough(page: Page, fraction = 0.8): Promise<number> {
  let steps = 0;
  for (;;) {
    const done = await page.evaluate((f) => {
      const before = window.scrollY;
      window.scrollBy(0, Math.round(window.innerHeight * f));
      return window.scrollY === before;
    }, fraction);
    if (done) return steps;
    steps += 1;
    await waitForScrollSettled(page);
  }
}

export async function scrollToId(page: Page, id: string, offset = 0): Promise<void> {
  await page.evaluate(
    ([target, off]) => {
      const el = document.getElementById(target as string);
      if (!el) throw new Error(`no #${target}`);
      window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - (off as number));
    },
    [id, offset] as const,
  );
}

export interface ExpectedSection {
  id: string;
  title: string;
}

/** Sections as content/ defines them: `NN-<id>.mdx`, title from the first `## ` line. */
export function expectedSections(contentDir = path.resolve('content')): ExpectedSection[] {
  return readdirSync(contentDir)
    .filter((f) => /^\d+[-_].+\.mdx$/.test(f))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    .map((file) => {
      const source = readFileSync(path.join(contentDir, file), 'utf8');
      const heading = /^##\s+(.+)$/m.exec(source);
      return {
        id: file.replace(/\.mdx$/, '').replace(/^\d+[-_]/, ''),
        title: (heading?.[1] ?? '').replace(/[*_`]/g, '').trim(),
      };
    });
}

export const axeSource = path.resolve('node_modules/axe-core/axe.min.js');

/**
 * Scrolls the article so that step `n` of the scrolly section `figure` sits just below its trigger line
 * (the section's `data-trigger`, written by the step tracker), then waits until the figure shows that step
 * and reports it ready (with `readyTimeout: false`, only until it shows that step).
 */
export async function scrollToStep(
  page: Page,
  figure: string,
  n: number,
  readyTimeout?: number | false,
): Promise<void> {
  await expect(page.locator(`[data-scrolly="${figure}"]`)).toHaveAttribute('data-trigger', /^\d+$/);
  await page.evaluate(
    ([f, i]) => {
      const section = document.querySelector(`[data-scrolly="${f}"]`) as HTMLElement;
      const el = section.querySelector(`[data-step-index="${i}"]`) as HTMLElement;
      window.scrollTo({
        top: el.getBoundingClientRect().top + scrollY - Number(section.dataset.trigger) + 20,
        behavior: 'instant',
      });
    },
    [figure, n] as const,
  );
  await expect(page.locator(`[data-figure="${figure}"]`)).toHaveAttribute('data-step', String(n), { timeout: 60_000 });
  if (readyTimeout === false) return;
  await expect(page.locator(`[data-figure="${figure}"]`)).toHaveAttribute(
    'data-ready',
    'true',
    readyTimeout ? { timeout: readyTimeout } : undefined,
  );
}
