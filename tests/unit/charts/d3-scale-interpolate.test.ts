import { readFileSync } from 'node:fs';
import * as d3 from 'd3-interpolate';
import { describe, expect, it } from 'vitest';
import { interpolate, interpolateNumber, interpolateRound, piecewise } from '../../../src/charts/d3-scale-interpolate';

const TS = [0, 0.1, 0.25, 0.5, 0.75, 1, -0.5, 1.5];

/** The same values at every t (fresh interpolators: d3's reuse their output objects). */
function same(a: unknown, b: unknown) {
  for (const t of TS) expect(interpolate(a, b)(t)).toEqual(d3.interpolate(a as never, b as never)(t));
}

describe('d3-scale-interpolate (what d3-scale gets instead of d3-interpolate)', () => {
  it('interpolates numbers, rounding, dates, arrays, objects, booleans and null as d3-interpolate does', () => {
    same(0, 640);
    same(412.5, -3.25);
    same(new Date(Date.UTC(2026, 0, 1)), new Date(Date.UTC(2026, 11, 31)));
    same([0, 1, 2], [10, 20]);
    same(new Float64Array([0, 1]), new Float64Array([4, 9]));
    same({ x: 1, y: 2 }, { x: 5, z: 3 });
    same(null, null);
    same(0, true);
    for (const t of TS) {
      expect(interpolateNumber(3, 17)(t)).toBe(d3.interpolateNumber(3, 17)(t));
      expect(interpolateRound(3, 17.4)(t)).toBe(d3.interpolateRound(3, 17.4)(t));
      expect(piecewise([0, 10, 40])(t)).toBe(d3.piecewise([0, 10, 40])(t));
      expect(piecewise(interpolateRound, [0, 7, 3])(t)).toBe(d3.piecewise(d3.interpolateRound, [0, 7, 3])(t));
    }
  });

  it('refuses a string range (d3-interpolate would parse it as a colour) instead of drawing it wrong', () => {
    expect(() => interpolate('red', 'blue')).toThrow(/string range/);
  });

  it('is what the build gives d3-scale, and d3-scale asks for nothing else', () => {
    const config = readFileSync(new URL('../../../vite.config.ts', import.meta.url), 'utf8');
    expect(config).toMatch(/d3ScaleInterpolate\(\)/);
    const scale = readFileSync(new URL('../../../node_modules/d3-scale/dist/d3-scale.mjs', import.meta.url), 'utf8');
    const imported = [...scale.matchAll(/import \{([^}]*)\} from 'd3-interpolate'/g)].flatMap((m) =>
      m[1].split(',').map((s) => s.trim().split(/\s+as\s+/)[0]),
    );
    expect(imported.sort()).toEqual(['interpolate', 'interpolateNumber', 'interpolateRound', 'piecewise']);
  });
});
