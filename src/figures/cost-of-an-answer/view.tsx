/**
 * What one answer costs: QPU, GPU simulation and the reader's own browser. Step 0 compares the three for
 * one register size; step 1 sweeps n = 2…60 (time); step 2 adds dollars and energy and marks where the
 * QPU takes over. The QPU and GPU are closed forms (computed during render, so they pre-render); the
 * browser curve is timed live with our simulator in time slices after mount (never a long task).
 */
import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import { useId, useMemo } from 'react';
import { PlotAxes, LineSwatch, chartLayout, useContainerWidth } from '../../charts';
import { SeriesLine, type LineStyle } from '../../charts/marks';
import { LogBarPanels, logDomain, metricPanels, type LogBarRow } from '../../charts/LogBars';
import { paramSelects, withValue } from '../../charts/SelectField';
import { FigureShell } from '../../story/FigureShell';
import type { FigureViewProps } from '../../story/figure-types';
import { useSlicedTask, type SlicedTask } from '../../story/useSlicedTask';
import { fmtDuration, fmtUsd, pow10 } from '../../format';
import { deviceTiming, PLAN_IDS, pricePlan, TIMED_DEVICE_IDS } from '../../costs/profiles';
import { ANSWERS, ANSWER_LABEL, type costParamSpec } from './meta';
import {
  BROWSER_MEASURED_MAX,
  LAST_STEP,
  METRICS,
  N_MAX,
  N_MIN,
  crossover,
  sweep,
  type CostInputs,
  type Metric,
  type PassTimings,
  type Row,
} from './model';
import {
  METRIC_FMT,
  METRIC_LABEL,
  costAltTable,
  costDownload,
  costMethod,
  costSummary,
  describeCrossover,
} from './text';
import { runTimingUnits, TIMED_SIZES, UNITS_PER_SIZE, type TimingProgress } from './timing';
import './cost-of-an-answer.css';
import { ChartSvg } from '../../charts/ChartSvg';
import { SettingsForm } from '../../charts/SettingsForm';

const Q = 'var(--fig-series-1)';
const G = 'var(--fig-series-2)';
const B = 'currentColor';
/** Each series' line, drawn by the chart and keyed in the legend. */
const LINES = {
  qpu: { stroke: Q, width: 2.5 },
  gpu: { stroke: G, width: 2.25, dash: '7 4' },
  browser: { stroke: B, width: 1.5 },
  'browser-extrapolated': { stroke: B, width: 1.5, dash: '2 3' },
} satisfies Record<string, LineStyle>;
/** Values below this are drawn as nothing: a log axis cannot span down to subnormal numbers (10^-324 is 0). */
const TINY = 1e-200;

/** The live timing of our simulator, a register size's start or one of its rounds per unit (cached for the page's life). */
const BROWSER_TIMING: SlicedTask<TimingProgress, PassTimings> = {
  key: 'cost-of-an-answer:browser-timing',
  total: TIMED_SIZES.length * UNITS_PER_SIZE,
  cost: Number.POSITIVE_INFINITY, // never during render: a measurement differs between server and client
  init: () => ({ seconds: new Map() }),
  run: runTimingUnits,
  view: (acc) => new Map(acc.seconds),
};

function useBrowserTimings() {
  return useSlicedTask(BROWSER_TIMING, { sliceMs: 8 });
}

export default function CostOfAnAnswerView(props: FigureViewProps<typeof costParamSpec>) {
  const { id, step, title, stepLabel, params: inputs, setParams, paramIssues } = props;
  const timing = useBrowserTimings();
  const rows = useMemo(() => sweep(inputs, timing.value), [inputs, timing.value]);
  const browserReady = timing.ready;
  const sizes = [...new Set([2, 10, BROWSER_MEASURED_MAX, inputs.qubits, 30, 33, 36, 40, 50, 60])].sort(
    (a, b) => a - b,
  );
  return (
    <FigureShell
      id={id}
      step={step}
      title={title}
      caption={`${stepLabel}: ${ANSWER_LABEL[inputs.answer]} on a QPU, simulated on a GPU, and simulated in your browser${step === 0 ? ` at ${inputs.qubits} qubits` : ', by register size (log scale)'}.`}
      ready={browserReady}
      work={{ done: timing.done, total: timing.total, label: 'Timing your browser' }}
      method={costMethod(inputs)}
      data={costDownload(rows)}
      alt={{
        summary: costSummary(step, inputs, rows, browserReady),
        table: costAltTable(rows, sizes),
        caption: 'Cost of one answer by register size',
      }}
      issues={paramIssues}
      controls={step === LAST_STEP ? <CostControls p={inputs} setParams={setParams} /> : null}
    >
      <div className="coa">
        {step === 0 ? <OneAnswer rows={rows} n={inputs.qubits} /> : null}
        {step >= 1 ? (
          <div className={step === LAST_STEP ? 'coa-grid' : undefined}>
            {(step === 1 ? (['seconds'] as Metric[]) : METRICS).map((m) => (
              <SweepChart key={m} rows={rows} metric={m} small={step === LAST_STEP} />
            ))}
          </div>
        ) : null}
        <Legend />
        <Readout step={step} rows={rows} browserReady={browserReady} />
      </div>
    </FigureShell>
  );
}

/** The bars of the one-size panels, in order: each side that has a value, its label and colour. */
const ONE_ANSWER_SIDES = [
  { side: 'qpu', label: 'QPU', colour: Q },
  { side: 'gpu', label: 'GPU simulation', colour: G },
  { side: 'browser', label: 'your browser', colour: 'var(--color-muted, currentColor)' },
] as const;

const ONE_ANSWER_TITLES = { seconds: 'Wall-clock time', usd: 'Dollars', kWh: 'Energy at the wall' } as const;

function OneAnswer({ rows, n }: { rows: readonly Row[]; n: number }) {
  const [ref, width] = useContainerWidth();
  const r = rows.find((x) => x.n === n)!;
  const panels = metricPanels(ONE_ANSWER_TITLES, (m) => {
    const fmt = METRIC_FMT[m];
    const bars = ONE_ANSWER_SIDES.filter(({ side }) => r[side].available && r[side][m] > TINY).map(
      ({ side, label, colour }): LogBarRow => ({ key: side, label, to: r[side][m], value: fmt(r[side][m]), colour }),
    );
    return { rows: bars, tick: (v: number) => tick(m, v) };
  });
  return (
    <div ref={ref} className="coa-one">
      <LogBarPanels className="coa-panel" panels={panels} width={width} />
    </div>
  );
}

/** Decade ticks in one unit per axis (10⁻⁶ s beside 10² s, never "10 ms" beside "10⁻⁶ seconds"). */
function tick(m: Metric, v: number): string {
  const e = Math.round(Math.log10(v));
  if (m === 'seconds') return `${pow10(e)} s`;
  if (m === 'usd') return e >= -2 && e <= 5 ? fmtUsd(v) : `$${pow10(e)}`;
  return `${pow10(e)} kWh`;
}

const MARGIN = { top: 14, right: 12, bottom: 40, left: 66 };

function SweepChart({ rows, metric, small }: { rows: readonly Row[]; metric: Metric; small: boolean }) {
  const [ref, width] = useContainerWidth();
  const clip = useId();
  const L = chartLayout(width, {
    aspect: small ? 0.3 : 0.58,
    minHeight: small ? 130 : 230,
    maxHeight: small ? 165 : 330,
    margin: MARGIN,
  });
  const pts = (side: 'qpu' | 'gpu' | 'browser', measured?: boolean) =>
    rows
      .filter(
        (r) =>
          r[side].available &&
          r[side][metric] > TINY &&
          (measured === undefined || r.browser.measured === measured || (!measured && r.n === BROWSER_MEASURED_MAX)),
      )
      .map((r) => ({ n: r.n, v: r[side][metric] }));
  const series = [
    { key: 'qpu', points: pts('qpu') },
    { key: 'gpu', points: pts('gpu') },
    { key: 'browser', points: pts('browser', true) },
    { key: 'browser-extrapolated', points: pts('browser', false) },
  ] as const;
  const values = series.flatMap((s) => s.points.map((p) => p.v));
  const [lo, hi] = logDomain(values);
  const x = scaleLinear().domain([N_MIN, N_MAX]).range([0, L.innerWidth]);
  const y = scaleLog().domain([lo, hi]).range([L.innerHeight, 0]).clamp(true);
  const path = line<{ n: number; v: number }>()
    .x((p) => x(p.n))
    .y((p) => y(p.v));
  const c = crossover(rows, 'gpu', metric);
  const e0 = Math.ceil(Math.log10(lo)),
    e1 = Math.floor(Math.log10(hi));
  const every = Math.max(1, Math.ceil((e1 - e0 + 1) / (small ? 4 : 6)));
  const yTicks: number[] = [];
  if (Number.isFinite(e0) && Number.isFinite(e1))
    for (let e = e0; e <= e1; e++) if ((e - e0) % every === 0) yTicks.push(10 ** e);
  return (
    <figure ref={ref} className="coa-sweep" data-metric={metric}>
      <figcaption className="coa-sweep__title">
        {METRIC_LABEL[metric][0].toUpperCase() + METRIC_LABEL[metric].slice(1)} per answer
      </figcaption>
      <ChartSvg
        layout={L}
        label={`${METRIC_LABEL[metric]} per answer against register size for the QPU, a GPU simulation and your browser`}
        defs={
          <clipPath id={clip}>
            <rect x={0} y={-4} width={L.innerWidth} height={L.innerHeight + 8} />
          </clipPath>
        }
      >
        <PlotAxes
          layout={L}
          y={{ scale: y, tickValues: yTicks, format: (v) => tick(metric, v) }}
          x={{ scale: x, tickValues: [2, 10, 20, 30, 40, 50, 60], format: String, label: 'qubits n' }}
        />
        {c.n !== null ? (
          <g className="coa-cross" data-crossover={c.n}>
            <line
              x1={x(c.n)}
              x2={x(c.n)}
              y1={0}
              y2={L.innerHeight}
              stroke="currentColor"
              strokeDasharray="3 3"
              strokeOpacity={0.7}
            />
            <text
              x={x(c.n) + (x(c.n) > L.innerWidth * 0.5 ? -4 : 4)}
              y={L.innerHeight - 6}
              textAnchor={x(c.n) > L.innerWidth * 0.5 ? 'end' : 'start'}
              fontSize={11}
              fill="currentColor"
              stroke="var(--color-bg, Canvas)"
              strokeWidth={3}
              paintOrder="stroke"
            >
              QPU ahead from n = {c.n}
            </text>
          </g>
        ) : null}
        <g clipPath={`url(#${clip})`}>
          {series.map((s) =>
            s.points.length > 1 ? (
              <SeriesLine key={s.key} data-series={s.key} d={path(s.points)} line={LINES[s.key]} />
            ) : null,
          )}
        </g>
      </ChartSvg>
    </figure>
  );
}

function Legend() {
  return (
    <ul className="coa-legend" aria-label="Legend">
      <li>
        <LineSwatch line={LINES.qpu} /> QPU
      </li>
      <li>
        <LineSwatch line={LINES.gpu} /> GPU simulation (H100)
      </li>
      <li>
        <LineSwatch line={LINES.browser} /> your browser, measured
      </li>
      <li>
        <LineSwatch line={LINES['browser-extrapolated']} /> extrapolated ×2 per qubit
      </li>
    </ul>
  );
}

function Readout({ step, rows, browserReady }: { step: number; rows: readonly Row[]; browserReady: boolean }) {
  if (step === 0) return null;
  const cg = crossover(rows, 'gpu', 'seconds');
  const cb = crossover(rows, 'browser', 'seconds');
  return (
    <p
      className="coa-readout"
      data-crossover-gpu={cg.n ?? 'none'}
      data-crossover-browser={browserReady ? (cb.n ?? 'none') : 'pending'}
    >
      <strong>Time:</strong> {describeCrossover(cg, 'gpu', 'seconds')};{' '}
      {browserReady ? describeCrossover(cb, 'browser', 'seconds') : 'your browser is being timed'}.
      {step === LAST_STEP ? (
        <>
          {' '}
          <strong>Dollars:</strong> {describeCrossover(crossover(rows, 'gpu', 'usd'), 'gpu', 'usd')}.{' '}
          <strong>Energy:</strong> {describeCrossover(crossover(rows, 'gpu', 'kWh'), 'gpu', 'kWh')}.
        </>
      ) : null}
    </p>
  );
}

function CostControls({ p, setParams }: { p: CostInputs; setParams(patch: Partial<CostInputs>): void }) {
  const select = paramSelects(p, setParams, { layout: 'inline' });
  return (
    <SettingsForm className="coa-controls" label="Answer settings">
      {select('answer', 'answer', ANSWERS, (a) => ANSWER_LABEL[a])}
      {select('eps', 'precision ε', withValue([0.1, 0.03, 0.01, 0.001], p.eps, 'descending'))}
      {select('layers', 'ansatz layers', withValue([1, 5, 10, 50, 100], p.layers))}
      {select('device', 'device', TIMED_DEVICE_IDS, (d) => deviceTiming(d).name)}
      {select('plan', 'price plan', PLAN_IDS, (d) => pricePlan(d).label)}
      {select('queue', 'queue per job', withValue([0, 60, 3600, 86400], p.queue), fmtDuration)}
    </SettingsForm>
  );
}
