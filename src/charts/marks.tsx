/**
 * Marks several figures draw. A dot is outlined in the page's surface colour, so it stays distinct
 * where it overlaps a line or another dot; a halo label is stroked the same way (painted under the
 * glyphs), so it stays legible over gridlines and curves.
 */
import type { ReactNode } from 'react';
import { px } from './layout';

const SURFACE = 'var(--story-surface, Canvas)';

export interface DotProps {
  className?: string;
  cx: number;
  cy: number;
  r: number;
  fill: string;
  /** Width of the surface-coloured outline. */
  outline: number;
}

export function Dot({ className, cx, cy, r, fill, outline }: DotProps) {
  return <circle className={className} cx={cx} cy={cy} r={r} fill={fill} stroke={SURFACE} strokeWidth={outline} />;
}

/**
 * Circles of radius `r` at `centres` as one SVG path: each a move to its left edge and two half-circle arcs.
 * A scatter of hundreds of points drawn as one path per colour is one element instead of hundreds, so the
 * pre-rendered page parses, styles and lays it out faster; the picture is the same, except that each
 * point's outline is painted over the fills of the path's other points.
 */
export function circlesPath(centres: ReadonlyArray<readonly [number, number]>, r: number): string {
  const d = px(2 * r);
  return centres
    .map(([cx, cy]) => `M${px(cx - r)},${px(cy)}a${px(r)},${px(r)} 0 1,0 ${d},0a${px(r)},${px(r)} 0 1,0 ${-d},0`)
    .join('');
}

export interface DotsProps extends Omit<DotProps, 'cx' | 'cy'> {
  centres: ReadonlyArray<readonly [number, number]>;
}

/** Dots (as `Dot`) of one colour, drawn as one path. */
export function Dots({ className, centres, r, fill, outline }: DotsProps) {
  if (centres.length === 0) return null;
  return <path className={className} d={circlesPath(centres, r)} fill={fill} stroke={SURFACE} strokeWidth={outline} />;
}

export interface HaloTextProps {
  className?: string;
  x: number;
  y: number;
  textAnchor?: 'start' | 'middle' | 'end';
  fontSize: number;
  fontWeight?: number;
  children: ReactNode;
}

export function HaloText({ className, x, y, textAnchor, fontSize, fontWeight, children }: HaloTextProps) {
  return (
    <text
      className={className}
      x={x}
      y={y}
      textAnchor={textAnchor}
      fontSize={fontSize}
      fontWeight={fontWeight}
      fill="currentColor"
      stroke={SURFACE}
      strokeWidth={3}
      paintOrder="stroke"
    >
      {children}
    </text>
  );
}

/**
 * How a line is stroked (SVG stroke, stroke-width, stroke-dasharray, stroke-opacity). A figure names each
 * series' style once, for its `SeriesLine` and its legend key (`LineSwatch`).
 */
export interface LineStyle {
  stroke: string;
  width: number;
  dash?: string;
  opacity?: number;
}

export interface SeriesLineProps {
  className?: string;
  /** The path from d3-shape's `line()`; null (no points) draws an empty path. */
  d: string | null;
  line: LineStyle;
  /** `data-*` hooks (e.g. `data-encoding`) are passed through to the path. */
  [data: `data-${string}`]: string | number | undefined;
}

/** A data series drawn as an unfilled line; its data-* attributes come right after the class. */
export function SeriesLine({ className, d, line, ...data }: SeriesLineProps) {
  return (
    <path
      className={className}
      {...data}
      d={d ?? ''}
      fill="none"
      stroke={line.stroke}
      strokeWidth={line.width}
      strokeDasharray={line.dash}
      strokeOpacity={line.opacity}
    />
  );
}
