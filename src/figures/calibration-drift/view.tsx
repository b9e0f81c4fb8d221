/**
 * Same circuit, another day: one circuit's measured expectation value and one trained model's loss on
 * five simulated daily calibrations, each with its 95 % shot-noise interval. Data from the
 * `calibration-drift` experiment in the worker pool.
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import { format } from 'd3-format';
import { useRef } from 'react';
import { Axis, chartLayout, useContainerWidth } from '../../charts';
import { useNearViewport } from '../../charts/useNearViewport';
import {
  DAY_NAMES,
  DRIFT,
  type CalibrationDriftData,
  type CalibrationDriftParams,
  type DayResult,
} from '../../experiments/calibration-drift/spec';
import { FigureShell } from '../../story/FigureShell';
import type { FigureViewProps } from '../../story/figure-types';
import { useExperiment } from '../../story/useExperiment';
import { deviceSummary } from '../../sim/device-summary';
import { CdControls } from './controls';
import type { calibrationDriftParamSpec } from './meta';
import { CD_EXPERIMENT } from './experiments';
import { DAYS, LAST_STEP, Z95, experimentParams, highlightedDay, stepReady, visibleDays } from './model';
import { OBS, cdDownload, cdSummary, cdTable } from './text';
import './calibration-drift.css';
import { ChartSvg } from '../../charts/ChartSvg';
import { Dot, HaloText } from '../../charts/marks';

const CAPTIONS = [
  'One run on one calibration: the circuit’s measured value (top) and the model’s test loss (bottom), each with its 95 % shot-noise interval.',
  'The same circuit and model on five daily calibrations drawn around the device’s medians.',
  'The best day, as a paper reporting a single run would show it, against the rest of the week.',
];

export default function CalibrationDriftView(props: FigureViewProps<typeof calibrationDriftParamSpec>) {
  const { id, step, title, params: p, setParams, paramIssues } = props;
  const dev = deviceSummary(p.device);
  const hostRef = useRef<HTMLDivElement>(null);
  const near = useNearViewport(hostRef);
  const result = useExperiment<CalibrationDriftParams, CalibrationDriftData>(CD_EXPERIMENT, experimentParams(p), {
    enabled: near,
  });
  const data = result.data;
  const days = visibleDays(step, data);
  const best = highlightedDay(step, data);
  const ready = stepReady(step, data, result.ready);
  return (
    <FigureShell
      id={id}
      step={step}
      title={title}
      caption={CAPTIONS[step]}
      ready={ready}
      work={{
        done: result.done,
        total: result.total,
        label: `Simulating the week: ${data?.days.length ?? 0} of ${DAYS} days`,
      }}
      method={{
        text:
          result.meta?.method ??
          `Density-matrix simulation of one circuit and one small trained model on ${DAYS} calibrations of ${dev.name} drawn around its medians (src/experiments/calibration-drift). ${DRIFT.note}`,
        params: {
          device: dev.id,
          'shots per day': p.shots,
          'drift ×': p.drift,
          'relative spread (σ)': DRIFT.relativeSpread.twoQubitError * p.drift,
        },
        seed: p.seed,
        sources: [
          { label: `${dev.name}: ${dev.source} (${dev.date})` },
          { label: `Drift spreads: ${DRIFT.source} (${DRIFT.date})` },
        ],
      }}
      data={cdDownload(data)}
      alt={{ summary: cdSummary(step, p, dev, data), table: cdTable(days), caption: 'Calibration and results by day' }}
      issues={paramIssues}
      controls={step === LAST_STEP ? <CdControls params={p} setParams={setParams} /> : null}
    >
      <div ref={hostRef} className="cd">
        <CdChart data={data} days={days} best={best} />
        <p className="cd-device">
          {dev.name}: medians of {dev.date}, drawn with a{' '}
          {Math.round(DRIFT.relativeSpread.twoQubitError * p.drift * 100)} % day-to-day spread (our assumption, not a
          measured calibration history; adjustable in the last step)
        </p>
      </div>
    </FigureShell>
  );
}

const MARGIN = { top: 24, right: 14, bottom: 30, left: 52 };

function extent(values: number[], pad: number): [number, number] {
  const lo = Math.min(...values),
    hi = Math.max(...values);
  const m = Math.max((hi - lo) * 0.15, pad);
  return [lo - m, hi + m];
}

function CdChart({
  data,
  days,
  best,
}: {
  data: CalibrationDriftData | undefined;
  days: DayResult[];
  best: number | null;
}) {
  const [ref, width] = useContainerWidth();
  const L = chartLayout(width, { aspect: 0.62, minHeight: 260, maxHeight: 360, margin: MARGIN });
  const gap = 44;
  const panelH = (L.innerHeight - gap) / 2;
  const x = scaleBand<string>().domain(DAY_NAMES.slice(0, DAYS)).range([0, L.innerWidth]).padding(0.3);
  const all = data?.days ?? [];
  const ref0 = data?.reference;
  const oVals = [
    ...all.flatMap((d) => [d.estimate - Z95 * d.stderr, d.estimate + Z95 * d.stderr]),
    ...(ref0 ? [ref0.exact] : []),
  ];
  const lVals = [
    ...all.flatMap((d) => [d.loss - Z95 * d.lossStderr, d.loss + Z95 * d.lossStderr]),
    ...(data ? [data.idealLoss] : []),
  ];
  const yO = scaleLinear()
    .domain(oVals.length ? extent(oVals, 0.01) : [0.6, 1])
    .range([panelH, 0])
    .nice(4);
  const yL = scaleLinear()
    .domain(lVals.length ? extent(lVals, 0.005) : [0, 0.5])
    .range([L.innerHeight, panelH + gap])
    .nice(4);
  const cx = (d: DayResult) => (x(d.label) ?? 0) + x.bandwidth() / 2;
  const mark = (d: DayResult, y: (v: number) => number, v: number, se: number, cls: string) => {
    const hi = best !== null && d.index === best;
    const dim = best !== null && !hi;
    return (
      <g
        key={`${cls}-${d.index}`}
        className={`cd-day ${cls}${hi ? ' cd-day--best' : ''}`}
        data-day={d.index}
        opacity={dim ? 0.45 : 1}
      >
        <line
          x1={cx(d)}
          x2={cx(d)}
          y1={y(v - Z95 * se)}
          y2={y(v + Z95 * se)}
          stroke="var(--fig-series-1)"
          strokeWidth={hi ? 3 : 2}
        />
        <line
          x1={cx(d) - 6}
          x2={cx(d) + 6}
          y1={y(v - Z95 * se)}
          y2={y(v - Z95 * se)}
          stroke="var(--fig-series-1)"
          strokeWidth={2}
        />
        <line
          x1={cx(d) - 6}
          x2={cx(d) + 6}
          y1={y(v + Z95 * se)}
          y2={y(v + Z95 * se)}
          stroke="var(--fig-series-1)"
          strokeWidth={2}
        />
        <Dot
          cx={cx(d)}
          cy={y(v)}
          r={hi ? 6 : 4.5}
          fill={hi ? 'var(--fig-series-2)' : 'var(--fig-series-1)'}
          outline={1.5}
        />
      </g>
    );
  };
  const fmt3 = format('.3f');
  return (
    <div ref={ref}>
      <ChartSvg layout={L} label={`Measured ${OBS} and model loss for each day, with 95 % shot-noise intervals`}>
        <Axis scale={yO} orient="left" ticks={4} format={fmt3} grid={L.innerWidth} label={`measured ${OBS}`} />
        <Axis
          scale={yL}
          orient="left"
          ticks={4}
          format={fmt3}
          grid={L.innerWidth}
          label="model test loss (cross-entropy)"
        />
        <g className="cd-days" fontSize={11} fill="currentColor" textAnchor="middle" aria-hidden="true">
          {x.domain().map((name) => (
            <text key={name} x={(x(name) ?? 0) + x.bandwidth() / 2} y={L.innerHeight + 18}>
              {width < 420 ? name.slice(0, 3) : name}
            </text>
          ))}
        </g>
        {ref0 ? <RefLine y={yO(ref0.exact)} width={L.innerWidth} dash="5 4" label="median calibration" /> : null}
        {data ? <RefLine y={yL(data.idealLoss)} width={L.innerWidth} dash="2 3" label="without noise" /> : null}
        {days.map((d) => mark(d, yO, d.estimate, d.stderr, 'cd-obs'))}
        {days.map((d) => mark(d, yL, d.loss, d.lossStderr, 'cd-loss'))}
        {best !== null
          ? (() => {
              const d = days.find((e) => e.index === best);
              if (!d) return null;
              const anchor = cx(d) < 60 ? 'start' : cx(d) > L.innerWidth - 60 ? 'end' : 'middle';
              return (
                <HaloText
                  className="cd-claim"
                  x={cx(d)}
                  y={yL(d.loss + Z95 * d.lossStderr) - 8}
                  textAnchor={anchor}
                  fontSize={11}
                  fontWeight={600}
                >
                  reported: {fmt3(d.loss)}
                </HaloText>
              );
            })()
          : null}
      </ChartSvg>
    </div>
  );
}

/** A dashed horizontal reference across the plot, labelled at its right end. */
function RefLine({ y, width, dash, label }: { y: number; width: number; dash: string; label: string }) {
  return (
    <g className="cd-ref">
      <line x1={0} x2={width} y1={y} y2={y} stroke="currentColor" strokeDasharray={dash} strokeOpacity={0.8} />
      <HaloText x={width} y={y - 4} textAnchor="end" fontSize={10.5}>
        {label}
      </HaloText>
    </g>
  );
}
