import { scaleLinear } from 'd3-scale';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PlotAxes } from '../../../src/charts/Axis';
import { ChartSvg } from '../../../src/charts/ChartSvg';
import { circlesPath, Dots, SeriesLine } from '../../../src/charts/marks';
import { LineSwatch } from '../../../src/charts/Swatch';
import { px } from '../../../src/charts/layout';

const layout = {
  width: 200,
  height: 100,
  margin: { top: 10, right: 5, bottom: 20, left: 30 },
  sizing: { aspect: 0, minHeight: 100, maxHeight: 100 },
};

describe('ChartSvg', () => {
  it('draws `outside` untranslated before the plot, and the children inside the margins', () => {
    const svg = renderToStaticMarkup(
      <ChartSvg layout={layout} label="A chart" outside={<text y={13}>Title</text>}>
        <circle r={2} />
      </ChartSvg>,
    );
    expect(svg).toContain('viewBox="0 0 200 100"');
    expect(svg).toContain('role="img" aria-label="A chart"');
    expect(svg).toMatch(
      /<text y="13">Title<\/text><g transform="translate\(30,10\)"><circle r="2"><\/circle><\/g><\/svg>$/,
    );
  });

  it('without `outside` the plot group follows the definitions directly', () => {
    const svg = renderToStaticMarkup(
      <ChartSvg layout={layout} label="A chart" defs={<clipPath id="c" />}>
        <circle r={2} />
      </ChartSvg>,
    );
    expect(svg).toContain('<defs><clipPath id="c"></clipPath></defs><g transform="translate(30,10)">');
  });
});

describe('PlotAxes', () => {
  it('puts y on the left with grid lines across the inner width, then x along the bottom of the inner height', () => {
    const x = scaleLinear().domain([0, 10]).range([0, 100]);
    const y = scaleLinear().domain([0, 1]).range([50, 0]);
    const svg = renderToStaticMarkup(
      <svg>
        <PlotAxes
          layout={{ innerWidth: 100, innerHeight: 50 }}
          x={{ scale: x, tickValues: [0, 5, 10], label: 'x title' }}
          y={{ scale: y, tickValues: [0, 0.5, 1], format: (v) => `${v * 100}%`, label: 'y title' }}
        />
      </svg>,
    );
    const left = svg.indexOf('chart-axis--left');
    const bottom = svg.indexOf('chart-axis--bottom');
    expect(left).toBeGreaterThan(0);
    expect(bottom).toBeGreaterThan(left);
    // The left axis: at the origin, three ticks at y = 50, 25, 0, each with a grid line 100 long.
    const leftAxis = svg.slice(left, bottom);
    expect(leftAxis).toContain('transform="translate(0,0)"');
    for (const p of [50, 25, 0]) expect(leftAxis).toContain(`transform="translate(0,${p})"`);
    expect(leftAxis.match(/x2="100"/g)).toHaveLength(3);
    expect(leftAxis).toContain('>50%<');
    expect(leftAxis).toContain('>y title<');
    // The bottom axis: moved down by the inner height, ticks at x = 0, 50, 100, no grid lines.
    const bottomAxis = svg.slice(bottom);
    expect(bottomAxis).toContain('transform="translate(0,50)"');
    for (const p of [0, 50, 100]) expect(bottomAxis).toContain(`transform="translate(${p},0)"`);
    expect(bottomAxis).not.toContain('stroke-opacity="0.1"');
    expect(bottomAxis).toContain('>x title<');
  });
});

describe('SeriesLine', () => {
  it('an unfilled path with its data hooks after the class; no points, an empty path', () => {
    expect(
      renderToStaticMarkup(
        <SeriesLine
          className="s"
          data-stage="raw"
          d="M0,0L1,2"
          line={{ stroke: 'currentColor', width: 1.5, dash: '4 2' }}
        />,
      ),
    ).toBe(
      '<path class="s" data-stage="raw" d="M0,0L1,2" fill="none" stroke="currentColor" stroke-width="1.5" stroke-dasharray="4 2"></path>',
    );
    expect(renderToStaticMarkup(<SeriesLine d={null} line={{ stroke: 'red', width: 2, opacity: 0.5 }} />)).toBe(
      '<path d="" fill="none" stroke="red" stroke-width="2" stroke-opacity="0.5"></path>',
    );
  });

  it("a legend key strokes a short line with the series' style, centred in its box", () => {
    const style = { stroke: 'var(--fig-series-2)', width: 2.25, dash: '7 4' };
    expect(renderToStaticMarkup(<LineSwatch line={style} />)).toBe(
      '<svg width="26" height="8" aria-hidden="true"><line x1="0" x2="26" y1="4" y2="4" stroke="var(--fig-series-2)" stroke-width="2.25" stroke-dasharray="7 4"></line></svg>',
    );
    expect(
      renderToStaticMarkup(
        <LineSwatch line={{ stroke: 'red', width: 1, opacity: 0.5 }} width={22} height={10} inset={1} />,
      ),
    ).toBe(
      '<svg width="22" height="10" aria-hidden="true"><line x1="1" x2="21" y1="5" y2="5" stroke="red" stroke-width="1" stroke-opacity="0.5"></line></svg>',
    );
  });
});

describe('px', () => {
  it('rounds a coordinate to hundredths of a pixel, half away from zero on the positive side', () => {
    expect(px(123.456789)).toBe(123.46);
    expect(px(0.004)).toBe(0);
    expect(px(-7.891)).toBe(-7.89);
    expect(px(42)).toBe(42);
    expect(String(px(2 / 3))).toBe('0.67');
  });
});

describe('Dots', () => {
  it('draws each centre as a circle of the radius: two half-circle arcs from its left edge', () => {
    // (10, 20) with r = 2.5: left edge at x = 7.5, arcs of diameter 5 right then back.
    expect(circlesPath([[10, 20]], 2.5)).toBe('M7.5,20a2.5,2.5 0 1,0 5,0a2.5,2.5 0 1,0 -5,0');
    expect(
      circlesPath(
        [
          [0, 0],
          [1.234, 5.678],
        ],
        1,
      ),
    ).toBe('M-1,0a1,1 0 1,0 2,0a1,1 0 1,0 -2,0M0.23,5.68a1,1 0 1,0 2,0a1,1 0 1,0 -2,0');
  });

  it('is one path in the colour, outlined like a single dot, and nothing for no centres', () => {
    const svg = renderToStaticMarkup(
      <Dots
        centres={[
          [1, 1],
          [3, 3],
        ]}
        r={1}
        fill="red"
        outline={0.5}
      />,
    );
    expect(svg).toBe(
      '<path d="M0,1a1,1 0 1,0 2,0a1,1 0 1,0 -2,0M2,3a1,1 0 1,0 2,0a1,1 0 1,0 -2,0" fill="red" stroke="var(--story-surface, Canvas)" stroke-width="0.5"></path>',
    );
    expect(renderToStaticMarkup(<Dots centres={[]} r={1} fill="red" outline={0.5} />)).toBe('');
  });
});
