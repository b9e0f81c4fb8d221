import { describe, expect, it } from 'vitest';
import {
  DATASET_KINDS,
  applyScaler,
  boundingBox,
  fitScaler,
  makeDataset,
  prepareData,
  stratifiedSplit,
  type DatasetKind,
} from '../../../src/ml/datasets';

describe('datasets', () => {
  it.each(DATASET_KINDS)('%s is reproducible from a seed and differs for another seed', (kind: DatasetKind) => {
    const a = makeDataset({ kind, n: 60, noise: 0.1, seed: 7 });
    const b = makeDataset({ kind, n: 60, noise: 0.1, seed: 7 });
    const c = makeDataset({ kind, n: 60, noise: 0.1, seed: 8 });
    expect(b).toEqual(a);
    expect(c.points).not.toEqual(a.points);
    expect(a.points).toHaveLength(60);
    expect(a.labels.filter((y) => y === 1)).toHaveLength(30);
    expect(a.labels.every((y) => y === 0 || y === 1)).toBe(true);
  });

  it('puts an odd extra point in class 0', () => {
    const d = makeDataset({ kind: 'moons', n: 61, noise: 0, seed: 1 });
    expect(d.labels.filter((y) => y === 0)).toHaveLength(31);
  });

  it('moons without noise lie on their two half circles', () => {
    const d = makeDataset({ kind: 'moons', n: 40, noise: 0, seed: 3 });
    d.points.forEach(([x, y], i) => {
      const r = d.labels[i] === 0 ? Math.hypot(x, y) : Math.hypot(x - 1, y - 0.5);
      expect(r).toBeCloseTo(1, 12);
      if (d.labels[i] === 0) expect(y).toBeGreaterThanOrEqual(0);
      else expect(y).toBeLessThanOrEqual(0.5);
    });
  });

  it('circles without noise have radius 1 (class 0) and factor (class 1)', () => {
    const d = makeDataset({ kind: 'circles', n: 40, noise: 0, seed: 3, factor: 0.4 });
    d.points.forEach((p, i) => expect(Math.hypot(p[0], p[1])).toBeCloseTo(d.labels[i] ? 0.4 : 1, 12));
  });

  it('linear without noise is separated by its line with at least the margin', () => {
    for (const seed of [1, 2, 3, 4]) {
      const d = makeDataset({ kind: 'linear', n: 200, noise: 0, seed, margin: 0.15 });
      const { w, b } = d.line!;
      expect(Math.hypot(w[0], w[1])).toBeCloseTo(1, 12);
      d.points.forEach((p, i) => {
        const s = w[0] * p[0] + w[1] * p[1] + b;
        expect(Math.abs(s)).toBeGreaterThanOrEqual(0.15);
        expect(s > 0 ? 1 : 0).toBe(d.labels[i]);
      });
    }
  });

  it('noise moves points by about its standard deviation', () => {
    const clean = makeDataset({ kind: 'circles', n: 400, noise: 0, seed: 5 });
    const noisy = makeDataset({ kind: 'circles', n: 400, noise: 0.2, seed: 5 });
    // Same seed: same base points, then jitter; the radial spread grows accordingly.
    const resid = noisy.points.map(
      (p, i) => Math.hypot(p[0], p[1]) - Math.hypot(clean.points[i][0], clean.points[i][1]),
    );
    const sd = Math.sqrt(resid.reduce((s, r) => s + r * r, 0) / resid.length);
    expect(sd).toBeGreaterThan(0.15);
    expect(sd).toBeLessThan(0.25);
  });

  it('rejects invalid sizes and noise', () => {
    expect(() => makeDataset({ kind: 'moons', n: 2, noise: 0, seed: 1 })).toThrow(RangeError);
    expect(() => makeDataset({ kind: 'moons', n: 20, noise: -1, seed: 1 })).toThrow(RangeError);
  });
});

describe('stratified split', () => {
  const data = makeDataset({ kind: 'moons', n: 101, noise: 0.1, seed: 2 });

  it('is a seeded partition that keeps the class balance', () => {
    const s = stratifiedSplit(data, 0.7, 9);
    expect(stratifiedSplit(data, 0.7, 9)).toEqual(s);
    expect(stratifiedSplit(data, 0.7, 10).trainX).not.toEqual(s.trainX);
    expect(s.trainX.length + s.testX.length).toBe(101);
    // 51 of class 0 → 36 train; 50 of class 1 → 35 train.
    expect(s.trainY.filter((y) => y === 0)).toHaveLength(36);
    expect(s.trainY.filter((y) => y === 1)).toHaveLength(35);
    const key = (p: number[]) => p.join(',');
    const all = new Set(data.points.map(key));
    const seen = new Set([...s.trainX, ...s.testX].map(key));
    expect(seen).toEqual(all);
    // labels travel with their points
    const labelOf = new Map(data.points.map((p, i) => [key(p), data.labels[i]]));
    s.trainX.forEach((p, i) => expect(labelOf.get(key(p))).toBe(s.trainY[i]));
    s.testX.forEach((p, i) => expect(labelOf.get(key(p))).toBe(s.testY[i]));
  });
});

describe('feature scaling', () => {
  const data = makeDataset({ kind: 'moons', n: 80, noise: 0.1, seed: 4 });

  it("'minmax-pi' maps the training range onto [0, π]", () => {
    const d = prepareData(data, 'minmax-pi', 0.7, 1);
    for (const k of [0, 1]) {
      const v = d.trainX.map((p) => p[k]);
      expect(Math.min(...v)).toBeCloseTo(0, 12);
      expect(Math.max(...v)).toBeCloseTo(Math.PI, 12);
    }
  });

  it("'standard' gives zero mean and unit variance on the training set, fitted on training data only", () => {
    const d = prepareData(data, 'standard', 0.7, 1);
    for (const k of [0, 1]) {
      const v = d.trainX.map((p) => p[k]);
      const m = v.reduce((a, b) => a + b, 0) / v.length;
      const s2 = v.reduce((a, b) => a + (b - m) ** 2, 0) / v.length;
      expect(m).toBeCloseTo(0, 12);
      expect(s2).toBeCloseTo(1, 12);
    }
    // the test set is transformed with the training scaler
    expect(d.testX[0]).toEqual(applyScaler(d.scaler, d.raw.testX[0]));
    expect(fitScaler(d.raw.trainX, 'standard')).toEqual(d.scaler);
  });

  it("'none' is the identity", () => {
    const d = prepareData(data, 'none', 0.7, 1);
    expect(d.trainX).toEqual(d.raw.trainX);
  });

  it('boundingBox pads every side by a fraction of the extent: 10 % of 2 × 1 is 0.2 and 0.1', () => {
    const b = boundingBox(
      [
        [0, 0],
        [2, 1],
      ],
      0.1,
    );
    expect(b).toEqual({ x0: -0.2, x1: 2.2, y0: -0.1, y1: 1.1 });
  });
});
