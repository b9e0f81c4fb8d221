import { describe, expect, it } from 'vitest';
import { getLoadedExperiment, loadExperiment } from '../../../src/experiments/definitions';
import { EXPERIMENT_NAMES, getLoadedExperimentSpec, loadExperimentSpec } from '../../../src/experiments/registry';

describe('experiment registry', () => {
  it('resolves every name to the definition of that name, and its spec to the same name and version', async () => {
    for (const name of EXPERIMENT_NAMES) {
      const def = await loadExperiment(name);
      const spec = await loadExperimentSpec(name);
      expect(def.name).toBe(name);
      expect([spec.name, spec.version]).toEqual([name, def.version]);
      expect(getLoadedExperiment(name)).toBe(def);
      expect(getLoadedExperimentSpec(name)).toBe(spec);
    }
  });

  it("gives the page's thread the same functions the worker and the CLI run", async () => {
    for (const name of EXPERIMENT_NAMES) {
      const def = await loadExperiment(name);
      const spec = await loadExperimentSpec(name);
      for (const key of ['normalize', 'sampleCount', 'workPerSample', 'merge', 'summarize', 'method'] as const)
        expect(def[key], `${name}.${key}`).toBe(spec[key]);
    }
  });

  it('has no spec that carries the sampling (the half that loads the simulator)', async () => {
    for (const name of EXPERIMENT_NAMES) expect('runSamples' in (await loadExperimentSpec(name)), name).toBe(false);
  });

  it('rejects an unknown name with the known ones listed', async () => {
    await expect(loadExperiment('nope')).rejects.toThrow(/unknown experiment 'nope' \(known: .*barren-plateau/);
    await expect(loadExperimentSpec('nope')).rejects.toThrow(/unknown experiment 'nope'/);
    expect(() => getLoadedExperiment('nope')).toThrow(/unknown experiment/);
  });
});
