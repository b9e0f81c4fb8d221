/**
 * A chart's SVG: drawn in its layout's coordinates (the viewBox), in a box whose height follows the
 * layout's sizing rule from the container's width (`chartBoxStyle`), an image with a label
 * for assistive technology, drawing inside the margins. Clip paths and other definitions go in `defs`;
 * `outside` is drawn in the SVG's own coordinates, before the plot (e.g. a title in the top margin).
 */
import type { ReactNode } from 'react';
import { chartBoxStyle, type ChartLayout } from './layout';

export interface ChartSvgProps {
  layout: Pick<ChartLayout, 'width' | 'height' | 'margin' | 'sizing'>;
  label: string;
  className?: string;
  defs?: ReactNode;
  /** Drawn untranslated, before the plot: what sits in the margins rather than in the plot area. */
  outside?: ReactNode;
  children: ReactNode;
}

export function ChartSvg({ layout: L, label, className, defs, outside, children }: ChartSvgProps) {
  return (
    <svg
      className={className}
      viewBox={`0 0 ${L.width} ${L.height}`}
      style={chartBoxStyle(L.sizing)}
      role="img"
      aria-label={label}
    >
      {defs ? <defs>{defs}</defs> : null}
      {outside}
      <g transform={`translate(${L.margin.left},${L.margin.top})`}>{children}</g>
    </svg>
  );
}

/** A clip path of the plot area (inside the margins), for lines that run past the axes' domain. */
export function PlotClip({ id, layout: L }: { id: string; layout: Pick<ChartLayout, 'innerWidth' | 'innerHeight'> }) {
  return (
    <clipPath id={id}>
      <rect x={0} y={0} width={L.innerWidth} height={L.innerHeight} />
    </clipPath>
  );
}
