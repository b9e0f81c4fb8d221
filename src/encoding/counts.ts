/**
 * Closed-form resource counts for the encodings in ./circuits.ts, for feature dimensions far too large
 * to build (d up to 2^20 and beyond). Each formula is verified against the built circuit's
 * circuitStats() for small d in tests/unit/encoding/counts.test.ts.
 * Connectivity is all-to-all (no SWAP routing); on a nearest-neighbour chip the ZZ map needs more.
 */
import { amplitudeQubits, type Encoding } from './circuits';

export interface EncodingCounts {
  encoding: Encoding;
  features: number;
  qubits: number;
  cnots: number;
  singleQubitGates: number;
  depth: number;
}

export const ZZ_REPS = 2;

export function encodingCounts(encoding: Encoding, features: number): EncodingCounts {
  if (!Number.isInteger(features) || features < 1)
    throw new RangeError(`features must be a positive integer, got ${features}`);
  const d = features;
  switch (encoding) {
    case 'basis':
      // Worst case: every bit is 1.
      return { encoding, features: d, qubits: d, cnots: 0, singleQubitGates: d, depth: 1 };
    case 'angle':
      return { encoding, features: d, qubits: d, cnots: 0, singleQubitGates: d, depth: 1 };
    case 'amplitude': {
      const n = amplitudeQubits(d);
      const size = 2 ** n;
      // Σ_{k=0}^{n−1} 2^k RY and Σ_{k=1}^{n−1} 2^k CNOT; ASAP depth 2^{n+1} − n − 2 (each tree level's
      // first RY runs in parallel with the level before it).
      return { encoding, features: d, qubits: n, cnots: size - 2, singleQubitGates: size - 1, depth: 2 * size - n - 2 };
    }
    case 'zz': {
      const pairs = (d * (d - 1)) / 2;
      // Per repetition: d H, d P, and per pair 2 CX + 1 P. Pipelined pair gadgets give depth 9d − 5
      // for two repetitions (d ≥ 3); d = 1, 2 are small special cases.
      const depth = d === 1 ? 2 * ZZ_REPS : d === 2 ? 10 : 9 * d - 5;
      return {
        encoding,
        features: d,
        qubits: d,
        cnots: 2 * pairs * ZZ_REPS,
        singleQubitGates: (2 * d + pairs) * ZZ_REPS,
        depth,
      };
    }
  }
}
