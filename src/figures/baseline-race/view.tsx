/**
 * The baseline race: a finite-shot variational quantum classifier against logistic regression and a
 * small MLP on the same seeded data. Step 0 the datasets; step 1 decision boundaries as training runs
 * (segments of epochs from the worker pool, each resuming from the last checkpoint); step 2 accuracy,
 * time and work; step 3 the knob sweep as a strip plot, with controls (dataset, seed, encoding, depth,
 * shots, pause, reset).
 */
import { format } from 'd3-format';
import { scaleLinear, scaleLog } from 'd3-scale';
import { useEffect, useMemo, useState } from 'react';
import { Axis, chartLayout, useContainerWidth } from '../../charts';
import type { DecisionGrid, RaceData } from '../../experiments/baseline-race/race';
import type { SweepData, SweepParams } from '../../experiments/baseline-race/sweep';
import type { Point } from '../../ml/datasets';
import { FigureShell } from '../../story/FigureShell';
import type { FigureViewProps } from '../../story/figure-types';
import { useExperiment } from '../../story/useExperiment';
import type { RaceExperimentParams } from '../../experiments/baseline-race';
import { catalogEntry } from '../catalog';
import { RaceControls } from './controls';
import type { baselineRaceParamSpec } from './meta';
import {
  DATASET_LABEL,
  MODEL_ORDER,
  MODEL_SHORT,
  RACE_EPOCHS,
  SHOT_RATE_DEVICE,
  contourSegments,
  datasetPreviews,
  ledgerRows,
  nextUntil,
  raceOverrides,
  shadeRuns,
  stepState,
  sweepEnabled,
  stripRows,
  sweepOverrides,
  type BaselineRaceParams,
  type DatasetPreview,
  type LedgerRow,
} from './model';
import {
  baselineRaceAlt,
  baselineRaceMethod,
  datasetTable,
  historyTable,
  humanMs,
  humanSeconds,
  sweepTable,
} from './text';
import './baseline-race.css';

const fmtN = format(',');
const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
const BANDS = 6;
const TINY_LABEL = { vqc: 'Quantum', logistic: 'Logistic', mlp: 'MLP' } as const;

interface RunState {
  key: string;
  attempt: number;
  data: RaceData | null;
  paused: boolean;
}

const CAPTIONS = [
  'Training points filled, test points hollow; colour = class.',
  'Shading: each model’s P(class 1); line: its decision boundary (P = 0.5).',
  'Test accuracy, and the work each model did: circuits and shots for the quantum model, floating-point operations for the classical ones.',
  'Test accuracy of every retrained model: one mark per seed and feature scaling.',
];

export default function BaselineRaceView(props: FigureViewProps<typeof baselineRaceParamSpec>) {
  const { id, step: rawStep, params, setParams, paramIssues, reducedMotion, mode } = props;
  const p: BaselineRaceParams = params;
  const state = stepState(rawStep);
  const entry = catalogEntry(id);
  const previews = useMemo(() => datasetPreviews(p.seed), [p.seed]);

  // --- the race, in segments of epochs; the last finished segment is kept here (pause holds it).
  const raceReq = useMemo(() => raceOverrides(p), [p.dataset, p.seed, p.encoding, p.layers, p.shots]); // eslint-disable-line react-hooks/exhaustive-deps
  const raceKey = JSON.stringify(raceReq);
  const [run, setRun] = useState<RunState>({ key: raceKey, attempt: 0, data: null, paused: false });
  let cur = run;
  if (run.key !== raceKey) {
    cur = { key: raceKey, attempt: run.attempt, data: null, paused: false };
    setRun(cur);
  }
  const animate = !reducedMotion && mode !== 'print';
  const epoch = cur.data?.checkpoint.epoch ?? 0;
  const complete = cur.data?.complete ?? false;
  const request: Partial<RaceExperimentParams> = {
    ...(raceReq as Partial<RaceExperimentParams>),
    untilEpoch: nextUntil(epoch, RACE_EPOCHS, animate),
    resumeFrom: cur.data?.checkpoint ?? null,
    attempt: cur.attempt,
  };
  const segment = useExperiment<RaceExperimentParams, RaceData | null>('baseline-race', request, {
    enabled: state.needsRace && !cur.paused && !complete,
  });
  useEffect(() => {
    const d = segment.data;
    if (!segment.ready || !d) return;
    setRun((r) => (r.key === raceKey && d.checkpoint.epoch > (r.data?.checkpoint.epoch ?? 0) ? { ...r, data: d } : r));
  }, [segment.ready, segment.data, raceKey]);
  const race = cur.data ?? undefined;

  // --- the knob sweep: at step 3 (or early, from step 2), but only while training is finished or
  // paused: the pool runs requests first come, first served, and the sweep's runs would otherwise hold
  // every worker and stall the animated race behind them. A finished sweep stays cached.
  const sweepReq = useMemo(() => sweepOverrides(p), [p.dataset, p.seed, p.shots]); // eslint-disable-line react-hooks/exhaustive-deps
  const sweep = useExperiment<SweepParams, SweepData>('baseline-race-sweep', sweepReq as Partial<SweepParams>, {
    enabled: sweepEnabled(state, complete, cur.paused),
  });

  const ready = state.panel === 'datasets' ? true : state.panel === 'knobs' ? complete && sweep.ready : complete;
  const work =
    state.panel === 'knobs' && complete
      ? {
          done: sweep.data?.runs.length ?? 0,
          total: sweep.data?.total ?? 48,
          label: `Retraining across seeds and settings: ${sweep.data?.refinement.label ?? 'starting'}`,
        }
      : {
          done: epoch,
          total: RACE_EPOCHS,
          label: cur.paused ? `Paused at epoch ${epoch}` : `Training: epoch ${epoch} of ${RACE_EPOCHS}`,
        };
  const error = segment.error ?? (state.needsSweep ? sweep.error : undefined);

  const data =
    state.panel === 'datasets'
      ? datasetTable(previews)
      : state.panel === 'knobs'
        ? sweepTable(sweep.data)
        : historyTable(race);
  const alt = baselineRaceAlt({ state, params: p, previews, race, sweep: sweep.data, paused: cur.paused });

  return (
    <FigureShell
      id={id}
      step={state.step}
      title={entry?.title ?? id}
      caption={`${entry?.steps[state.step] ?? ''}: ${CAPTIONS[state.step]}`}
      ready={ready}
      picture={state.panel === 'knobs' && complete && (sweep.data?.refinement.level ?? 0) >= 1}
      work={work}
      method={{ ...baselineRaceMethod(p, state), sources: sourcesFor() }}
      data={data}
      alt={alt}
      issues={paramIssues}
      controls={
        state.controls ? (
          <RaceControls
            params={p}
            setParams={setParams}
            epoch={epoch}
            complete={complete}
            paused={cur.paused}
            onPauseToggle={() => setRun((r) => ({ ...r, paused: !r.paused }))}
            onReset={() => setRun((r) => ({ key: r.key, attempt: r.attempt + 1, data: null, paused: false }))}
          />
        ) : null
      }
    >
      <div className="br" data-panel={state.panel} data-epoch={epoch} data-paused={cur.paused ? 'true' : 'false'}>
        {error ? (
          <p className="br-error" role="alert">
            The computation failed: {error}
          </p>
        ) : null}
        {state.panel === 'datasets' ? <DatasetPanels previews={previews} selected={p.dataset} /> : null}
        {state.panel === 'knobs' ? <StripPlot sweep={sweep.data} dataset={p.dataset} /> : null}
        {state.showBoundaries ? (
          <BoundaryPanels
            race={race}
            previews={previews}
            dataset={p.dataset}
            compact={state.panel === 'knobs'}
            paused={cur.paused}
          />
        ) : null}
        {state.showLedger ? <Ledger race={race} /> : null}
      </div>
    </FigureShell>
  );
}

function sourcesFor() {
  return [
    {
      label:
        'Computed in your browser: the article’s state-vector simulator (src/sim) for the quantum classifier, plain TypeScript for the classical baselines (src/ml)',
    },
    {
      label: `Shot rate ${fmtN(SHOT_RATE_DEVICE.shotRate)}/s: ${SHOT_RATE_DEVICE.name}, content/data/devices.json (derived from IBM's default repetition delay, ${SHOT_RATE_DEVICE.date})`,
    },
    {
      label:
        'Bowles, Ahmed, Schuld (2024), Better than classical? The subtle art of benchmarking quantum machine learning models, arXiv:2403.07059',
      href: 'https://arxiv.org/abs/2403.07059',
    },
  ];
}

// ----------------------------------------------------------------------------------- shared marks

type Box = { x0: number; x1: number; y0: number; y1: number };

function boxOf(points: readonly Point[]): Box {
  let x0 = Infinity,
    x1 = -Infinity,
    y0 = Infinity,
    y1 = -Infinity;
  for (const [a, b] of points) {
    x0 = Math.min(x0, a);
    x1 = Math.max(x1, a);
    y0 = Math.min(y0, b);
    y1 = Math.max(y1, b);
  }
  const dx = (x1 - x0) * 0.1 || 1,
    dy = (y1 - y0) * 0.1 || 1;
  return { x0: x0 - dx, x1: x1 + dx, y0: y0 - dy, y1: y1 + dy };
}

const classColour = (y: number) => (y === 1 ? 'var(--br-class-1)' : 'var(--br-class-0)');

function Points({
  data,
  sx,
  sy,
  r,
}: {
  data: DatasetPreview | RaceData['dataset'];
  sx: (v: number) => number;
  sy: (v: number) => number;
  r: number;
}) {
  return (
    <g className="br-points">
      {data.train.points.map((pt, i) => (
        <circle
          key={`tr${i}`}
          className="br-pt br-pt--train"
          cx={sx(pt[0])}
          cy={sy(pt[1])}
          r={r}
          fill={classColour(data.train.labels[i])}
          stroke="var(--story-surface, Canvas)"
          strokeWidth={0.6}
        />
      ))}
      {data.test.points.map((pt, i) => (
        <circle
          key={`te${i}`}
          className="br-pt br-pt--test"
          cx={sx(pt[0])}
          cy={sy(pt[1])}
          r={r * 0.95}
          fill="var(--story-surface, Canvas)"
          stroke={classColour(data.test.labels[i])}
          strokeWidth={1.4}
        />
      ))}
    </g>
  );
}

/** A square panel per item in one SVG, laid out in a row. */
function panelGeometry(width: number, count: number, { head = 18, foot = 16, gap = 10 } = {}) {
  const W = Math.max(280, Math.round(width));
  const size = Math.floor((W - gap * (count - 1)) / count);
  return { W, size, head, foot, gap, H: head + size + foot };
}

// ---------------------------------------------------------------------------------------- step 0

function DatasetPanels({ previews, selected }: { previews: DatasetPreview[]; selected: string }) {
  const [ref, width] = useContainerWidth();
  const g = panelGeometry(width, previews.length, { foot: 4 });
  return (
    <div ref={ref} className="br-datasets">
      <svg
        viewBox={`0 0 ${g.W} ${g.H}`}
        role="img"
        aria-label="Scatter plots of the three datasets, training and test points"
      >
        {previews.map((d, k) => {
          const box = boxOf([...d.train.points, ...d.test.points]);
          const sx = scaleLinear().domain([box.x0, box.x1]).range([0, g.size]);
          const sy = scaleLinear().domain([box.y0, box.y1]).range([g.size, 0]);
          const isSel = d.kind === selected;
          return (
            <g
              key={d.kind}
              transform={`translate(${k * (g.size + g.gap)},0)`}
              className="br-dataset"
              data-dataset={d.kind}
              data-selected={isSel}
            >
              <text x={0} y={12} fontSize={11.5} fill="currentColor" fontWeight={isSel ? 700 : 400}>
                {g.size < 170 ? d.kind : `${DATASET_LABEL[d.kind]}${isSel ? ' · in the race' : ''}`}
              </text>
              <g transform={`translate(0,${g.head})`}>
                <rect
                  width={g.size}
                  height={g.size}
                  fill="none"
                  stroke="currentColor"
                  strokeOpacity={isSel ? 0.9 : 0.25}
                  strokeWidth={isSel ? 1.5 : 1}
                />
                <Points data={d} sx={sx} sy={sy} r={Math.max(1.8, g.size / 70)} />
              </g>
            </g>
          );
        })}
      </svg>
      <Legend />
    </div>
  );
}

function Legend({ scalings = false }: { scalings?: boolean }) {
  if (scalings) {
    return (
      <p className="br-legend">
        <span>
          <svg width="12" height="12" aria-hidden="true">
            <circle cx="6" cy="6" r="4.5" fill="var(--br-scale-0)" />
          </svg>{' '}
          features scaled to [0, π]
        </span>
        <span>
          <svg width="12" height="12" aria-hidden="true">
            <rect x="1.5" y="1.5" width="9" height="9" fill="none" stroke="var(--br-scale-1)" strokeWidth="2" />
          </svg>{' '}
          standardised
        </span>
        <span>
          <svg width="12" height="12" aria-hidden="true">
            <line x1="6" x2="6" y1="0" y2="12" stroke="currentColor" strokeWidth="2" />
          </svg>{' '}
          median
        </span>
      </p>
    );
  }
  return (
    <p className="br-legend">
      <span>
        <svg width="12" height="12" aria-hidden="true">
          <circle cx="6" cy="6" r="4.5" fill="var(--br-class-0)" />
        </svg>{' '}
        class 0
      </span>
      <span>
        <svg width="12" height="12" aria-hidden="true">
          <circle cx="6" cy="6" r="4.5" fill="var(--br-class-1)" />
        </svg>{' '}
        class 1
      </span>
      <span>
        <svg width="12" height="12" aria-hidden="true">
          <circle cx="6" cy="6" r="4" fill="none" stroke="currentColor" strokeWidth="1.4" />
        </svg>{' '}
        hollow = test point
      </span>
    </p>
  );
}

// ---------------------------------------------------------------------------------------- step 1

function gridPath(grid: DecisionGrid, sx: (i: number) => number, sy: (j: number) => number): string {
  return contourSegments(grid)
    .map(([a, b, c, d]) => `M${sx(a).toFixed(1)},${sy(b).toFixed(1)}L${sx(c).toFixed(1)},${sy(d).toFixed(1)}`)
    .join('');
}

function Boundary({ grid, size }: { grid: DecisionGrid; size: number }) {
  // Grid index → pixels: cell centres at i·size/(nx−1).
  const gx = (i: number) => (i / (grid.nx - 1)) * size;
  const gy = (j: number) => size - (j / (grid.ny - 1)) * size;
  const runs = shadeRuns(grid, BANDS);
  const half = BANDS / 2;
  return (
    <g className="br-boundary">
      {runs.map((r, k) => {
        const lean = r.band < half ? half - r.band : r.band - half + 1; // 1…3
        const x0 = Math.max(0, gx(r.i0 - 0.5)),
          x1 = Math.min(size, gx(r.i1 + 0.5));
        const y0 = Math.max(0, gy(r.j + 0.5)),
          y1 = Math.min(size, gy(r.j - 0.5));
        return (
          <rect
            key={k}
            x={x0}
            y={y0}
            width={Math.max(0, x1 - x0)}
            height={Math.max(0, y1 - y0) + 0.6}
            shapeRendering="crispEdges"
            fill={`color-mix(in srgb, ${r.band < half ? 'var(--br-class-0)' : 'var(--br-class-1)'} ${7 * lean}%, var(--story-surface, Canvas))`}
          />
        );
      })}
      <path
        className="br-contour"
        d={gridPath(grid, gx, gy)}
        fill="none"
        stroke="currentColor"
        strokeWidth={1.6}
        strokeLinecap="round"
      />
    </g>
  );
}

function BoundaryPanels({
  race,
  previews,
  dataset,
  compact,
  paused,
}: {
  race: RaceData | undefined;
  previews: DatasetPreview[];
  dataset: string;
  compact: boolean;
  paused: boolean;
}) {
  const [ref, width] = useContainerWidth();
  const g = panelGeometry(compact ? Math.min(width, 520) : width, 3, { head: 30, foot: 4 });
  const last = race?.epochs[race.epochs.length - 1];
  const shown: RaceData['dataset'] | DatasetPreview = race?.dataset ?? previews.find((d) => d.kind === dataset)!;
  const box = race?.dataset.box ?? boxOf([...shown.train.points, ...shown.test.points]);
  const sx = scaleLinear().domain([box.x0, box.x1]).range([0, g.size]);
  const sy = scaleLinear().domain([box.y0, box.y1]).range([g.size, 0]);
  const epoch = last?.epoch ?? 0;
  const narrow = g.size < 170;
  return (
    <div ref={ref} className={`br-race${compact ? ' br-race--compact' : ''}`}>
      <svg
        viewBox={`0 0 ${g.W} ${g.H}`}
        role="img"
        aria-label={`Decision boundaries of the three models after epoch ${epoch}`}
      >
        {MODEL_ORDER.map((m, k) => {
          const grid = race?.grids?.[m];
          const r = last?.models[m];
          return (
            <g key={m} transform={`translate(${k * (g.size + g.gap)},0)`} className="br-model" data-model={m}>
              <text x={0} y={11} fontSize={11.5} fontWeight={650} fill="currentColor">
                {narrow ? TINY_LABEL[m] : MODEL_SHORT[m]}
              </text>
              <text x={0} y={25} fontSize={11} fill="currentColor" className="br-model-acc">
                {race
                  ? `${narrow ? '' : `${race.models[m].parameters} params · `}test ${r ? pct(r.testAccuracy) : '–'}`
                  : 'waiting…'}
              </text>
              <g transform={`translate(0,${g.head})`}>
                <rect width={g.size} height={g.size} fill="none" stroke="currentColor" strokeOpacity={0.3} />
                {grid ? <Boundary grid={grid} size={g.size} /> : null}
                <Points data={shown} sx={sx} sy={sy} r={Math.max(1.6, g.size / 75)} />
              </g>
            </g>
          );
        })}
      </svg>
      <p className="br-status">
        <span className="br-status__epoch">
          {paused ? `Paused at epoch ${epoch}` : `Epoch ${epoch}`} of {RACE_EPOCHS}
        </span>
        {epoch > 0 ? <span> · shots so far {fmtN(last!.models.vqc.cost.shots)}</span> : null}
      </p>
    </div>
  );
}

// ---------------------------------------------------------------------------------------- step 2

const LEDGER_MARGIN = { top: 20, right: 22, bottom: 36, left: 118 };

function Ledger({ race }: { race: RaceData | undefined }) {
  const [ref, width] = useContainerWidth();
  const rows = race ? ledgerRows(race) : [];
  const L1 = chartLayout(width, { aspect: 0.3, minHeight: 120, maxHeight: 160, margin: LEDGER_MARGIN });
  const x = scaleLinear().domain([0, 1]).range([0, L1.innerWidth]);
  const rowH = L1.innerHeight / 3;
  // Work: up to two bars per model (circuits and shots for the VQC; FLOPs for the others).
  const L2 = chartLayout(width, {
    aspect: 0.42,
    minHeight: 170,
    maxHeight: 230,
    margin: { ...LEDGER_MARGIN, top: 22 },
  });
  const maxWork = Math.max(10, ...rows.flatMap((r) => [r.shots, r.circuits, r.flops]));
  const lx = scaleLog()
    .domain([1e3, Math.pow(10, Math.ceil(Math.log10(maxWork * 3)))])
    .range([0, L2.innerWidth])
    .clamp(true);
  const rowH2 = L2.innerHeight / 3;
  const bars = (r: LedgerRow) =>
    r.model === 'vqc'
      ? [
          { k: 'shots', v: r.shots, label: `${fmtN(r.shots)} shots` },
          { k: 'circuits', v: r.circuits, label: `${fmtN(r.circuits)} circuits` },
        ]
      : [{ k: 'flops', v: r.flops, label: `${fmtN(r.flops)} FLOPs` }];
  const labelX = (v: number, w: number) =>
    lx(v) + 6 + w > L2.innerWidth
      ? { x: lx(v) - 6, anchor: 'end' as const, inside: true }
      : { x: lx(v) + 6, anchor: 'start' as const, inside: false };
  const vqc = rows.find((r) => r.model === 'vqc');
  return (
    <div ref={ref} className="br-ledger">
      <svg viewBox={`0 0 ${L1.width} ${L1.height}`} role="img" aria-label="Test accuracy per model">
        <g transform={`translate(${L1.margin.left},${L1.margin.top})`}>
          <text x={0} y={-8} fontSize={12} fontWeight={650} fill="currentColor">
            Test accuracy
          </text>
          <Axis scale={x} orient="bottom" y={L1.innerHeight} ticks={5} format={format('.0%')} grid={L1.innerHeight} />
          {rows.map((r, k) => (
            <g key={r.model} transform={`translate(0,${k * rowH})`} className="br-acc" data-model={r.model}>
              <text x={-8} y={rowH / 2} dy="0.32em" textAnchor="end" fontSize={11.5} fill="currentColor">
                {r.label}
              </text>
              <rect
                y={rowH * 0.2}
                height={rowH * 0.6}
                width={x(r.testAccuracy)}
                fill="currentColor"
                fillOpacity={0.78}
              />
              <text x={6} y={rowH / 2} dy="0.32em" fontSize={11} fill="var(--story-surface, Canvas)" fontWeight={650}>
                {pct(r.testAccuracy)}
              </text>
            </g>
          ))}
        </g>
      </svg>
      <svg
        viewBox={`0 0 ${L2.width} ${L2.height}`}
        role="img"
        aria-label="Work per model on a log scale: circuits and shots against floating-point operations"
      >
        <g transform={`translate(${L2.margin.left},${L2.margin.top})`}>
          <text x={0} y={-8} fontSize={12} fontWeight={650} fill="currentColor">
            Work (log scale)
          </text>
          <Axis
            scale={lx}
            orient="bottom"
            y={L2.innerHeight}
            tickValues={lx.ticks().filter((t) => Number.isInteger(Math.log10(t)))}
            format={format('.0s')}
            grid={L2.innerHeight}
          />
          {rows.map((r, k) => {
            const bs = bars(r);
            const h = (rowH2 * 0.7) / bs.length;
            return (
              <g key={r.model} transform={`translate(0,${k * rowH2})`} className="br-work" data-model={r.model}>
                <text x={-8} y={rowH2 / 2} dy="0.32em" textAnchor="end" fontSize={11.5} fill="currentColor">
                  {r.label}
                </text>
                {bs.map((b, i) => {
                  const y = rowH2 * 0.15 + i * h;
                  const pos = labelX(b.v, b.label.length * 6);
                  return (
                    <g key={b.k} data-kind={b.k}>
                      <rect
                        y={y + 1}
                        height={h - 2}
                        width={lx(Math.max(1e3, b.v))}
                        fill={
                          b.k === 'shots'
                            ? 'var(--br-class-1)'
                            : b.k === 'circuits'
                              ? 'var(--br-class-0)'
                              : 'currentColor'
                        }
                        fillOpacity={b.k === 'flops' ? 0.4 : 0.85}
                      />
                      <text
                        x={pos.x}
                        y={y + h / 2}
                        dy="0.32em"
                        textAnchor={pos.anchor}
                        fontSize={10.5}
                        fill={pos.inside ? 'var(--story-surface, Canvas)' : 'currentColor'}
                        fontWeight={pos.inside ? 650 : 400}
                      >
                        {b.label}
                      </text>
                    </g>
                  );
                })}
              </g>
            );
          })}
        </g>
      </svg>
      {vqc ? (
        <p className="br-readout">
          Time in this browser: {rows.map((r) => `${r.label} ${humanMs(r.ms)}`).join(', ')} (the quantum model’s time is
          spent simulating its circuits). On {SHOT_RATE_DEVICE.name} at {fmtN(SHOT_RATE_DEVICE.shotRate)} shots/s, its{' '}
          {fmtN(vqc.shots)} shots alone take ≈ {humanSeconds(vqc.deviceSeconds ?? NaN)}, before queueing.
        </p>
      ) : (
        <p className="br-readout">Waiting for training to finish…</p>
      )}
    </div>
  );
}

// ---------------------------------------------------------------------------------------- step 3

const STRIP_MARGIN = { top: 8, right: 20, bottom: 38, left: 150 };

function StripPlot({ sweep, dataset }: { sweep: SweepData | undefined; dataset: string }) {
  const [ref, width] = useContainerWidth();
  const rows = stripRows(sweep);
  const L = chartLayout(width, { aspect: 0.45, minHeight: 210, maxHeight: 260, margin: STRIP_MARGIN });
  const accs = (sweep?.runs ?? []).map((r) => r.testAccuracy);
  const lo = Math.min(0.5, Math.floor(Math.min(1, ...accs) * 10) / 10);
  const x = scaleLinear().domain([lo, 1]).range([0, L.innerWidth]);
  const rowH = L.innerHeight / rows.length;
  const seeds = [...new Set((sweep?.runs ?? []).map((r) => r.seed))].sort((a, b) => a - b);
  return (
    <div ref={ref} className="br-strip">
      <svg
        viewBox={`0 0 ${L.width} ${L.height}`}
        role="img"
        aria-label={`Strip plot of test accuracy on ${DATASET_LABEL[dataset as keyof typeof DATASET_LABEL]} by model and setting`}
      >
        <g transform={`translate(${L.margin.left},${L.margin.top})`}>
          <Axis
            scale={x}
            orient="bottom"
            y={L.innerHeight}
            ticks={Math.max(3, Math.floor(L.innerWidth / 70))}
            format={format('.0%')}
            label="test accuracy"
            grid={L.innerHeight}
          />
          {rows.map((r, k) => {
            const cy = k * rowH + rowH / 2;
            return (
              <g key={r.key} className="br-strip-row" data-key={r.key} data-runs={r.runs.length}>
                {k === 2 ? (
                  <line
                    x1={-STRIP_MARGIN.left + 4}
                    x2={L.innerWidth}
                    y1={k * rowH}
                    y2={k * rowH}
                    stroke="currentColor"
                    strokeOpacity={0.35}
                    strokeDasharray="3 3"
                  />
                ) : null}
                <text x={-8} y={cy} dy="0.32em" textAnchor="end" fontSize={11} fill="currentColor">
                  {r.label}
                </text>
                {Number.isFinite(r.median) ? (
                  <line
                    x1={x(r.median)}
                    x2={x(r.median)}
                    y1={cy - rowH * 0.4}
                    y2={cy + rowH * 0.4}
                    stroke="currentColor"
                    strokeWidth={2}
                  />
                ) : null}
                {r.runs.map((run, i) => {
                  const si = Math.max(0, seeds.indexOf(run.seed));
                  const std = run.scaling === 'standard';
                  const dy = (std ? 1 : -1) * (rowH * 0.12 + si * rowH * 0.06);
                  const cx = x(run.testAccuracy);
                  return std ? (
                    <rect
                      key={i}
                      className="br-dot"
                      x={cx - 3.2}
                      y={cy + dy - 3.2}
                      width={6.4}
                      height={6.4}
                      fill="none"
                      stroke="var(--br-scale-1)"
                      strokeWidth={1.6}
                    />
                  ) : (
                    <circle
                      key={i}
                      className="br-dot"
                      cx={cx}
                      cy={cy + dy}
                      r={3.4}
                      fill="var(--br-scale-0)"
                      fillOpacity={0.85}
                    />
                  );
                })}
              </g>
            );
          })}
        </g>
      </svg>
      <Legend scalings />
    </div>
  );
}
