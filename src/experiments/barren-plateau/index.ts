/**
 * Barren plateaus: the variance of one gradient component over random circuits, for ranges of qubits n and
 * layers L. Protocols: McClean et al. 2018 (cost 'zz'), Cerezo et al. 2021 (global/local cost on the
 * alternating layered ansatz; warm-up V = ⊗RX), Wang et al. 2021 (local depolarizing noise after each layer).
 */
import { createRng, deriveSeed } from '../../sim/rng';
import { throwIfAborted } from '../abort';
import { LruCache } from '../cache';
import { parseChoice, parseInteger, parseIntegerList, parseNumber, readFlags, readSeed, UsageError } from '../args';
import { emptySamples, resolveRange } from '../samples';
import { defineExperiment } from '../run';
import type { Row, SampleRunOptions } from '../types';
import { COSTS, LayeredKernel } from '../../sim/layered-kernel';
import { ANSATZE, buildProgram } from './program';
import {
  barrenPlateauSpec,
  cellsOf,
  cellWork,
  MAX_DM_QUBITS,
  MAX_SV_QUBITS,
  type BarrenPlateauData,
  type BarrenPlateauParams,
  type BarrenPlateauSamples,
} from './spec';

export * from './spec';

/** Kernels (buffers, sign and weight tables) survive between calls: a worker runs many short chunks. */
const kernels = new LruCache<string, LayeredKernel>(24);

function kernelFor(n: number, mixed: boolean): LayeredKernel {
  return kernels.get(`${n}|${mixed}`, () => new LayeredKernel(n, mixed));
}

function runSamples(
  p: BarrenPlateauParams,
  range: readonly [number, number],
  opts: SampleRunOptions<BarrenPlateauSamples>,
): BarrenPlateauSamples {
  const [start, end] = resolveRange(range, p.samples);
  const cells = cellsOf(p);
  const out: BarrenPlateauSamples = { cells: cells.map((c) => ({ ...c, ...emptySamples() })) };
  const mixed = p.noise > 0;
  let done = 0;
  for (let k = start; k < end; k++) {
    cells.forEach((cell, ci) => {
      throwIfAborted(opts.signal);
      const kernel = kernelFor(cell.qubits, mixed);
      const rng = createRng(deriveSeed(p.seed, cell.qubits, cell.layers, k));
      const program = buildProgram(p.ansatz, cell.qubits, cell.layers, rng, p.noise);
      out.cells[ci].indices.push(k);
      out.cells[ci].values.push(kernel.gradient(program, p.cost));
      done += cellWork(p, cell.qubits, cell.layers);
    });
    opts.onRound?.(done, out);
  }
  return out;
}

function parseArgs(args: readonly string[]): Partial<BarrenPlateauParams> {
  const out = readFlags<BarrenPlateauParams>(args, {
    qubits: (s, flag) => ({ qubits: parseIntegerList(s, flag, { min: 1, max: MAX_SV_QUBITS }) }),
    layers: (s, flag) => ({ layers: parseIntegerList(s, flag, { min: 1, max: 10_000 }) }),
    samples: (s, flag) => ({ samples: parseInteger(s, flag, { min: 2, max: 1_000_000 }) }),
    seed: readSeed,
    cost: (s, flag) => ({ cost: parseChoice(s, flag, COSTS) }),
    ansatz: (s, flag) => ({ ansatz: parseChoice(s, flag, ANSATZE) }),
    noise: (s, flag) => ({ noise: parseNumber(s, flag, { min: 0, max: 1 }) }),
  });
  if (out.noise && out.qubits?.some((n) => n > MAX_DM_QUBITS)) {
    throw new UsageError(`--qubits: noisy runs use a density matrix, capped at ${MAX_DM_QUBITS} qubits`);
  }
  return out;
}

export const barrenPlateau = /* @__PURE__ */ defineExperiment(barrenPlateauSpec, {
  runSamples,
  cli: {
    usage:
      'barren-plateau --qubits 2:12 --layers 100 --samples 200 --seed 1 [--cost zz|global|local] [--ansatz mcclean|alternating|rx-product] [--noise P]',
    parseArgs,
    columns: ['qubits', 'layers', 'samples', 'mean', 'variance', 'varianceStderr', 'meanStderr', 'reference'],
    rows: (d: BarrenPlateauData): Row[] => d.rows.map(({ gradients: _gradients, ...r }) => ({ ...r })),
  },
});
