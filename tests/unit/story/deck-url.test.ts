/**
 * Issue 15, defect 8: the presentation's URL never falls back silently. `?figure=nope`, an out-of-range
 * or malformed step (99, NaN, 0x1, 1e0, " 2") and a step without a figure each give a note; only plain
 * decimal integers are accepted.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isPresentMessage } from '../../../src/story/present-sync';
import {
  parsePlainIndex,
  parseSlideNumber,
  parseStepParam,
  resolveStartSlide,
  type Slide,
} from '../../../src/story/deck';

const step = (index: number, figure: string, s: number, count: number): Slide => ({
  kind: 'step',
  index,
  section: 'x',
  sectionTitle: 'X',
  figure,
  figureTitle: `Title of ${figure}`,
  step: s,
  stepCount: count,
  label: `L${s}`,
  info: { index: s } as never,
});
const SLIDES: Slide[] = [
  { kind: 'title', index: 0, title: 'Deck' },
  { kind: 'section', index: 1, section: 'x', title: 'X', figures: ['landscape', 'shot-noise'] },
  step(2, 'landscape', 0, 3),
  step(3, 'landscape', 1, 3),
  step(4, 'landscape', 2, 3),
  step(5, 'shot-noise', 0, 2),
  step(6, 'shot-noise', 1, 2),
];

describe('presentation URL', () => {
  it('accepts ?figure=<id>&step=<n> and ?slide=N without a note', () => {
    expect(resolveStartSlide('?figure=landscape&step=2', SLIDES)).toEqual({ index: 4, issues: [] });
    expect(resolveStartSlide('?figure=shot-noise', SLIDES)).toEqual({ index: 5, issues: [] });
    expect(resolveStartSlide('?slide=7', SLIDES)).toEqual({ index: 6, issues: [] });
    expect(resolveStartSlide('', SLIDES)).toEqual({ index: 0, issues: [] });
  });

  it('notes an unknown figure (slide 1 before, silently)', () => {
    const r = resolveStartSlide('?figure=nope', SLIDES);
    expect(r.index).toBe(0);
    expect(r.issues).toEqual([
      'figure = “nope” is not a figure in this presentation (landscape, shot-noise); showing slide 1.',
    ]);
    expect(resolveStartSlide('?figure=nope&slide=4', SLIDES)).toEqual({
      index: 3,
      issues: [expect.stringMatching(/using the slide number instead/)],
    });
  });

  it('notes a refused step and shows the figure’s first step', () => {
    for (const bad of ['99', 'NaN', '0x1', '1e0', ' 1', '-1', '1.0', '', '3', 'Infinity', '１']) {
      const r = resolveStartSlide(`?figure=landscape&step=${encodeURIComponent(bad)}`, SLIDES);
      expect(r.index, bad).toBe(2);
      expect(r.issues, bad).toEqual([
        `step = “${bad}” is not a step from 0 to 2 of “Title of landscape”; showing its step 0.`,
      ]);
    }
  });

  it('notes a step without a figure and a bad slide number', () => {
    expect(resolveStartSlide('?step=2', SLIDES).issues).toEqual([
      'step = “2” needs a figure (?figure=<id>&step=<n>); ignored.',
    ]);
    for (const bad of ['0', '8', '0x2', '2.5', 'abc', '1e1']) {
      expect(resolveStartSlide(`?slide=${bad}`, SLIDES), bad).toEqual({
        index: 0,
        issues: [`slide = “${bad}” is not a slide number from 1 to 7; showing slide 1.`],
      });
    }
  });

  it('cuts a long value short in the note', () => {
    const r = resolveStartSlide(`?figure=${'x'.repeat(10_000)}`, SLIDES);
    expect(r.issues[0].length).toBeLessThan(200);
    expect(r.issues[0]).toContain(`“${'x'.repeat(40)}…”`);
  });

  it('property: any value is either a plain in-range integer (no note) or noted; the index is always a slide', () => {
    fc.assert(
      fc.property(
        fc.record({
          figure: fc.option(fc.oneof(fc.constantFrom('landscape', 'shot-noise', 'nope', ''), fc.string())),
          step: fc.option(fc.oneof(fc.nat(10).map(String), fc.string())),
          slide: fc.option(fc.oneof(fc.nat(10).map(String), fc.string())),
        }),
        (p) => {
          const q = new URLSearchParams();
          for (const [k, v] of Object.entries(p)) if (v !== null) q.set(k, v);
          const r = resolveStartSlide(`?${q}`, SLIDES);
          expect(Number.isInteger(r.index) && r.index >= 0 && r.index < SLIDES.length).toBe(true);
          const plain = (v: string | null, max: number, min = 0) =>
            v === null || (/^[0-9]+$/.test(v) && Number(v) >= min && Number(v) <= max);
          if (p.figure === 'landscape' || p.figure === 'shot-noise') {
            const count = p.figure === 'landscape' ? 3 : 2;
            expect(r.issues.length === 0).toBe(plain(p.step, count - 1));
          } else if (p.figure === null) {
            expect(r.issues.length === 0).toBe(p.step === null && (p.slide === '' || plain(p.slide, 7, 1)));
          } else expect(r.issues.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 500, seed: 8 },
    );
  });

  it('plain integers only, also for the embed step and the slide number', () => {
    expect(parsePlainIndex('12')).toBe(12);
    for (const bad of ['0x1', '1e0', ' 1', '+1', '1 ', '', 'NaN', '١']) expect(parsePlainIndex(bad), bad).toBeNull();
    expect(parseStepParam('0x1', 5).issue).toMatch(/not a step from 0 to 4/);
    expect(parseSlideNumber('0x2', 9).issue).toMatch(/not a slide number/);
  });

  it('sync messages carrying notes are bounded', () => {
    expect(isPresentMessage({ from: 'a', type: 'issues', issues: ['x'] })).toBe(true);
    expect(isPresentMessage({ from: 'a', type: 'issues', issues: [1] })).toBe(false);
    expect(isPresentMessage({ from: 'a', type: 'issues', issues: Array(9).fill('x') })).toBe(false);
    expect(isPresentMessage({ from: 'a', type: 'issues', issues: ['x'.repeat(501)] })).toBe(false);
  });
});
