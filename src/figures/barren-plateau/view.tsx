/**
 * The barren-plateau figure: the variance of a gradient component against the number of qubits on a log
 * scale, computed live in workers (partial results drawn as samples arrive), with ±1 SE error bars, the
 * fitted exponential, and the gradients themselves as dots in the first steps.
 */
import { format } from 'd3-format';
import { fmtFixed } from '../../format';
import { scaleLinear, scaleLog } from 'd3-scale';
import { useRef } from 'react';
import { Axis, PlotAxes, LineSwatch, chartLayout, useContainerWidth } from '../../charts';
import { useNearViewport } from '../../charts/useNearViewport';
import type { BarrenPlateauData, BarrenPlateauParams } from '../../experiments/barren-plateau';
import { FigureShell } from '../../story/FigureShell';
import type { FigureViewProps } from '../../story/figure-types';
import { useExperiment } from '../../story/useExperiment';
import { BarrenPlateauControls } from './controls';
import type { barrenPlateauParamSpec } from './meta';
import { BP_EXPERIMENT } from './experiments';
import { fitExponential, fitValue } from '../../experiments/barren-plateau/fit';
import { LAST_STEP, deepLimit, sceneFor, type Series } from './model';
import { bpMethod, bpSummary, bpTable, describeFit, type SeriesResult } from './text';
import './barren-plateau.css';
import { ChartSvg } from '../../charts/ChartSvg';
import { Dot } from '../../charts/marks';

const TONES = ['var(--fig-series-1)', 'var(--fig-series-2)', 'currentColor'];
const MARGIN = { top: 26, right: 16, bottom: 42, left: 56 };
const DOT_MARGIN = { top: 22, right: 16, bottom: 8, left: 56 };
const sup = format('.0e');

function useSeries(series: Series | undefined, enabled: boolean) {
  return useExperiment<BarrenPlateauParams, BarrenPlateauData>(BP_EXPERIMENT, series?.run ?? {}, {
    enabled: enabled && series !== undefined,
  });
}

export default function BarrenPlateauView(props: FigureViewProps<typeof barrenPlateauParamSpec>) {
  const { id, step, title, stepLabel, params: p, setParams, paramIssues } = props;
  const scene = sceneFor(step, p);
  const hostRef = useRef<HTMLDivElement>(null);
  const near = useNearViewport(hostRef);
  const a = useSeries(scene.series[0], near);
  const b = useSeries(scene.series[1], near);
  const states = [a, b].slice(0, scene.series.length);
  const results: SeriesResult[] = scene.series.map((s, i) => {
    const rows = states[i].data?.rows ?? [];
    return { key: s.key, label: s.label, rows, fit: s.fit ? fitExponential(rows) : null, complete: states[i].ready };
  });
  const ready = states.every((s) => s.ready);
  const done = states.reduce((t, s) => t + (s.ready ? 1 : s.total > 0 ? s.done / s.total : 0), 0);
  const error = states.find((s) => s.error)?.error;
  const methods = states.map((s) => s.meta?.method).filter((m): m is string => Boolean(m));
  const fits = results.filter((r) => r.fit);

  return (
    <FigureShell
      id={id}
      step={step}
      title={title}
      caption={`${stepLabel}: variance of the gradient over random circuits against the number of qubits (log scale).`}
      ready={ready}
      picture={states.every((s) => (s.data?.refinement.level ?? 0) >= 2)}
      work={{ done, total: states.length, label: samplingLabel(states.map((s) => s.data?.refinement)) }}
      method={bpMethod(p, scene, methods)}
      data={bpTable(results)}
      alt={{ summary: bpSummary(step, results), caption: 'Gradient variance by number of qubits' }}
      issues={paramIssues}
      controls={step === LAST_STEP ? <BarrenPlateauControls params={p} setParams={setParams} /> : null}
    >
      <div ref={hostRef} className="bp">
        {scene.notes.length > 0 ? (
          <p className="bp-note" role="status">
            {scene.notes.join(' ')}
          </p>
        ) : null}
        {error ? (
          <p className="bp-note" role="alert">
            {error}
          </p>
        ) : null}
        <BpChart scene={scene} results={results} />
        <ul className="bp-legend">
          {scene.series.map((s, i) => (
            <li key={s.key}>
              <LineSwatch
                line={{ stroke: TONES[s.tone], width: 2.5, dash: s.tone === 2 ? '4 3' : undefined }}
                width={22}
                height={10}
                inset={1}
              />
              {s.label}
              {results[i].fit ? (
                <span className="bp-fit" data-series={s.key}>
                  fit: {describeFit(results[i].fit!)}
                </span>
              ) : null}
            </li>
          ))}
          {scene.deepLimit ? (
            <li>
              <LineSwatch line={{ stroke: 'currentColor', width: 1.5, dash: '2 3' }} width={22} height={10} inset={1} />
              2-design limit 2ⁿ/(3(4ⁿ − 1)), slope −ln 2 = −{fmtFixed(Math.LN2, 3)}
            </li>
          ) : null}
        </ul>
        {fits.length === 0 && !ready ? null : null}
      </div>
    </FigureShell>
  );
}

/** "Sampling random circuits: 25 of 200 per point so far" (the least refined series decides). */
function samplingLabel(refinements: ReadonlyArray<{ level: number; target: number } | undefined>): string {
  const known = refinements.filter((r): r is { level: number; target: number } => r !== undefined);
  if (known.length < refinements.length || known.length === 0) return 'Sampling random circuits';
  const least = known.reduce((a, b) => (a.level / a.target <= b.level / b.target ? a : b));
  return least.level >= least.target
    ? `Sampling random circuits: ${least.target} per point`
    : `Sampling random circuits: ${least.level} of ${least.target} per point so far`;
}

function BpChart({ scene, results }: { scene: Scene2; results: SeriesResult[] }) {
  const [ref, width] = useContainerWidth();
  const L = chartLayout(width, { aspect: 0.55, minHeight: 220, maxHeight: 340, margin: MARGIN });
  const D = chartLayout(width, { aspect: 0.22, minHeight: 110, maxHeight: 150, margin: DOT_MARGIN });
  const qubits = [...new Set(scene.series.flatMap((s) => s.run.qubits))].sort((x, y) => x - y);
  const nLo = Math.min(2, qubits[0]),
    nHi = Math.max(scene.dots ? 12 : qubits[qubits.length - 1], qubits[0] + 1);
  const x = scaleLinear()
    .domain([nLo - 0.5, nHi + 0.5])
    .range([0, L.innerWidth]);
  const all = results.flatMap((r) => r.rows).filter((r) => r.variance > 0 && Number.isFinite(r.variance));
  const se = (r: { varianceStderr: number }) => (Number.isFinite(r.varianceStderr) ? r.varianceStderr : 0);
  const lows = all.map((r) => Math.max(r.variance - se(r), r.variance / 4));
  let yMin = Math.min(1e-4, ...lows, ...(scene.deepLimit ? [deepLimit(nHi)] : []));
  const yMax = Math.max(0.3, ...all.map((r) => r.variance + se(r)));
  yMin = 10 ** Math.floor(Math.log10(yMin));
  const y = scaleLog()
    .domain([yMin, 10 ** Math.ceil(Math.log10(yMax))])
    .range([L.innerHeight, 0]);
  const decades: number[] = [];
  for (let e = Math.round(Math.log10(y.domain()[0])); e <= Math.round(Math.log10(y.domain()[1])); e++)
    decades.push(10 ** e);
  const decadeTicks = decades.length > 6 ? decades.filter((_, i) => i % 2 === 0) : decades;
  const xTicks =
    qubits.length > 0
      ? Array.from({ length: nHi - nLo + 1 }, (_, i) => nLo + i).filter((n) =>
          nHi - nLo > 8 && width < 480 ? n % 2 === 0 : true,
        )
      : [];
  const clamp = (v: number) => Math.max(yMin, v);
  const deepPath = scene.deepLimit
    ? Array.from({ length: (nHi - nLo) * 4 + 1 }, (_, i) => nLo + i / 4)
        .map((n, i) => `${i ? 'L' : 'M'}${x(n).toFixed(1)},${y(deepLimit(n)).toFixed(1)}`)
        .join('')
    : '';

  // Dots: the gradients of the first series, one column per n.
  const dotRows = scene.dots ? (results[0]?.rows ?? []) : [];
  const gMax = Math.max(0.25, ...dotRows.filter((r) => r.qubits === 2).flatMap((r) => r.gradients.map(Math.abs)));
  const gy = scaleLinear().domain([-gMax, gMax]).range([D.innerHeight, 0]).nice(2);
  const colW = Math.max(4, (x(3) - x(2)) * 0.55);

  return (
    <div ref={ref}>
      {scene.dots ? (
        <ChartSvg layout={D} className="bp-dots" label="Each dot is one random circuit's gradient, by number of qubits">
          <Axis
            scale={gy}
            orient="left"
            ticks={3}
            format={format('~g')}
            label="gradient ∂⟨Z₀Z₁⟩/∂θ"
            grid={D.innerWidth}
          />
          {dotRows.map((r) => (
            // One path per column (a dot is two arcs): thousands of dots stay cheap to re-render as samples arrive.
            <path
              key={r.qubits}
              className="bp-dotcol"
              data-qubits={r.qubits}
              data-dots={r.gradients.length}
              fill="var(--fig-series-1)"
              fillOpacity={0.45}
              d={r.gradients
                .map((g, k) => {
                  const cx = x(r.qubits) + (((k * 0.6180339887) % 1) - 0.5) * colW;
                  return `M${(cx - 1.6).toFixed(1)},${gy(g).toFixed(1)}a1.6,1.6 0 1,0 3.2,0a1.6,1.6 0 1,0 -3.2,0`;
                })
                .join('')}
            />
          ))}
        </ChartSvg>
      ) : null}
      <ChartSvg layout={L} className="bp-main" label="Gradient variance against number of qubits, logarithmic scale">
        <PlotAxes
          layout={L}
          y={{
            scale: y,
            tickValues: decadeTicks,
            format: (v) => (v >= 0.01 ? format('~g')(v) : sup(v)),
            label: 'Var[∂C] (log scale)',
          }}
          x={{ scale: x, tickValues: xTicks, format: format('d'), label: 'qubits n' }}
        />
        {deepPath ? (
          <path
            className="bp-deep"
            d={deepPath}
            fill="none"
            stroke="currentColor"
            strokeWidth={1.5}
            strokeDasharray="2 3"
          />
        ) : null}
        {scene.series.map((s, i) => {
          const r = results[i];
          const colour = TONES[s.tone];
          const fit = r.fit;
          const qs = s.run.qubits;
          return (
            <g key={s.key} className="bp-series" data-series={s.key}>
              {fit && Number.isFinite(fit.slope) ? (
                <line
                  className="bp-fitline"
                  x1={x(qs[0])}
                  x2={x(qs[qs.length - 1])}
                  y1={y(clamp(fitValue(fit, qs[0])))}
                  y2={y(clamp(fitValue(fit, qs[qs.length - 1])))}
                  stroke={colour}
                  strokeWidth={1.5}
                  strokeOpacity={0.8}
                  strokeDasharray={s.tone === 2 ? '6 4' : undefined}
                />
              ) : null}
              {r.rows
                .filter((row) => row.variance > 0 && Number.isFinite(row.variance))
                .map((row) => {
                  const cx = x(row.qubits) + (scene.series.length > 1 ? (i - 0.5) * 6 : 0);
                  const lo = y(clamp(row.variance - se(row) > 0 ? row.variance - se(row) : yMin));
                  const hi = y(row.variance + se(row));
                  return (
                    <g key={row.qubits} className="bp-point" data-qubits={row.qubits} data-samples={row.samples}>
                      <line x1={cx} x2={cx} y1={lo} y2={hi} stroke={colour} strokeWidth={1.5} />
                      {s.tone === 2 ? (
                        <rect
                          x={cx - 4}
                          y={y(row.variance) - 4}
                          width={8}
                          height={8}
                          fill="var(--story-surface, Canvas)"
                          stroke={colour}
                          strokeWidth={1.5}
                        />
                      ) : (
                        <Dot cx={cx} cy={y(row.variance)} r={4} fill={colour} outline={1} />
                      )}
                    </g>
                  );
                })}
            </g>
          );
        })}
      </ChartSvg>
    </div>
  );
}

type Scene2 = ReturnType<typeof sceneFor>;
