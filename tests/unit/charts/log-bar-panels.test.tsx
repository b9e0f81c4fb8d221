import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LogBarPanels, metricPanels, type LogBarRow } from '../../../src/charts/LogBars';

const row = (key: string, to: number): LogBarRow => ({ key, label: key, to, value: String(to), colour: 'red' });

describe('metricPanels', () => {
  it('makes one panel per metric, in the order the titles are written, with the rows and ticks given', () => {
    const tick = (v: number) => `${v} u`;
    const panels = metricPanels({ usd: 'Dollars', time: 'Time' }, (m) => ({
      rows: [row(m, m === 'usd' ? 5 : 7)],
      tick,
    }));
    expect(panels.map((p) => [p.key, p.title, p.rows[0]?.to])).toEqual([
      ['usd', 'Dollars', 5],
      ['time', 'Time', 7],
    ]);
    expect(panels[1]?.tick(3)).toBe('3 u');
  });
});

describe('LogBarPanels', () => {
  it('draws one chart per panel, each with its title and the shared class', () => {
    const html = renderToStaticMarkup(
      <LogBarPanels
        className="panel"
        width={400}
        panels={[
          { key: 'a', title: 'First', rows: [row('x', 10)], tick: String },
          { key: 'b', title: 'Second', rows: [row('y', 100)], tick: String },
        ]}
      />,
    );
    expect(html.match(/<svg/g)).toHaveLength(2);
    expect(html.indexOf('First')).toBeGreaterThan(-1);
    expect(html.indexOf('Second')).toBeGreaterThan(html.indexOf('First'));
    expect(html.match(/class="panel"/g)).toHaveLength(2);
  });
});
