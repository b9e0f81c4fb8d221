/**
 * Seeded two-dimensional classification datasets, a stratified train/test split and feature scaling.
 *
 * Labels are 0/1 everywhere in src/ml (class 1 = "positive"); models that want ±1 convert
 * internally (y± = 2y − 1). Points are plain `[x, y]` pairs so results serialise to JSON and cross
 * worker boundaries unchanged.
 *
 * - moons:   two interleaved half circles (outer: (cos t, sin t), inner: (1 − cos t, ½ − sin t)),
 *            t uniform in [0, π], plus isotropic Gaussian noise of standard deviation `noise`.
 * - circles: two concentric circles of radius 1 (class 0) and `factor` (class 1, default 0.5),
 *            angle uniform, plus Gaussian noise.
 * - linear:  points uniform in [−1, 1]², labelled by a seeded random line w·x + b > 0; points closer
 *            than `margin` to the line are rejected, so at noise 0 the classes are separable with at
 *            least that margin. Gaussian noise is added after the rejection, so noise > margin/3 lets
 *            classes touch.
 */
import { createRng, deriveSeed, type Rng } from '../sim/rng';

export const DATASET_KINDS = ['moons', 'circles', 'linear'] as const;
export type DatasetKind = (typeof DATASET_KINDS)[number];

export const SCALINGS = ['none', 'standard', 'minmax-pi'] as const;
/** 'standard': zero mean, unit variance per feature; 'minmax-pi': train min → 0, train max → π (angle encoding). */
export type Scaling = (typeof SCALINGS)[number];

export type Point = [number, number];

/** Suggested noise per dataset: enough to blur the boundary without making the task a coin toss. */
export const DEFAULT_NOISE: Record<DatasetKind, number> = { moons: 0.15, circles: 0.1, linear: 0.05 };

export interface Dataset {
  kind: DatasetKind;
  points: Point[];
  /** 0 or 1 for each point. */
  labels: number[];
  /** linear only: the generating line w·x + b = 0 (class 1 where w·x + b > 0), before noise. */
  line?: { w: Point; b: number };
}

export interface DatasetParams {
  kind: DatasetKind;
  /** Total number of points (split evenly between the classes; an odd extra point goes to class 0). */
  n: number;
  /** Standard deviation of the Gaussian jitter added to every point. */
  noise: number;
  seed: number;
  /** circles only: inner radius relative to the outer one (default 0.5). */
  factor?: number;
  /** linear only: half-width of the empty band around the separating line (default 0.1). */
  margin?: number;
}

/** Stream ids for deriveSeed, so that each random purpose has its own independent stream. */
const STREAM = { points: 1, split: 2, line: 3 } as const;

export function makeDataset(p: DatasetParams): Dataset {
  if (!Number.isInteger(p.n) || p.n < 4) throw new RangeError(`dataset size must be an integer ≥ 4 (got ${p.n})`);
  if (!(p.noise >= 0) || !Number.isFinite(p.noise))
    throw new RangeError(`noise must be a finite number ≥ 0 (got ${p.noise})`);
  const rng = createRng(deriveSeed(p.seed, STREAM.points));
  const n1 = Math.floor(p.n / 2);
  const n0 = p.n - n1;
  let base: { points: Point[]; labels: number[]; line?: { w: Point; b: number } };
  switch (p.kind) {
    case 'moons':
      base = moons(n0, n1, rng);
      break;
    case 'circles':
      base = circles(n0, n1, p.factor ?? 0.5, rng);
      break;
    case 'linear':
      base = linear(n0, n1, p.margin ?? 0.1, createRng(deriveSeed(p.seed, STREAM.line)), rng);
      break;
    default:
      throw new RangeError(`unknown dataset kind '${String(p.kind)}'`);
  }
  const points = base.points.map(([a, b]): Point => [a + p.noise * rng.normal(), b + p.noise * rng.normal()]);
  return base.line
    ? { kind: p.kind, points, labels: base.labels, line: base.line }
    : { kind: p.kind, points, labels: base.labels };
}

function moons(n0: number, n1: number, rng: Rng) {
  const points: Point[] = [];
  const labels: number[] = [];
  for (let i = 0; i < n0; i++) {
    const t = Math.PI * rng.next();
    points.push([Math.cos(t), Math.sin(t)]);
    labels.push(0);
  }
  for (let i = 0; i < n1; i++) {
    const t = Math.PI * rng.next();
    points.push([1 - Math.cos(t), 0.5 - Math.sin(t)]);
    labels.push(1);
  }
  return { points, labels };
}

function circles(n0: number, n1: number, factor: number, rng: Rng) {
  if (!(factor > 0 && factor < 1)) throw new RangeError(`circles factor must be in (0, 1) (got ${factor})`);
  const points: Point[] = [];
  const labels: number[] = [];
  for (let i = 0; i < n0 + n1; i++) {
    const t = 2 * Math.PI * rng.next();
    const r = i < n0 ? 1 : factor;
    points.push([r * Math.cos(t), r * Math.sin(t)]);
    labels.push(i < n0 ? 0 : 1);
  }
  return { points, labels };
}

/** Rejection sampling per class; the line passes within 0.3 of the origin so both classes have room. */
function linear(n0: number, n1: number, margin: number, lineRng: Rng, rng: Rng) {
  if (!(margin >= 0 && margin < 0.5)) throw new RangeError(`linear margin must be in [0, 0.5) (got ${margin})`);
  const angle = 2 * Math.PI * lineRng.next();
  const w: Point = [Math.cos(angle), Math.sin(angle)];
  const b = 0.6 * lineRng.next() - 0.3;
  const points: Point[] = [];
  const labels: number[] = [];
  const want = [n0, n1];
  const have = [0, 0];
  // Each class occupies at least ~20% of the square, so the expected number of draws is < 5·n.
  const maxDraws = 1000 * (n0 + n1);
  for (let draws = 0; (have[0] < n0 || have[1] < n1) && draws < maxDraws; draws++) {
    const x: Point = [2 * rng.next() - 1, 2 * rng.next() - 1];
    const s = w[0] * x[0] + w[1] * x[1] + b;
    if (Math.abs(s) < margin) continue;
    const c = s > 0 ? 1 : 0;
    if (have[c] >= want[c]) continue;
    have[c]++;
    points.push(x);
    labels.push(c);
  }
  if (have[0] < n0 || have[1] < n1) throw new Error('linear dataset: rejection sampling did not converge');
  return { points, labels, line: { w, b } };
}

// ---------------------------------------------------------------- split

export interface Split {
  trainX: Point[];
  trainY: number[];
  testX: Point[];
  testY: number[];
}

/**
 * Stratified split: within each class the indices are shuffled (seeded) and round(trainFraction·count)
 * go to training; both parts are then shuffled so the classes interleave.
 */
export function stratifiedSplit(data: Dataset, trainFraction: number, seed: number): Split {
  if (!(trainFraction > 0 && trainFraction < 1))
    throw new RangeError(`trainFraction must be in (0, 1) (got ${trainFraction})`);
  const rng = createRng(deriveSeed(seed, STREAM.split));
  const train: number[] = [];
  const test: number[] = [];
  for (const cls of [0, 1]) {
    const idx: number[] = [];
    data.labels.forEach((y, i) => {
      if (y === cls) idx.push(i);
    });
    shuffleInPlace(idx, rng);
    const k = Math.round(trainFraction * idx.length);
    train.push(...idx.slice(0, k));
    test.push(...idx.slice(k));
  }
  shuffleInPlace(train, rng);
  shuffleInPlace(test, rng);
  return {
    trainX: train.map((i) => [...data.points[i]] as Point),
    trainY: train.map((i) => data.labels[i]),
    testX: test.map((i) => [...data.points[i]] as Point),
    testY: test.map((i) => data.labels[i]),
  };
}

/** Fisher–Yates with a seeded generator. */
export function shuffleInPlace<T>(a: T[], rng: Rng): T[] {
  for (let i = a.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
  return a;
}

// ---------------------------------------------------------------- scaling

/** An affine per-feature map x'ᵢ = (xᵢ − shiftᵢ)·factorᵢ, fitted on training data only. */
export interface Scaler {
  scaling: Scaling;
  shift: Point;
  factor: Point;
}

export function fitScaler(points: readonly Point[], scaling: Scaling): Scaler {
  if (points.length === 0) throw new RangeError('cannot fit a scaler on zero points');
  if (scaling === 'none') return { scaling, shift: [0, 0], factor: [1, 1] };
  const shift: Point = [0, 0];
  const factor: Point = [1, 1];
  for (const k of [0, 1] as const) {
    if (scaling === 'standard') {
      let m = 0;
      for (const p of points) m += p[k];
      m /= points.length;
      let v = 0;
      for (const p of points) v += (p[k] - m) ** 2;
      const sd = Math.sqrt(v / points.length);
      shift[k] = m;
      factor[k] = sd > 0 ? 1 / sd : 1;
    } else {
      let lo = Infinity,
        hi = -Infinity;
      for (const p of points) {
        if (p[k] < lo) lo = p[k];
        if (p[k] > hi) hi = p[k];
      }
      shift[k] = lo;
      factor[k] = hi > lo ? Math.PI / (hi - lo) : 1;
    }
  }
  return { scaling, shift, factor };
}

export function applyScaler(s: Scaler, p: readonly number[]): Point {
  return [(p[0] - s.shift[0]) * s.factor[0], (p[1] - s.shift[1]) * s.factor[1]];
}

export interface PreparedData extends Split {
  /** The fitted scaler (apply it to any raw point, e.g. a decision-boundary grid). */
  scaler: Scaler;
  /** The raw (unscaled) split, for plotting. */
  raw: Split;
}

/** Split, then scale both parts with a scaler fitted on the training part. */
export function prepareData(data: Dataset, scaling: Scaling, trainFraction: number, seed: number): PreparedData {
  const raw = stratifiedSplit(data, trainFraction, seed);
  const scaler = fitScaler(raw.trainX, scaling);
  return {
    trainX: raw.trainX.map((p) => applyScaler(scaler, p)),
    trainY: raw.trainY.slice(),
    testX: raw.testX.map((p) => applyScaler(scaler, p)),
    testY: raw.testY.slice(),
    scaler,
    raw,
  };
}

/** Bounding box of a set of points, padded by `pad` times its size on every side. */
export function boundingBox(points: readonly Point[], pad = 0.1): { x0: number; x1: number; y0: number; y1: number } {
  let x0 = Infinity,
    x1 = -Infinity,
    y0 = Infinity,
    y1 = -Infinity;
  for (const [a, b] of points) {
    if (a < x0) x0 = a;
    if (a > x1) x1 = a;
    if (b < y0) y0 = b;
    if (b > y1) y1 = b;
  }
  const dx = (x1 - x0) * pad || 1,
    dy = (y1 - y0) * pad || 1;
  return { x0: x0 - dx, x1: x1 + dx, y0: y0 - dy, y1: y1 + dy };
}
