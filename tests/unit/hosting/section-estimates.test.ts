/** The pure part of the skipped sections' size estimates (src/site/section-estimates.ts). */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ESTIMATE_BANDS,
  bandOf,
  estimateFor,
  measureSkippableSections,
  renderEstimatesCss,
} from '../../../scripts/section-estimates';

describe('section size estimates', () => {
  it('adds 8 % to the tallest height and rounds up to 100 px', () => {
    // 14,821 × 1.08 = 16,006.68 → 16,100; 5,000 × 1.08 = 5,400 exactly stays.
    expect(estimateFor(14821)).toBe(16100);
    expect(estimateFor(5000)).toBe(5400);
    expect(estimateFor(1)).toBe(100);
  });

  it('puts a width in the last band whose minimum it reaches', () => {
    expect(bandOf(280)).toBe(0);
    expect(ESTIMATE_BANDS[bandOf(320)].minWidth).toBe(320);
    expect(ESTIMATE_BANDS[bandOf(411)].minWidth).toBe(390);
    expect(ESTIMATE_BANDS[bandOf(412)].minWidth).toBe(412);
    expect(ESTIMATE_BANDS[bandOf(959)].minWidth).toBe(600);
    expect(ESTIMATE_BANDS[bandOf(3840)].minWidth).toBe(1280);
  });

  it('measures each band at its own narrowest width, where sections are tallest', () => {
    for (const b of ESTIMATE_BANDS.slice(1)) expect(Math.min(...b.measureAt)).toBe(b.minWidth);
  });

  it('writes the narrowest band unconditioned and each wider band in a min-width query', () => {
    const row = ESTIMATE_BANDS.map((_, i) => 1000 + i);
    const css = renderEstimatesCss({ noise: row });
    expect(css).toContain('#noise {\n  contain-intrinsic-block-size: auto 1000px;\n}');
    expect(css).toContain(
      '@media (min-width: 412px) {\n  #noise {\n    contain-intrinsic-block-size: auto 1005px;\n  }\n}',
    );
    expect(css.match(/@media/g)).toHaveLength(ESTIMATE_BANDS.length - 1);
  });

  describe('measuring in the page', () => {
    afterEach(() => vi.unstubAllGlobals());

    /** A page of two skipped sections: 500 px estimated, laid out 1,234 and 567 px tall only while the lifting style is in the head. */
    function fakePage() {
      const head: Array<{ textContent: string; remove(): void }> = [];
      const section = (id: string, tall: number) => ({
        id,
        estimate: 'auto 500px',
        getBoundingClientRect: () => ({
          height: head.some((s) => s.textContent.includes('visible !important')) ? tall : 500,
        }),
      });
      const sections = [section('noise', 1234), section('cost', 567)];
      vi.stubGlobal('document', {
        querySelectorAll: (selector: string) => (selector === '.skip' ? sections : []),
        createElement: () => {
          const style = { textContent: '', remove: () => head.splice(head.indexOf(style), 1) };
          return style;
        },
        head: { append: (style: (typeof head)[number]) => head.push(style) },
      });
      // The estimate as computed while skipped: read before the style lifts the skipping.
      vi.stubGlobal('getComputedStyle', (el: { estimate: string }) => ({
        containIntrinsicBlockSize: head.length ? 'none' : el.estimate,
      }));
      return head;
    }

    it('reads each estimate while skipped, the real height while laid out, and removes its style', () => {
      const head = fakePage();
      expect(measureSkippableSections('.skip')).toEqual([
        { id: 'noise', estimate: 'auto 500px', real: 1234 },
        { id: 'cost', estimate: 'auto 500px', real: 567 },
      ]);
      expect(head).toHaveLength(0);
    });
  });
});
