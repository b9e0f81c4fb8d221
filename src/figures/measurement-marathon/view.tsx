/**
 * The measurement marathon: shots needed to tell a gradient's sign at 95 % against qubits (from the gradient
 * variances the barren-plateau experiment measures, extrapolated with the fitted exponential), then a running
 * counter of the circuits, shots and device time one training run consumes.
 */
import { format } from 'd3-format';
import { scaleLinear, scaleLog } from 'd3-scale';
import { useEffect, useRef, useState } from 'react';
import { PlotAxes, chartLayout, useContainerWidth } from '../../charts';
import { useNearViewport } from '../../charts/useNearViewport';
import type { BarrenPlateauData, BarrenPlateauParams } from '../../experiments/barren-plateau';
import { FigureShell } from '../../story/FigureShell';
import type { DataTable } from '../../story/data';
import type { FigureViewProps } from '../../story/figure-types';
import { useExperiment } from '../../story/useExperiment';
import { fitExponential, type ExpFit } from '../../experiments/barren-plateau/fit';
import { MARATHON_PROFILES, type MarathonParams, type marathonParamSpec } from './meta';
import { MARATHON_EXPERIMENT } from './experiments';
import { paramSelects, withValue, type SettingsProps } from '../../charts/SelectField';
import {
  EXTRAPOLATE_TO,
  LAST_STEP,
  SWEEP_QUBITS,
  Z95,
  countsAt,
  deepLimitShots,
  deviceProfile,
  fittedShots,
  shotRows,
  trainingRun,
  type ShotRow,
  type TrainingRun,
} from './model';
import './measurement-marathon.css';
import { fmtDuration, fmtFixed, fmtInt, fmtSci, fmtSig } from '../../format';
import { ChartSvg } from '../../charts/ChartSvg';
import { Dot } from '../../charts/marks';
import { countTick } from '../../charts/format';
import { SettingsForm } from '../../charts/SettingsForm';

/** The largest register the variances are measured on; beyond it the figure extrapolates. */
/** What the chart shows at step 0 and after, following the step label. */
const CAPTIONS = [
  "shots per circuit to tell a typical gradient's sign at 95 % confidence, against the number of qubits (log scale).",
  'circuits, shots and device time for one training run, counted.',
] as const;
const LAST_MEASURED = SWEEP_QUBITS[SWEEP_QUBITS.length - 1];
const sci = (v: number) => (v < 1e9 ? fmtInt(v) : fmtSci(v));
/** z of a two-sided 95 % interval, as the formulas print it. */
const Z_TEXT = fmtFixed(Z95, 2);
const g3 = (v: number) => (Number.isFinite(v) ? format('.3~g')(v) : '–');

export default function MarathonView(props: FigureViewProps<typeof marathonParamSpec>) {
  const { id, step, title, stepLabel, params: p, setParams, paramIssues, reducedMotion } = props;
  const hostRef = useRef<HTMLDivElement>(null);
  const near = useNearViewport(hostRef);
  const run: BarrenPlateauParams = {
    qubits: SWEEP_QUBITS,
    layers: [p.layers],
    samples: p.samples,
    seed: p.seed,
    cost: 'zz',
    ansatz: 'mcclean',
    noise: 0,
  };
  const exp = useExperiment<BarrenPlateauParams, BarrenPlateauData>(MARATHON_EXPERIMENT, run, { enabled: near });
  const rows = exp.data?.rows ?? [];
  const shots = shotRows(rows);
  const fit = fitExponential(rows);
  const profile = deviceProfile(p.profile);
  const row = rows.find((r) => r.qubits === p.qubits);
  const training =
    row && row.variance > 0
      ? trainingRun({
          qubits: p.qubits,
          layers: p.layers,
          examples: p.examples,
          epochs: p.epochs,
          variance: row.variance,
          profile,
        })
      : null;
  const ready = exp.ready;
  const table: DataTable = {
    columns: [
      { key: 'qubits', label: 'qubits n' },
      { key: 'variance', label: 'measured Var[∂C]', format: (v) => g3(Number(v)) },
      { key: 'shots', label: 'shots N₉₅ per circuit', format: (v) => sci(Number(v)) },
      { key: 'shotsOneSigma', label: 'one-sigma rule 1/(2Var)', format: (v) => sci(Number(v)) },
      { key: 'deep', label: 'N₉₅, 2-design limit', format: (v) => sci(Number(v)) },
    ],
    rows: [
      ...shots.map((s) => ({
        qubits: s.qubits,
        variance: s.variance,
        shots: s.shots,
        shotsOneSigma: s.shotsOneSigma,
        deep: deepLimitShots(s.qubits),
      })),
      ...(ready && Number.isFinite(fit.slope)
        ? [16, 20, 30].map((n) => ({
            qubits: `${n} (fit)`,
            variance: Math.exp(fit.intercept + fit.slope * n),
            shots: fittedShots(fit, n),
            shotsOneSigma: 1 / (2 * Math.exp(fit.intercept + fit.slope * n)),
            deep: deepLimitShots(n),
          }))
        : []),
    ],
  };

  return (
    <FigureShell
      id={id}
      step={step}
      title={title}
      caption={`${stepLabel}: ${CAPTIONS[step === 0 ? 0 : 1]}`}
      ready={ready}
      picture={(exp.data?.refinement.level ?? 0) >= 2}
      work={{
        done: exp.done,
        total: exp.total,
        label: `Measuring gradient variances${exp.data ? `: ${exp.data.refinement.label}` : ''}`,
      }}
      method={{
        text:
          'Gradient variances Var[∂C] of ⟨Z₀Z₁⟩ are measured exactly over random McClean circuits by the barren-plateau experiment (the same run as the previous figure). ' +
          'Estimator: the parameter-shift estimate ĝ = [Ĉ(θ+π/2) − Ĉ(θ−π/2)]/2 from N ±1-valued shots per circuit has standard error σ_shot ≤ 1/√(2N). ' +
          `Telling its sign at 95 % confidence (two-sided, z = ${Z_TEXT}) needs |g| ≥ z·σ_shot, so N ≥ z²/(2g²); with the typical gradient |g| ≈ √Var[∂C] this is N₉₅ ≈ z²/(2·Var) ≈ ${fmtSig(Z95 ** 2 / 2)}/Var ` +
          `(the one-sigma rule 1/(2·Var) used in the text is ${fmtSig(Z95 ** 2)} times smaller). Beyond ${LAST_MEASURED} qubits N₉₅ follows the fitted exponential of ln Var against n (weighted least squares). ` +
          'A training run: a circuit of n qubits and L layers has P = n·L angles; each epoch takes the gradient for every training example, 2 circuits per parameter (parameter shift): circuits = 2·P·M·E, shots = circuits·N₉₅, time = shots ÷ shot rate. ' +
          `The shot rate ignores compilation, loading, network and queue time, so the times are lower bounds. ${profile.note}`,
        params: {
          'random circuits per point': p.samples,
          layers: p.layers,
          'model qubits': p.qubits,
          'training examples': p.examples,
          epochs: p.epochs,
          'shot rate (shots/s)': profile.shotsPerSecond,
          'shot-rate source': `${profile.source} (${profile.date})`,
        },
        seed: p.seed,
        sources: [
          { label: 'Computed in your browser (src/experiments/barren-plateau)' },
          { label: `${profile.source}, ${profile.date}` },
          { label: 'Parameter shift: Schuld et al. 2019, arXiv:1811.11184', href: 'https://arxiv.org/abs/1811.11184' },
        ],
      }}
      data={table}
      alt={{
        summary: marathonSummary(step, shots, fit, training, ready),
        caption: 'Shots per circuit to resolve a gradient sign',
      }}
      issues={paramIssues}
      controls={step === LAST_STEP ? <MarathonControls params={p} setParams={setParams} /> : null}
    >
      <div ref={hostRef} className="mm">
        {exp.error ? <p role="alert">{exp.error}</p> : null}
        {step === 0 ? (
          <ShotsChart shots={shots} fit={ready ? fit : null} />
        ) : (
          <Counter training={training} animate={!reducedMotion && ready} />
        )}
      </div>
    </FigureShell>
  );
}

function marathonSummary(
  step: number,
  shots: ShotRow[],
  fit: ExpFit,
  training: TrainingRun | null,
  ready: boolean,
): string {
  if (shots.length === 0) return 'The gradient variances are being measured.';
  if (step === 0) {
    const a = shots[0],
      b = shots[shots.length - 1];
    const ext =
      ready && Number.isFinite(fit.slope)
        ? ` Extrapolating the fitted exponential (${fit.slope.toFixed(3)} per qubit in ln Var): ${sci(fittedShots(fit, 20))} shots at 20 qubits and ${sci(fittedShots(fit, 30))} at 30.`
        : '';
    return `To tell a typical gradient's sign at 95 % confidence, N₉₅ = ${Z_TEXT}²/(2·Var) shots per circuit: ${sci(a.shots)} at ${a.qubits} qubits, ${sci(b.shots)} at ${b.qubits} qubits (measured variance ${g3(b.variance)}).${ext}`;
  }
  if (!training) return 'The gradient variances are being measured.';
  const t = training;
  return (
    `One training run of a ${t.qubits}-qubit, ${t.layers}-layer model (${fmtInt(t.parameters)} parameters) on ${fmtInt(t.examples)} examples for ${fmtInt(t.epochs)} epochs: ` +
    `2 × ${fmtInt(t.parameters)} × ${fmtInt(t.examples)} × ${fmtInt(t.epochs)} = ${sci(t.circuits)} circuits, times ${fmtInt(t.shotsPerCircuit)} shots each = ${sci(t.shots)} shots, ` +
    `which take ${fmtDuration(t.seconds)} at ${fmtInt(t.profile.shotsPerSecond)} shots per second (${t.profile.label}), before any queue.`
  );
}

const MARGIN = { top: 24, right: 16, bottom: 42, left: 58 };

function ShotsChart({ shots, fit }: { shots: ShotRow[]; fit: ExpFit | null }) {
  const [ref, width] = useContainerWidth();
  const L = chartLayout(width, { aspect: 0.6, minHeight: 230, maxHeight: 360, margin: MARGIN });
  const x = scaleLinear()
    .domain([1.5, EXTRAPOLATE_TO + 0.5])
    .range([0, L.innerWidth]);
  const top = Math.max(
    1e10,
    fit && Number.isFinite(fit.slope) ? fittedShots(fit, EXTRAPOLATE_TO) * 3 : 0,
    deepLimitShots(EXTRAPOLATE_TO) * 3,
  );
  const y = scaleLog()
    .domain([1, 10 ** Math.ceil(Math.log10(top))])
    .range([L.innerHeight, 0]);
  const decades: number[] = [];
  for (let e = 0; e <= Math.log10(y.domain()[1]) + 1e-9; e += 2) decades.push(10 ** e);
  const deep = Array.from({ length: 57 }, (_, i) => 2 + i / 2)
    .map((n, i) => `${i ? 'L' : 'M'}${x(n).toFixed(1)},${y(deepLimitShots(n)).toFixed(1)}`)
    .join('');
  const fitPath =
    fit && Number.isFinite(fit.slope)
      ? `M${x(2)},${y(fittedShots(fit, 2))}L${x(EXTRAPOLATE_TO)},${y(fittedShots(fit, EXTRAPOLATE_TO))}`
      : '';
  const clamp = (v: number) => y(Math.min(y.domain()[1], Math.max(1, v)));
  return (
    <div ref={ref}>
      <ChartSvg layout={L} label="Shots per circuit needed to resolve a gradient's sign, against qubits, log scale">
        <PlotAxes
          layout={L}
          y={{
            scale: y,
            tickValues: decades,
            format: countTick,
            label: 'shots per circuit N₉₅ (log)',
          }}
          x={{ scale: x, tickValues: [2, 6, 10, 14, 18, 22, 26, 30], format: format('d'), label: 'qubits n' }}
        />
        <rect
          x={x(LAST_MEASURED + 0.5)}
          y={0}
          width={x(EXTRAPOLATE_TO + 0.5) - x(LAST_MEASURED + 0.5)}
          height={L.innerHeight}
          fill="currentColor"
          fillOpacity={0.04}
        />
        <text x={x(LAST_MEASURED + 1)} y={12} fontSize={11} fill="currentColor">
          extrapolated
        </text>
        <path className="mm-deep" d={deep} fill="none" stroke="currentColor" strokeWidth={1.25} strokeDasharray="2 3" />
        {fitPath ? (
          <path
            className="mm-fit"
            d={fitPath}
            fill="none"
            stroke="var(--fig-series-2)"
            strokeWidth={2}
            strokeDasharray="6 4"
          />
        ) : null}
        {shots.map((s) => (
          <g key={s.qubits} className="mm-point" data-qubits={s.qubits}>
            <line
              x1={x(s.qubits)}
              x2={x(s.qubits)}
              y1={clamp(s.shotsLow)}
              y2={clamp(s.shotsHigh)}
              stroke="var(--fig-series-1)"
              strokeWidth={1.5}
            />
            <Dot cx={x(s.qubits)} cy={y(s.shots)} r={4} fill="var(--fig-series-1)" outline={1} />
          </g>
        ))}
      </ChartSvg>
      <ul className="mm-legend">
        <li>
          <span className="mm-swatch mm-swatch--dot" aria-hidden="true" />
          measured: {Z_TEXT}²/(2·Var[∂C]) from the simulated circuits (±1 SE)
        </li>
        <li>
          <span className="mm-swatch mm-swatch--fit" aria-hidden="true" />
          fitted exponential, extrapolated
          {fit && Number.isFinite(fit.slope) ? `: ×${(1 / fit.factor).toFixed(2)} shots per added qubit` : ''}
        </li>
        <li>
          <span className="mm-swatch mm-swatch--deep" aria-hidden="true" />
          2-design limit {Z_TEXT}²·3(4ⁿ − 1)/(2·2ⁿ) ≈ {fmtSig(1.5 * Z95 ** 2, 2)} × 2ⁿ
        </li>
      </ul>
    </div>
  );
}

const COUNTER_MS = 6000;

function Counter({ training, animate }: { training: TrainingRun | null; animate: boolean }) {
  const [replay, setReplay] = useState(0);
  // One count per training run and replay: it starts from zero when animated, else shows the end.
  const key = training ? `${training.circuits}|${training.shotsPerCircuit}|${training.profile.id}|${replay}` : '';
  const counting = training !== null && animate;
  const count = `${key}|${counting}`;
  const [progress, setProgress] = useState({ count, f: counting ? 0 : 1 });
  let f = progress.f;
  if (progress.count !== count) {
    f = counting ? 0 : 1;
    setProgress({ count, f });
  }
  useEffect(() => {
    if (!counting) return;
    let raf = 0;
    const start = performance.now();
    const tick = (now: number) => {
      const t = Math.min(1, (now - start) / COUNTER_MS);
      setProgress({ count, f: t });
      if (t < 1) raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [count, counting]);
  if (!training) return <p className="mm-wait">Measuring the gradient variance…</p>;
  const c = countsAt(training, f);
  const t = training;
  return (
    <div className="mm-counter" data-fraction={f.toFixed(3)}>
      <p className="mm-model">
        A {t.qubits}-qubit, {t.layers}-layer circuit: <strong>{fmtInt(t.parameters)}</strong> parameters,{' '}
        {fmtInt(t.examples)} training examples, {fmtInt(t.epochs)} epochs, <strong>{fmtInt(t.shotsPerCircuit)}</strong>{' '}
        shots per circuit (N₉₅ at {t.qubits} qubits).
      </p>
      <div className="mm-progress" aria-hidden="true">
        <div style={{ inlineSize: `${(f * 100).toFixed(1)}%` }} />
      </div>
      <dl className="mm-tally" aria-live="off">
        <div>
          <dt>epoch</dt>
          <dd>
            {fmtInt(c.epoch)} / {fmtInt(t.epochs)}
          </dd>
        </div>
        <div>
          <dt>circuits</dt>
          <dd>{sci(c.circuits)}</dd>
        </div>
        <div>
          <dt>shots</dt>
          <dd>{sci(c.shots)}</dd>
        </div>
        <div>
          <dt>device time</dt>
          <dd>{fmtDuration(c.seconds)}</dd>
        </div>
      </dl>
      <p className="mm-formula">
        2 circuits × {fmtInt(t.parameters)} parameters × {fmtInt(t.examples)} examples × {fmtInt(t.epochs)} epochs ={' '}
        {sci(t.circuits)} circuits; × {fmtInt(t.shotsPerCircuit)} shots = {sci(t.shots)} shots; ÷{' '}
        {fmtInt(t.profile.shotsPerSecond)} shots/s ({t.profile.label}) = <strong>{fmtDuration(t.seconds)}</strong>,
        before any queue.
      </p>
      {animate && f >= 1 ? (
        <button type="button" className="mm-replay" onClick={() => setReplay((r) => r + 1)}>
          Count again
        </button>
      ) : null}
    </div>
  );
}

function MarathonControls({ params, setParams }: SettingsProps<MarathonParams>) {
  const select = paramSelects(params, setParams, { className: 'mm-control' });
  const counts = (key: 'qubits' | 'layers' | 'examples' | 'epochs', label: string, choices: number[]) =>
    select(key, label, withValue(choices, params[key]), fmtInt);
  return (
    <SettingsForm className="mm-controls" label="Your own training run">
      {counts('qubits', 'Qubits', SWEEP_QUBITS)}
      {counts('layers', 'Layers', [1, 2, 5, 10, 20, 50, 100])}
      {counts('examples', 'Training examples', [10, 100, 1000, 10_000, 60_000])}
      {counts('epochs', 'Epochs', [1, 10, 50, 100, 500])}
      {select('profile', 'Shot rate', MARATHON_PROFILES, (v) => deviceProfile(v).label)}
    </SettingsForm>
  );
}
