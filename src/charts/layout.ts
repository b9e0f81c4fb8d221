/** Chart geometry from a container width: pure, so it is the same on the server and in tests. */

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface ChartLayout {
  width: number;
  height: number;
  margin: Margins;
  /** Plot area size (inside the margins). */
  innerWidth: number;
  innerHeight: number;
  /** The rule `height` came from, so the page can size the chart's box before it knows the width. */
  sizing: ChartSizing;
}

/** Height = width × aspect, clamped to [minHeight, maxHeight] (px). */
export interface ChartSizing {
  aspect: number;
  minHeight: number;
  maxHeight: number;
}

/**
 * Height = width × aspect, clamped to [minHeight, maxHeight]; widths below 280 px are treated as 280
 * so labels stay legible (the SVG then scales down with its viewBox).
 */
export function chartLayout(
  containerWidth: number,
  {
    aspect = 0.6,
    minHeight = 180,
    maxHeight = 420,
    margin,
  }: { aspect?: number; minHeight?: number; maxHeight?: number; margin: Margins },
): ChartLayout {
  const width = Math.max(280, Math.round(containerWidth));
  const height = Math.round(Math.min(maxHeight, Math.max(minHeight, width * aspect)));
  return {
    width,
    height,
    margin,
    innerWidth: Math.max(1, width - margin.left - margin.right),
    innerHeight: Math.max(1, height - margin.top - margin.bottom),
    sizing: { aspect, minHeight, maxHeight },
  };
}

/**
 * CSS for a chart's box that gives it, at any container width, the height `chartLayout` computes for
 * that width (containers of 280 px and wider). Pre-rendered markup is laid out for a width the server
 * guesses; with this box the chart already takes its final height then, so measuring the real width at
 * hydration redraws the chart inside the box without moving anything below it (no layout shift).
 */
export function chartBoxStyle({ aspect, minHeight, maxHeight }: ChartSizing): {
  aspectRatio?: string;
  minHeight?: string;
  maxHeight?: string;
  height?: string;
} {
  if (!(aspect > 0) || minHeight >= maxHeight) return { height: `${Math.round(minHeight)}px` };
  return { aspectRatio: `1 / ${aspect}`, minHeight: `${minHeight}px`, maxHeight: `${maxHeight}px` };
}

/**
 * A pixel coordinate rounded to 1/100 px, for marks drawn by the hundred: finer than any screen resolves
 * (0.03 device pixels at 3×), and the pre-rendered HTML carries two decimals instead of fifteen (the
 * baseline race's 360 dots: 8.7 → 4.0 kB gzipped).
 */
export function px(v: number): number {
  return Math.round(v * 100) / 100;
}
