/**
 * The pipeline bill: a ledger that grows step by step (shots → circuits → latency and queue → dollars
 * and energy → the GPU beside it → MNIST and ImageNet totals) and log-scale waterfalls of wall-clock
 * time, dollars and kWh. Everything is a closed-form model, computed during render (pre-renders).
 */
import { useMemo } from 'react';
import { useContainerWidth } from '../../charts';
import { LogBars, type LogBarRow } from '../../charts/LogBars';
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

function waterfall(
  items: Array<{ key: string; label: string; value: number; fmt(v: number): string }>,
  total: { label: string; fmt(v: number): string } | null,
  gpu: { value: number; fmt(v: number): string } | null,
): LogBarRow[] {
  const rows: LogBarRow[] = [];
  let cum = 0;
  for (const it of items) {
    const from = cum;
    cum += it.value;
    rows.push({ key: it.key, label: it.label, from, to: it.value > 0 ? cum : 0, value: it.fmt(it.value), colour: Q });
  }
  if (total) rows.push({ key: 'total', label: total.label, to: cum, value: total.fmt(cum), colour: Q, total: true });
  if (gpu) rows.push({ key: 'gpu', label: 'GPU', to: gpu.value, value: gpu.fmt(gpu.value), colour: G });
  return rows;
}

export function panelsForStep(step: number, b: PipelineBill) {
  const s = clampStep(step, LAST_STEP);
  const withGpu = s >= 4;
  const timeItems =
    s === 0
      ? [{ key: 'expect', label: 'one expectation', value: b.expectationTime, fmt: fmtDuration }]
      : [
          { key: 'exec', label: 'QPU execution', value: b.time.execution, fmt: fmtDuration },
          ...(s >= 2
            ? [
                { key: 'latency', label: 'job latency', value: b.time.latency, fmt: fmtDuration },
                { key: 'queue', label: 'queue', value: b.time.queue, fmt: fmtDuration },
              ]
            : []),
        ];
  const panels: Array<{ key: string; title: string; rows: LogBarRow[]; tick(v: number): string }> = [
    {
      key: 'time',
      title: s === 0 ? 'Time for one expectation value' : 'Wall-clock time of one training run',
      rows: waterfall(
        timeItems,
        s >= 2 ? { label: 'quantum total', fmt: fmtDuration } : null,
        withGpu ? { value: b.gpu.seconds, fmt: fmtDuration } : null,
      ),
      tick: tickTime,
    },
  ];
  if (s >= 3) {
    panels.push({
      key: 'usd',
      title: 'Dollars',
      rows: waterfall(
        [
          { key: 'exec', label: 'shots / QPU time', value: b.dollars.execution, fmt: fmtUsd },
          {
            key: 'fees',
            label: b.plan.kind === 'per-gate-shot' ? 'job minimums' : 'task fees',
            value: b.dollars.fees,
            fmt: fmtUsd,
          },
        ],
        { label: 'quantum total', fmt: fmtUsd },
        withGpu ? { value: b.gpu.dollars, fmt: fmtUsd } : null,
      ),
      tick: tickUsd,
    });
    panels.push({
      key: 'kwh',
      title: 'Energy (kWh)',
      rows: waterfall(
        [
          { key: 'exec', label: 'QPU execution', value: b.energy.execution, fmt: fmtEnergy },
          { key: 'latency', label: 'job loading', value: b.energy.latency, fmt: fmtEnergy },
        ],
        { label: 'quantum total', fmt: fmtEnergy },
        withGpu ? { value: b.gpu.kWh, fmt: fmtEnergy } : null,
      ),
      tick: tickKWh,
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
            {panelsForStep(step, bill).map((panel) => (
              <LogBars
                key={panel.key}
                className="pc-panel"
                title={panel.title}
                rows={panel.rows}
                width={width}
                tickFormat={panel.tick}
              />
            ))}
          </>
        ) : (
          <TotalsPanels totals={totals} width={width} />
        )}
      </div>
    </FigureShell>
  );
}

function TotalsPanels({ totals, width }: { totals: ReturnType<typeof datasetTotals>; width: number }) {
  const metrics = [
    {
      key: 'time',
      title: 'Wall-clock time, one training run',
      q: (b: PipelineBill) => b.time.total,
      g: (b: PipelineBill) => b.gpu.seconds,
      fmt: fmtDuration,
      tick: tickTime,
    },
    {
      key: 'usd',
      title: 'Dollars',
      q: (b: PipelineBill) => b.dollars.total,
      g: (b: PipelineBill) => b.gpu.dollars,
      fmt: fmtUsd,
      tick: tickUsd,
    },
    {
      key: 'kwh',
      title: 'Energy (kWh)',
      q: (b: PipelineBill) => b.energy.total,
      g: (b: PipelineBill) => b.gpu.kWh,
      fmt: fmtEnergy,
      tick: tickKWh,
    },
  ];
  return (
    <div className="pc-totals">
      {metrics.map((m) => {
        const rows: LogBarRow[] = totals.flatMap((t) => [
          { key: `${t.id}-q`, label: `${t.name}, quantum`, to: m.q(t.bill), value: m.fmt(m.q(t.bill)), colour: Q },
          { key: `${t.id}-g`, label: `${t.name}, GPU`, to: m.g(t.bill), value: m.fmt(m.g(t.bill)), colour: G },
        ]);
        return (
          <LogBars key={m.key} className="pc-panel" title={m.title} rows={rows} width={width} tickFormat={m.tick} />
        );
      })}
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
