/** Words and tables of the noise-vs-depth figure, built from the current data. */
import type { NoiseConfigResult } from '../../experiments/noise-vs-depth';
import { formatNumberOr, tableOf, type DataTable } from '../../story/data';
import type { DeviceSummary } from '../../sim/device-summary';
import { K_SIGMA, observableLabel, tableDepths, type NoiseVsDepthFigureParams, type StepConfig } from './model';
import { fmtInt } from '../../format';

const f3 = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : '–');

export const CONFIG_WORDS: Record<StepConfig, string> = {
  ideal: 'no noise',
  gate: 'gate errors only',
  decoherence: 'decoherence (T1, T2) only',
  readout: 'readout error only',
  all: 'gate errors, decoherence and readout error together',
};

export function circuitWords(p: NoiseVsDepthFigureParams): string {
  return p.family === 'ghz'
    ? `a ${p.qubits}-qubit GHZ state followed by echo blocks (each undoes and redoes the CX chain: ${2 * (p.qubits - 1)} more CX per block)`
    : `a ${p.qubits}-qubit layered circuit (random RY and RZ on every qubit, then a CX chain, per block)`;
}

export function nvdSummary(
  p: NoiseVsDepthFigureParams,
  dev: DeviceSummary,
  config: StepConfig,
  ideal: NoiseConfigResult | undefined,
  noisy: NoiseConfigResult | undefined,
  showLoss: boolean,
): string {
  const obs = observableLabel(p.family, p.qubits);
  const head = `The circuit is ${circuitWords(p)}, depth 1 to ${p.depth} blocks; the measured observable is ${obs}.`;
  if (config === 'ideal' || !noisy) {
    const last = ideal?.points[ideal.points.length - 1];
    if (!last) return `${head} Computing…`;
    return `${head} Without noise the fidelity with the ideal state is 1 at every depth and ${obs} = ${f3(last.ideal)} at depth ${p.depth}${p.family === 'ghz' ? ', as at depth 1' : ''}.`;
  }
  const pts = noisy.points;
  const first = pts[0],
    last = pts[pts.length - 1];
  if (!first || !last) return `${head} Computing…`;
  const half = pts.find((pt) => pt.fidelity < 0.5);
  let s =
    `${head} On ${dev.name} (calibration ${dev.date}) with ${CONFIG_WORDS[config]}, the fidelity falls from ${f3(first.fidelity)} at depth 1 to ${f3(last.fidelity)} at depth ${last.depth} (${fmtInt(last.twoQubitGates)} two-qubit gates)` +
    `${half ? `, below one half from depth ${half.depth}` : ''}; the measured ${obs} goes from ${f3(first.noisy)} to ${f3(last.noisy)} (ideal ${f3(last.ideal)}).`;
  if (showLoss) {
    s +=
      noisy.depthLost === null
        ? ` With ${fmtInt(p.shots)} shots the signal stays above ${K_SIGMA} standard errors (±${f3(K_SIGMA * last.stderr)} at the last depth) up to depth ${p.depth}.`
        : ` With ${fmtInt(p.shots)} shots the signal sinks below ${K_SIGMA} standard errors of shot noise at depth ${noisy.depthLost} (${fmtInt(pts[noisy.depthLost - 1].twoQubitGates)} two-qubit gates): deeper than that, the answer cannot be told apart from noise.`;
  }
  return s;
}

export function nvdTable(
  ideal: NoiseConfigResult | undefined,
  noisy: NoiseConfigResult | undefined,
  maxDepth: number,
): DataTable {
  const byDepth = (c: NoiseConfigResult | undefined, d: number) => c?.points[d - 1];
  const rows = tableDepths(maxDepth).map((depth) => ({ depth, i: byDepth(ideal, depth), n: byDepth(noisy, depth) }));
  return tableOf(rows, [
    { key: 'depth', label: 'depth (blocks)' },
    {
      key: 'twoQ',
      label: 'two-qubit gates',
      format: formatNumberOr(fmtInt),
      value: ({ i, n }) => (i ?? n)?.twoQubitGates ?? null,
    },
    { key: 'fidelity', label: 'fidelity (noisy)', format: formatNumberOr(f3), value: ({ n }) => n?.fidelity ?? null },
    {
      key: 'ideal',
      label: 'observable, ideal',
      format: formatNumberOr(f3),
      value: ({ i, n }) => i?.ideal ?? n?.ideal ?? null,
    },
    { key: 'noisy', label: 'observable, noisy', format: formatNumberOr(f3), value: ({ n }) => n?.noisy ?? null },
    {
      key: 'stderr',
      label: 'shot-noise standard error',
      format: formatNumberOr((x) => x.toPrecision(2)),
      value: ({ n }) => n?.stderr ?? null,
    },
  ]);
}

export function nvdDownload(configs: (NoiseConfigResult | undefined)[]): DataTable {
  const points = configs.flatMap((c) => (c ? c.points.map((pt) => ({ config: c.config, ...pt })) : []));
  return tableOf(points, [
    { key: 'config', label: 'noise' },
    { key: 'depth' },
    { key: 'gates' },
    { key: 'twoQubitGates', label: 'two-qubit gates' },
    { key: 'fidelity' },
    { key: 'ideal', label: 'observable ideal' },
    { key: 'noisy', label: 'observable noisy (exact)' },
    { key: 'stderr', label: 'standard error' },
    { key: 'sampled', label: 'observable from shots', value: (pt) => (Number.isFinite(pt.sampled) ? pt.sampled : '') },
    { key: 'resolvable' },
  ]);
}
