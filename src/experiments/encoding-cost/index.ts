/**
 * The encoding bill as an experiment: qubits, CNOTs, single-qubit gates and ASAP depth of the circuits
 * that load d classical features (basis, angle, Möttönen amplitude, ZZ feature map; src/encoding).
 *
 * Small sizes are counted from the built circuits (circuitStats over a seeded random input); sizes too
 * large to build are taken from the closed forms in src/encoding/counts.ts, which
 * tests/unit/encoding/counts.test.ts verifies against the built circuits. Each row records which.
 * The sample index space is the list of (encoding, features) pairs.
 */
import { ENCODINGS, encodeFeatures, type Encoding } from '../../encoding/circuits';
import { encodingCounts } from '../../encoding/counts';
import { createRng, deriveSeed } from '../../sim/rng';
import { circuitStats } from '../../sim/stats';
import { throwIfAborted } from '../abort';
import { parseChoice, parseInteger, readFlags, readSeed, UsageError } from '../args';
import { resolveRange } from '../samples';
import { defineExperiment } from '../run';
import type { Row, SampleRunOptions } from '../types';
import {
  BUILD_LIMIT,
  encodingCostSpec,
  MAX_FEATURES,
  powersOfTwoBetween,
  type EncodingCostData,
  type EncodingCostParams,
  type EncodingCostRow,
} from './spec';

export * from './spec';

/**
 * `--features` text: a range a:b gives the powers of two from a to b (plus a and b themselves when they
 * are not powers of two); a list "784,150528" is taken as given.
 */
export function parseFeatures(text: string): number[] {
  const opt = { min: 1, max: MAX_FEATURES };
  let values: number[];
  if (text.includes(':')) {
    const parts = text.split(':');
    if (parts.length !== 2) throw new UsageError(`--features: '${text}' is not a range a:b`);
    const a = parseInteger(parts[0], '--features', opt);
    const b = parseInteger(parts[1], '--features', opt);
    if (b < a) throw new UsageError(`--features: range '${text}' is empty (end below start)`);
    values = [...new Set([a, ...powersOfTwoBetween(a, b), b])];
  } else {
    values = text.split(',').map((p) => parseInteger(p, '--features', opt));
  }
  return [...new Set(values)].sort((x, y) => x - y);
}

function pair(p: EncodingCostParams, k: number): { encoding: Encoding; features: number } {
  const e = Math.floor(k / p.features.length);
  return { encoding: p.encodings[e], features: p.features[k % p.features.length] };
}

/** Counts for one (encoding, features) pair: from the built circuit when small enough, else the formula. */
export function countRow(encoding: Encoding, features: number, seed: number, index = 0): EncodingCostRow {
  if (features <= BUILD_LIMIT[encoding]) {
    const rng = createRng(deriveSeed(seed, index, features));
    // Basis: all ones (the worst case the formula reports); others: random features of both signs.
    const x = Array.from({ length: features }, () => (encoding === 'basis' ? 1 : (rng.next() - 0.5) * 6));
    const s = circuitStats(encodeFeatures(encoding, x));
    return {
      index,
      encoding,
      features,
      qubits: s.qubits,
      cnots: s.cnots,
      singleQubitGates: s.singleQubitGates,
      depth: s.depth,
      countedFrom: 'circuit',
    };
  }
  const c = encodingCounts(encoding, features);
  return {
    index,
    encoding,
    features,
    qubits: c.qubits,
    cnots: c.cnots,
    singleQubitGates: c.singleQubitGates,
    depth: c.depth,
    countedFrom: 'formula',
  };
}

function runSamples(
  p: EncodingCostParams,
  range: readonly [number, number],
  opts: SampleRunOptions<EncodingCostData>,
): EncodingCostData {
  const [start, end] = resolveRange(range, p.encodings.length * p.features.length);
  const out: EncodingCostData = { rows: [] };
  for (let k = start; k < end; k++) {
    throwIfAborted(opts.signal);
    const { encoding, features } = pair(p, k);
    out.rows.push(countRow(encoding, features, p.seed, k));
    opts.onRound?.(k - start + 1, out);
  }
  return out;
}

function parseArgs(args: readonly string[]): Partial<EncodingCostParams> {
  return readFlags<EncodingCostParams>(args, {
    features: (s) => ({ features: parseFeatures(s) }),
    encodings: (s, flag) => ({ encodings: [...new Set(s.split(',').map((e) => parseChoice(e, flag, ENCODINGS)))] }),
    seed: readSeed,
  });
}

export const ENCODING_COST_COLUMNS = [
  'encoding',
  'features',
  'qubits',
  'cnots',
  'single_qubit_gates',
  'depth',
] as const;
export const encodingCost = /* @__PURE__ */ defineExperiment(encodingCostSpec, {
  runSamples,
  cli: {
    usage:
      'encoding-cost [--features 4:1048576 (powers of two in the range) | 784,150528] [--encodings basis,angle,amplitude,zz] [--seed 1]',
    parseArgs,
    columns: ENCODING_COST_COLUMNS,
    rows: (d: EncodingCostData): Row[] =>
      d.rows.map((r) => ({
        encoding: r.encoding,
        features: r.features,
        qubits: r.qubits,
        cnots: r.cnots,
        single_qubit_gates: r.singleQubitGates,
        depth: r.depth,
      })),
  },
});
