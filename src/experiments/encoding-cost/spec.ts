/**
 * The main-thread half of the encoding-cost experiment (parameters, merge, method); building and
 * counting the circuits is in ./index.ts. Only the list of encodings is taken from src/encoding/circuits.
 */
import { ENCODINGS, type Encoding } from '../../encoding/circuits';
import type { EncodingCounts } from '../../encoding/counts';
import { mergeByIndex } from '../samples';
import type { ExperimentSpec } from '../types';

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

export const encodingCostSpec: ExperimentSpec<EncodingCostParams, EncodingCostData, EncodingCostData> = {
  name: 'encoding-cost',
  version: ENCODING_COST_VERSION,
  description:
    'Qubits, CNOTs, single-qubit gates and depth of basis, angle, amplitude and ZZ-feature-map encodings against the feature dimension.',
  normalize,
  sampleCount: (p) => p.encodings.length * p.features.length,
  workPerSample: () => 1,
  merge,
  summarize: (_p, s) => s,
  method,
  seedOf: (p) => p.seed,
};
