/**
 * URL fuzzing (issue 15's probe, kept): every figure's URL parameters (their specs in
 * src/figures/<id>/meta.ts) and the presentation's `figure`/`step`/`slide`. Values are drawn by
 * fast-check with a fixed seed from hostile pools (NaN, Infinity, hex, exponents, out of range,
 * fractions for whole numbers, unknown choices, markup, 5,000-character strings). Each page must raise
 * no page error, show no NaN or Infinity outside the notes that quote the refused values, run no
 * injected markup, and show a visible note naming every refused value.
 * Budget: one page load per figure plus a handful for the presentation (under a minute at 1 worker).
 */
import { expect, test, type Page } from '@playwright/test';
import fc from 'fast-check';
import { FIGURE_CATALOG } from '../../src/figures/catalog';
import { FIGURE_REGISTRY } from '../../src/figures/registry';
import { paramKey, parseParamValue, type ParamSpecEntry } from '../../src/story/params';
import { waitForHydration } from './helpers';

const MARKUP = '<img src=x onerror="window.__xss=1">';
const COMMON_BAD = [
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '',
  'abc',
  '0x10',
  '1,5',
  '½',
  MARKUP,
  'x'.repeat(5000),
  '%00',
  '\u202e1',
];

/** Values a spec entry must refuse, by construction (checked against the parser as a guard). */
function badValue(entry: ParamSpecEntry): fc.Arbitrary<string> {
  if (entry.type === 'choice') {
    return fc
      .oneof(fc.constantFrom(...COMMON_BAD, 'DEFAULT', `${entry.default} `), fc.string({ minLength: 1, maxLength: 12 }))
      .filter((v) => !entry.choices.includes(v));
  }
  const out: string[] = [
    String(entry.min - 1 - Math.abs(entry.min)),
    String(entry.max + 1 + Math.abs(entry.max)),
    String(-1e300),
    String(entry.max * 10 + 1),
  ];
  if (entry.type === 'int') out.push(String(entry.min + 0.5));
  return fc.constantFrom(...COMMON_BAD, ...out).filter((v) => !('value' in parseParamValue(entry, v)));
}

/** Text on screen that is not a note quoting a refused value. */
async function screenTextOutsideNotes(page: Page): Promise<string> {
  return page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    body.querySelectorAll('[role="status"], script, style, template').forEach((el) => el.remove());
    return body.innerText;
  });
}

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}

const figures = FIGURE_CATALOG.filter((f) => FIGURE_REGISTRY[f.id as keyof typeof FIGURE_REGISTRY].meta);

test.describe('URL fuzz: figure parameters', () => {
  for (const [k, figure] of figures.entries()) {
    test(`${figure.id}: every parameter refused at once`, async ({ page }) => {
      test.setTimeout(60_000);
      const spec = FIGURE_REGISTRY[figure.id as keyof typeof FIGURE_REGISTRY].meta!.params;
      const entries = Object.entries(spec);
      const [values] = fc.sample(fc.tuple(...entries.map(([, e]) => badValue(e))), { numRuns: 1, seed: 1500 + k });
      const query = new URLSearchParams();
      entries.forEach(([name], i) => query.set(paramKey(figure.id, name), values[i]));
      query.set('step', fc.sample(fc.constantFrom('NaN', '0x1', '99', '-1', '1e0'), { numRuns: 1, seed: k })[0]);
      const errors = watchErrors(page);
      await page.goto(`/embed/${figure.id}?${query}`);
      await waitForHydration(page);
      const root = page.locator(`[data-figure="${figure.id}"]`);
      await expect(root).toHaveAttribute('data-step', '0');
      await expect(root).toHaveAttribute('data-ready', 'true', { timeout: 45_000 });
      const note = root.locator('.fig__issues');
      await expect(note).toBeVisible();
      const noteText = await note.innerText();
      for (const [, entry] of entries)
        expect(noteText, `${figure.id}: a note for ${entry.label}`).toContain(`${entry.label} = “`);
      await expect(page.locator('[data-embed-issues]')).toContainText('is not a step');
      const text = await screenTextOutsideNotes(page);
      expect(text).not.toMatch(/\bNaN\b|Infinity|undefined/);
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
      expect(errors).toEqual([]);
    });
  }
});

test('URL fuzz: presentation figure/step/slide', async ({ page }) => {
  test.setTimeout(60_000);
  const ids: string[] = FIGURE_CATALOG.map((f) => f.id);
  const stepsOf = new Map<string, number>(FIGURE_CATALOG.map((f) => [f.id, f.steps.length]));
  const errors = watchErrors(page);
  const cases = fc.sample(
    fc.record({
      figure: fc.option(fc.oneof(fc.constantFrom(...ids), fc.constantFrom('nope', '', MARKUP, 'x'.repeat(3000))), {
        nil: undefined,
      }),
      step: fc.option(fc.oneof(fc.nat(6).map(String), fc.constantFrom('NaN', '0x1', '1e0', '99', '-1', ' 1', '1.0')), {
        nil: undefined,
      }),
      slide: fc.option(fc.constantFrom('2', '0', 'abc', '0x3', '99999'), { nil: undefined }),
    }),
    { numRuns: 5, seed: 88 },
  );
  // The three cases first, then the sample.
  const all: Array<{ figure?: string; step?: string; slide?: string }> = [
    { figure: 'nope' },
    { figure: 'landscape', step: '99' },
    { figure: 'landscape', step: 'NaN' },
    { figure: 'landscape', step: '0x1' },
    ...cases,
  ];
  for (const c of all) {
    const query = new URLSearchParams();
    for (const [key, v] of Object.entries(c)) if (v !== undefined) query.set(key, v);
    await page.goto(`/present?${query}`);
    await waitForHydration(page);
    const count = Number(await page.locator('[data-present]').getAttribute('data-slide-count'));
    const plain = (v: string | undefined, lo: number, hi: number) =>
      v === undefined || (/^[0-9]+$/.test(v) && Number(v) >= lo && Number(v) <= hi);
    const figureOk = c.figure === undefined || ids.includes(c.figure);
    const stepOk =
      c.figure !== undefined && ids.includes(c.figure)
        ? plain(c.step, 0, stepsOf.get(c.figure)! - 1)
        : c.step === undefined;
    const slideOk = (c.figure !== undefined && ids.includes(c.figure)) || plain(c.slide, 1, count);
    const refused = !figureOk || !stepOk || !slideOk;
    const note = page.locator('[data-present-issues]');
    if (refused) await expect(note, JSON.stringify(c)).toBeVisible();
    else await expect(note, JSON.stringify(c)).toHaveCount(0);
    if (c.figure !== undefined && ids.includes(c.figure)) {
      await expect(page.locator('.slide--step'), JSON.stringify(c)).toHaveAttribute('data-scrolly', c.figure);
      await expect(page.locator('.slide--step')).toHaveAttribute(
        'data-active-step',
        stepOk && c.step !== undefined ? c.step : '0',
      );
    }
    const text = await screenTextOutsideNotes(page);
    expect(text, JSON.stringify(c)).not.toMatch(/\bNaN\b|Infinity|undefined/);
  }
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(errors).toEqual([]);
});
