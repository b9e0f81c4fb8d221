/**
 * The pipeline bill: a ledger that grows step by step (shots → circuits → latency and queue → dollars
 * and energy → the GPU beside it → MNIST and ImageNet totals) and log-scale waterfalls of wall-clock
 * time, dollars and kWh. Everything is a closed-form model, computed during render (pre-renders).
 */
import { useMemo } from 'react';
import { useContainerWidth } from '../../charts';
import { LogBarPanels, metricPanels, type LogBarPanel, type LogBarRow } from '../../charts/LogBars';
import { FigureShell } from '../../story/FigureShell';
import type { FigureViewProps } from '../../story/figure-types';
import { clampStep } from '../../story/steps';
import { PipelineControls } from './controls';
import { fmtDuration, fmtEnergy, fmtUsd, pow10 } from '../../format';
import type { pipelineParamSpec } from './meta';
import { computePipeline, type PipelineBill } from '../../costs/pipeline';
import {
  LAST_STEP,
  datasetTotals,
  fidelityCaveat,
  inputsFromParams,
  ledger,
  pipelineAlt,
  pipelineDownload,
  pipelineMethodParams,
  pipelineMethodText,
  pipelineSources,
} from './text';
import './pipeline-cost.css';

const Q = 'var(--fig-series-1)';
const G = 'var(--fig-series-2)';

const tickTime = (v: number) => {
  const e = Math.round(Math.log10(v));
  return e <= 0 || e === 1 ? fmtDuration(v) : `${pow10(e)} s`;
};
const tickUsd = (v: number) => (v >= 1e6 || v < 0.01 ? `$${pow10(Math.round(Math.log10(v)))}` : fmtUsd(v));
const tickKWh = (v: number) => (v >= 1e3 || v < 0.01 ? pow10(Math.round(Math.log10(v))) : String(v));

interface Metric {
  fmt(v: number): string;
  tick(v: number): string;
  /** The quantum pipeline's total and the GPU's figure, in this metric. */
  quantum(b: PipelineBill): number;
  gpu(b: PipelineBill): number;
}

/** The three metrics the bill is drawn in: how values and ticks are written, and each side's total. */
const METRICS: Record<'time' | 'usd' | 'kwh', Metric> = {
  time: { fmt: fmtDuration, tick: tickTime, quantum: (b) => b.time.total, gpu: (b) => b.gpu.seconds },
  usd: { fmt: fmtUsd, tick: tickUsd, quantum: (b) => b.dollars.total, gpu: (b) => b.gpu.dollars },
  kwh: { fmt: fmtEnergy, tick: tickKWh, quantum: (b) => b.energy.total, gpu: (b) => b.gpu.kWh },
};

/** Items stacked one after another in `metric`, then the quantum total (when labelled) and the GPU's bar (with a bill). */
function waterfall(
  metric: Metric,
  items: Array<{ key: string; label: string; value: number }>,
  totalLabel: string | null,
  gpuOf: PipelineBill | null,
): LogBarRow[] {
  const rows: LogBarRow[] = [];
  let cum = 0;
  for (const it of items) {
    const from = cum;
    cum += it.value;
    rows.push({
      key: it.key,
      label: it.label,
      from,
      to: it.value > 0 ? cum : 0,
      value: metric.fmt(it.value),
      colour: Q,
    });
  }
  if (totalLabel)
    rows.push({ key: 'total', label: totalLabel, to: cum, value: metric.fmt(cum), colour: Q, total: true });
  if (gpuOf) {
    const gpu = metric.gpu(gpuOf);
    rows.push({ key: 'gpu', label: 'GPU', to: gpu, value: metric.fmt(gpu), colour: G });
  }
  return rows;
}

export function panelsForStep(step: number, b: PipelineBill) {
  const s = clampStep(step, LAST_STEP);
  const withGpu = s >= 4;
  const timeItems =
    s === 0
      ? [{ key: 'expect', label: 'one expectation', value: b.expectationTime }]
      : [
          { key: 'exec', label: 'QPU execution', value: b.time.execution },
          ...(s >= 2
            ? [
                { key: 'latency', label: 'job latency', value: b.time.latency },
                { key: 'queue', label: 'queue', value: b.time.queue },
              ]
            : []),
        ];
  const panels: LogBarPanel[] = [
    {
      key: 'time',
      title: s === 0 ? 'Time for one expectation value' : 'Wall-clock time of one training run',
      rows: waterfall(METRICS.time, timeItems, s >= 2 ? 'quantum total' : null, withGpu ? b : null),
      tick: METRICS.time.tick,
    },
  ];
  if (s >= 3) {
    panels.push({
      key: 'usd',
      title: 'Dollars',
      rows: waterfall(
        METRICS.usd,
        [
          { key: 'exec', label: 'shots / QPU time', value: b.dollars.execution },
          { key: 'fees', label: b.plan.kind === 'per-gate-shot' ? 'job minimums' : 'task fees', value: b.dollars.fees },
        ],
        'quantum total',
        withGpu ? b : null,
      ),
      tick: METRICS.usd.tick,
    });
    panels.push({
      key: 'kwh',
      title: 'Energy (kWh)',
      rows: waterfall(
        METRICS.kwh,
        [
          { key: 'exec', label: 'QPU execution', value: b.energy.execution },
          { key: 'latency', label: 'job loading', value: b.energy.latency },
        ],
        'quantum total',
        withGpu ? b : null,
      ),
      tick: METRICS.kwh.tick,
    });
  }
  return panels;
}

export default function PipelineCostView(props: FigureViewProps<typeof pipelineParamSpec>) {
  const { id, step, title, stepLabel, params: p, setParams, paramIssues } = props;
  const inputs = useMemo(() => inputsFromParams(p), [p]);
  const bill = useMemo(() => computePipeline(inputs), [inputs]);
  const atLastStep = step >= LAST_STEP;
  const totals = useMemo(() => (atLastStep ? datasetTotals(inputs) : []), [inputs, atLastStep]);
  const [ref, width] = useContainerWidth();
  const lines = ledger(bill).filter((l) => l.from <= step);

  return (
    <FigureShell
      id={id}
      step={step}
      title={title}
      caption={`${stepLabel}: the cost of training a ${p.params}-parameter variational model, item by item (log scales).`}
      ready
      method={{
        text: pipelineMethodText(),
        params: pipelineMethodParams(bill),
        seed: 0,
        sources: pipelineSources(bill),
      }}
      data={pipelineDownload(bill)}
      alt={pipelineAlt(step, bill, totals)}
      issues={paramIssues}
      controls={step === LAST_STEP ? <PipelineControls params={p} setParams={setParams} bill={bill} /> : null}
    >
      <div ref={ref} className="pc">
        {step < LAST_STEP ? (
          <>
            <dl className="pc-ledger">
              {lines.map((l) => (
                <div key={l.key} className={`pc-line${l.from === step ? ' pc-line--new' : ''}`} data-line={l.key}>
                  <dt>{l.label}</dt>
                  <dd>
                    <strong>{l.value}</strong>
                    {l.from === step ? <span className="pc-detail"> {l.detail}</span> : null}
                  </dd>
                </div>
              ))}
            </dl>
            <LogBarPanels className="pc-panel" panels={panelsForStep(step, bill)} width={width} />
          </>
        ) : (
          <TotalsPanels totals={totals} width={width} />
        )}
      </div>
    </FigureShell>
  );
}

const TOTALS_TITLES = { time: 'Wall-clock time, one training run', usd: 'Dollars', kwh: 'Energy (kWh)' } as const;

function TotalsPanels({ totals, width }: { totals: ReturnType<typeof datasetTotals>; width: number }) {
  const panels = metricPanels(TOTALS_TITLES, (key) => {
    const m = METRICS[key];
    const rows = totals.flatMap((t): LogBarRow[] => [
      {
        key: `${t.id}-q`,
        label: `${t.name}, quantum`,
        to: m.quantum(t.bill),
        value: m.fmt(m.quantum(t.bill)),
        colour: Q,
      },
      { key: `${t.id}-g`, label: `${t.name}, GPU`, to: m.gpu(t.bill), value: m.fmt(m.gpu(t.bill)), colour: G },
    ]);
    return { rows, tick: m.tick };
  });
  return (
    <div className="pc-totals">
      <LogBarPanels className="pc-panel" panels={panels} width={width} />
      {totals.map((t) => {
        const caveat = fidelityCaveat(t.bill);
        return caveat ? (
          <p key={t.id} className="pc-caveat" data-caveat={t.id}>
            <strong>{t.name}:</strong> {caveat}
          </p>
        ) : null;
      })}
    </div>
  );
}
