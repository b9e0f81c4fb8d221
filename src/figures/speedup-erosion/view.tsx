/**
 * Where the speedup goes: classical and quantum run time against problem size (log–log); each step adds
 * a cost the claimed speedup leaves out, earlier curves stay faint, and the break-even (or its absence)
 * is marked and stated. Closed forms, computed during render.
 */
import { scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import { useId } from 'react';
import { PlotAxes, chartLayout, useContainerWidth } from '../../charts';
import { SeriesLine, type LineStyle } from '../../charts/marks';
import { paramSelects, withValue, type SettingsProps } from '../../charts/SelectField';
import { FigureShell } from '../../story/FigureShell';
import type { FigureViewProps } from '../../story/figure-types';
import { fmtDuration, pow10, timeTickLabel, timeTicks } from '../../format';
import { erosionParamSpec, type ErosionParams } from './meta';
import { breakEven, erosionModel, type ErosionModel, type Stage } from '../../costs/erosion';
import { LAST_STEP, stageLabel, curve, stagesForStep } from './model';
import { describeBreakEven, erosionAlt, erosionDownload, erosionMethod } from './text';
import { deviceTiming, TIMED_DEVICE_IDS } from '../../costs/profiles';
import './speedup-erosion.css';
import { ChartSvg, PlotClip } from '../../charts/ChartSvg';
import { SettingsForm } from '../../charts/SettingsForm';

const MARGIN = { top: 18, right: 14, bottom: 42, left: 74 };
/** The classical run time; the quantum run time at each stage of erosion, the current stage in full. */
const CLASSICAL_LINE: LineStyle = { stroke: 'var(--fig-series-2)', width: 2.25, dash: '8 4' };
const QUANTUM_LINE = {
  current: { stroke: 'var(--fig-series-1)', width: 2.5, opacity: 1 },
  other: { stroke: 'var(--fig-series-1)', width: 1.25, opacity: 0.45 },
} satisfies Record<string, LineStyle>;

export default function SpeedupErosionView(props: FigureViewProps<typeof erosionParamSpec>) {
  const { id, step, title, stepLabel, params: inputs, setParams, paramIssues } = props;
  const m = erosionModel(inputs);
  const stages = stagesForStep(step);
  const cur = stages[stages.length - 1];
  const b = breakEven(m, cur);
  const grid = Array.from({ length: 31 }, (_, i) => 10 ** i);
  return (
    <FigureShell
      id={id}
      step={step}
      title={title}
      caption={`${stepLabel}: run time against problem size N (log–log) for a classical ${inputs.alpha === 1 ? 'N' : `N${pow10(inputs.alpha).slice(2)}`} algorithm and a claimed ${inputs.speedup} quantum speedup.`}
      ready
      method={erosionMethod(m)}
      data={erosionDownload(m, stages, grid)}
      alt={erosionAlt(m, stages)}
      issues={paramIssues}
      controls={step === LAST_STEP ? <ErosionControls params={inputs} setParams={setParams} /> : null}
    >
      <ErosionChart m={m} stages={stages} />
      <p className="se-readout" data-break-even={b.n === null ? 'none' : String(b.n)}>
        <strong>{stageLabel(cur, inputs)}:</strong> {describeBreakEven(b, inputs.alpha)}.
      </p>
    </FigureShell>
  );
}

function ErosionChart({ m, stages }: { m: ErosionModel; stages: Stage[] }) {
  const [ref, width] = useContainerWidth();
  const clip = useId();
  const narrow = width < 520;
  const L = chartLayout(width, { aspect: 0.58, minHeight: narrow ? 230 : 260, maxHeight: 340, margin: MARGIN });
  const bes = stages.map((s) => breakEven(m, s).n).filter((n): n is number => n !== null);
  const nMax = Math.min(1e30, 10 ** Math.max(12, Math.ceil(Math.log10(Math.max(1, ...bes)) + 2)));
  const cur = stages[stages.length - 1];
  const classical = curve(m.classical, nMax);
  const quantum = stages.map((s) => ({ stage: s, points: curve((n) => m.quantum(s, n), nMax) }));
  const values = classical
    .concat(...quantum.map((q) => q.points))
    .map((p) => p.t)
    .filter((t) => t > 0 && Number.isFinite(t));
  const yMin = 10 ** Math.floor(Math.log10(Math.min(...values)));
  const yMax = 10 ** Math.ceil(Math.log10(Math.max(...values)));
  const x = scaleLog().domain([1, nMax]).range([0, L.innerWidth]);
  const y = scaleLog().domain([yMin, yMax]).range([L.innerHeight, 0]).clamp(true);
  const path = line<{ n: number; t: number }>()
    .x((p) => x(p.n))
    .y((p) => y(p.t));
  const ticks = (lo: number, hi: number, max: number) => {
    const a = Math.round(Math.log10(lo)),
      z = Math.round(Math.log10(hi));
    const every = Math.max(1, Math.ceil((z - a) / max));
    const out: number[] = [];
    for (let e = a; e <= z; e++) if (e % every === 0) out.push(10 ** e);
    return out;
  };
  const b = breakEven(m, cur);
  return (
    <div ref={ref} className="se">
      <ChartSvg
        layout={L}
        label="Classical and quantum run time against problem size"
        defs={<PlotClip id={clip} layout={L} />}
      >
        <PlotAxes
          layout={L}
          y={{
            scale: y,
            tickValues: timeTicks(yMin, yMax, narrow ? 5 : 7).map((t) => t.value),
            format: timeTickLabel,
            label: 'run time',
          }}
          x={{
            scale: x,
            tickValues: ticks(1, nMax, narrow ? 4 : 7),
            format: (v) => pow10(Math.round(Math.log10(v))),
            label: 'problem size N (log scale)',
          }}
        />
        <g clipPath={`url(#${clip})`}>
          <SeriesLine className="se-classical" d={path(classical)} line={CLASSICAL_LINE} />
          {quantum.map((q) => (
            <SeriesLine
              key={q.stage}
              className={`se-quantum${q.stage === cur ? ' se-quantum--current' : ''}`}
              data-stage={q.stage}
              d={path(q.points)}
              line={q.stage === cur ? QUANTUM_LINE.current : QUANTUM_LINE.other}
            />
          ))}
          {b.n !== null && b.seconds !== null ? (
            <circle
              className="se-break-even"
              cx={x(b.n)}
              cy={y(b.seconds)}
              r={5.5}
              fill="none"
              stroke="currentColor"
              strokeWidth={2}
            />
          ) : null}
        </g>
        <text
          x={L.innerWidth - 4}
          y={Math.max(12, Math.min(L.innerHeight - 8, y(m.classical(nMax ** 0.93))))}
          textAnchor="end"
          fontSize={11.5}
          fill="currentColor"
          stroke="var(--color-bg, Canvas)"
          strokeWidth={3}
          paintOrder="stroke"
        >
          classical (GPU)
        </text>
        <text
          x={x(nMax ** 0.12)}
          y={Math.max(12, Math.min(L.innerHeight - 8, y(m.quantum(cur, nMax ** 0.12)) - 8))}
          fontSize={11.5}
          fill="currentColor"
          stroke="var(--color-bg, Canvas)"
          strokeWidth={3}
          paintOrder="stroke"
        >
          quantum
        </text>
      </ChartSvg>
    </div>
  );
}

function ErosionControls({ params: p, setParams }: SettingsProps<ErosionParams>) {
  const select = paramSelects(p, setParams, { layout: 'inline' });
  return (
    <SettingsForm className="se-controls" label="Speedup settings">
      {select('speedup', 'claimed speedup', erosionParamSpec.speedup.choices)}
      {select('alpha', 'classical cost', [1, 2, 3, 4], (a) => (a === 1 ? 'N' : `N${pow10(a).slice(2)}`))}
      {select('eps', 'precision ε', withValue([0.1, 0.03, 0.01, 0.001], p.eps, 'descending'))}
      {select('device', 'device', TIMED_DEVICE_IDS, (d) => deviceTiming(d).name)}
      {select('queue', 'queue per job', withValue([0, 60, 3600, 86400], p.queue), fmtDuration)}
    </SettingsForm>
  );
}
