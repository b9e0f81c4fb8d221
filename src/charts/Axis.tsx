/**
 * An axis drawn from a d3 scale's ticks in React (no DOM mutation, so it pre-renders): a domain line,
 * tick marks and labels, in currentColor. Decorative for assistive technology — the figure's text
 * alternative carries the numbers.
 */
import type { ScaleLinear, ScaleLogarithmic } from 'd3-scale';

export type AxisScale = ScaleLinear<number, number> | ScaleLogarithmic<number, number>;

export interface AxisProps {
  scale: AxisScale;
  orient: 'bottom' | 'left';
  /** Approximate tick count (d3's `ticks(count)`). */
  ticks?: number;
  /** Explicit tick values (overrides `ticks`). */
  tickValues?: readonly number[];
  format?: (value: number) => string;
  /** Axis title, placed under (bottom) or above (left) the axis. */
  label?: string;
  /** Translation of the axis group. */
  x?: number;
  y?: number;
  /** Length of grid lines across the plot (0 = none). */
  grid?: number;
}

const TICK = 5;

export function axisTicks(scale: AxisScale, count: number, values?: readonly number[]): number[] {
  if (values) return [...values];
  return scale.ticks(count);
}

export function Axis({ scale, orient, ticks = 5, tickValues, format, label, x = 0, y = 0, grid = 0 }: AxisProps) {
  const values = axisTicks(scale, ticks, tickValues);
  const fmt = format ?? scale.tickFormat(ticks);
  const [r0, r1] = scale.range();
  const horizontal = orient === 'bottom';
  return (
    <g
      className={`chart-axis chart-axis--${orient}`}
      transform={`translate(${x},${y})`}
      aria-hidden="true"
      fill="currentColor"
    >
      {horizontal ? (
        <line x1={r0} x2={r1} y1={0} y2={0} stroke="currentColor" strokeOpacity={0.5} />
      ) : (
        <line x1={0} x2={0} y1={r0} y2={r1} stroke="currentColor" strokeOpacity={0.5} />
      )}
      {values.map((v) => {
        const p = scale(v);
        if (!Number.isFinite(p)) return null;
        return horizontal ? (
          <g key={v} transform={`translate(${p},0)`}>
            {grid > 0 ? <line y1={0} y2={-grid} stroke="currentColor" strokeOpacity={0.1} /> : null}
            <line y2={TICK} stroke="currentColor" strokeOpacity={0.5} />
            <text y={TICK + 3} dy="0.71em" textAnchor="middle" fontSize={11}>
              {fmt(v)}
            </text>
          </g>
        ) : (
          <g key={v} transform={`translate(0,${p})`}>
            {grid > 0 ? <line x1={0} x2={grid} stroke="currentColor" strokeOpacity={0.1} /> : null}
            <line x2={-TICK} stroke="currentColor" strokeOpacity={0.5} />
            <text x={-TICK - 3} dy="0.32em" textAnchor="end" fontSize={11}>
              {fmt(v)}
            </text>
          </g>
        );
      })}
      {label ? (
        horizontal ? (
          <text x={(r0 + r1) / 2} y={TICK + 30} textAnchor="middle" fontSize={12}>
            {label}
          </text>
        ) : (
          <text x={0} y={Math.min(r0, r1) - 10} textAnchor="start" fontSize={12}>
            {label}
          </text>
        )
      ) : null}
    </g>
  );
}

/** One axis of `PlotAxes`: what differs between plots (scale, ticks, format, title). */
export type PlotAxisSpec = Pick<AxisProps, 'scale' | 'ticks' | 'tickValues' | 'format' | 'label'>;

/**
 * A plot's two axes where most plots have them: `y` on the left with grid lines across the plot, then `x`
 * along the bottom of the plot area.
 */
export function PlotAxes({
  layout: L,
  x,
  y,
}: {
  layout: { innerWidth: number; innerHeight: number };
  x: PlotAxisSpec;
  y: PlotAxisSpec;
}) {
  return (
    <>
      <Axis {...y} orient="left" grid={L.innerWidth} />
      <Axis {...x} orient="bottom" y={L.innerHeight} />
    </>
  );
}
