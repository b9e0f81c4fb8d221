/** The landscape figure's pure model: panels per step, the shared colour scale, and the text alternative. */
import { format } from 'd3-format';
import type { LandscapeData, LandscapePanel, LandscapeParams } from '../../experiments/landscape';
import { formatAsNumber, tableOf, type DataTable } from '../../story/data';
import type { ParamsOf } from '../../story/params';
import { clampStep } from '../../story/steps';
import type { landscapeParamSpec } from './meta';

export const LAST_STEP = 2;
export const STEP_QUBITS = [2, 6, 10] as const;
/** ⟨Z₀Z₁⟩ lies in [−1, 1]: one colour scale for every panel. */
export const COLOUR_DOMAIN: readonly [number, number] = [-1, 1];

export type LandscapeFigureParams = ParamsOf<typeof landscapeParamSpec>;

export function storyRun(p: LandscapeFigureParams): LandscapeParams {
  return { qubits: [...STEP_QUBITS], layers: p.layers, grid: p.grid, seed: p.seed };
}

export function customRun(p: LandscapeFigureParams): LandscapeParams {
  return { qubits: [p.custom], layers: p.layers, grid: p.grid, seed: p.seed };
}

/** Register sizes shown at a step: 2; 2 and 6; 2, 6, 10 and the reader's choice. */
export function panelsForStep(step: number, p: LandscapeFigureParams): Array<{ qubits: number; custom: boolean }> {
  const s = clampStep(step, LAST_STEP);
  const out = STEP_QUBITS.slice(0, s + 1).map((n) => ({ qubits: n as number, custom: false }));
  if (s === LAST_STEP) out.push({ qubits: p.custom, custom: true });
  return out;
}

export function panelComplete(panel: LandscapePanel | undefined, grid: number): boolean {
  return Boolean(panel) && panel!.pointsDone === grid * grid;
}

/** Points per axis of the panel's complete lattice (0 before the coarse level is done). */
export function panelResolution(panel: LandscapePanel | undefined, grid: number): number {
  return panel && panel.stride > 0 ? Math.ceil(grid / panel.stride) : 0;
}

/**
 * The progress label for the panels shown: honest about what is refined, e.g. "Coarse grid 16×16,
 * refining to 64×64" (the coarsest shown panel decides).
 */
export function refinementLabel(shown: ReadonlyArray<LandscapePanel | undefined>, grid: number): string {
  const res = shown.length ? Math.min(...shown.map((x) => panelResolution(x, grid))) : 0;
  if (res === 0) return `Simulating a coarse grid first, refining to ${grid}×${grid}`;
  if (res >= grid) return `Grid ${grid}×${grid} complete`;
  return `Coarse grid ${res}×${res}, refining to ${grid}×${grid}`;
}

/**
 * The value drawn in cell (i, j): its own, or while it is not computed yet, that of the complete
 * coarse lattice point covering it (so a partial panel is a blocky but complete picture).
 */
export function displayValue(panel: LandscapePanel, grid: number, i: number, j: number): number | null {
  const v = panel.values[i * grid + j];
  if (v !== null || panel.stride <= 1) return v;
  const s = panel.stride;
  return panel.values[(i - (i % s)) * grid + (j - (j % s))];
}

/** Position in [0, 1] of a cost on the shared colour scale. */
export function colourPosition(c: number): number {
  const [a, b] = COLOUR_DOMAIN;
  return Math.min(1, Math.max(0, (c - a) / (b - a)));
}

const g2 = (v: number) => (Number.isFinite(v) ? format('.2~g')(v) : '–');
const f3 = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : '–');

export function landscapeSummary(shown: readonly LandscapePanel[], data: Pick<LandscapeData, 'grid'>): string {
  const done = shown.filter((p) => p.pointsDone > 0);
  if (done.length === 0) return 'The landscapes are being computed.';
  const coarsest = Math.min(...done.map((p) => panelResolution(p, data.grid)));
  const refining =
    coarsest < data.grid
      ? ` (Still refining: the numbers so far come from ${coarsest > 0 ? `a coarse ${coarsest}×${coarsest} grid` : 'part of a coarse grid'}.)`
      : '';
  const parts = done.map(
    (p) =>
      `at ${p.qubits} qubits the cost ⟨Z₀Z₁⟩ ranges from ${f3(p.min)} to ${f3(p.max)} (spread ${g2(p.std)}, steepest slope ${g2(p.maxSlope)} per radian)`,
  );
  const first = done[0],
    last = done[done.length - 1];
  const ratio =
    done.length > 1 && last.max - last.min > 0
      ? ` The relief at ${last.qubits} qubits is ${format('.3~g')((first.max - first.min) / (last.max - last.min))} times flatter than at ${first.qubits}.`
      : '';
  return `Over a ${data.grid}×${data.grid} grid of two angles of one random circuit, ${parts.join('; ')}.${ratio}${refining}`;
}

export function landscapeStatsTable(shown: readonly LandscapePanel[]): DataTable {
  return tableOf(
    shown.filter((p) => p.pointsDone > 0),
    [
      { key: 'qubits', label: 'qubits n' },
      { key: 'min', label: 'lowest cost', format: formatAsNumber(f3) },
      { key: 'max', label: 'highest cost', format: formatAsNumber(f3) },
      { key: 'range', format: formatAsNumber(f3), value: (p) => p.max - p.min },
      { key: 'std', label: 'spread (s.d.)', format: formatAsNumber(g2) },
      { key: 'maxSlope', label: 'steepest slope', format: formatAsNumber(g2) },
    ],
  );
}

/** Every grid point of the panels shown (the download). */
export function landscapeDownload(shown: readonly LandscapePanel[], thetas: readonly number[]): DataTable {
  const G = thetas.length;
  const rows: Record<string, number | null>[] = [];
  for (const p of shown)
    for (let i = 0; i < G; i++)
      for (let j = 0; j < G; j++)
        rows.push({ qubits: p.qubits, theta1: thetas[j], theta2: thetas[i], cost: p.values[i * G + j] });
  return {
    columns: [
      { key: 'qubits', label: 'qubits' },
      { key: 'theta1', label: 'theta1 (rad)' },
      { key: 'theta2', label: 'theta2 (rad)' },
      { key: 'cost', label: '<Z0 Z1>' },
    ],
    rows,
  };
}
