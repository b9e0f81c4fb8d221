/** Shared chart pieces: pure layout, React axes from d3 scales, container-width tracking, debounced control commits, legend swatches. */
export { Axis, axisTicks, PlotAxes, type AxisProps, type AxisScale, type PlotAxisSpec } from './Axis';
export { chartLayout, px, type ChartLayout, type Margins } from './layout';
export { useContainerWidth, DEFAULT_CHART_WIDTH } from './useContainerWidth';
export { LineSwatch, Swatch, type LineSwatchProps } from './Swatch';
