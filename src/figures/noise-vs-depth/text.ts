/** Words and tables of the noise-vs-depth figure, built from the current data. */
import type { NoiseConfigResult } from '../../experiments/noise-vs-depth';
import type { DataTable } from '../../story/data';
import type { DeviceProfile } from '../../sim/noise';
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
  dev: DeviceProfile,
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
  const rows = tableDepths(maxDepth).map((d) => {
    const i = byDepth(ideal, d),
      n = byDepth(noisy, d);
    return {
      depth: d,
      twoQ: (i ?? n)?.twoQubitGates ?? null,
      fidelity: n?.fidelity ?? null,
      ideal: i?.ideal ?? n?.ideal ?? null,
      noisy: n?.noisy ?? null,
      stderr: n?.stderr ?? null,
    };
  });
  return {
    columns: [
      { key: 'depth', label: 'depth (blocks)' },
      { key: 'twoQ', label: 'two-qubit gates', format: (v) => (typeof v === 'number' ? fmtInt(v) : '–') },
      { key: 'fidelity', label: 'fidelity (noisy)', format: (v) => (typeof v === 'number' ? f3(v) : '–') },
      { key: 'ideal', label: 'observable, ideal', format: (v) => (typeof v === 'number' ? f3(v) : '–') },
      { key: 'noisy', label: 'observable, noisy', format: (v) => (typeof v === 'number' ? f3(v) : '–') },
      {
        key: 'stderr',
        label: 'shot-noise standard error',
        format: (v) => (typeof v === 'number' ? v.toPrecision(2) : '–'),
      },
    ],
    rows,
  };
}

export function nvdDownload(configs: (NoiseConfigResult | undefined)[]): DataTable {
  const rows: Record<string, number | string | boolean>[] = [];
  for (const c of configs) {
    if (!c) continue;
    for (const pt of c.points) {
      rows.push({
        config: c.config,
        depth: pt.depth,
        gates: pt.gates,
        twoQubitGates: pt.twoQubitGates,
        fidelity: pt.fidelity,
        ideal: pt.ideal,
        noisy: pt.noisy,
        stderr: pt.stderr,
        sampled: Number.isFinite(pt.sampled) ? pt.sampled : '',
        resolvable: pt.resolvable,
      });
    }
  }
  return {
    columns: [
      { key: 'config', label: 'noise' },
      { key: 'depth', label: 'depth' },
      { key: 'gates', label: 'gates' },
      { key: 'twoQubitGates', label: 'two-qubit gates' },
      { key: 'fidelity', label: 'fidelity' },
      { key: 'ideal', label: 'observable ideal' },
      { key: 'noisy', label: 'observable noisy (exact)' },
      { key: 'stderr', label: 'standard error' },
      { key: 'sampled', label: 'observable from shots' },
      { key: 'resolvable', label: 'resolvable' },
    ],
    rows,
  };
}
