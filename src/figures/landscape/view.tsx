/**
 * The landscape figure: the cost ⟨Z₀Z₁⟩ of one random circuit over a grid of two of its angles, at n = 2, 6, 10
 * and the reader's register size, on one shared colour scale (cividis, colour-blind-safe), computed by the
 * simulator in workers row by row.
 */
import { interpolateCividis } from 'd3-scale-chromatic';
import { useId, useRef, useState } from 'react';
import { useNearViewport } from '../../charts/useNearViewport';
import { paramSelects, withValue, type SettingsProps } from '../../charts/SelectField';
import type { LandscapeData, LandscapePanel, LandscapeParams } from '../../experiments/landscape';
import { FigureShell } from '../../story/FigureShell';
import type { FigureViewProps } from '../../story/figure-types';
import { useExperiment } from '../../story/useExperiment';
import { useHydrated } from '../../story/useHydrated';
import type { landscapeParamSpec } from './meta';
import { LANDSCAPE_EXPERIMENT } from './experiments';
import {
  COLOUR_DOMAIN,
  LAST_STEP,
  colourPosition,
  customRun,
  displayValue,
  landscapeDownload,
  landscapeStatsTable,
  landscapeSummary,
  panelComplete,
  panelResolution,
  panelsForStep,
  refinementLabel,
  storyRun,
  type LandscapeFigureParams,
} from './model';
import './landscape.css';
import { SettingsForm } from '../../charts/SettingsForm';

/** 256-entry RGB table of the cividis scale. */
function colourTable(): Uint8ClampedArray {
  const out = new Uint8ClampedArray(256 * 3);
  for (let i = 0; i < 256; i++) {
    const m = /rgb\((\d+),\s*(\d+),\s*(\d+)\)/.exec(interpolateCividis(i / 255));
    if (m) {
      out[3 * i] = Number(m[1]);
      out[3 * i + 1] = Number(m[2]);
      out[3 * i + 2] = Number(m[3]);
    }
  }
  return out;
}

let LUT: Uint8ClampedArray | null = null;

/** A PNG data URL of the panel's grid (θ₂ upward), drawn on a canvas (browser only). */
function panelImage(panel: LandscapePanel, grid: number): string | null {
  const canvas = document.createElement('canvas');
  canvas.width = grid;
  canvas.height = grid;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  LUT ??= colourTable();
  const img = ctx.createImageData(grid, grid);
  for (let i = 0; i < grid; i++) {
    const y = grid - 1 - i;
    for (let j = 0; j < grid; j++) {
      const c = displayValue(panel, grid, i, j);
      const o = 4 * (y * grid + j);
      if (c === null) {
        img.data[o + 3] = 0;
        continue;
      }
      const t = Math.round(colourPosition(c) * 255) * 3;
      img.data[o] = LUT[t];
      img.data[o + 1] = LUT[t + 1];
      img.data[o + 2] = LUT[t + 2];
      img.data[o + 3] = 255;
    }
  }
  ctx.putImageData(img, 0, 0);
  return canvas.toDataURL();
}

/**
 * The panel's image once hydrated (the pre-render and hydration have none: canvas is browser-only). Drawn
 * again only when the panel gained points: every partial result is a new panel object, also for panels it
 * did not change. Within one run (`run`: the inputs besides the panel's size and grid) points only arrive,
 * so the count of points done names the picture.
 */
function usePanelImage(panel: LandscapePanel | undefined, grid: number, run: string): string | null {
  const hydrated = useHydrated();
  const key = hydrated && panel && panel.pointsDone > 0 ? `${run}/${panel.qubits}/${grid}/${panel.pointsDone}` : '';
  const [image, setImage] = useState<{ key: string; url: string | null }>({ key: '', url: null });
  if (image.key === key) return image.url;
  const next = { key, url: key && panel ? panelImage(panel, grid) : null };
  setImage(next);
  return next.url;
}

export default function LandscapeView(props: FigureViewProps<typeof landscapeParamSpec>) {
  const { id, step, title, stepLabel, params: p, setParams, paramIssues } = props;
  const hostRef = useRef<HTMLDivElement>(null);
  const near = useNearViewport(hostRef);
  const story = useExperiment<LandscapeParams, LandscapeData>(LANDSCAPE_EXPERIMENT, storyRun(p), { enabled: near });
  const custom = useExperiment<LandscapeParams, LandscapeData>(LANDSCAPE_EXPERIMENT, customRun(p), {
    enabled: near && step === LAST_STEP,
  });
  const wanted = panelsForStep(step, p);
  const shown = wanted.map((w) =>
    w.custom ? custom.data?.panels[0] : story.data?.panels.find((x) => x.qubits === w.qubits),
  );
  const ready = shown.every((panel) => panelComplete(panel, p.grid));
  const present = shown.filter((x): x is LandscapePanel => x !== undefined);
  const thetas = story.data?.thetas ?? custom.data?.thetas ?? [];
  const runs = step === LAST_STEP ? [story, custom] : [story];
  const done = runs.reduce((t, s) => t + (s.ready ? 1 : s.total > 0 ? s.done / s.total : 0), 0);
  const error = story.error ?? custom.error;

  return (
    <FigureShell
      id={id}
      step={step}
      title={title}
      caption={`${stepLabel}: the cost ⟨Z₀Z₁⟩ of one random circuit as two of its angles sweep 0 to 2π, on one colour scale.`}
      ready={ready}
      picture={shown.every((panel) => panelResolution(panel, p.grid) > 0)}
      work={{ done, total: runs.length, label: refinementLabel(shown, p.grid) }}
      method={{
        text:
          (story.meta?.method ?? 'The figure simulates one random circuit per register size on a grid of two angles.') +
          ' Colours: the cividis scale (designed for colour-vision deficiency) over the full range −1 to 1 of ⟨Z₀Z₁⟩, the same for every panel.',
        params: {
          'random layers': p.layers,
          grid: `${p.grid}×${p.grid}`,
          'register sizes': wanted.map((w) => w.qubits).join(', '),
        },
        seed: p.seed,
        sources: [
          {
            label:
              'Computed in your browser by this article’s simulator (src/sim StateVector, src/experiments/landscape)',
          },
        ],
      }}
      data={() => landscapeDownload(present, thetas)}
      alt={{
        summary: landscapeSummary(present, { grid: p.grid }),
        table: landscapeStatsTable(present),
        caption: 'How much the cost varies over the grid',
      }}
      issues={paramIssues}
      controls={step === LAST_STEP ? <LandscapeControls params={p} setParams={setParams} /> : null}
    >
      <div ref={hostRef} className="ls">
        {error ? (
          <p className="ls-note" role="alert">
            {error}
          </p>
        ) : null}
        <div className="ls-panels" data-count={wanted.length}>
          {wanted.map((w, i) => (
            <Panel
              key={w.custom ? 'custom' : w.qubits}
              qubits={w.qubits}
              custom={w.custom}
              panel={shown[i]}
              grid={p.grid}
              run={`${p.layers}/${p.seed}`}
            />
          ))}
        </div>
        <ColourKey />
      </div>
    </FigureShell>
  );
}

function Panel({
  qubits,
  custom,
  panel,
  grid,
  run,
}: {
  qubits: number;
  custom: boolean;
  panel: LandscapePanel | undefined;
  grid: number;
  run: string;
}) {
  const url = usePanelImage(panel, grid, run);
  const clip = useId();
  const S = 100,
    M = { l: 22, b: 20, t: 4, r: 4 };
  const complete = panelComplete(panel, grid);
  const resolution = panelResolution(panel, grid);
  return (
    <div
      className="ls-panel"
      data-qubits={qubits}
      data-complete={complete ? 'true' : 'false'}
      data-resolution={resolution}
    >
      <div className="ls-panel__title">
        <strong>n = {qubits}</strong>
        {custom ? ' (your choice)' : ''}
        {panel && panel.pointsDone > 0 ? (
          <span className="ls-panel__range"> · range {(panel.max - panel.min).toFixed(3)}</span>
        ) : null}
        {!complete && resolution > 0 ? (
          <span className="ls-panel__range">
            {' '}
            · coarse {resolution}×{resolution}
          </span>
        ) : null}
      </div>
      <svg
        viewBox={`0 0 ${S + M.l + M.r} ${S + M.t + M.b}`}
        role="img"
        aria-label={`Cost landscape at ${qubits} qubits`}
      >
        <defs>
          <clipPath id={clip}>
            <rect x={M.l} y={M.t} width={S} height={S} />
          </clipPath>
        </defs>
        <rect
          x={M.l}
          y={M.t}
          width={S}
          height={S}
          fill="none"
          stroke="currentColor"
          strokeOpacity={0.35}
          strokeWidth={0.5}
        />
        {url ? (
          <image
            href={url}
            x={M.l}
            y={M.t}
            width={S}
            height={S}
            preserveAspectRatio="none"
            clipPath={`url(#${clip})`}
          />
        ) : null}
        <g fontSize={6} fill="currentColor" aria-hidden="true">
          <text x={M.l} y={S + M.t + 8} textAnchor="middle">
            0
          </text>
          <text x={M.l + S / 2} y={S + M.t + 8} textAnchor="middle">
            π
          </text>
          <text x={M.l + S} y={S + M.t + 8} textAnchor="middle">
            2π
          </text>
          <text x={M.l + S / 2} y={S + M.t + 17} textAnchor="middle">
            θ₁
          </text>
          <text x={M.l - 3} y={S + M.t} textAnchor="end" dy="0.3em">
            0
          </text>
          <text x={M.l - 3} y={M.t + S / 2} textAnchor="end" dy="0.3em">
            π
          </text>
          <text x={M.l - 3} y={M.t + 4} textAnchor="end" dy="0.3em">
            2π
          </text>
          <text x={5} y={M.t + S / 2} textAnchor="middle" transform={`rotate(-90 5 ${M.t + S / 2})`}>
            θ₂
          </text>
        </g>
      </svg>
    </div>
  );
}

function ColourKey() {
  const gid = useId();
  const stops = Array.from({ length: 11 }, (_, i) => i / 10);
  const [lo, hi] = COLOUR_DOMAIN;
  return (
    <div className="ls-key">
      <svg viewBox="0 0 220 32" role="img" aria-label={`Colour scale from ${lo} to ${hi}`}>
        <defs>
          <linearGradient id={gid}>
            {stops.map((t) => (
              <stop key={t} offset={t} stopColor={interpolateCividis(t)} />
            ))}
          </linearGradient>
        </defs>
        <rect x={10} y={2} width={200} height={10} fill={`url(#${gid})`} />
        <g fontSize={12} fill="currentColor" textAnchor="middle" aria-hidden="true">
          <text x={10} y={28}>
            −1
          </text>
          <text x={110} y={28}>
            0
          </text>
          <text x={210} y={28}>
            +1
          </text>
        </g>
      </svg>
      <span>cost ⟨Z₀Z₁⟩, one scale for all panels</span>
    </div>
  );
}

const CUSTOM_CHOICES = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14];

function LandscapeControls({ params, setParams }: SettingsProps<LandscapeFigureParams>) {
  const uid = useId();
  const select = paramSelects(params, setParams, { className: 'ls-control' });
  return (
    <SettingsForm className="ls-controls" label="Your own landscape">
      {select('custom', 'Your register size', CUSTOM_CHOICES, (n) => `${n} qubits`)}
      {select('layers', 'Random layers', withValue([1, 2, 5, 10, 20, 50, 100, 200], params.layers))}
      <div className="ls-control">
        <label htmlFor={`${uid}-seed`}>Circuit</label>
        <button id={`${uid}-seed`} type="button" onClick={() => setParams({ seed: (params.seed + 1) >>> 0 })}>
          Another random circuit
        </button>
      </div>
    </SettingsForm>
  );
}
