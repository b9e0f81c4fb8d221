import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIGURE_EXPERIMENTS } from '../../../src/islands/experiments';
import { isKnownExperiment } from '../../../src/experiments/registry';

const FIGURES = path.resolve(import.meta.dirname, '../../../src/figures');

/** The experiment names a figure's sources pass to useExperiment (read from the source text). */
function experimentsInSources(figure: string): string[] {
  const names = new Set<string>();
  for (const file of readdirSync(path.join(FIGURES, figure))) {
    if (!/\.tsx?$/.test(file)) continue;
    const text = readFileSync(path.join(FIGURES, figure, file), 'utf8');
    for (const m of text.matchAll(/useExperiment(?:<[^(]*?>)?\(\s*'([a-z-]+)'/g)) names.add(m[1]);
  }
  return [...names].sort();
}

describe('FIGURE_EXPERIMENTS', () => {
  it("lists exactly the experiments each figure's views run (and figures that run none are absent)", () => {
    const figures = readdirSync(FIGURES, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    const found: Record<string, string[]> = {};
    for (const f of figures) {
      const names = experimentsInSources(f);
      if (names.length) found[f] = names;
    }
    // The scan itself finds something (the race's segments run from useRaceRun.ts).
    expect(found['baseline-race']).toEqual(['baseline-race', 'baseline-race-sweep']);
    const listed = Object.fromEntries(Object.entries(FIGURE_EXPERIMENTS).map(([f, n]) => [f, [...n].sort()]));
    expect(listed).toEqual(found);
    for (const names of Object.values(FIGURE_EXPERIMENTS))
      for (const n of names) expect(isKnownExperiment(n)).toBe(true);
  });
});
