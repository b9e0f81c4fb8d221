import { describe, expect, it } from 'vitest';
import { FIGURE_IDS } from '../../../src/figures/catalog';
import { getFigure } from '../../../src/figures/registry';
import { embedFigures, registerEmbedFigure } from '../../../src/pages/embed-figures';

describe('embed figures: one registration per figure, equal to the site registry', () => {
  it('every figure: the same catalogue entry and meta, and a view exactly when the registry has one', async () => {
    for (const id of FIGURE_IDS) {
      const site = getFigure(id)!;
      const own = (await registerEmbedFigure(id))!;
      expect(own.entry, id).toBe(site.entry);
      expect(own.meta, id).toBe(site.meta);
      expect(Boolean(own.view), id).toBe(Boolean(site.view));
      expect(embedFigures(id), id).toBe(own);
    }
  });

  it('an unknown id has no registration', async () => {
    expect(await registerEmbedFigure('no-such-figure')).toBeUndefined();
    expect(embedFigures('no-such-figure')).toBeUndefined();
  });
});
