import { describe, expect, it } from 'vitest';
import {
  displayCell,
  exportFileName,
  figureToJson,
  finiteOrNull,
  formatAsNumber,
  formatNumberOr,
  tableOf,
  tableToCsv,
  type DataTable,
} from '../../../src/story/data';

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

  it('builds a table from records: a column reads its key unless it gives a value, and is headed by its key unless it gives a label; rows follow the column order', () => {
    const runs = [
      { name: 'a', shots: 100, cost: { flops: 2, extra: 3 } },
      { name: 'b', shots: 400, cost: { flops: 10, extra: 5 } },
    ];
    const built = tableOf(runs, [
      { key: 'flops', label: 'FLOPs', value: (r) => r.cost.flops + r.cost.extra },
      { key: 'name', label: 'model' },
      { key: 'shots', format: (v) => `${v} shots` }, // no label: the header is the key
    ]);
    expect(built.columns.map((c) => [c.key, c.label])).toEqual([
      ['flops', 'FLOPs'],
      ['name', 'model'],
      ['shots', 'shots'],
    ]);
    expect(built.columns.map((c) => 'value' in c)).toEqual([false, false, false]);
    expect(built.rows).toEqual([
      { flops: 5, name: 'a', shots: 100 },
      { flops: 15, name: 'b', shots: 400 },
    ]);
    expect(built.rows.map((r) => Object.keys(r))).toEqual([
      ['flops', 'name', 'shots'],
      ['flops', 'name', 'shots'],
    ]);
    expect(tableToCsv(built)).toBe('FLOPs,model,shots\r\n5,a,100\r\n15,b,400\r\n');
    expect(displayCell(built.columns[2], built.rows[1].shots)).toBe('400 shots');
    expect(tableOf([], [{ key: 'x', label: 'x', value: () => 1 }]).rows).toEqual([]);
  });

  it('formats number cells, dashes for what is not a number, and empties non-finite numbers', () => {
    const percent = (n: number) => `${n * 100} %`;
    expect(formatAsNumber(percent)(0.25)).toBe('25 %');
    expect(formatAsNumber(percent)('0.5')).toBe('50 %');
    expect(formatAsNumber(percent)(null)).toBe('0 %');
    expect(formatNumberOr(percent)(0.25)).toBe('25 %');
    expect(formatNumberOr(percent)(null)).toBe('–');
    expect(formatNumberOr(percent)('0.5')).toBe('–');
    expect(formatNumberOr(percent, '')(null)).toBe('');
    expect(finiteOrNull(2.5)).toBe(2.5);
    expect(finiteOrNull(0)).toBe(0);
    expect(finiteOrNull(NaN)).toBeNull();
    expect(finiteOrNull(-Infinity)).toBeNull();
  });
});
