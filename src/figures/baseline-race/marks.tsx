/** Marks the baseline-race panels share: dataset points, square panel geometry, legends. */
import type { RaceData } from '../../experiments/baseline-race/race';
import type { Point } from '../../ml/datasets';
import { px, Swatch } from '../../charts';
import type { DatasetPreview } from './model';
import { Dot } from '../../charts/marks';

export type Box = { x0: number; x1: number; y0: number; y1: number };

export function boxOf(points: readonly Point[]): Box {
  let x0 = Infinity,
    x1 = -Infinity,
    y0 = Infinity,
    y1 = -Infinity;
  for (const [a, b] of points) {
    x0 = Math.min(x0, a);
    x1 = Math.max(x1, a);
    y0 = Math.min(y0, b);
    y1 = Math.max(y1, b);
  }
  const dx = (x1 - x0) * 0.1 || 1,
    dy = (y1 - y0) * 0.1 || 1;
  return { x0: x0 - dx, x1: x1 + dx, y0: y0 - dy, y1: y1 + dy };
}

export const classColour = (y: number) => (y === 1 ? 'var(--br-class-1)' : 'var(--br-class-0)');

export function Points({
  data,
  sx,
  sy,
  r,
}: {
  data: DatasetPreview | RaceData['dataset'];
  sx: (v: number) => number;
  sy: (v: number) => number;
  r: number;
}) {
  return (
    <g className="br-points">
      {data.train.points.map((pt, i) => (
        <Dot
          key={`tr${i}`}
          className="br-pt br-pt--train"
          cx={px(sx(pt[0]))}
          cy={px(sy(pt[1]))}
          r={r}
          fill={classColour(data.train.labels[i])}
          outline={0.6}
        />
      ))}
      {data.test.points.map((pt, i) => (
        <circle
          key={`te${i}`}
          className="br-pt br-pt--test"
          cx={px(sx(pt[0]))}
          cy={px(sy(pt[1]))}
          r={r * 0.95}
          fill="var(--story-surface, Canvas)"
          stroke={classColour(data.test.labels[i])}
          strokeWidth={1.4}
        />
      ))}
    </g>
  );
}

/** A square panel per item in one SVG, laid out in a row. */
export function panelGeometry(width: number, count: number, { head = 18, foot = 16, gap = 10 } = {}) {
  const W = Math.max(280, Math.round(width));
  const size = Math.floor((W - gap * (count - 1)) / count);
  return { W, size, head, foot, gap, H: head + size + foot };
}

export function Legend({ scalings = false }: { scalings?: boolean }) {
  if (scalings) {
    return (
      <p className="br-legend">
        <span>
          <Swatch>
            <circle cx="6" cy="6" r="4.5" fill="var(--br-scale-0)" />
          </Swatch>{' '}
          features scaled to [0, π]
        </span>
        <span>
          <Swatch>
            <rect x="1.5" y="1.5" width="9" height="9" fill="none" stroke="var(--br-scale-1)" strokeWidth="2" />
          </Swatch>{' '}
          standardised
        </span>
        <span>
          <Swatch>
            <line x1="6" x2="6" y1="0" y2="12" stroke="currentColor" strokeWidth="2" />
          </Swatch>{' '}
          median
        </span>
      </p>
    );
  }
  return (
    <p className="br-legend">
      <span>
        <Swatch>
          <circle cx="6" cy="6" r="4.5" fill="var(--br-class-0)" />
        </Swatch>{' '}
        class 0
      </span>
      <span>
        <Swatch>
          <circle cx="6" cy="6" r="4.5" fill="var(--br-class-1)" />
        </Swatch>{' '}
        class 1
      </span>
      <span>
        <Swatch>
          <circle cx="6" cy="6" r="4" fill="none" stroke="currentColor" strokeWidth="1.4" />
        </Swatch>{' '}
        hollow = test point
      </span>
    </p>
  );
}
