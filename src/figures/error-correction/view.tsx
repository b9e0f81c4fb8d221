/**
 * The error-correction figure: logical error per cycle against code distance (step 0), then physical
 * qubits for a machine against the physical error rate (steps 1–2). Closed form, computed in render.
 */
import { scaleLinear, scaleLog } from 'd3-scale';
import { format } from 'd3-format';
import { curveStepAfter as stepAfterCurve, line } from 'd3-shape';
import { useId } from 'react';
import { PlotAxes, chartLayout, useContainerWidth } from '../../charts';
import { useDebouncedDraft } from '../../charts/useDraft';
import { IntField } from '../../charts/IntField';
import { FigureShell } from '../../story/FigureShell';
import type { FigureViewProps } from '../../story/figure-types';
import { errorCorrectionParamSpec } from './meta';
import {
  D7,
  EPS7,
  LARGEST_DEVICE,
  LAMBDA,
  LAST_STEP,
  P_TH,
  SHOT_FAILURE_BUDGET,
  WILLOW_EQUIVALENT_P,
  ecState,
  fmtE,
  fmtP,
  fowlerLogicalError,
  qubitsVsP,
  willowLogicalError,
  type EcState,
  type ErrorCorrectionParams,
} from './model';
import { ecDownload, ecMethod, ecSummary, ecTable } from './text';
import './error-correction.css';
import { fmtDuration, fmtInt } from '../../format';
import { ChartSvg } from '../../charts/ChartSvg';
import { Dot } from '../../charts/marks';
import type { SettingsProps } from '../../charts/SelectField';
import { SettingsForm } from '../../charts/SettingsForm';

const MARGIN = { top: 26, right: 16, bottom: 44, left: 58 };
const CAPTIONS = [
  'Logical error per cycle against code distance: Willow’s measured suppression extrapolated, and Fowler’s model at your physical error rate.',
  'Physical qubits for a 100-logical-qubit machine against the physical error rate (Fowler’s model), with Willow’s extrapolation as a point.',
  'Physical qubits for a learning workload against the physical error rate: the longer the run, the larger the distance.',
];

export default function ErrorCorrectionView(props: FigureViewProps<typeof errorCorrectionParamSpec>) {
  const { id, step, title, params, setParams, paramIssues } = props;
  const p: ErrorCorrectionParams = params;
  const st = ecState(step, p);
  return (
    <FigureShell
      id={id}
      step={step}
      title={title}
      caption={CAPTIONS[step].replace('a 100-logical-qubit', `a ${fmtInt(p.logical)}-logical-qubit`)}
      ready
      method={ecMethod(p, st)}
      data={ecDownload(p)}
      alt={{ summary: ecSummary(st, p), table: ecTable(st), caption: 'Code distance and physical qubits needed' }}
      issues={paramIssues}
      controls={step === LAST_STEP ? <EcControls params={p} setParams={setParams} /> : null}
    >
      {step === 0 ? <DistanceChart st={st} p={p} /> : <QubitsChart st={st} p={p} />}
      <Readout st={st} p={p} />
    </FigureShell>
  );
}

function Readout({ st, p }: { st: EcState; p: ErrorCorrectionParams }) {
  const w = st.willow[0],
    f = st.fowler[0];
  const q = (r: typeof w) =>
    r.distance === null
      ? 'out of reach'
      : `d = ${r.distance}, ${fmtInt(st.step === 0 ? r.perLogical! : r.total!)} qubits`;
  return (
    <p className="ec-readout" data-ec-readout="">
      <span className="ec-key ec-key--willow">Willow Λ: {q(w)}</span>
      <span className="ec-key ec-key--fowler">
        Fowler, p = {fmtP(p.p)}: {q(f)}
      </span>
      {st.step === 2 && st.seconds.willow !== null ? (
        <span>Training run (Willow Λ): {fmtDuration(st.seconds.willow)}</span>
      ) : null}
    </p>
  );
}

const LOG_TICKS = (lo: number, hi: number) => {
  const out: number[] = [];
  for (let e = Math.ceil(Math.log10(lo)); e <= Math.floor(Math.log10(hi)); e++) out.push(10 ** e);
  return out;
};
const fmtPow = (v: number) => fmtE(v);

function DistanceChart({ st, p }: { st: EcState; p: ErrorCorrectionParams }) {
  const [ref, width] = useContainerWidth();
  const L = chartLayout(width, { aspect: 0.62, minHeight: 230, maxHeight: 360, margin: MARGIN });
  const dMax = Math.max(71, ...st.willow.map((r) => (r.distance ?? 0) + 8));
  const x = scaleLinear().domain([3, dMax]).range([0, L.innerWidth]);
  const y = scaleLog().domain([1e-15, 0.1]).range([L.innerHeight, 0]).clamp(true);
  const ds: number[] = [];
  for (let d = 3; d <= dMax; d += 2) ds.push(d);
  const path = (f: (d: number) => number) =>
    line<number>()
      .x((d) => x(d))
      .y((d) => y(f(d)))(ds.filter((d) => f(d) >= 1e-15)) ?? '';
  const everyOther = LOG_TICKS(1e-15, 0.1).filter((_, i) => i % 2 === 0);
  return (
    <div ref={ref} className="ec">
      <ChartSvg layout={L} label="Logical error per cycle against code distance, log scale">
        <PlotAxes
          layout={L}
          y={{ scale: y, tickValues: everyOther, format: fmtPow, label: 'logical error per cycle (log)' }}
          x={{
            scale: x,
            ticks: Math.max(4, Math.floor(L.innerWidth / 70)),
            format: format('d'),
            label: 'code distance d',
          }}
        />
        {st.targets.map((t) => (
          <g key={t} className="ec-target">
            <line
              x1={0}
              x2={L.innerWidth}
              y1={y(t)}
              y2={y(t)}
              stroke="currentColor"
              strokeDasharray="4 3"
              strokeOpacity={0.7}
            />
            <text x={L.innerWidth - 2} y={y(t) - 4} textAnchor="end" fontSize={11} fill="currentColor">
              target {fmtE(t)}
            </text>
          </g>
        ))}
        <path
          className="ec-line ec-line--fowler"
          d={path((d) => fowlerLogicalError(d, p.p))}
          fill="none"
          stroke="var(--fig-series-2)"
          strokeWidth={2}
          strokeDasharray="7 3"
        />
        <path
          className="ec-line ec-line--willow"
          d={path(willowLogicalError)}
          fill="none"
          stroke="var(--fig-series-1)"
          strokeWidth={2.25}
        />
        {[...st.willow, ...st.fowler].map((r, i) =>
          r.distance === null ? null : (
            <circle
              key={i}
              className="ec-need"
              cx={x(r.distance)}
              cy={y(r.logicalError!)}
              r={4}
              fill="var(--story-surface, Canvas)"
              stroke={i < st.willow.length ? 'var(--fig-series-1)' : 'var(--fig-series-2)'}
              strokeWidth={2}
            />
          ),
        )}
        <Dot className="ec-measured" cx={x(D7)} cy={y(EPS7)} r={5.5} fill="var(--fig-series-1)" outline={1.5} />
        <text x={x(D7) + 9} y={y(EPS7) - 6} fontSize={11} fill="currentColor">
          Willow d = 7, measured
        </text>
      </ChartSvg>
    </div>
  );
}

function QubitsChart({ st, p }: { st: EcState; p: ErrorCorrectionParams }) {
  const [ref, width] = useContainerWidth();
  const L = chartLayout(width, { aspect: 0.62, minHeight: 230, maxHeight: 360, margin: MARGIN });
  const K = st.logical;
  const w = st.workload;
  const target = w ? (d: number) => SHOT_FAILURE_BUDGET / (w.logical * w.layers * d) : () => st.targets[0];
  const curve = qubitsVsP(target, K);
  const x = scaleLog().domain([1e-4, P_TH]).range([0, L.innerWidth]);
  const yMax = Math.max(1e7, ...curve.map((c) => c.total * 2));
  const y = scaleLog().domain([100, yMax]).range([L.innerHeight, 0]).clamp(true);
  const path =
    line<{ p: number; total: number }>()
      .x((c) => x(c.p))
      .y((c) => y(c.total))
      .curve(stepAfterCurve)(curve) ?? '';
  const willow = st.willow[0];
  const fowler = st.fowler[0];
  return (
    <div ref={ref} className="ec">
      <ChartSvg
        layout={L}
        label={`Physical qubits for ${fmtInt(K)} logical qubits against the physical error rate, log scales`}
      >
        <PlotAxes
          layout={L}
          y={{ scale: y, tickValues: LOG_TICKS(100, yMax), format: format('~s'), label: 'physical qubits (log)' }}
          x={{
            scale: x,
            tickValues: [1e-4, 3e-4, 1e-3, 3e-3],
            format: (v) => fmtP(v),
            label: 'physical error rate p (log)',
          }}
        />
        <line
          className="ec-device"
          x1={0}
          x2={L.innerWidth}
          y1={y(LARGEST_DEVICE.qubits)}
          y2={y(LARGEST_DEVICE.qubits)}
          stroke="currentColor"
          strokeDasharray="2 3"
        />
        <text x={4} y={y(LARGEST_DEVICE.qubits) - 5} fontSize={11} fill="currentColor">
          largest in our device list: {fmtInt(LARGEST_DEVICE.qubits)} qubits
        </text>
        <line x1={x(P_TH)} x2={x(P_TH)} y1={0} y2={L.innerHeight} stroke="currentColor" strokeOpacity={0.5} />
        <text x={x(P_TH) - 4} y={12} textAnchor="end" fontSize={11} fill="currentColor">
          threshold {fmtP(P_TH)}
        </text>
        <path className="ec-line ec-line--fowler" d={path} fill="none" stroke="var(--fig-series-2)" strokeWidth={2} />
        {fowler.total !== null ? (
          <g className="ec-you">
            <Dot cx={x(p.p)} cy={y(fowler.total)} r={5} fill="var(--fig-series-2)" outline={1.5} />
            <text x={x(p.p)} y={y(fowler.total) + 18} textAnchor="middle" fontSize={11} fill="currentColor">
              p = {fmtP(p.p)}: {fmtInt(fowler.total)}
            </text>
          </g>
        ) : null}
        {willow.total !== null ? (
          <g className="ec-measured">
            <Dot cx={x(WILLOW_EQUIVALENT_P)} cy={y(willow.total)} r={6} fill="var(--fig-series-1)" outline={1.5} />
            <text
              x={x(WILLOW_EQUIVALENT_P) - 8}
              y={y(willow.total) - 9}
              textAnchor="end"
              fontSize={11}
              fill="currentColor"
            >
              Willow Λ = {LAMBDA}: {fmtInt(willow.total)}
            </text>
          </g>
        ) : null}
      </ChartSvg>
    </div>
  );
}

const P_MIN_LOG = -4.5;
const P_MAX_LOG = Math.log10(0.0056);

/** The workload's whole-number inputs (step 2), labelled as in the parameter spec. */
const WORKLOAD_FIELDS = ['logical', 'layers', 'parameters', 'shots', 'steps'] as const;

export function EcControls({ params, setParams }: SettingsProps<ErrorCorrectionParams>) {
  const uid = useId();
  const [logP, changeLogP] = useDebouncedDraft(params.p, Math.log10, (v) =>
    setParams({ p: Number((10 ** v).toPrecision(3)) }),
  );
  const pNow = 10 ** logP;
  return (
    <SettingsForm className="ec-controls" label="Try it yourself: error-correction cost">
      <div className="ec-control ec-control--wide">
        <label htmlFor={`${uid}-p`}>
          Physical error rate p = {fmtP(pNow)} (Λ = {(P_TH / pNow).toFixed(1)})
        </label>
        <input
          id={`${uid}-p`}
          type="range"
          min={P_MIN_LOG}
          max={P_MAX_LOG}
          step={0.02}
          value={logP}
          aria-valuetext={`${fmtP(pNow)}`}
          onChange={(e) => changeLogP(Number(e.currentTarget.value))}
        />
      </div>
      {WORKLOAD_FIELDS.map((name) => {
        const spec = errorCorrectionParamSpec[name];
        return (
          <IntField
            key={name}
            className="ec-control"
            label={spec.label[0].toUpperCase() + spec.label.slice(1)}
            value={params[name]}
            min={spec.min}
            max={spec.max}
            onCommit={(v) => {
              const patch: Partial<ErrorCorrectionParams> = {};
              patch[name] = v;
              setParams(patch);
            }}
          />
        );
      })}
    </SettingsForm>
  );
}
