/** Step 3: test accuracy of every retrained model in the knob sweep, one row per model and setting. */
import { format } from 'd3-format';
import { scaleLinear } from 'd3-scale';
import { Axis, chartLayout, useContainerWidth } from '../../charts';
import type { SweepData } from '../../experiments/baseline-race/sweep';
import { DATASET_LABEL, stripRows } from './model';
import { Legend } from './marks';
import { ChartSvg } from '../../charts/ChartSvg';

const STRIP_MARGIN = { top: 8, right: 20, bottom: 38, left: 150 };

export function StripPlot({ sweep, dataset }: { sweep: SweepData | undefined; dataset: string }) {
  const [ref, width] = useContainerWidth();
  const rows = stripRows(sweep);
  const L = chartLayout(width, { aspect: 0.45, minHeight: 210, maxHeight: 260, margin: STRIP_MARGIN });
  const accs = (sweep?.runs ?? []).map((r) => r.testAccuracy);
  const lo = Math.min(0.5, Math.floor(Math.min(1, ...accs) * 10) / 10);
  const x = scaleLinear().domain([lo, 1]).range([0, L.innerWidth]);
  const rowH = L.innerHeight / rows.length;
  const seeds = [...new Set((sweep?.runs ?? []).map((r) => r.seed))].sort((a, b) => a - b);
  return (
    <div ref={ref} className="br-strip">
      <ChartSvg
        layout={L}
        label={`Strip plot of test accuracy on ${DATASET_LABEL[dataset as keyof typeof DATASET_LABEL]} by model and setting`}
      >
        <Axis
          scale={x}
          orient="bottom"
          y={L.innerHeight}
          ticks={Math.max(3, Math.floor(L.innerWidth / 70))}
          format={format('.0%')}
          label="test accuracy"
          grid={L.innerHeight}
        />
        {rows.map((r, k) => {
          const cy = k * rowH + rowH / 2;
          return (
            <g key={r.key} className="br-strip-row" data-key={r.key} data-runs={r.runs.length}>
              {k === 2 ? (
                <line
                  x1={-STRIP_MARGIN.left + 4}
                  x2={L.innerWidth}
                  y1={k * rowH}
                  y2={k * rowH}
                  stroke="currentColor"
                  strokeOpacity={0.35}
                  strokeDasharray="3 3"
                />
              ) : null}
              <text x={-8} y={cy} dy="0.32em" textAnchor="end" fontSize={11} fill="currentColor">
                {r.label}
              </text>
              {Number.isFinite(r.median) ? (
                <line
                  x1={x(r.median)}
                  x2={x(r.median)}
                  y1={cy - rowH * 0.4}
                  y2={cy + rowH * 0.4}
                  stroke="currentColor"
                  strokeWidth={2}
                />
              ) : null}
              {r.runs.map((run, i) => {
                const si = Math.max(0, seeds.indexOf(run.seed));
                const std = run.scaling === 'standard';
                const dy = (std ? 1 : -1) * (rowH * 0.12 + si * rowH * 0.06);
                const cx = x(run.testAccuracy);
                return std ? (
                  <rect
                    key={i}
                    className="br-dot"
                    x={cx - 3.2}
                    y={cy + dy - 3.2}
                    width={6.4}
                    height={6.4}
                    fill="none"
                    stroke="var(--br-scale-1)"
                    strokeWidth={1.6}
                  />
                ) : (
                  <circle
                    key={i}
                    className="br-dot"
                    cx={cx}
                    cy={cy + dy}
                    r={3.4}
                    fill="var(--br-scale-0)"
                    fillOpacity={0.85}
                  />
                );
              })}
            </g>
          );
        })}
      </ChartSvg>
      <Legend scalings />
    </div>
  );
}
