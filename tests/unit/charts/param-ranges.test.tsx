import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { nearestIndex, paramRanges } from '../../../src/charts/RangeField';

describe('nearestIndex', () => {
  it('picks the closest value, the first of two equally close', () => {
    expect(nearestIndex([0, 0.1, 0.2, 0.5, 1, 2, 5, 10], 3)).toBe(5);
    expect(nearestIndex([0, 0.1, 0.2, 0.5, 1, 2, 5, 10], 40)).toBe(7);
    expect(nearestIndex([1, 3], 2)).toBe(0);
  });
});

describe('paramRanges', () => {
  const params = { x: 2, y: 0.4 };
  const range = paramRanges(params, () => {}, { className: 'ctl', delay: 10 });

  it('a slider over listed values shows the one nearest the parameter, by index', () => {
    const html = renderToStaticMarkup(
      range(
        'x',
        { values: [0, 1, 10] },
        (v) => `L${v}`,
        (v) => `T${v}`,
      ),
    );
    expect(html).toContain('class="ctl"');
    expect(html).toMatch(/<label[^>]*>L1<\/label>/);
    expect(html).toContain('min="0"');
    expect(html).toContain('max="2"');
    expect(html).toContain('step="1"');
    expect(html).toContain('value="1"');
    expect(html).toContain('aria-valuetext="T1"');
  });

  it('a slider on a grid shows the parameter itself, with no value text unless given', () => {
    const html = renderToStaticMarkup(range('y', { min: 0, max: 4, step: 0.2 }, (v) => `at ${v}`));
    expect(html).toMatch(/<label[^>]*>at 0.4<\/label>/);
    expect(html).toContain('max="4"');
    expect(html).toContain('step="0.2"');
    expect(html).toContain('value="0.4"');
    expect(html).not.toContain('aria-valuetext');
  });
});
