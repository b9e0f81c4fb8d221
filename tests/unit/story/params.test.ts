import { describe, expect, it } from 'vitest';
import {
  choicesOf,
  defaultParams,
  pickParams,
  parseFigureParams,
  paramKey,
  writeFigureParams,
  coerceParamValue,
} from '../../../src/story/params';

const spec = {
  theta: { type: 'number', label: 'θ', default: 1.1, min: 0, max: 3.2 },
  shots: { type: 'int', label: 'N', default: 100, min: 1, max: 10_000 },
  mode: { type: 'choice', label: 'mode', default: 'a', choices: ['a', 'b'] },
} as const;

describe('figure URL parameters', () => {
  it('namespaces keys by figure id', () => {
    expect(paramKey('shot-noise', 'theta')).toBe('shot-noise.theta');
  });

  it('defaults when the query has nothing for this figure', () => {
    const r = parseFigureParams('?other.theta=2&x=1', 'shot-noise', spec);
    expect(r.params).toEqual(defaultParams(spec));
    expect(r.issues).toEqual([]);
  });

  it('reads valid values', () => {
    const r = parseFigureParams('?shot-noise.theta=0.5&shot-noise.shots=42&shot-noise.mode=b', 'shot-noise', spec);
    expect(r.params).toEqual({ theta: 0.5, shots: 42, mode: 'b' });
    expect(r.issues).toEqual([]);
  });

  it('falls back to the default with a readable note for each invalid value', () => {
    const r = parseFigureParams('?shot-noise.theta=abc&shot-noise.shots=2.5&shot-noise.mode=z', 'shot-noise', spec);
    expect(r.params).toEqual({ theta: 1.1, shots: 100, mode: 'a' });
    expect(r.issues.map((i) => i.name)).toEqual(['theta', 'shots', 'mode']);
    expect(r.issues[0].message).toContain('not a number');
    expect(r.issues[0].message).toContain('1.1');
    expect(r.issues[1].message).toContain('whole number');
  });

  it('refuses out-of-range, empty and non-finite numbers', () => {
    for (const raw of ['-1', '99', '', 'Infinity', 'NaN', '1e400']) {
      const r = parseFigureParams(`?shot-noise.theta=${encodeURIComponent(raw)}`, 'shot-noise', spec);
      expect(r.params.theta).toBe(1.1);
      expect(r.issues).toHaveLength(1);
    }
  });

  it('writes non-default values, drops defaults and keeps other keys; round-trips', () => {
    const s = writeFigureParams('?keep=1&shot-noise.shots=5', 'shot-noise', spec, {
      theta: 0.25,
      shots: 100,
      mode: 'b',
    });
    const q = new URLSearchParams(s);
    expect(q.get('keep')).toBe('1');
    expect(q.get('shot-noise.theta')).toBe('0.25');
    expect(q.has('shot-noise.shots')).toBe(false);
    expect(parseFigureParams(s, 'shot-noise', spec).params).toEqual({ theta: 0.25, shots: 100, mode: 'b' });
    expect(writeFigureParams('', 'shot-noise', spec, defaultParams(spec))).toBe('');
  });

  it('coerces control values into range', () => {
    expect(coerceParamValue(spec.shots, 20_000, 100)).toBe(10_000);
    expect(coerceParamValue(spec.shots, 3.6, 100)).toBe(4);
    expect(coerceParamValue(spec.theta, Number.NaN, 1.1)).toBe(1.1);
    expect(coerceParamValue(spec.mode, 'q', 'a')).toBe('a');
  });
});

describe('choicesOf', () => {
  it('lists a label record’s ids in the order they are written', () => {
    expect(choicesOf({ zeta: 'Z', alpha: 'A', mid: 'M' })).toEqual(['zeta', 'alpha', 'mid']);
    expect(choicesOf({})).toEqual([]);
  });
});

describe('pickParams', () => {
  it('copies the named parameters, in the order named, and nothing else', () => {
    const picked = pickParams({ a: 1, b: 'x', c: true, d: 4 }, ['d', 'b']);
    expect(picked).toEqual({ d: 4, b: 'x' });
    expect(Object.keys(picked)).toEqual(['d', 'b']);
  });
});
