import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  defaultParams,
  defineParams,
  deviceParam,
  parseParamValue,
  SEED_MAX,
  seedParam,
  type ParamsOf,
  type ParamSpecEntry,
} from '../../../src/story/params';
import { clampStep } from '../../../src/story/steps';
import { defineFigureMeta, type FigureMeta } from '../../../src/story/figure-types';
import { precisionParam } from '../../../src/costs/params';
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

  it('the shared device parameter offers the seven devices of devices.json', () => {
    expect(deviceParam('ibm_fez')).toEqual({
      type: 'choice',
      label: 'device',
      default: 'ibm_fez',
      choices: [
        'ibm_boston',
        'ibm_kingston',
        'ibm_fez',
        'ibm_miami',
        'google_willow',
        'quantinuum_helios',
        'ionq_aria',
      ],
    });
    expect(parseParamValue(deviceParam('ibm_fez'), 'ibm_torino')).toHaveProperty('reason');
    expect(parseParamValue(deviceParam('ibm_fez'), 'quantinuum_helios')).toEqual({ value: 'quantinuum_helios' });
  });

  const withDevices = specs.filter(([, spec]) => spec.device?.type === 'choice' && spec.device.choices.length === 7);
  it.each(withDevices)('%s: a choice among all devices is the shared device parameter', (_id, spec) => {
    expect(spec.device).toEqual(deviceParam(spec.device!.default as 'ibm_boston'));
  });

  it('the shared precision ε is a number in [min, 1], min 10⁻⁴ unless given', () => {
    expect(precisionParam(0.03)).toEqual({ type: 'number', label: 'precision ε', default: 0.03, min: 0.0001, max: 1 });
    expect(precisionParam(0.01, 0.001)).toEqual({
      type: 'number',
      label: 'precision ε',
      default: 0.01,
      min: 0.001,
      max: 1,
    });
    expect(parseParamValue(precisionParam(0.03), '0.00005')).toEqual({ reason: 'is outside 0.0001–1' });
    expect(parseParamValue(precisionParam(0.03), '1.5')).toEqual({ reason: 'is outside 0.0001–1' });
  });

  const withPrecision = specs.filter(([, spec]) => spec.eps?.label === 'precision ε');
  it.each(withPrecision)('%s: its precision ε is the shared parameter', (_id, spec) => {
    expect(spec.eps).toEqual(precisionParam(Number(spec.eps!.default), (spec.eps as { min: number }).min));
    expect((spec.eps as { max: number }).max).toBe(1);
  });

  it('four cost figures ask for a precision ε, two noise figures for a device', () => {
    expect(withPrecision.map(([id]) => id).sort()).toEqual(
      ['cost-of-an-answer', 'encoding-cost', 'pipeline-cost', 'speedup-erosion'].sort(),
    );
    expect(withDevices.map(([id]) => id).sort()).toEqual(['calibration-drift', 'noise-vs-depth']);
  });

  it('a figure meta is its id, its spec and its sources', () => {
    const spec = defineParams({ n: { type: 'int', label: 'n', default: 3, min: 1, max: 9 } });
    const meta = defineFigureMeta('demo', spec, [{ label: 'a book', href: 'https://example.org' }]);
    expect(meta).toEqual({ id: 'demo', params: spec, sources: [{ label: 'a book', href: 'https://example.org' }] });
    expect(meta.params).toBe(spec);
    expectTypeOf(meta).toEqualTypeOf<FigureMeta<typeof spec>>();
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
