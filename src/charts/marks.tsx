/**
 * Marks several figures draw. A dot is outlined in the page's surface colour, so it stays distinct
 * where it overlaps a line or another dot; a halo label is stroked the same way (painted under the
 * glyphs), so it stays legible over gridlines and curves.
 */
import type { ReactNode } from 'react';

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
