/** Step 0: the three datasets side by side, training points filled, test points hollow. */
import { scaleLinear } from 'd3-scale';
import { useContainerWidth } from '../../charts';
import { DATASET_LABEL, type DatasetPreview } from './model';
import { Legend, Points, boxOf, panelGeometry } from './marks';

export function DatasetPanels({ previews, selected }: { previews: DatasetPreview[]; selected: string }) {
  const [ref, width] = useContainerWidth();
  const g = panelGeometry(width, previews.length, { foot: 4 });
  return (
    <div ref={ref} className="br-datasets">
      <svg
        viewBox={`0 0 ${g.W} ${g.H}`}
        role="img"
        aria-label="Scatter plots of the three datasets, training and test points"
      >
        {previews.map((d, k) => {
          const box = boxOf([...d.train.points, ...d.test.points]);
          const sx = scaleLinear().domain([box.x0, box.x1]).range([0, g.size]);
          const sy = scaleLinear().domain([box.y0, box.y1]).range([g.size, 0]);
          const isSel = d.kind === selected;
          return (
            <g
              key={d.kind}
              transform={`translate(${k * (g.size + g.gap)},0)`}
              className="br-dataset"
              data-dataset={d.kind}
              data-selected={isSel}
            >
              <text x={0} y={12} fontSize={11.5} fill="currentColor" fontWeight={isSel ? 700 : 400}>
                {g.size < 170 ? d.kind : `${DATASET_LABEL[d.kind]}${isSel ? ' · in the race' : ''}`}
              </text>
              <g transform={`translate(0,${g.head})`}>
                <rect
                  width={g.size}
                  height={g.size}
                  fill="none"
                  stroke="currentColor"
                  strokeOpacity={isSel ? 0.9 : 0.25}
                  strokeWidth={isSel ? 1.5 : 1}
                />
                <Points data={d} sx={sx} sy={sy} r={Math.max(1.8, g.size / 70)} />
              </g>
            </g>
          );
        })}
      </svg>
      <Legend />
    </div>
  );
}
