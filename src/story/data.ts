/**
 * A figure's current data as a table: the one shape behind the CSV download, the JSON download and
 * the text alternative's `<table>`. Pure except `downloadText`, which is called on click only.
 */
export type Cell = number | string | boolean | null;

export interface DataColumn {
  key: string;
  /** Header shown in the text alternative and written to the CSV. */
  label: string;
  /** Optional display format for the text alternative (downloads keep full precision). */
  format?: (value: Cell) => string;
}

export interface DataTable {
  columns: readonly DataColumn[];
  rows: readonly Readonly<Record<string, Cell>>[];
}

/** The keys of `R` whose values are cells. */
type CellKey<R> = { [K in keyof R]-?: R[K] extends Cell ? K : never }[keyof R] & string;

/**
 * A column of a table built from records by `tableOf`: its key, header (the key itself when omitted) and
 * display format, and how a record gives its cell (`value`), or, without `value`, the record's property named `key`.
 */
export type RecordColumn<R> = Omit<DataColumn, 'label'> & { label?: string } & (
    { key: CellKey<R>; value?: undefined } | { value: (record: R) => Cell }
  );

/**
 * A table with one row per record, each column declared once (key, header, format, cell) instead of a
 * column list plus a row mapping that names every key again. Rows hold the columns' keys in column order.
 */
export function tableOf<R>(records: readonly R[], columns: readonly RecordColumn<R>[]): DataTable {
  return {
    columns: columns.map(({ key, label = key, format }) => (format ? { key, label, format } : { key, label })),
    rows: records.map((record) =>
      Object.fromEntries(
        columns.map((c) => [c.key, c.value ? c.value(record) : (record[c.key as keyof R] as Cell)] as const),
      ),
    ),
  };
}

/** A number as a cell, or null (an empty cell) when it is not finite. */
export function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/** A display format for numeric cells from a number formatter: the cell is read with `Number` (null → 0). */
export function formatAsNumber(format: (n: number) => string): (value: Cell) => string {
  return (value) => format(Number(value));
}

/** A display format that formats numbers and shows anything else (null, text) as `otherwise`, a dash by default. */
export function formatNumberOr(format: (n: number) => string, otherwise = '–'): (value: Cell) => string {
  return (value) => (typeof value === 'number' ? format(value) : otherwise);
}

function csvCell(value: Cell | undefined): string {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : String(value);
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 CSV (CRLF line ends, quotes doubled), header row of column labels, full numeric precision. */
export function tableToCsv(table: DataTable): string {
  const lines = [table.columns.map((c) => csvCell(c.label)).join(',')];
  for (const row of table.rows) lines.push(table.columns.map((c) => csvCell(row[c.key])).join(','));
  return lines.join('\r\n') + '\r\n';
}

/** Cell text for display: the column's format, else numbers to 4 significant digits. */
export function displayCell(column: DataColumn, value: Cell): string {
  if (column.format) return column.format(value);
  if (value === null) return '–';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toPrecision(4);
  return String(value);
}

export interface FigureExport {
  figure: string;
  step: number;
  params: Readonly<Record<string, unknown>>;
  seed: number;
  method: string;
  sources: readonly { label: string; href?: string }[];
  data: DataTable;
}

/** The JSON download: metadata plus the rows as objects keyed by column key. */
export function figureToJson(x: FigureExport): string {
  return JSON.stringify(
    {
      figure: x.figure,
      step: x.step,
      params: x.params,
      seed: x.seed,
      method: x.method,
      sources: x.sources,
      columns: x.data.columns.map((c) => ({ key: c.key, label: c.label })),
      rows: x.data.rows,
    },
    null,
    2,
  );
}

/** File name for a download: `<figure>-step-<n>.<ext>`. */
export function exportFileName(figure: string, step: number, ext: 'csv' | 'json'): string {
  return `${figure}-step-${step}.${ext}`;
}

/** Saves text as a file through a Blob and a short-lived object URL. Browser only; call from a click. */
export function downloadText(fileName: string, mime: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
