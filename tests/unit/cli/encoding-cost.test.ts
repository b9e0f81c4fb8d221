/** `npm run experiment -- encoding-cost`: rows, columns, formats, the built-versus-formula switch and errors. */
import { describe, expect, it } from 'vitest';
import { main as experimentMain } from '../../../src/cli/experiment-main';
import { fakeIo } from './fake-io';
import { BUILD_LIMIT, countRow, parseFeatures, powersOfTwoBetween } from '../../../src/experiments/encoding-cost';

describe('npm run experiment -- encoding-cost', () => {
  it('prints one CSV row per (encoding, features) with the exact columns, powers of two across 4:1048576', async () => {
    const io = fakeIo();
    expect(await experimentMain(['encoding-cost', '--features', '4:1048576'], io)).toBe(0);
    const lines = io.out.trim().split('\n');
    expect(lines[0]).toBe('encoding,features,qubits,cnots,single_qubit_gates,depth');
    expect(lines).toHaveLength(1 + 4 * 19);
    const rows = lines.slice(1).map((l) => l.split(','));
    expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(['basis', 'angle', 'amplitude', 'zz']));
    expect(rows.filter((r) => r[0] === 'amplitude').map((r) => Number(r[1]))).toEqual(powersOfTwoBetween(4, 2 ** 20));
    // 2²⁰ amplitudes on 20 qubits: 2²⁰ − 2 CNOTs, 2²⁰ − 1 RY, depth 2²¹ − 20 − 2 (Möttönen et al.).
    const amp20 = rows.find((r) => r[0] === 'amplitude' && r[1] === '1048576')!;
    expect(amp20.slice(2).map(Number)).toEqual([20, 2 ** 20 - 2, 2 ** 20 - 1, 2 ** 21 - 22]);
    // ZZ, d = 4, 6 pairs, two repetitions: 2·2·6 = 24 CNOTs, 2·(8 + 6) = 28 single-qubit gates, depth 9·4 − 5 = 31.
    const zz4 = rows.find((r) => r[0] === 'zz' && r[1] === '4')!;
    expect(zz4.slice(2).map(Number)).toEqual([4, 24, 28, 31]);
    const zzBig = rows.find((r) => r[0] === 'zz' && r[1] === '1048576')!;
    expect(Number(zzBig[3])).toBe(2 * 2 ** 20 * (2 ** 20 - 1));
    expect(io.err).toBe('');
  });

  it('prints JSON with meta and the same rows: MNIST 1,022 CNOTs, ImageNet 2¹⁸ − 2', async () => {
    const io = fakeIo();
    expect(await experimentMain(['encoding-cost', '--features', '784,150528', '--format', 'json'], io)).toBe(0);
    const out = JSON.parse(io.out);
    expect(out.meta.version).toBe('encoding-cost@1');
    expect(out.rows).toHaveLength(8);
    expect(Object.keys(out.rows[0])).toEqual([
      'encoding',
      'features',
      'qubits',
      'cnots',
      'single_qubit_gates',
      'depth',
    ]);
    const mnist = out.rows.find(
      (r: { encoding: string; features: number }) => r.encoding === 'amplitude' && r.features === 784,
    );
    // MNIST, 784 values padded to 2¹⁰ on 10 qubits: 2¹⁰ − 2 = 1,022 CNOTs; ImageNet 150,528 → 2¹⁸.
    expect(mnist).toMatchObject({ qubits: 10, cnots: 1022 });
    const imagenet = out.rows.find(
      (r: { encoding: string; features: number }) => r.encoding === 'amplitude' && r.features === 150528,
    );
    expect(imagenet).toMatchObject({ qubits: 18, cnots: 2 ** 18 - 2 });
  });

  it('--encodings filters, and ranges that are not powers of two keep their ends', async () => {
    expect(parseFeatures('5:40')).toEqual([5, 8, 16, 32, 40]);
    const io = fakeIo();
    expect(await experimentMain(['encoding-cost', '--features', '4:16', '--encodings', 'amplitude'], io)).toBe(0);
    // n = 2, 3, 4 qubits: 2ⁿ − 2 CNOTs, 2ⁿ − 1 RY, depth 2ⁿ⁺¹ − n − 2 = 4, 11, 26.
    expect(io.out.trim().split('\n').slice(1)).toEqual([
      'amplitude,4,2,2,3,4',
      'amplitude,8,3,6,7,11',
      'amplitude,16,4,14,15,26',
    ]);
  });

  it('counts the largest built circuits by hand: 4,096 basis/angle features, 4,096 amplitudes, 128 ZZ features', () => {
    // Basis (all ones) and angle: one X or RY per feature, one layer. Amplitude, 2¹² = 4,096 values on 12 qubits
    // (Möttönen et al.): 2¹² − 2 = 4,094 CNOTs, 2¹² − 1 = 4,095 RY, ASAP depth 2¹³ − 12 − 2 = 8,178.
    // ZZ (Havlíček et al.), two repetitions of d H + d P + per pair (2 CX + 1 P), d = 128, 8,128 pairs:
    // 2·2·8,128 = 32,512 CNOTs (= 2·d(d − 1)), 2·(256 + 8,128) = 16,768 single-qubit gates, depth 9·128 − 5 = 1,147.
    const expected = {
      basis: [4096, 4096, 0, 4096, 1],
      angle: [4096, 4096, 0, 4096, 1],
      amplitude: [4096, 12, 4094, 4095, 8178],
      zz: [128, 128, 32512, 16768, 1147],
    } as const;
    for (const e of ['basis', 'angle', 'amplitude', 'zz'] as const) {
      const r = countRow(e, BUILD_LIMIT[e], 3);
      expect(r.countedFrom, e).toBe('circuit');
      expect([r.features, r.qubits, r.cnots, r.singleQubitGates, r.depth], e).toEqual(expected[e]);
      expect(countRow(e, BUILD_LIMIT[e] * 2, 3).countedFrom).toBe('formula');
    }
  });

  it('fails with one line on bad input', async () => {
    for (const [args, pattern] of [
      [['--features', '0:16'], /--features: 0 is below the minimum 1/],
      [['--features', '16:4'], /empty/],
      [['--features', 'big'], /not a number/],
      [['--encodings', 'qram'], /'qram' is not one of/],
      [['--qubits', '3'], /unknown flag --qubits/],
    ] as const) {
      const io = fakeIo();
      expect(await experimentMain(['encoding-cost', ...args], io)).toBe(2);
      expect(io.out).toBe('');
      expect(io.err.trimEnd().split('\n')).toHaveLength(1);
      expect(io.err).toMatch(pattern);
    }
  });
});
