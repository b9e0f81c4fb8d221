/**
 * The exponential decay of the gradient variance with the register size, fitted to barren-plateau rows:
 * ln Var = intercept + slope · n. Shared by the barren-plateau and measurement-marathon figures.
 */
import type { BarrenPlateauRow } from './spec';

export interface ExpFit {
  /** d ln Var / dn: the slope per qubit. */
  slope: number;
  intercept: number;
  slopeStderr: number;
  points: number;
  /** e^slope: the factor the variance is multiplied by per added qubit. */
  factor: number;
  /** Qubits per halving of the variance, ln 2 / (−slope) (Infinity when not decaying). */
  qubitsPerHalving: number;
}

/**
 * Weighted least squares of ln(variance) against n. Each point is weighted by 1/σ² with σ = SE(Var)/Var,
 * the delta-method standard error of ln Var; points without a usable error get the median weight.
 * Rows with variance ≤ 0 or fewer than `minSamples` samples are skipped.
 */
export function fitExponential(
  rows: ReadonlyArray<Pick<BarrenPlateauRow, 'qubits' | 'variance' | 'varianceStderr' | 'samples'>>,
  minSamples = 4,
): ExpFit {
  const pts = rows.filter((r) => r.variance > 0 && Number.isFinite(r.variance) && r.samples >= minSamples);
  const rel = pts.map((r) => r.varianceStderr / r.variance);
  const good = rel.filter((x) => Number.isFinite(x) && x > 0).sort((a, b) => a - b);
  const median = good.length ? good[Math.floor(good.length / 2)] : 1;
  const w = rel.map((x) => 1 / (Number.isFinite(x) && x > 0 ? x : median) ** 2);
  const n = pts.length;
  const empty: ExpFit = { slope: NaN, intercept: NaN, slopeStderr: NaN, points: n, factor: NaN, qubitsPerHalving: NaN };
  if (n < 2) return empty;
  let sw = 0,
    sx = 0,
    sy = 0;
  pts.forEach((r, i) => {
    sw += w[i];
    sx += w[i] * r.qubits;
    sy += w[i] * Math.log(r.variance);
  });
  const mx = sx / sw,
    my = sy / sw;
  let sxx = 0,
    sxy = 0;
  pts.forEach((r, i) => {
    const dx = r.qubits - mx;
    sxx += w[i] * dx * dx;
    sxy += w[i] * dx * (Math.log(r.variance) - my);
  });
  if (!(sxx > 0)) return empty;
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  // Standard error from the scatter about the line (robust to mis-stated weights), n − 2 degrees of freedom.
  let rss = 0;
  pts.forEach((r, i) => {
    rss += w[i] * (Math.log(r.variance) - intercept - slope * r.qubits) ** 2;
  });
  const slopeStderr = n > 2 ? Math.sqrt(rss / (n - 2) / sxx) : NaN;
  return {
    slope,
    intercept,
    slopeStderr,
    points: n,
    factor: Math.exp(slope),
    qubitsPerHalving: slope < 0 ? Math.LN2 / -slope : Infinity,
  };
}

/** The fitted variance at n. */
export function fitValue(fit: ExpFit, n: number): number {
  return Math.exp(fit.intercept + fit.slope * n);
}
