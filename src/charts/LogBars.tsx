/**
 * Horizontal bars on a logarithmic axis, one row each, with a label column and a value column. A row
 * spans [from, to]; a waterfall passes cumulative spans, a comparison passes [axis minimum, value].
 * Pure SVG from props (pre-renders); colours from CSS variables or currentColor.
 */
import { scaleLog } from 'd3-scale';
import { Axis } from './Axis';
import { ChartSvg } from './ChartSvg';
import { chartLayout } from './layout';

export interface LogBarRow {
  key: string;
  label: string;
  /** Left end (≤ 0 or missing: the axis minimum). */
  from?: number;
  to: number;
  value: string;
  colour: string;
  /** Draw as an outlined total bar. */
  total?: boolean;
}

export interface LogBarsProps {
  rows: readonly LogBarRow[];
  width: number;
  title: string;
  /** Axis tick format. */
  tickFormat(v: number): string;
  /** Fixed domain (e.g. shared by panels); otherwise from the rows. */
  domain?: [number, number];
  className?: string;
}

/** One panel of a row of log-bar charts: its rows, title and axis tick format. */
export interface LogBarPanel {
  key: string;
  title: string;
  rows: readonly LogBarRow[];
  tick(v: number): string;
}

/** A panel per metric, in the order of `titles` (metric → panel title), with the rows and tick format `panel` gives. */
export function metricPanels<K extends string>(
  titles: Readonly<Record<K, string>>,
  panel: (metric: K) => Pick<LogBarPanel, 'rows' | 'tick'>,
): LogBarPanel[] {
  return (Object.keys(titles) as K[]).map((key) => ({ key, title: titles[key], ...panel(key) }));
}

/** A LogBars chart per panel (a metric each, say), all `width` wide and of one class. */
export function LogBarPanels({
  panels,
  width,
  className,
}: {
  panels: readonly LogBarPanel[];
  width: number;
  className?: string;
}) {
  return panels.map((p) => (
    <LogBars key={p.key} className={className} title={p.title} rows={p.rows} width={width} tickFormat={p.tick} />
  ));
}

export function logDomain(values: readonly number[]): [number, number] {
  const pos = values.filter((v) => Number.isFinite(v) && v > 0);
  if (pos.length === 0) return [1, 10];
  const lo = Math.floor(Math.log10(Math.min(...pos))) - 0.3;
  const hi = Math.ceil(Math.log10(Math.max(...pos)) + 0.05);
  return [10 ** lo, 10 ** Math.max(hi, lo + 1)];
}

export function LogBars({ rows, width, title, tickFormat, domain, className }: LogBarsProps) {
  const narrow = width < 520;
  const margin = { top: 22, right: narrow ? 82 : 104, bottom: 24, left: narrow ? 104 : 150 };
  const rowH = narrow ? 17 : 19;
  const height = margin.top + margin.bottom + rows.length * rowH;
  const L = chartLayout(width, { aspect: 0, minHeight: height, maxHeight: height, margin });
  const dom = domain ?? logDomain(rows.flatMap((r) => [r.to, r.from ?? 0]));
  const x = scaleLog().domain(dom).range([0, L.innerWidth]).clamp(true);
  const decades = Math.round(Math.log10(dom[1] / dom[0]));
  const every = Math.max(1, Math.ceil(decades / Math.max(2, Math.floor(L.innerWidth / 55))));
  const ticks: number[] = [];
  for (let e = Math.ceil(Math.log10(dom[0])); e <= Math.floor(Math.log10(dom[1])); e++)
    if (e % every === 0) ticks.push(10 ** e);
  return (
    <ChartSvg
      layout={L}
      label={`${title}, logarithmic scale`}
      className={className}
      outside={
        <text x={0} y={13} fontSize={12.5} fontWeight={600} fill="currentColor">
          {title}
        </text>
      }
    >
      {rows.map((r, i) => {
        const y = i * rowH;
        const ok = Number.isFinite(r.to) && r.to > 0;
        const x0 = r.from && r.from > 0 ? x(r.from) : 0;
        const x1 = ok ? x(r.to) : 0;
        const w = Math.max(ok ? 1.5 : 0, x1 - x0);
        return (
          <g key={r.key} className="logbar" data-row={r.key}>
            <text
              x={-6}
              y={y + rowH / 2}
              dy="0.32em"
              textAnchor="end"
              fontSize={narrow ? 10.5 : 11.5}
              fill="currentColor"
            >
              {r.label}
            </text>
            {ok ? (
              <rect
                x={x0}
                y={y + 2}
                width={w}
                height={rowH - 4}
                fill={r.total ? 'none' : r.colour}
                stroke={r.total ? r.colour : 'none'}
                strokeWidth={r.total ? 1.75 : 0}
              />
            ) : null}
            <text
              x={L.innerWidth + 6}
              y={y + rowH / 2}
              dy="0.32em"
              fontSize={narrow ? 10.5 : 11.5}
              fill="currentColor"
              fontWeight={r.total ? 600 : 400}
            >
              {r.value}
            </text>
          </g>
        );
      })}
      <Axis
        scale={x}
        orient="bottom"
        y={rows.length * rowH + 2}
        tickValues={ticks}
        format={tickFormat}
        grid={rows.length * rowH + 2}
      />
    </ChartSvg>
  );
}
