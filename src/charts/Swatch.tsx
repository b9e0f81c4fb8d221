/**
 * Legend keys: a small decorative SVG beside a series' name (hidden from assistive technology, since
 * the name says it). `Swatch` holds any mark; `LineSwatch` is the key of a line series.
 */
import type { ReactNode } from 'react';
import type { LineStyle } from './marks';

export function Swatch({
  width = 12,
  height = 12,
  children,
}: {
  width?: number;
  height?: number;
  children: ReactNode;
}) {
  return (
    <svg width={width} height={height} aria-hidden="true">
      {children}
    </svg>
  );
}

export interface LineSwatchProps {
  /** The series' line style, as its `SeriesLine` draws it. */
  line: LineStyle;
  width?: number;
  height?: number;
  /** Space left free at each end of the stroke. */
  inset?: number;
}

export function LineSwatch({ line, width = 26, height = 8, inset = 0 }: LineSwatchProps) {
  return (
    <Swatch width={width} height={height}>
      <line
        x1={inset}
        x2={width - inset}
        y1={height / 2}
        y2={height / 2}
        stroke={line.stroke}
        strokeWidth={line.width}
        strokeDasharray={line.dash}
        strokeOpacity={line.opacity}
      />
    </Swatch>
  );
}
