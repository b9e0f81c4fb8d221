/** Words and tables built from the shot-noise data: method, text alternative and downloads. Pure. */
import { finiteOrNull, formatAsNumber, tableOf, type DataTable } from '../../story/data';
import { LAST_STEP, type SeriesData, type SeriesSpec, type SeriesStats, type ShotNoiseParams } from './model';
import { fmtInt } from '../../format';

const shotsWord = (n: number) => `${fmtInt(n)} shot${n === 1 ? '' : 's'}`;
const f3 = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : '–');
const g3 = (v: number) => (Number.isFinite(v) ? v.toPrecision(3) : '–');

export function shotNoiseMethod(p: ShotNoiseParams, series: readonly SeriesSpec[]) {
  return {
    text:
      'The state-vector simulator prepares one qubit as RY(θ)|0⟩ = cos(θ/2)|0⟩ + sin(θ/2)|1⟩. Each run measures it N ' +
      'times: the counts n₀, n₁ are drawn from their Born probabilities with the seeded xoshiro128** generator ' +
      '(sampleCounts: shot by shot up to 512 shots, above that as one exact binomial draw, which has the same ' +
      'distribution as N separate shots) and the run reports the estimate (n₀ − n₁)/N of ⟨Z⟩ = cos θ. Run r at N shots draws from deriveSeed(seed, N, r), so the ' +
      'same seed gives the same runs. Histograms bin the run estimates on the lattice of possible values −1 + 2k/N; ' +
      'the error bar spans mean ± 1.96σ, σ being the sample standard deviation of the runs (drawn within [−1, 1]).',
    params: {
      'θ (rad)': p.theta,
      'runs per histogram': p.runs,
      'N per histogram': series.map((s) => `${fmtInt(s.shots)} (${fmtInt(s.runs)} runs)`).join(', '),
    },
    seed: p.seed,
    sources: [{ label: 'Computed in your browser by this article’s simulator (src/sim: StateVector, sampleCounts)' }],
  };
}

/** Raw data of the histograms shown: one row per run. */
export function shotNoiseDownload(series: readonly SeriesData[]): DataTable {
  const runs = series.flatMap((s) => Array.from(s.estimates, (estimate, run) => ({ shots: s.shots, run, estimate })));
  return tableOf(runs, [
    { key: 'shots', label: 'shots per run (N)' },
    { key: 'run' },
    { key: 'estimate', label: 'estimate of <Z>' },
  ]);
}

/** The text alternative: a sentence about the histograms shown, and a table of every series' statistics. */
export function shotNoiseAlt(
  step: number,
  p: ShotNoiseParams,
  stats: readonly SeriesStats[],
  shownShots: readonly number[],
) {
  const byShots = new Map(stats.map((s) => [s.shots, s]));
  const trueValue = Math.cos(p.theta);
  const head = `The true value is ⟨Z⟩ = cos θ = ${f3(trueValue)} for θ = ${p.theta.toFixed(2)} rad.`;
  const describe = (s: SeriesStats) =>
    `With N = ${shotsWord(s.shots)} per run, ${fmtInt(s.runs)} simulated runs averaged ${f3(s.mean)} with a spread ` +
    `(standard deviation σ) of ${g3(s.std)} against ${g3(s.theoryStd)} from theory; the middle 95 % of runs fell ` +
    `between ${f3(s.q025)} and ${f3(s.q975)}.`;
  const shown = shownShots.map((n) => byShots.get(n)).filter((s): s is SeriesStats => s !== undefined && s.runs > 0);
  let summary = `${head} ${shown.map(describe).join(' ')}`;
  if (
    step >= LAST_STEP &&
    shown.length === 2 &&
    Number.isFinite(shown[0].std) &&
    Number.isFinite(shown[1].std) &&
    shown[1].std > 0
  ) {
    summary += ` ${fmtInt(shown[1].shots / shown[0].shots)} times the shots made the ±1.96σ interval ${(shown[0].std / shown[1].std).toFixed(1)} times narrower: one more decimal digit.`;
  }
  const table = tableOf(stats, [
    { key: 'shots', label: 'shots per run N', format: formatAsNumber(fmtInt) },
    { key: 'runs' },
    { key: 'mean', label: 'mean estimate', format: formatAsNumber(f3) },
    { key: 'std', label: 'measured σ', format: formatAsNumber(g3), value: (s) => finiteOrNull(s.std) },
    { key: 'theory', label: 'theory σ', format: formatAsNumber(g3), value: (s) => s.theoryStd },
    { key: 'q025', label: '2.5 % of runs below', format: formatAsNumber(f3), value: (s) => finiteOrNull(s.q025) },
    { key: 'q975', label: '97.5 % of runs below', format: formatAsNumber(f3), value: (s) => finiteOrNull(s.q975) },
  ]);
  return { summary, table, caption: 'Spread of the estimates by shots per run' };
}
