/**
 * Noise eats depth: fidelity with the ideal state and the measured observable against circuit depth,
 * ideal beside noisy, one noise source per step, all together at the end with the depth where the
 * signal sinks into shot noise. Data from the `noise-vs-depth` experiment in the worker pool.
 */
import { scaleLinear } from 'd3-scale';
import { format } from 'd3-format';
import { area, line } from 'd3-shape';
import { useMemo, useRef, useState } from 'react';
import { Axis, PlotAxes, chartLayout, useContainerWidth } from '../../charts';
import { useNearViewport } from '../../charts/useNearViewport';
import type { NoiseConfigResult, NoiseVsDepthData, NoiseVsDepthParams } from '../../experiments/noise-vs-depth';
import { FigureShell } from '../../story/FigureShell';
import type { FigureViewProps } from '../../story/figure-types';
import { useExperiment } from '../../story/useExperiment';
import { NvdControls } from './controls';
import type { noiseVsDepthParamSpec } from './meta';
import { NVD_EXPERIMENT } from './experiments';
import {
  K_SIGMA,
  LAST_STEP,
  STEP_CONFIG,
  configOf,
  deviceOf,
  experimentParams,
  idealConfig,
  observableLabel,
  sampledDepths,
  type NoiseVsDepthFigureParams,
  type StepConfig,
} from './model';
import { CONFIG_WORDS, circuitWords, nvdDownload, nvdSummary, nvdTable } from './text';
import './noise-vs-depth.css';
import { fmtInt } from '../../format';
import { HaloText } from '../../charts/marks';
import { ChartSvg } from '../../charts/ChartSvg';

export default function NoiseVsDepthView(props: FigureViewProps<typeof noiseVsDepthParamSpec>) {
  const { id, step, title, stepLabel, params: p, setParams, paramIssues, reducedMotion } = props;
  const config: StepConfig = STEP_CONFIG[step];
  const dev = deviceOf(p);
  const hostRef = useRef<HTMLDivElement>(null);
  const near = useNearViewport(hostRef);
  const expParams = experimentParams(p);
  const result = useExperiment<NoiseVsDepthParams, NoiseVsDepthData>(NVD_EXPERIMENT, expParams, { enabled: near });
  // The GHZ ideal curve has a closed form: computed in render, so step 0 pre-renders with its data.
  const { family, qubits, depth } = p;
  const idealLocal = useMemo(() => idealConfig({ family, qubits, depth }), [family, qubits, depth]);

  // While new parameters compute, keep drawing the last complete data (dimmed) instead of a blank chart.
  const [lastComplete, setLastComplete] = useState<NoiseVsDepthData | undefined>(undefined);
  if (result.ready && result.data && result.data !== lastComplete) setLastComplete(result.data);
  const fresh = configOf(result.data, config);
  const noisy = config === 'ideal' ? undefined : (fresh ?? configOf(lastComplete, config));
  const isStale = config !== 'ideal' && !fresh && noisy !== undefined;
  const ideal = configOf(result.data, 'ideal') ?? idealLocal ?? configOf(lastComplete, 'ideal');
  const ready =
    config === 'ideal' ? configOf(result.data, 'ideal') !== undefined || idealLocal !== undefined : fresh !== undefined;
  const showLoss = step === LAST_STEP;
  const faint =
    step === LAST_STEP
      ? (['gate', 'decoherence', 'readout'] as const)
          .map((c) => configOf(result.data, c))
          .filter((c): c is NoiseConfigResult => !!c)
      : [];

  return (
    <FigureShell
      id={id}
      step={step}
      title={title}
      caption={`${stepLabel}: fidelity with the ideal state (top) and the measured ${observableLabel(p.family, p.qubits)} (bottom) against depth; dashed: ideal${step > 0 ? `; solid: ${CONFIG_WORDS[config]}` : ''}.`}
      ready={ready}
      work={{
        done: result.done,
        total: result.total,
        label: `Simulating density matrices: ${result.data?.configs.length ?? 0} of ${expParams.configs.length} noise settings`,
      }}
      method={{
        text: `${result.meta?.method ?? `Density-matrix simulation (src/experiments/noise-vs-depth) of ${circuitWords(p)}.`} Steps show one configuration at a time: ideal, gate errors, decoherence, readout error, all together. Device: ${dev.name}, ${dev.source}.`,
        params: {
          device: dev.id,
          circuit: p.family,
          qubits: p.qubits,
          'maximum depth': p.depth,
          shots: p.shots,
          'gate error ×': p.gate,
          'decoherence ×': p.decoherence,
          'readout error ×': p.readout,
          'k (σ)': K_SIGMA,
        },
        seed: p.seed,
        sources: [
          { label: `${dev.name}: ${dev.source}` },
          { label: 'Computed in your browser by this article’s density-matrix simulator (src/sim)' },
        ],
      }}
      data={nvdDownload([ideal, noisy])}
      alt={{
        summary: nvdSummary(p, dev, config, ideal, noisy, showLoss),
        table: nvdTable(ideal, noisy, p.depth),
        caption: `Fidelity and ${observableLabel(p.family, p.qubits)} by depth`,
      }}
      issues={paramIssues}
      controls={step === LAST_STEP ? <NvdControls params={p} setParams={setParams} /> : null}
    >
      <div ref={hostRef} className={`nvd${isStale ? ' nvd--stale' : ''}`}>
        <NvdChart p={p} ideal={ideal} noisy={noisy} faint={faint} showLoss={showLoss} reducedMotion={reducedMotion} />
        <p className="nvd-legend">
          <span className="nvd-key nvd-key--ideal">ideal</span>
          {noisy ? <span className="nvd-key nvd-key--noisy">{CONFIG_WORDS[config]}</span> : null}
          {noisy ? <span className="nvd-key nvd-key--shots">{fmtInt(p.shots)}-shot estimates</span> : null}
          {showLoss ? <span className="nvd-key nvd-key--band">±{K_SIGMA}σ shot noise</span> : null}
          {faint.length ? <span className="nvd-key nvd-key--faint">single sources</span> : null}
        </p>
        <p className="nvd-device">
          {dev.name}, calibration of {dev.date}
        </p>
      </div>
    </FigureShell>
  );
}

const MARGIN = { top: 22, right: 14, bottom: 42, left: 46 };

interface ChartProps {
  p: NoiseVsDepthFigureParams;
  ideal: NoiseConfigResult | undefined;
  noisy: NoiseConfigResult | undefined;
  faint: NoiseConfigResult[];
  showLoss: boolean;
  reducedMotion: boolean;
}

function NvdChart({ p, ideal, noisy, faint, showLoss }: ChartProps) {
  const [ref, width] = useContainerWidth();
  const L = chartLayout(width, { aspect: 0.62, minHeight: 290, maxHeight: 380, margin: MARGIN });
  const gap = 30;
  const panelH = (L.innerHeight - gap) / 2;
  const x = scaleLinear().domain([0, p.depth]).range([0, L.innerWidth]);
  const yF = scaleLinear().domain([0, 1.02]).range([panelH, 0]);
  const oLo = p.family === 'ghz' ? -0.1 : -1.02;
  const yO = scaleLinear()
    .domain([oLo, 1.02])
    .range([L.innerHeight, panelH + gap]);
  type Pt = NoiseConfigResult['points'][number];
  const lineOf = (y: (pt: Pt) => number) =>
    line<Pt>()
      .x((pt) => x(pt.depth))
      .y(y);
  const fidPath = lineOf((pt) => yF(pt.fidelity));
  const idealObs = lineOf((pt) => yO(pt.ideal));
  const noisyObs = lineOf((pt) => yO(pt.noisy));
  const band = area<Pt>()
    .x((pt) => x(pt.depth))
    .y0((pt) => yO(-K_SIGMA * pt.stderr))
    .y1((pt) => yO(K_SIGMA * pt.stderr));
  const dots = noisy
    ? sampledDepths(p.depth)
        .map((d) => noisy.points[d - 1])
        .filter((pt): pt is Pt => !!pt && Number.isFinite(pt.sampled))
    : [];
  const lost = noisy && showLoss ? noisy.depthLost : null;
  const obs = observableLabel(p.family, p.qubits);
  const xTicks = Math.max(3, Math.floor(L.innerWidth / 80));
  return (
    <div ref={ref}>
      <ChartSvg layout={L} label={`Fidelity and ${obs} against circuit depth`}>
        <Axis
          scale={yF}
          orient="left"
          ticks={3}
          format={format('.1f')}
          grid={L.innerWidth}
          label="fidelity with the ideal state"
        />
        <Axis scale={x} orient="bottom" y={panelH} ticks={xTicks} format={() => ''} />
        <PlotAxes
          layout={L}
          y={{ scale: yO, ticks: 4, format: format('.1f'), label: `measured ${obs}` }}
          x={{
            scale: x,
            ticks: xTicks,
            format: format('d'),
            label: `depth (blocks${p.family === 'ghz' ? `, ${2 * (p.qubits - 1)} CX each after the first` : ''})`,
          }}
        />
        <line x1={0} x2={L.innerWidth} y1={yO(0)} y2={yO(0)} stroke="currentColor" strokeOpacity={0.4} />
        {noisy && showLoss ? (
          <path className="nvd-band" d={band(noisy.points) ?? ''} fill="currentColor" fillOpacity={0.16} />
        ) : null}
        {faint.map((c) => (
          <g
            key={c.config}
            className="nvd-faint"
            stroke="currentColor"
            strokeOpacity={0.35}
            fill="none"
            strokeWidth={1}
          >
            <path d={fidPath(c.points) ?? ''} />
            <path d={noisyObs(c.points) ?? ''} />
          </g>
        ))}
        {ideal ? (
          <g className="nvd-ideal" stroke="currentColor" fill="none" strokeWidth={1.5} strokeDasharray="5 4">
            <path d={fidPath(ideal.points) ?? ''} />
            <path d={idealObs(ideal.points) ?? ''} />
          </g>
        ) : null}
        {noisy ? (
          <g className="nvd-noisy" stroke="var(--fig-series-1)" fill="none" strokeWidth={2.25}>
            <path d={fidPath(noisy.points) ?? ''} />
            <path d={noisyObs(noisy.points) ?? ''} />
          </g>
        ) : null}
        {dots.map((pt) => (
          <circle
            key={pt.depth}
            className="nvd-dot"
            cx={x(pt.depth)}
            cy={yO(Math.max(oLo, Math.min(1.02, pt.sampled)))}
            r={2.2}
            fill="var(--fig-series-2)"
          />
        ))}
        {lost !== null && lost !== undefined ? (
          <g className="nvd-lost">
            <line
              x1={x(lost)}
              x2={x(lost)}
              y1={0}
              y2={L.innerHeight}
              stroke="var(--fig-series-2)"
              strokeWidth={1.5}
              strokeDasharray="3 3"
            />
            <HaloText
              x={x(lost) + (x(lost) > L.innerWidth * 0.6 ? -5 : 5)}
              y={panelH * 0.42}
              textAnchor={x(lost) > L.innerWidth * 0.6 ? 'end' : 'start'}
              fontSize={11}
            >
              lost in shot noise at depth {lost}
            </HaloText>
          </g>
        ) : null}
      </ChartSvg>
    </div>
  );
}
