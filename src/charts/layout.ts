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
  };
}
