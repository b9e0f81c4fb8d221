import { describe, expect, it } from 'vitest';
import { entryViewProps } from '../../../src/story/figure-registry';

const entry = { title: 'Noise eats depth', steps: ['Ideal', 'Gate errors', 'Readout'] };

describe('entryViewProps: what a host tells a view from its catalogue entry', () => {
  it('passes a step within the entry unchanged, with the title and that step’s label', () => {
    expect(entryViewProps('nvd', entry, 1)).toEqual({ step: 1, title: 'Noise eats depth', stepLabel: 'Gate errors' });
  });

  it('clamps a step past either end, rounds a fraction down and maps NaN to the first step', () => {
    expect(entryViewProps('nvd', entry, 7)).toEqual({ step: 2, title: 'Noise eats depth', stepLabel: 'Readout' });
    expect(entryViewProps('nvd', entry, -3)).toEqual({ step: 0, title: 'Noise eats depth', stepLabel: 'Ideal' });
    expect(entryViewProps('nvd', entry, 1.9).step).toBe(1);
    expect(entryViewProps('nvd', entry, Number.NaN).step).toBe(0);
  });

  it('without an entry, keeps the step and names the figure by its id', () => {
    expect(entryViewProps('nvd', undefined, 9)).toEqual({ step: 9, title: 'nvd', stepLabel: '' });
  });
});
