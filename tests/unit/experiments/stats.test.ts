import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { linearFit, sampleStats } from '../../../src/experiments/stats';
import { mergeIndexedSamples } from '../../../src/experiments/samples';
import {
  parseChoiceList,
  parseIntegerList,
  parseFlags,
  parseInteger,
  parseNumber,
  readFlags,
  readSeed,
} from '../../../src/experiments/args';

describe('sample statistics', () => {
  it('uses the unbiased variance and the fourth-moment standard error', () => {
    const s = sampleStats([1, 2, 3, 4]);
    expect(s.mean).toBe(2.5);
    expect(s.variance).toBeCloseTo(5 / 3, 15);
    expect(s.meanStderr).toBeCloseTo(Math.sqrt(5 / 3 / 4), 15);
    const mu4 = (1.5 ** 4 * 2 + 0.5 ** 4 * 2) / 4;
    expect(s.varianceStderr).toBeCloseTo(Math.sqrt(mu4 / 4 - ((5 / 3) ** 2 * 1) / (4 * 3)), 15);
    expect(sampleStats([]).count).toBe(0);
    expect(Number.isNaN(sampleStats([1]).variance)).toBe(true);
  });

  it('fits lines exactly', () => {
    const f = linearFit([1, 2, 3, 4], [1, 3, 5, 7]);
    expect(f.slope).toBeCloseTo(2, 14);
    expect(f.intercept).toBeCloseTo(-1, 14);
    expect(f.slopeStderr).toBeCloseTo(0, 10);
  });

  it('merges indexed samples independently of split and order', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true }), { minLength: 1, maxLength: 40 }), fc.nat(), (values, cut) => {
        const indices = values.map((_, i) => i);
        const c = cut % (values.length + 1);
        const a = { indices: indices.slice(0, c), values: values.slice(0, c) };
        const b = { indices: indices.slice(c), values: values.slice(c) };
        expect(mergeIndexedSamples([b, a])).toEqual({ indices, values });
      }),
    );
    expect(() =>
      mergeIndexedSamples([
        { indices: [1], values: [1] },
        { indices: [1], values: [2] },
      ]),
    ).toThrow(/two different values/);
  });
});

describe('argument helpers', () => {
  it('parses single values, ranges and lists', () => {
    expect(parseIntegerList('5', '--layers')).toEqual([5]);
    expect(parseIntegerList('2:5', '--layers')).toEqual([2, 3, 4, 5]);
    expect(parseIntegerList('10:50:20', '--layers')).toEqual([10, 30, 50]);
    expect(parseIntegerList('1,4,9', '--layers')).toEqual([1, 4, 9]);
    expect(() => parseIntegerList('5:2', '--layers')).toThrow(/empty/);
    expect(() => parseIntegerList('2.5', '--layers')).toThrow(/whole number/);
    expect(() => parseNumber('1e', '--noise')).toThrow(/not a number/);
    expect(() => parseFlags(['--x', '1'], ['y'])).toThrow(/unknown flag --x/);
    expect(() => parseFlags(['--y'], ['y'])).toThrow(/needs a value/);
    expect(parseFlags(['--y=3'], ['y']).get('y')).toBe('3');
  });

  it("reads flags through one reader per flag, allowing exactly the table's flags", () => {
    interface P {
      qubits: number;
      maxDepth: number;
      seed: number;
      kinds: Array<'a' | 'b'>;
    }
    const readers = {
      qubits: (s: string, flag: string) => ({ qubits: parseInteger(s, flag, { min: 1 }) }),
      depth: (s: string, flag: string) => ({ maxDepth: parseInteger(s, flag) }),
      seed: readSeed,
      kinds: (s: string, flag: string) => ({ kinds: parseChoiceList(s, flag, ['a', 'b'] as const) }),
    };
    expect(readFlags<P>(['--depth', '7', '--seed=4294967295', '--kinds', 'b, a'], readers)).toEqual({
      maxDepth: 7,
      seed: 4294967295,
      kinds: ['b', 'a'],
    });
    expect(readFlags<P>([], readers)).toEqual({});
    expect(() => readFlags<P>(['--qubits', '0'], readers)).toThrow('--qubits: 0 is below the minimum 1');
    expect(() => readFlags<P>(['--seed', '4294967296'], readers)).toThrow('--seed: 4294967296 is above the maximum');
    expect(() => readFlags<P>(['--kinds', 'a,c'], readers)).toThrow("--kinds: 'c' is not one of a, b");
    expect(() => readFlags<P>(['--maxDepth', '3'], readers)).toThrow(
      'unknown flag --maxDepth (expected one of --qubits, --depth, --seed, --kinds)',
    );
  });

  it('reads switches (flags without a value) and lets a reader bound its value by a flag above it', () => {
    interface P {
      noise: string;
      qubits: number;
      verbose: boolean;
    }
    const readers = {
      noise: (noise: string) => ({ noise }),
      // 30 qubits without noise, 14 with: the bound depends on --noise, read first (above in the table).
      qubits: (s: string, flag: string, before: Partial<P>) => ({
        qubits: parseInteger(s, flag, { min: 1, max: before.noise === undefined ? 30 : 14 }),
      }),
    };
    const switches = { verbose: { verbose: true } };
    expect(readFlags<P>(['--qubits', '20'], readers, switches)).toEqual({ qubits: 20 });
    // The argument order does not matter: --noise is read before --qubits because the table says so.
    expect(() => readFlags<P>(['--qubits', '20', '--noise', 'x'], readers, switches)).toThrow(
      '--qubits: 20 is above the maximum 14',
    );
    expect(readFlags<P>(['--verbose', '--qubits=14', '--noise', 'x'], readers, switches)).toEqual({
      noise: 'x',
      qubits: 14,
      verbose: true,
    });
    expect(readFlags<P>(['--noise', 'x'], readers, switches)).toEqual({ noise: 'x' });
    expect(() => readFlags<P>(['--verbose=yes'], readers, switches)).toThrow('flag --verbose takes no value');
    expect(() => readFlags<P>(['--verbose', '--verbose'], readers, switches)).toThrow('flag --verbose given twice');
    expect(() => readFlags<P>(['--quiet'], readers, switches)).toThrow(
      'unknown flag --quiet (expected one of --noise, --qubits, --verbose)',
    );
    // Without the switch in the table, --verbose is an unknown flag.
    expect(() => readFlags<P>(['--verbose'], readers)).toThrow('unknown flag --verbose');
  });
});
