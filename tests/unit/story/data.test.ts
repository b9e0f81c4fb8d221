import { describe, expect, it } from 'vitest';
import { displayCell, exportFileName, figureToJson, tableToCsv, type DataTable } from '../../../src/story/data';

const table: DataTable = {
  columns: [
    { key: 'a', label: 'A' },
    { key: 'b', label: 'b, quoted "x"' },
  ],
  rows: [
    { a: 0.1 + 0.2, b: 'plain' },
    { a: null, b: 'has,comma' },
    { a: 3, b: 'line\nbreak' },
  ],
};

describe('figure data export', () => {
  it('writes RFC 4180 CSV with full precision and quoting', () => {
    expect(tableToCsv(table)).toBe(
      'A,"b, quoted ""x"""\r\n0.30000000000000004,plain\r\n,"has,comma"\r\n3,"line\nbreak"\r\n',
    );
  });

  it('writes JSON with metadata and rows', () => {
    const json = JSON.parse(
      figureToJson({ figure: 'f', step: 2, params: { t: 1 }, seed: 7, method: 'm', sources: [], data: table }),
    );
    expect(json).toMatchObject({ figure: 'f', step: 2, seed: 7, params: { t: 1 }, method: 'm' });
    expect(json.rows).toHaveLength(3);
    expect(json.columns.map((c: { key: string }) => c.key)).toEqual(['a', 'b']);
  });

  it('names files by figure and step; formats cells for display', () => {
    expect(exportFileName('shot-noise', 3, 'csv')).toBe('shot-noise-step-3.csv');
    expect(displayCell({ key: 'x', label: 'x' }, 0.123456)).toBe('0.1235');
    expect(displayCell({ key: 'x', label: 'x' }, null)).toBe('–');
    expect(displayCell({ key: 'x', label: 'x', format: (v) => `<${v}>` }, 5)).toBe('<5>');
  });
});
