import { describe, expect, it } from 'vitest';
import { EXPERIMENTS } from '../../../src/experiments/index';
import { EXPERIMENT_LOADERS, getLoadedExperiment, loadExperiment } from '../../../src/experiments/lazy';

describe('lazy experiment registry', () => {
  it('has a loader for every registered experiment, and nothing else', () => {
    expect(Object.keys(EXPERIMENT_LOADERS).sort()).toEqual(Object.keys(EXPERIMENTS).sort());
  });

  it('each loader yields the same definition as the eager registry', async () => {
    for (const name of Object.keys(EXPERIMENTS)) {
      expect(await loadExperiment(name)).toBe(EXPERIMENTS[name]);
      expect(getLoadedExperiment(name)).toBe(EXPERIMENTS[name]);
    }
  });

  it('rejects an unknown name with the known ones listed', async () => {
    await expect(loadExperiment('nope')).rejects.toThrow(/unknown experiment 'nope' \(known: .*barren-plateau/);
    expect(() => getLoadedExperiment('nope')).toThrow(/unknown experiment/);
  });
});
