import { describe, expect, it } from 'vitest';
import { ENCODINGS, encodeFeatures } from '../../../src/encoding/circuits';
import { encodingCounts } from '../../../src/encoding/counts';
import { circuitStats } from '../../../src/sim/stats';
import { createRng } from '../../../src/sim/rng';

describe('encoding counts: closed forms equal the built circuits', () => {
  const rng = createRng(7);
  const sizes = [1, 2, 3, 4, 5, 7, 8, 9, 16, 31, 32, 64, 100, 128, 256, 784, 1024, 4096];
  for (const encoding of ENCODINGS) {
    for (const d of sizes) {
      if (encoding === 'zz' && d > 128) continue; // O(d²) gates: verified up to 128 features
      it(`${encoding}, d = ${d}`, () => {
        // basis: all-ones input is the worst case the formula reports
        const x = Array.from({ length: d }, () => (encoding === 'basis' ? 1 : 0.05 + rng.next() * 3));
        const s = circuitStats(encodeFeatures(encoding, x));
        const c = encodingCounts(encoding, d);
        expect({ qubits: s.qubits, cnots: s.cnots, single: s.singleQubitGates, depth: s.depth }).toEqual({
          qubits: c.qubits,
          cnots: c.cnots,
          single: c.singleQubitGates,
          depth: c.depth,
        });
      });
    }
  }

  it('amplitude encoding matches the published count 2^n − 2 CNOTs for real amplitudes', () => {
    expect(encodingCounts('amplitude', 1 << 20)).toMatchObject({
      qubits: 20,
      cnots: 2 ** 20 - 2,
      singleQubitGates: 2 ** 20 - 1,
    });
  });

  it('MNIST-sized amplitude encoding pads 784 features to 1,024 amplitudes on 10 qubits', () => {
    expect(encodingCounts('amplitude', 784)).toMatchObject({ qubits: 10, cnots: 1022 });
  });

  it('rejects a non-positive or fractional dimension', () => {
    expect(() => encodingCounts('angle', 0)).toThrow(RangeError);
    expect(() => encodingCounts('zz', 2.5)).toThrow(RangeError);
  });
});
