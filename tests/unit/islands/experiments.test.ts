import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIGURE_EXPERIMENTS } from '../../../src/islands/experiments';
import { isKnownExperiment } from '../../../src/experiments/registry';

const FIGURES = path.resolve(import.meta.dirname, '../../../src/figures');

/**
 * The experiment names a figure's sources pass to useExperiment (read from the source text): a string literal
 * as it is, a name (`NVD_EXPERIMENT`, `RACE_EXPERIMENTS.sweep`) looked up in the figure's experiments.ts.
 */
async function experimentsInSources(figure: string): Promise<string[]> {
  const names = new Set<string>();
  let declared: Record<string, unknown> | undefined;
  for (const file of readdirSync(path.join(FIGURES, figure))) {
    if (!/\.tsx?$/.test(file)) continue;
    const text = readFileSync(path.join(FIGURES, figure, file), 'utf8');
    for (const m of text.matchAll(/useExperiment(?:<[^(]*?>)?\(\s*(?:'([a-z-]+)'|([A-Za-z_][\w.]*))\s*,/g)) {
      if (m[1]) {
        names.add(m[1]);
        continue;
      }
      declared ??= (await import(path.join(FIGURES, figure, 'experiments.ts'))) as Record<string, unknown>;
      const value = m[2]
        .split('.')
        .reduce<unknown>((o, key) => (o as Record<string, unknown> | undefined)?.[key], declared);
      // A name that is not a string from experiments.ts (e.g. a local variable) fails here rather than going unseen.
      expect(typeof value, `${figure}/${file}: useExperiment(${m[2]}, …)`).toBe('string');
      names.add(value as string);
    }
  }
  return [...names].sort();
}

describe('FIGURE_EXPERIMENTS', () => {
  it("lists exactly the experiments each figure's views run (and figures that run none are absent)", async () => {
    const figures = readdirSync(FIGURES, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    const found: Record<string, string[]> = {};
    for (const f of figures) {
      const names = await experimentsInSources(f);
      if (names.length) found[f] = names;
    }
    // The scan itself finds something: names read from experiments.ts (the race in useRaceRun.ts and the sweep
    // in view.tsx; landscape's two runs of one experiment).
    expect(found['baseline-race']).toEqual(['baseline-race', 'baseline-race-sweep']);
    expect(found['landscape']).toEqual(['landscape']);
    expect(found['measurement-marathon']).toEqual(['barren-plateau']);
    const listed = Object.fromEntries(Object.entries(FIGURE_EXPERIMENTS).map(([f, n]) => [f, [...n].sort()]));
    expect(listed).toEqual(found);
    for (const names of Object.values(FIGURE_EXPERIMENTS))
      for (const n of names) expect(isKnownExperiment(n)).toBe(true);
  });
});
