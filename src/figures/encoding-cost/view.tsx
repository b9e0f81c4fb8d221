/**
 * The encoding bill: depth of the four loading circuits against the feature dimension (log–log), the
 * device's decoherence ceiling, the step's dataset marked; in the last step, the gates a training epoch
 * executes only to load its data, beside the model's own gates. Closed forms, computed during render.
 */
import { scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import { useId } from 'react';
import { PlotAxes, chartLayout, useContainerWidth } from '../../charts';
import { SeriesLine, type LineStyle } from '../../charts/marks';
import { FigureShell } from '../../story/FigureShell';
import type { FigureViewProps } from '../../story/figure-types';
import { fmtCount, fmtNumber, pow10 } from '../../format';
import type { encodingParamSpec, EncodingParams } from './meta';
import { EncodingControls } from './controls';
import {
  D_MAX,
  D_MIN,
  ENCODING_LABEL,
  LAST_STEP,
  ansatzSeries,
  depthCeiling,
  deviceFor,
  highlights,
  seriesFor,
  stepDataset,
  trainingMultiplier,
  type Highlight,
} from './model';
import { encodingAlt, encodingDownload, encodingMethod } from './text';
import './encoding-cost.css';
import { ChartSvg, PlotClip } from '../../charts/ChartSvg';
import { countTick } from '../../charts/format';

const MARGIN = { top: 16, right: 16, bottom: 42, left: 58 };
const DASH: Record<string, string | undefined> = { amplitude: undefined, zz: '7 3', angle: '2 3', basis: '9 3 2 3' };
const colour = (e: string) => `var(--ec-${e})`;
/** An encoding's series: its colour and dash pattern (amplitude solid). */
const encodingLine = (e: string): LineStyle => ({ stroke: colour(e), width: 2.25, dash: DASH[e] });
/** The model's own gates (last step): a dotted reference line. */
const ANSATZ_LINE: LineStyle = { stroke: 'currentColor', width: 1.5, dash: '1.5 3' };

/** What the chart shows, after the step label: the loading circuit's depth, then (last step) an epoch's loading gates. */
const chartCaption = (step: number, deviceName: string) =>
  step < LAST_STEP
    ? `depth of the loading circuit against the number of features d (log–log); shaded: deeper than ${deviceName} runs within T2.`
    : 'gates executed in one epoch just to load the data, against d (log–log); dotted: the model’s own gates.';

export default function EncodingCostView(props: FigureViewProps<typeof encodingParamSpec>) {
  const { id, step, title, stepLabel, params: p, setParams, paramIssues, reducedMotion } = props;
  const device = deviceFor(p.device);
  const dataset = stepDataset(step);
  const imagenet = stepDataset(2);
  const mult = trainingMultiplier(p.eps, p.params, imagenet.examples);
  const hs = highlights(dataset.features, device, mult);
  const datasetName = dataset.name.replace(/ \(.*\)$/, '');
  return (
    <FigureShell
      id={id}
      step={step}
      title={title}
      caption={`${stepLabel}: ${chartCaption(step, device.name)}`}
      ready
      method={encodingMethod(device, mult, p.params)}
      data={encodingDownload()}
      alt={encodingAlt(step, dataset.features, datasetName, hs, device, mult)}
      issues={paramIssues}
      controls={step === LAST_STEP ? <EncodingControls params={p} setParams={setParams} /> : null}
    >
      <EncodingChart step={step} d={dataset.features} label={datasetName} p={p} hs={hs} reducedMotion={reducedMotion} />
    </FigureShell>
  );
}

function EncodingChart({
  step,
  d,
  label,
  p,
  hs,
}: {
  step: number;
  d: number;
  label: string;
  p: EncodingParams;
  hs: Highlight[];
  reducedMotion: boolean;
}) {
  const [ref, width] = useContainerWidth();
  const clip = useId();
  const device = deviceFor(p.device);
  const mult = trainingMultiplier(p.eps, p.params, stepDataset(2).examples);
  const training = step >= LAST_STEP;
  const series = seriesFor(training ? 'trainingGates' : 'depth', mult);
  const ansatz = training ? ansatzSeries(p.params, mult) : [];
  const all = series.flatMap((s) => s.points.map((pt) => pt.value)).concat(ansatz.map((a) => a.value));
  const yMin = training ? 10 ** Math.floor(Math.log10(Math.min(...all))) : 1;
  const yMax = 10 ** Math.ceil(Math.log10(Math.max(...all)));
  const narrow = width < 520;
  const L = chartLayout(width, {
    aspect: 0.56,
    minHeight: narrow ? 230 : 260,
    maxHeight: 340,
    margin: { ...MARGIN, right: narrow ? 12 : 96 },
  });
  const x = scaleLog().domain([D_MIN, D_MAX]).range([0, L.innerWidth]);
  const y = scaleLog().domain([yMin, yMax]).range([L.innerHeight, 0]).clamp(true);
  const path = line<{ d: number; value: number }>()
    .x((pt) => x(pt.d))
    .y((pt) => y(pt.value));
  const ceiling = depthCeiling(device);
  const decadesY = Math.round(Math.log10(yMax / yMin));
  const everyY = Math.max(1, Math.ceil(decadesY / (narrow ? 5 : 7)));
  const yTicks: number[] = [];
  for (let e = Math.round(Math.log10(yMin)); e <= Math.round(Math.log10(yMax)); e++)
    if (e % everyY === 0) yTicks.push(10 ** e);
  const xTicks = [4, 64, 1024, 16384, 262144]
    .concat(narrow ? [] : [16, 256, 4096, 65536, 1048576])
    .sort((a, b) => a - b);
  const cy = y(ceiling.depth);
  const mx = x(d);
  return (
    <div ref={ref} className="ec">
      <ChartSvg
        layout={L}
        label={
          training
            ? 'Gates executed to load one training epoch against the number of features'
            : 'Depth of the encoding circuits against the number of features, with the decoherence ceiling'
        }
        defs={<PlotClip id={clip} layout={L} />}
      >
        <PlotAxes
          layout={L}
          y={{
            scale: y,
            tickValues: yTicks,
            format: countTick,
            label: training ? 'gates executed per epoch' : 'circuit depth (layers)',
          }}
          x={{
            scale: x,
            tickValues: xTicks,
            format: (v) => (v < 1e4 ? fmtCount(v) : `2${pow10(Math.round(Math.log2(v))).slice(2)}`),
            label: 'features d (log scale)',
          }}
        />
        <g clipPath={`url(#${clip})`}>
          {!training ? (
            <g className="ec-ceiling">
              <rect className="ec-ceiling-zone" x={0} y={0} width={L.innerWidth} height={Math.max(0, cy)} />
              <line
                x1={0}
                x2={L.innerWidth}
                y1={cy}
                y2={cy}
                stroke="currentColor"
                strokeWidth={1.5}
                strokeDasharray="6 4"
              />
            </g>
          ) : (
            <SeriesLine className="ec-ansatz" d={path(ansatz)} line={ANSATZ_LINE} />
          )}
          {series.map((s) => (
            <SeriesLine
              key={s.encoding}
              className="ec-line"
              data-encoding={s.encoding}
              d={path(s.points)}
              line={encodingLine(s.encoding)}
            />
          ))}
          <line
            className="ec-marker"
            x1={mx}
            x2={mx}
            y1={0}
            y2={L.innerHeight}
            stroke="currentColor"
            strokeOpacity={0.6}
          />
          {hs.map((h) => {
            const v = training ? h.trainingGates : h.counts.depth;
            return (
              <circle
                key={h.encoding}
                cx={mx}
                cy={y(v)}
                r={4}
                fill={colour(h.encoding)}
                stroke="var(--color-bg, Canvas)"
                strokeWidth={1.5}
              />
            );
          })}
        </g>
        <text
          x={Math.min(mx + 5, L.innerWidth - 4)}
          y={12}
          fontSize={11.5}
          fill="currentColor"
          textAnchor={mx > L.innerWidth - 90 ? 'end' : 'start'}
          stroke="var(--color-bg, Canvas)"
          strokeWidth={3}
          paintOrder="stroke"
        >
          {label}: d = {fmtCount(d)}
        </text>
        {!training ? (
          <text
            x={6}
            y={Math.max(12, cy - 6)}
            fontSize={11}
            fill="currentColor"
            stroke="var(--color-bg, Canvas)"
            strokeWidth={3}
            paintOrder="stroke"
          >
            T2 ceiling, {device.name.replace(/ \(.*\)$/, '')}: {fmtCount(Math.round(ceiling.depth))} layers
          </text>
        ) : (
          <text
            x={6}
            y={Math.min(L.innerHeight - 6, y(ansatz[0]?.value ?? yMin) - 6)}
            fontSize={11}
            fill="currentColor"
            stroke="var(--color-bg, Canvas)"
            strokeWidth={3}
            paintOrder="stroke"
          >
            the model’s own gates (amplitude, P = {fmtCount(p.params)})
          </text>
        )}
        {!narrow
          ? series
              .filter((s) => s.encoding !== 'basis')
              .map((s) => {
                const last = s.points[s.points.length - 1];
                return (
                  <text
                    key={s.encoding}
                    x={L.innerWidth + 6}
                    y={Math.max(8, Math.min(L.innerHeight, y(last.value)))}
                    dy="0.32em"
                    fontSize={11}
                    fill={colour(s.encoding)}
                  >
                    {s.encoding === 'angle' ? 'angle = basis' : ENCODING_LABEL[s.encoding]}
                  </text>
                );
              })
          : null}
      </ChartSvg>
      <table className="ec-table">
        <thead>
          {training ? (
            <tr>
              <th scope="col">encoding</th>
              <th scope="col">gates per load</th>
              <th scope="col">per epoch</th>
            </tr>
          ) : (
            <tr>
              <th scope="col">encoding</th>
              <th scope="col">qubits</th>
              <th scope="col">CNOTs</th>
              <th scope="col">depth</th>
            </tr>
          )}
        </thead>
        <tbody>
          {hs.map((h) => (
            <tr key={h.encoding} data-encoding={h.encoding}>
              <th scope="row">
                <span className="ec-swatch" style={{ background: colour(h.encoding) }} />
                {ENCODING_LABEL[h.encoding]}
              </th>
              {training ? (
                <>
                  <td>{fmtCount(h.counts.cnots + h.counts.singleQubitGates)}</td>
                  <td>{fmtNumber(h.trainingGates)}</td>
                </>
              ) : (
                <>
                  <td className={h.fitsQubits ? undefined : 'ec-bad'}>
                    {fmtCount(h.counts.qubits)}
                    {h.fitsQubits ? '' : ` > ${device.qubits}`}
                  </td>
                  <td>{fmtCount(h.counts.cnots)}</td>
                  <td className={h.fitsDepth ? undefined : 'ec-bad'}>
                    {fmtCount(h.counts.depth)}
                    {h.fitsDepth ? '' : ` > ${fmtCount(Math.round(ceiling.depth))}`}
                  </td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
