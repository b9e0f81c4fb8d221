/** Method text, downloads and the text alternative of the barren-plateau figure, built from the current data. */
import { format } from 'd3-format';
import type { BarrenPlateauRow } from '../../experiments/barren-plateau';
import { finiteOrNull, formatAsNumber, tableOf, type DataTable } from '../../story/data';
import type { ExpFit } from '../../experiments/barren-plateau/fit';
import { deepLimit, type FigureParams, type Scene } from './model';

export interface SeriesResult {
  key: string;
  label: string;
  rows: BarrenPlateauRow[];
  fit: ExpFit | null;
  complete: boolean;
}

const g3 = (v: number) => (Number.isFinite(v) ? format('.3~g')(v) : '–');
const f3 = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : '–');

/** "−0.64 ± 0.02 per qubit: ×0.53 per added qubit (halves every 1.1 qubits)". */
export function describeFit(fit: ExpFit): string {
  if (!Number.isFinite(fit.slope)) return 'not enough points for a fit yet';
  const err = Number.isFinite(fit.slopeStderr) ? ` ± ${fit.slopeStderr.toFixed(2)}` : '';
  const halving = fit.slope < 0 ? `, halving every ${fit.qubitsPerHalving.toFixed(2)} qubits` : '';
  return `slope ${fit.slope.toFixed(3)}${err} per qubit in ln Var: ×${fit.factor.toFixed(2)} per added qubit${halving}`;
}

export function bpMethod(p: FigureParams, scene: Scene, methods: string[]) {
  return {
    text:
      'Each point is the UNBIASED sample variance of one gradient component over random circuits, computed exactly ' +
      '(parameter shift on a noiseless state vector, or a density matrix under noise) in Web Workers by the ' +
      "article's barren-plateau experiment; error bars are ±1 standard error of that variance (from the sample fourth moment). " +
      'The straight line is a weighted least-squares fit of ln Var = a + b·n (weights 1/σ² with σ = SE(Var)/Var); ' +
      'b is the slope per qubit, e^b the factor per added qubit. The dashed curve, where shown, is the 2-design limit ' +
      '2ⁿ/(3(4ⁿ − 1)) ≈ (1/3)·2⁻ⁿ for ⟨Z₀Z₁⟩ (slope −ln 2 ≈ −0.693). ' +
      [...new Set(methods)].join(' '),
    params: {
      'random circuits per point': p.samples,
      series: scene.series.map((s) => s.label).join('; '),
      qubits: scene.series.map((s) => `${s.run.qubits[0]}–${s.run.qubits[s.run.qubits.length - 1]}`).join('; '),
    },
    seed: p.seed,
    sources: [
      { label: 'Computed in your browser by this article’s simulator (src/experiments/barren-plateau)' },
      { label: 'McClean et al. 2018, arXiv:1803.11173', href: 'https://arxiv.org/abs/1803.11173' },
      { label: 'Cerezo et al. 2021, arXiv:2001.00550', href: 'https://arxiv.org/abs/2001.00550' },
      { label: 'Wang et al. 2021, arXiv:2007.14384', href: 'https://arxiv.org/abs/2007.14384' },
    ],
  };
}

export function bpTable(results: readonly SeriesResult[]): DataTable {
  const rows = results.flatMap((s) => s.rows.map((r) => ({ series: s.label, ...r })));
  return tableOf(rows, [
    { key: 'series' },
    { key: 'qubits', label: 'qubits n' },
    { key: 'layers' },
    { key: 'samples', label: 'circuits' },
    { key: 'mean', label: 'mean gradient', format: formatAsNumber(g3), value: (r) => finiteOrNull(r.mean) },
    { key: 'variance', label: 'Var[∂C]', format: formatAsNumber(g3), value: (r) => finiteOrNull(r.variance) },
    { key: 'varianceStderr', label: '± SE', format: formatAsNumber(g3), value: (r) => finiteOrNull(r.varianceStderr) },
    { key: 'reference', label: 'closed form', format: (v) => (v === null ? '–' : g3(Number(v))) },
  ]);
}

export function bpSummary(step: number, results: readonly SeriesResult[]): string {
  const first = results[0];
  if (!first || first.rows.length === 0) return 'The variances are being computed.';
  const row = (r: BarrenPlateauRow) => `${g3(r.variance)} ± ${g3(r.varianceStderr)} at ${r.qubits} qubits`;
  if (step === 0) {
    const r = first.rows[0];
    return `With 2 qubits, ${r.samples} random circuits of ${r.layers} layers gave gradients of mean ${f3(r.mean)} and variance ${row(r)}; the 2-design limit is 2²/(3·15) = ${g3(deepLimit(2))}.`;
  }
  return (
    results
      .filter((s) => s.rows.length > 0)
      .map((s) => {
        const a = s.rows[0],
          b = s.rows[s.rows.length - 1];
        const span = s.rows.length > 1 ? `the variance fell from ${row(a)} to ${row(b)}` : `the variance was ${row(a)}`;
        const fit = s.fit && step >= 2 ? `; fitted ${describeFit(s.fit)}` : '';
        return `${s.label}: ${span}${fit}.`;
      })
      .join(' ') + (step === 2 ? ' Theory for deep circuits: slope −ln 2 = −0.693, a halving per qubit.' : '')
  );
}
