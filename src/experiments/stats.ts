/**
 * Sample statistics used by every experiment. Variance is the UNBIASED sample variance s² (divisor K − 1);
 * its standard error uses the fourth central moment (no normality assumption):
 *   Var(s²) = μ₄/K − σ⁴(K − 3)/(K(K − 1)),  estimated with the sample μ₄ and s².
 * The standard deviation is never reported as a variance.
 */

export interface SampleStats {
  count: number;
  mean: number;
  /** Unbiased sample variance (divisor count − 1); NaN for fewer than 2 samples. */
  variance: number;
  /** Standard error of the mean, √(s²/K). */
  meanStderr: number;
  /** Standard error of the unbiased variance estimate (from the sample fourth moment). */
  varianceStderr: number;
}

/** Two-pass statistics over `values` in the order given (the order fixes the floating-point result). */
export function sampleStats(values: ArrayLike<number>): SampleStats {
  const k = values.length;
  if (k === 0) return { count: 0, mean: NaN, variance: NaN, meanStderr: NaN, varianceStderr: NaN };
  let sum = 0;
  for (let i = 0; i < k; i++) sum += values[i];
  const mean = sum / k;
  if (k < 2) return { count: k, mean, variance: NaN, meanStderr: NaN, varianceStderr: NaN };
  let m2 = 0,
    m4 = 0;
  for (let i = 0; i < k; i++) {
    const d = values[i] - mean;
    const d2 = d * d;
    m2 += d2;
    m4 += d2 * d2;
  }
  const variance = m2 / (k - 1);
  const mu4 = m4 / k;
  const varOfVar = k > 3 ? mu4 / k - (variance * variance * (k - 3)) / (k * (k - 1)) : NaN;
  return {
    count: k,
    mean,
    variance,
    meanStderr: Math.sqrt(variance / k),
    varianceStderr: Number.isNaN(varOfVar) ? NaN : Math.sqrt(Math.max(0, varOfVar)),
  };
}

export interface LinearFit {
  slope: number;
  intercept: number;
  /** Standard error of the slope (NaN with fewer than 3 points). */
  slopeStderr: number;
  points: number;
}

/** Ordinary least squares y = intercept + slope·x (e.g. ln Var against n; slope −ln 2 ≈ −0.693 for 2⁻ⁿ). */
export function linearFit(xs: ArrayLike<number>, ys: ArrayLike<number>): LinearFit {
  const n = xs.length;
  if (n !== ys.length) throw new RangeError('linearFit: xs and ys differ in length');
  if (n < 2) return { slope: NaN, intercept: NaN, slopeStderr: NaN, points: n };
  let sx = 0,
    sy = 0;
  for (let i = 0; i < n; i++) {
    sx += xs[i];
    sy += ys[i];
  }
  const mx = sx / n,
    my = sy / n;
  let sxx = 0,
    sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (xs[i] - mx) ** 2;
    sxy += (xs[i] - mx) * (ys[i] - my);
  }
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  let rss = 0;
  for (let i = 0; i < n; i++) rss += (ys[i] - intercept - slope * xs[i]) ** 2;
  const slopeStderr = n > 2 ? Math.sqrt(rss / (n - 2) / sxx) : NaN;
  return { slope, intercept, slopeStderr, points: n };
}
