/** Steps 1 and 3: each model's decision boundary and class-probability shading over the data, as training runs. */
import { scaleLinear } from 'd3-scale';
import { useContainerWidth } from '../../charts';
import { fmtInt, fmtPercent } from '../../format';
import type { DecisionGrid, RaceData } from '../../experiments/baseline-race/race';
import { MODEL_ORDER, MODEL_SHORT, RACE_EPOCHS, contourSegments, shadeRuns, type DatasetPreview } from './model';
import { Points, boxOf, panelGeometry } from './marks';

const BANDS = 6;
const TINY_LABEL = { vqc: 'Quantum', logistic: 'Logistic', mlp: 'MLP' } as const;

function gridPath(grid: DecisionGrid, sx: (i: number) => number, sy: (j: number) => number): string {
  return contourSegments(grid)
    .map(([a, b, c, d]) => `M${sx(a).toFixed(1)},${sy(b).toFixed(1)}L${sx(c).toFixed(1)},${sy(d).toFixed(1)}`)
    .join('');
}

function Boundary({ grid, size }: { grid: DecisionGrid; size: number }) {
  // Grid index → pixels: cell centres at i·size/(nx−1).
  const gx = (i: number) => (i / (grid.nx - 1)) * size;
  const gy = (j: number) => size - (j / (grid.ny - 1)) * size;
  const runs = shadeRuns(grid, BANDS);
  const half = BANDS / 2;
  return (
    <g className="br-boundary">
      {runs.map((r, k) => {
        const lean = r.band < half ? half - r.band : r.band - half + 1; // 1…3
        const x0 = Math.max(0, gx(r.i0 - 0.5)),
          x1 = Math.min(size, gx(r.i1 + 0.5));
        const y0 = Math.max(0, gy(r.j + 0.5)),
          y1 = Math.min(size, gy(r.j - 0.5));
        return (
          <rect
            key={k}
            x={x0}
            y={y0}
            width={Math.max(0, x1 - x0)}
            height={Math.max(0, y1 - y0) + 0.6}
            shapeRendering="crispEdges"
            fill={`color-mix(in srgb, ${r.band < half ? 'var(--br-class-0)' : 'var(--br-class-1)'} ${7 * lean}%, var(--story-surface, Canvas))`}
          />
        );
      })}
      <path
        className="br-contour"
        d={gridPath(grid, gx, gy)}
        fill="none"
        stroke="currentColor"
        strokeWidth={1.6}
        strokeLinecap="round"
      />
    </g>
  );
}

export function BoundaryPanels({
  race,
  previews,
  dataset,
  compact,
  paused,
}: {
  race: RaceData | undefined;
  previews: DatasetPreview[];
  dataset: string;
  compact: boolean;
  paused: boolean;
}) {
  const [ref, width] = useContainerWidth();
  const g = panelGeometry(compact ? Math.min(width, 520) : width, 3, { head: 30, foot: 4 });
  const last = race?.epochs[race.epochs.length - 1];
  const shown: RaceData['dataset'] | DatasetPreview = race?.dataset ?? previews.find((d) => d.kind === dataset)!;
  const box = race?.dataset.box ?? boxOf([...shown.train.points, ...shown.test.points]);
  const sx = scaleLinear().domain([box.x0, box.x1]).range([0, g.size]);
  const sy = scaleLinear().domain([box.y0, box.y1]).range([g.size, 0]);
  const epoch = last?.epoch ?? 0;
  const narrow = g.size < 170;
  return (
    <div ref={ref} className={`br-race${compact ? ' br-race--compact' : ''}`}>
      <svg
        viewBox={`0 0 ${g.W} ${g.H}`}
        role="img"
        aria-label={`Decision boundaries of the three models after epoch ${epoch}`}
      >
        {MODEL_ORDER.map((m, k) => {
          const grid = race?.grids?.[m];
          const r = last?.models[m];
          return (
            <g key={m} transform={`translate(${k * (g.size + g.gap)},0)`} className="br-model" data-model={m}>
              <text x={0} y={11} fontSize={11.5} fontWeight={650} fill="currentColor">
                {narrow ? TINY_LABEL[m] : MODEL_SHORT[m]}
              </text>
              <text x={0} y={25} fontSize={11} fill="currentColor" className="br-model-acc">
                {race
                  ? `${narrow ? '' : `${race.models[m].parameters} params · `}test ${r ? fmtPercent(r.testAccuracy) : '–'}`
                  : 'waiting…'}
              </text>
              <g transform={`translate(0,${g.head})`}>
                <rect width={g.size} height={g.size} fill="none" stroke="currentColor" strokeOpacity={0.3} />
                {grid ? <Boundary grid={grid} size={g.size} /> : null}
                <Points data={shown} sx={sx} sy={sy} r={Math.max(1.6, g.size / 75)} />
              </g>
            </g>
          );
        })}
      </svg>
      <p className="br-status">
        <span className="br-status__epoch">
          {paused ? `Paused at epoch ${epoch}` : `Epoch ${epoch}`} of {RACE_EPOCHS}
        </span>
        {epoch > 0 ? <span> · shots so far {fmtInt(last!.models.vqc.cost.shots)}</span> : null}
      </p>
    </div>
  );
}
