import path from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile, createProcessor } from '@mdx-js/mdx';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import type { Root } from 'mdast';
import { ContentIndexer } from '../../../src/mdx/vite-plugin';
import { buildIndex, duplicateFigures, numberingFor, scanSection } from '../../../src/mdx/article-index';
import remarkContent from '../../../src/mdx/remark-content';
import { FIGURE_CATALOG } from '../../../src/figures/catalog';
import { sectionIdFromFile, slugify } from '../../../src/mdx/vocabulary';

const dir = path.resolve(__dirname, '../../fixtures/mdx/valid');
const parser = createProcessor({ remarkPlugins: [remarkGfm, remarkMath] });
const parse = (value: string, file = '/x/01-a.mdx') => parser.parse({ path: file, value }) as Root;

describe('article index', () => {
  const indexer = new ContentIndexer(dir);
  const index = indexer.index();

  it('lists sections in file order with their titles', () => {
    expect(index.sections.map((s) => [s.id, s.title])).toEqual([
      ['opening', 'Opening: a fixture'],
      ['noise', 'Noise: a fixture'],
    ]);
  });

  it('numbers citations by first appearance across files, counting every occurrence', () => {
    expect(index.citationOrder).toEqual(['alpha2020', 'beta2021', 'gamma2019']);
    expect(index.citationCounts).toEqual({ alpha2020: 2, beta2021: 2, gamma2019: 1 });
    expect(index.footnoteCount).toBe(2);
  });

  it('gives a later file the offsets of earlier files', () => {
    const n = numberingFor(index, path.join(dir, '02-noise.mdx'));
    expect(n.sectionId).toBe('noise');
    expect(n.citationNumber('gamma2019')).toBe(3);
    expect(n.citeOffset('beta2021')).toBe(1);
    expect(n.footnoteOffset).toBe(1);
  });

  it('numbers a file outside the index on its own', () => {
    const n = numberingFor(index, '/elsewhere/09-extra.mdx');
    expect(n.citationNumber('zeta')).toBe(1);
    expect(n.citationNumber('alpha2020')).toBe(2);
    expect(n.citationNumber('zeta')).toBe(1);
    expect(n.footnoteOffset).toBe(0);
  });

  it('finds figures used twice', () => {
    const a = scanSection('/c/01-a.mdx', parse('## A\n\n<Scrolly figure="landscape"></Scrolly>\n'));
    const b = scanSection('/c/02-b.mdx', parse('## B\n\n<Scrolly figure="landscape"></Scrolly>\n'));
    expect(duplicateFigures(buildIndex([a, b]))).toEqual([['landscape', ['a', 'b']]]);
    expect(duplicateFigures(buildIndex([a]))).toEqual([]);
  });
});

describe('annotation written into the compiled MDX', () => {
  const indexer = new ContentIndexer(dir);
  const compileFile = async (name: string) => {
    const file = path.join(dir, name);
    return String(
      await compile(
        { path: file, value: readFileSync(file, 'utf8') },
        {
          remarkPlugins: [
            remarkGfm,
            remarkMath,
            [
              remarkContent,
              {
                figures: FIGURE_CATALOG,
                referenceKeys: new Set(Object.keys(indexer.references())),
                index: () => indexer.index(),
              },
            ],
          ],
        },
      ),
    );
  };

  it('adds global citation numbers and occurrence indices', async () => {
    const second = await compileFile('02-noise.mdx');
    expect(second).toMatch(/id: "beta2021",\s*n: "2",\s*occ: "2"/);
    expect(second).toMatch(/id: "gamma2019",\s*n: "3",\s*occ: "1"/);
    const first = await compileFile('01-opening.mdx');
    expect(first).toMatch(/id: "alpha2020",\s*n: "1",\s*occ: "1"/);
    expect(first).toMatch(/id: "alpha2020",\s*n: "1",\s*occ: "2"/);
    expect(first).toMatch(/id: "beta2021",\s*loc: "Fig. 2",\s*n: "2",\s*occ: "1"/);
  });

  it('numbers footnotes across the article', async () => {
    expect(await compileFile('01-opening.mdx')).toMatch(/Footnote, \{\s*n: "1"/);
    expect(await compileFile('02-noise.mdx')).toMatch(/Footnote, \{\s*n: "2"/);
  });

  it('gives headings stable, unique ids and points the section heading at the section', async () => {
    const second = await compileFile('02-noise.mdx');
    expect(second).toMatch(/id: "noise-title"/);
    expect(second).toMatch(/"data-anchor": "noise"/);
    expect(second).toMatch(/id: "noise-a-subsection"/);
    expect(second).toMatch(/id: "noise-a-subsection-2"/);
  });
});

describe('names', () => {
  it('derives section ids from file names', () => {
    expect(sectionIdFromFile('content/03-data-loading.mdx')).toBe('data-loading');
    expect(sectionIdFromFile('C:\\x\\07_faq.mdx')).toBe('faq');
  });
  it('slugifies headings to ASCII', () => {
    expect(slugify('Décohérence: T₁ & T₂!')).toBe('decoherence-t1-t2');
    expect(slugify('???')).toBe('section');
  });
});
