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
import { encodingCounts, type EncodingCounts } from '../../encoding/counts';
import { createRng, deriveSeed } from '../../sim/rng';
import { circuitStats } from '../../sim/stats';
import { throwIfAborted } from '../abort';
import { parseChoice, parseFlags, parseInteger, UsageError } from '../args';
import { mergeByIndex, resolveRange } from '../samples';
import type { ExperimentDefinition, Row } from '../types';

export interface EncodingCostParams {
  encodings: Encoding[];
  /** Feature dimensions, increasing. */
  features: number[];
  seed: number;
}

export interface EncodingCostRow extends EncodingCounts {
  index: number;
  /** 'circuit' = counted on the built circuit; 'formula' = closed form (verified at small sizes). */
  countedFrom: 'circuit' | 'formula';
}

export interface EncodingCostData {
  rows: EncodingCostRow[];
}

export const ENCODING_COST_VERSION = 'encoding-cost@1';
export const MAX_FEATURES = 2 ** 24;
/** Largest dimension built gate by gate (the ZZ map has O(d²) gates; the amplitude tree's angles cost O(4^n) to compute). */
export const BUILD_LIMIT: Record<Encoding, number> = { basis: 4096, angle: 4096, amplitude: 4096, zz: 128 };

/** Powers of two in [lo, hi] (both inclusive), e.g. 4:1048576 → 4, 8, …, 2^20. */
export function powersOfTwoBetween(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let v = 1; v <= hi; v *= 2) if (v >= lo) out.push(v);
  return out;
}

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

function normalize(input: Partial<EncodingCostParams>): EncodingCostParams {
  const encodings = input.encodings ?? [...ENCODINGS];
  if (encodings.length === 0) throw new Error('encodings: need at least one');
  for (const e of encodings)
    if (!ENCODINGS.includes(e)) throw new Error(`encoding '${e}' is not one of ${ENCODINGS.join(', ')}`);
  const features = input.features ?? powersOfTwoBetween(4, 2 ** 20);
  if (features.length === 0) throw new Error('features: need at least one size');
  for (const d of features) {
    if (!Number.isInteger(d) || d < 1 || d > MAX_FEATURES)
      throw new Error(`features: ${d} is not a whole number in 1…${MAX_FEATURES}`);
  }
  const seed = input.seed ?? 1;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
    throw new Error(`seed: ${seed} is not a whole number in 0…4294967295`);
  return { encodings: [...encodings], features: [...features], seed };
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
  opts: { signal?: AbortSignal; onRound?(doneWork: number, samples: EncodingCostData): void },
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

function merge(_p: EncodingCostParams, parts: readonly EncodingCostData[]): EncodingCostData {
  return { rows: mergeByIndex(parts.map((part) => part.rows)) };
}

function method(p: EncodingCostParams): string {
  return (
    'Resource counts of the circuits that load d classical features: basis (an X per 1-bit, worst case all ones), angle (RY per feature, ' +
    'one qubit each), amplitude (Möttönen et al. 2004: a tree of uniformly controlled RY rotations, each decomposed into 2^k RY and 2^k CNOT; ' +
    'real amplitudes, so no RZ stage; d padded to the next power of two) and the ZZ feature map (Havlíček et al. 2019, full entanglement, ' +
    `2 repetitions). Depth is the ASAP depth with every gate one layer, all-to-all connectivity (no SWAP routing). Sizes up to ` +
    `${Object.entries(BUILD_LIMIT)
      .map(([e, n]) => `${n} (${e})`)
      .join(', ')} are counted on circuits built from seeded random inputs ` +
    `(seed ${p.seed}); larger sizes use the closed forms in src/encoding/counts.ts, which the unit tests verify against built circuits.`
  );
}

const FLAGS = ['features', 'encodings', 'seed'];

function parseArgs(args: readonly string[]): Partial<EncodingCostParams> {
  const f = parseFlags(args, FLAGS);
  const out: Partial<EncodingCostParams> = {};
  const features = f.get('features');
  if (features !== undefined) out.features = parseFeatures(features);
  const enc = f.get('encodings');
  if (enc !== undefined)
    out.encodings = [...new Set(enc.split(',').map((e) => parseChoice(e, '--encodings', ENCODINGS)))];
  const seed = f.get('seed');
  if (seed !== undefined) out.seed = parseInteger(seed, '--seed', { min: 0, max: 0xffffffff });
  return out;
}

export const ENCODING_COST_COLUMNS = [
  'encoding',
  'features',
  'qubits',
  'cnots',
  'single_qubit_gates',
  'depth',
] as const;

export const encodingCost: ExperimentDefinition<EncodingCostParams, EncodingCostData, EncodingCostData> = {
  name: 'encoding-cost',
  version: ENCODING_COST_VERSION,
  description:
    'Qubits, CNOTs, single-qubit gates and depth of basis, angle, amplitude and ZZ-feature-map encodings against the feature dimension.',
  normalize,
  sampleCount: (p) => p.encodings.length * p.features.length,
  workPerSample: () => 1,
  runSamples,
  merge,
  summarize: (_p, s) => s,
  method,
  seedOf: (p) => p.seed,
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
};
