import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  defaultParams,
  defineParams,
  parseParamValue,
  SEED_MAX,
  seedParam,
  type ParamsOf,
  type ParamSpecEntry,
} from '../../../src/story/params';
import { clampStep } from '../../../src/story/steps';
import { FIGURE_REGISTRY } from '../../../src/figures/registry';

const specs = Object.values(FIGURE_REGISTRY)
  .filter((r) => r.meta)
  .map((r) => [r.entry.id, r.meta!.params] as const);

/** Why a default would be refused by the URL parser (which falls back to the default), or null. */
function defaultProblem(entry: ParamSpecEntry): string | null {
  if (entry.type === 'choice') {
    if (entry.choices.length === 0) return 'no choices';
    if (new Set(entry.choices).size !== entry.choices.length) return 'repeated choices';
  } else if (!(entry.min <= entry.max)) return `min ${entry.min} > max ${entry.max}`;
  const parsed = parseParamValue(entry, String(entry.default));
  if ('reason' in parsed) return `default ${entry.default} ${parsed.reason}`;
  return parsed.value === entry.default ? null : `default ${entry.default} reads back as ${parsed.value}`;
}

describe('figure parameter specs', () => {
  it('covers every figure with a view', () => {
    expect(specs.map(([id]) => id)).toContain('shot-noise');
    expect(specs.length).toBeGreaterThanOrEqual(13);
  });

  it.each(specs)('%s: every default is a value the URL parser accepts and reads back unchanged', (_id, spec) => {
    const problems = Object.entries(spec)
      .map(([name, entry]) => [name, defaultProblem(entry)])
      .filter(([, p]) => p !== null);
    expect(problems).toEqual([]);
  });

  it('refuses a default outside its bounds (the check above can fail)', () => {
    expect(defaultProblem({ type: 'int', label: 'n', default: 11, min: 1, max: 10 })).toMatch(/outside/);
    expect(defaultProblem({ type: 'int', label: 'n', default: 2.5, min: 1, max: 10 })).toMatch(/whole/);
    expect(defaultProblem({ type: 'choice', label: 'c', default: 'z', choices: ['a', 'b'] })).toMatch(/not one of/);
  });

  const seeded = specs.filter(([, spec]) => 'seed' in spec);
  it('seven figures are seeded', () => {
    expect(seeded.map(([id]) => id).sort()).toEqual(
      [
        'barren-plateau',
        'baseline-race',
        'calibration-drift',
        'landscape',
        'measurement-marathon',
        'noise-vs-depth',
        'shot-noise',
      ].sort(),
    );
  });

  it.each(seeded)('%s: its seed parameter is the shared one', (_id, spec) => {
    expect(spec.seed).toEqual(seedParam(Number(spec.seed.default)));
  });

  it('the shared seed spans the generators’ unsigned 32-bit range', () => {
    expect(SEED_MAX).toBe(4_294_967_295);
    expect(seedParam()).toEqual({ type: 'int', label: 'seed', default: 1, min: 0, max: 4_294_967_295 });
    expect(parseParamValue(seedParam(), '4294967296')).toEqual({ reason: 'is outside 0–4294967295' });
    expect(parseParamValue(seedParam(), '4294967295')).toEqual({ value: 4_294_967_295 });
  });

  it('derives the values’ type from the spec', () => {
    const spec = defineParams({
      mode: { type: 'choice', label: 'mode', default: 'a', choices: ['a', 'b'] },
      n: { type: 'int', label: 'n', default: 3, min: 1, max: 9 },
      seed: seedParam(7),
    });
    expectTypeOf<ParamsOf<typeof spec>>().toEqualTypeOf<{ mode: 'a' | 'b'; n: number; seed: number }>();
    expect(defaultParams(spec)).toEqual({ mode: 'a', n: 3, seed: 7 });
    // @ts-expect-error a number entry needs its bounds
    defineParams({ x: { type: 'number', label: 'x', default: 1 } });
    // @ts-expect-error an entry's type is one of number, int, choice
    defineParams({ x: { type: 'float', label: 'x', default: 1, min: 0, max: 1 } });
  });
});

describe('clampStep', () => {
  it('keeps whole steps inside 0…last', () => {
    expect([0, 1, 2, 3].map((s) => clampStep(s, 3))).toEqual([0, 1, 2, 3]);
  });

  it('clamps out-of-range steps to the nearest end', () => {
    expect(clampStep(-2, 3)).toBe(0);
    expect(clampStep(9, 3)).toBe(3);
    expect(clampStep(Infinity, 3)).toBe(3);
    expect(clampStep(-Infinity, 3)).toBe(0);
  });

  it('rounds fractional steps down and reads NaN as step 0', () => {
    expect(clampStep(1.2, 3)).toBe(1);
    expect(clampStep(2.99, 3)).toBe(2);
    expect(clampStep(NaN, 3)).toBe(0);
  });
});
