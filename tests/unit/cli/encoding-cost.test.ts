/** `npm run experiment -- encoding-cost`: rows, columns, formats, the built-versus-formula switch and errors. */
import { describe, expect, it } from 'vitest';
import { main as experimentMain } from '../../../src/cli/experiment-main';
import { fakeIo } from './fake-io';
import { encodingCounts } from '../../../src/encoding/counts';
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
    const amp20 = rows.find((r) => r[0] === 'amplitude' && r[1] === '1048576')!;
    expect(amp20.slice(2).map(Number)).toEqual([20, 2 ** 20 - 2, 2 ** 20 - 1, 2 ** 21 - 22]);
    const zz4 = rows.find((r) => r[0] === 'zz' && r[1] === '4')!;
    expect(zz4.slice(2).map(Number)).toEqual([4, 24, 28, 31]);
    const zzBig = rows.find((r) => r[0] === 'zz' && r[1] === '1048576')!;
    expect(Number(zzBig[3])).toBe(2 * 2 ** 20 * (2 ** 20 - 1));
    expect(io.err).toBe('');
  });

  it('prints JSON with meta and the same rows', async () => {
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
    expect(io.out.trim().split('\n').slice(1)).toEqual([
      'amplitude,4,2,2,3,4',
      'amplitude,8,3,6,7,11',
      'amplitude,16,4,14,15,26',
    ]);
  });

  it('built-circuit rows equal the formula at the build limit', () => {
    for (const e of ['basis', 'angle', 'amplitude', 'zz'] as const) {
      const r = countRow(e, BUILD_LIMIT[e], 3);
      expect(r.countedFrom).toBe('circuit');
      const c = encodingCounts(e, BUILD_LIMIT[e]);
      expect([r.qubits, r.cnots, r.singleQubitGates, r.depth]).toEqual([
        c.qubits,
        c.cnots,
        c.singleQubitGates,
        c.depth,
      ]);
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
