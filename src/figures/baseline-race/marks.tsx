/** Marks the baseline-race panels share: dataset points, square panel geometry, legends. */
import type { RaceData } from '../../experiments/baseline-race/race';
import type { Point } from '../../ml/datasets';
import type { ReactNode } from 'react';
import { Swatch } from '../../charts';
import type { DatasetPreview } from './model';
import { circlesPath, Dots } from '../../charts/marks';

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

/** The two class labels of every dataset. */
const CLASSES = [0, 1] as const;

/** The dataset's points: filled for training, hollow for test, one path per split and class. */
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
  // The centres of one split's points of one class, where they are drawn.
  const centres = (split: 'train' | 'test', label: number) =>
    data[split].points.filter((_, i) => data[split].labels[i] === label).map((pt) => [sx(pt[0]), sy(pt[1])] as const);
  return (
    <g className="br-points">
      {CLASSES.map((label) => (
        <Dots
          key={`tr${label}`}
          className="br-pt br-pt--train"
          centres={centres('train', label)}
          r={r}
          fill={classColour(label)}
          outline={0.6}
        />
      ))}
      {CLASSES.map((label) => {
        const test = centres('test', label);
        return test.length === 0 ? null : (
          <path
            key={`te${label}`}
            className="br-pt br-pt--test"
            d={circlesPath(test, r * 0.95)}
            fill="var(--story-surface, Canvas)"
            stroke={classColour(label)}
            strokeWidth={1.4}
          />
        );
      })}
    </g>
  );
}

/** A square panel per item in one SVG, laid out in a row. */
export function panelGeometry(width: number, count: number, { head = 18, foot = 16, gap = 10 } = {}) {
  const W = Math.max(280, Math.round(width));
  const size = Math.floor((W - gap * (count - 1)) / count);
  return { W, size, head, foot, gap, H: head + size + foot };
}

/** The legends' entries: a swatch mark and its text. */
const LEGEND_ENTRIES: Record<'classes' | 'scalings', readonly (readonly [ReactNode, string])[]> = {
  classes: [
    [<circle cx="6" cy="6" r="4.5" fill="var(--br-class-0)" />, 'class 0'],
    [<circle cx="6" cy="6" r="4.5" fill="var(--br-class-1)" />, 'class 1'],
    [<circle cx="6" cy="6" r="4" fill="none" stroke="currentColor" strokeWidth="1.4" />, 'hollow = test point'],
  ],
  scalings: [
    [<circle cx="6" cy="6" r="4.5" fill="var(--br-scale-0)" />, 'features scaled to [0, π]'],
    [
      <rect x="1.5" y="1.5" width="9" height="9" fill="none" stroke="var(--br-scale-1)" strokeWidth="2" />,
      'standardised',
    ],
    [<line x1="6" x2="6" y1="0" y2="12" stroke="currentColor" strokeWidth="2" />, 'median'],
  ],
};

export function Legend({ scalings = false }: { scalings?: boolean }) {
  return (
    <p className="br-legend">
      {LEGEND_ENTRIES[scalings ? 'scalings' : 'classes'].map(([mark, text]) => (
        <span key={text}>
          <Swatch>{mark}</Swatch> {text}
        </span>
      ))}
    </p>
  );
}
