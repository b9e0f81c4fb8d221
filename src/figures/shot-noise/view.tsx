/**
 * The shot-noise figure: histograms of many N-shot estimates of ⟨Z⟩ for RY(θ)|0⟩, the true value
 * cos θ, each histogram's 95 % range, and the measured spread against √((1 − cos²θ)/N).
 */
import { scaleLinear, scaleLog } from 'd3-scale';
import { format } from 'd3-format';
import { useId } from 'react';
import { Axis, chartLayout, useContainerWidth } from '../../charts';
import { FigureShell } from '../../story/FigureShell';
import type { FigureViewProps } from '../../story/figure-types';
import { useHydrated } from '../../story/useHydrated';
import { useSlicedTask } from '../../story/useSlicedTask';
import { ShotNoiseControls } from './controls';
import type { shotNoiseParamSpec } from './meta';
import {
  LAST_STEP,
  Z95,
  domainFor,
  histogram,
  latticeBinSize,
  seriesForStep,
  seriesStats,
  shotNoiseTask,
  theoryStd,
  type SeriesData,
  type SeriesStats,
  type ShotNoiseParams,
} from './model';
import { shotNoiseAlt, shotNoiseDownload, shotNoiseMethod } from './text';
import { fmtInt } from '../../format';
import { ChartSvg } from '../../charts/ChartSvg';
import { Dot, HaloText } from '../../charts/marks';

const MARGIN = { top: 30, right: 14, bottom: 42, left: 46 };

export default function ShotNoiseView(props: FigureViewProps<typeof shotNoiseParamSpec>) {
  const { id, step, title, stepLabel, progress, params, setParams, paramIssues, reducedMotion } = props;
  const p: ShotNoiseParams = params;
  const { shown, all } = seriesForStep(step, p);
  // A new task object each render is fine: useSlicedTask follows the task's key.
  const task = shotNoiseTask(p, all);
  // Up to ~2·10⁵ single-shot draws (a few ms) compute during render, so the pre-render holds the first
  // steps' data; the 10⁴- and 10⁶-shot steps (~15 ms) run in time slices and never make a long task.
  const result = useSlicedTask(task, { syncCost: 2e5 });
  const data = result.value;
  const byShots = new Map(data.map((d) => [d.shots, d]));
  const shownData = shown.map((s) => byShots.get(s.shots)).filter((d): d is SeriesData => d !== undefined);
  const stats = data.map((d) => seriesStats(d.estimates, p.theta, d.shots));
  const domain = domainFor(step, progress, p);

  return (
    <FigureShell
      id={id}
      step={step}
      title={title}
      caption={`${stepLabel}: how often repeated runs gave each estimate of ⟨Z⟩; dashed line: the true value.`}
      ready={result.ready}
      work={{ done: result.done, total: result.total, label: 'Sampling shots' }}
      method={shotNoiseMethod(p, all)}
      data={shotNoiseDownload(shownData)}
      alt={shotNoiseAlt(
        step,
        p,
        stats,
        shown.map((s) => s.shots),
      )}
      issues={paramIssues}
      controls={step === LAST_STEP ? <ShotNoiseControls params={p} setParams={setParams} /> : null}
    >
      <ShotNoiseChart
        theta={p.theta}
        domain={domain}
        series={shownData}
        all={stats}
        shownShots={shown.map((s) => s.shots)}
        reducedMotion={reducedMotion}
      />
    </FigureShell>
  );
}

interface ChartProps {
  theta: number;
  domain: [number, number];
  series: SeriesData[];
  all: SeriesStats[];
  shownShots: number[];
  reducedMotion: boolean;
}

function ShotNoiseChart({ theta, domain, series, all, shownShots, reducedMotion }: ChartProps) {
  const [ref, width] = useContainerWidth();
  const clipId = useId();
  // Bars in the pre-rendered HTML stay as they are while hydrating; bars added later fade in.
  const hydrated = useHydrated();
  const rows = Math.max(1, series.length);
  const L = chartLayout(width, {
    aspect: rows === 1 ? 0.45 : 0.6,
    minHeight: rows === 1 ? 190 : 250,
    maxHeight: rows === 1 ? 280 : 320,
    margin: MARGIN,
  });
  const x = scaleLinear().domain(domain).range([0, L.innerWidth]);
  const trueX = x(Math.cos(theta));
  const rowGap = 14;
  const rowH = (L.innerHeight - rowGap * (rows - 1)) / rows;
  const span = domain[1] - domain[0];
  const tickFmt = format(span >= 0.5 ? '.1f' : span >= 0.05 ? '.2f' : span >= 0.005 ? '.3f' : '.4f');
  const motionOn = !reducedMotion;

  // The bars' fade-in is all this figure animates: a CSS transition from `@starting-style` (shot-noise.css)
  // fades in bars inserted after the first render, not those of the pre-rendered picture, and keeps the
  // animation library out of the embed's first load.
  return (
    <div ref={ref} className={motionOn && hydrated ? 'sn sn--fade' : 'sn'}>
      <ChartSvg
        layout={L}
        label={`Histogram of ⟨Z⟩ estimates for ${shownShots.map((n) => `${fmtInt(n)} shots`).join(' and ')} per run`}
        defs={
          <clipPath id={clipId}>
            <rect x={0} y={-MARGIN.top} width={L.innerWidth} height={L.height} />
          </clipPath>
        }
      >
        {series.map((s, row) => {
          const top = row * (rowH + rowGap);
          const bottom = top + rowH;
          const sigma = theoryStd(theta, s.shots);
          const bins = histogram(s.estimates, s.shots, latticeBinSize(s.shots, sigma, 2));
          const maxShare = bins.reduce((m, b) => Math.max(m, b.share), 0) || 1;
          const y = scaleLinear()
            .domain([0, maxShare * 1.05])
            .range([bottom, top + 34])
            .nice(3);
          const st = seriesStats(s.estimates, theta, s.shots);
          const barMax = Math.max(4, L.innerWidth * 0.05);
          const colour = row === 0 ? 'var(--fig-series-1)' : 'var(--fig-series-2)';
          const errY = top + 24;
          const hasErr = Number.isFinite(st.std);
          const errLo = x(Math.max(-1, st.low));
          const errHi = x(Math.min(1, st.high));
          return (
            <g key={s.shots} className="sn-row" data-shots={s.shots}>
              <Axis scale={y} orient="left" ticks={3} format={format('.0%')} grid={L.innerWidth} />
              <g clipPath={`url(#${clipId})`}>
                {bins.map((b) => {
                  const cx = x((b.x0 + b.x1) / 2);
                  const w = Math.min(barMax, Math.max(1, x(b.x1) - x(b.x0) - 1));
                  const h = Math.max(0, bottom - y(b.share));
                  const geometry = { x: cx - w / 2, y: bottom - h, width: w, height: h };
                  return <rect key={`${b.x0}`} className="sn-bar" fill={colour} {...geometry} />;
                })}
                {hasErr ? (
                  <g className="sn-errorbar" stroke={colour} strokeWidth={2}>
                    <line x1={errLo} x2={errHi} y1={errY} y2={errY} />
                    <line x1={errLo} x2={errLo} y1={errY - 5} y2={errY + 5} />
                    <line x1={errHi} x2={errHi} y1={errY - 5} y2={errY + 5} />
                    <circle cx={x(st.mean)} cy={errY} r={3} fill={colour} stroke="none" />
                  </g>
                ) : null}
              </g>
              <HaloText className="sn-label" x={L.innerWidth} y={top + 10} textAnchor="end" fontSize={11.5}>
                N = {fmtInt(s.shots)} · {fmtInt(st.runs)}
                {st.runs < s.runs ? ` of ${fmtInt(s.runs)}` : ''} runs
                {hasErr ? ` · ±1.96σ = ±${format('.2~g')(Z95 * st.std)}` : ''}
              </HaloText>
            </g>
          );
        })}
        <line
          className="sn-true"
          x1={trueX}
          x2={trueX}
          y1={-6}
          y2={L.innerHeight}
          stroke="currentColor"
          strokeDasharray="4 3"
          strokeWidth={1.25}
        />
        <text
          x={Math.min(Math.max(trueX, 40), L.innerWidth - 40)}
          y={-12}
          textAnchor="middle"
          fontSize={11.5}
          fill="currentColor"
        >
          cos θ = {Math.cos(theta).toFixed(3)}
        </text>
        <Axis
          scale={x}
          orient="bottom"
          y={L.innerHeight}
          ticks={Math.max(3, Math.floor(L.innerWidth / 80))}
          format={tickFmt}
          label="estimate of ⟨Z⟩"
        />
      </ChartSvg>
      <SigmaPanel theta={theta} stats={all} shownShots={shownShots} width={width} />
    </div>
  );
}

const SIGMA_MARGIN = { top: 22, right: 14, bottom: 38, left: 52 };

/** Measured spread of the estimates against the theory √((1 − cos²θ)/N), on log–log axes. */
function SigmaPanel({
  theta,
  stats,
  shownShots,
  width,
}: {
  theta: number;
  stats: SeriesStats[];
  shownShots: number[];
  width: number;
}) {
  const L = chartLayout(width, { aspect: 0.22, minHeight: 120, maxHeight: 140, margin: SIGMA_MARGIN });
  const nMax = 1e6;
  const sMax = theoryStd(theta, 1);
  if (!(sMax > 0)) {
    return (
      <p className="sn-readout">At θ = {theta.toFixed(2)} every shot gives the same outcome: there is no shot noise.</p>
    );
  }
  const x = scaleLog().domain([1, nMax]).range([0, L.innerWidth]);
  const y = scaleLog()
    .domain([theoryStd(theta, nMax) / 2, sMax * 2])
    .range([L.innerHeight, 0]);
  const points = stats.filter((s) => Number.isFinite(s.std) && s.std > 0);
  return (
    <div className="sn-sigma">
      <ChartSvg layout={L} label="Measured spread of the estimates against the 1/√N theory">
        <Axis
          scale={x}
          orient="bottom"
          y={L.innerHeight}
          tickValues={[1, 10, 100, 1e3, 1e4, 1e5, 1e6]}
          format={format('~s')}
          label="shots per run N (log scale)"
        />
        <Axis
          scale={y}
          orient="left"
          tickValues={[1, 0.1, 0.01, 0.001].filter((v) => v >= y.domain()[0] && v <= y.domain()[1])}
          format={format('~g')}
          label="spread σ (log)"
        />
        <line
          className="sn-theory"
          x1={x(1)}
          y1={y(theoryStd(theta, 1))}
          x2={x(nMax)}
          y2={y(theoryStd(theta, nMax))}
          stroke="currentColor"
          strokeWidth={1.25}
          strokeDasharray="5 3"
        />
        <text x={x(30)} y={y(theoryStd(theta, 30)) - 8} fontSize={11} fill="currentColor">
          √((1 − cos²θ)/N)
        </text>
        {points.map((s) => {
          const highlight = shownShots.includes(s.shots);
          return (
            <Dot
              key={s.shots}
              className="sn-point"
              cx={x(s.shots)}
              cy={y(s.std)}
              r={highlight ? 5 : 3.5}
              fill={highlight ? 'var(--fig-series-1)' : 'currentColor'}
              outline={1}
            />
          );
        })}
      </ChartSvg>
      <p className="sn-readout">
        {points
          .filter((s) => shownShots.includes(s.shots))
          .map((s) => (
            <span key={s.shots}>
              N = {fmtInt(s.shots)}: measured σ = {s.std.toPrecision(3)}, theory {s.theoryStd.toPrecision(3)}.{' '}
            </span>
          ))}
      </p>
    </div>
  );
}
