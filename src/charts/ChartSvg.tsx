/**
 * A chart's SVG: drawn in its layout's coordinates (the viewBox), in a box whose height follows the
 * layout's sizing rule from the container's width (`chartBoxStyle`), an image with a label
 * for assistive technology, drawing inside the margins. Clip paths and other definitions go in `defs`.
 */
import type { ReactNode } from 'react';
import { chartBoxStyle, type ChartLayout } from './layout';

export interface ChartSvgProps {
  layout: Pick<ChartLayout, 'width' | 'height' | 'margin' | 'sizing'>;
  label: string;
  className?: string;
  defs?: ReactNode;
  children: ReactNode;
}

export function ChartSvg({ layout: L, label, className, defs, children }: ChartSvgProps) {
  return (
    <svg
      className={className}
      viewBox={`0 0 ${L.width} ${L.height}`}
      style={chartBoxStyle(L.sizing)}
      role="img"
      aria-label={label}
    >
      {defs ? <defs>{defs}</defs> : null}
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
