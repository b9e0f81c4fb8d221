import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '@mdx-js/mdx';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import remarkContent from '../../../src/mdx/remark-content';
import { FIGURE_CATALOG, SECTION_IDS } from '../../../src/figures/catalog';

const root = path.resolve(__dirname, '../../..');
const fixtures = path.join(root, 'tests/fixtures/mdx');
const references = JSON.parse(readFileSync(path.join(fixtures, 'valid/references.json'), 'utf8')) as Record<
  string,
  unknown
>;

function compileFixture(rel: string) {
  const file = path.join(fixtures, rel);
  return compile(
    { path: file, value: readFileSync(file, 'utf8') },
    {
      remarkPlugins: [
        remarkGfm,
        remarkMath,
        [
          remarkContent,
          { figures: FIGURE_CATALOG, referenceKeys: new Set(Object.keys(references)), sectionIds: SECTION_IDS, root },
        ],
      ],
      rehypePlugins: [rehypeKatex],
    },
  );
}

const errorOf = async (rel: string): Promise<string> => {
  try {
    await compileFixture(rel);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`${rel} compiled without error`);
};

describe('content validation (remark plugin through @mdx-js/mdx compile)', () => {
  it('accepts a valid file and renders math at build time', async () => {
    const out = String(await compileFixture('valid/01-opening.mdx'));
    expect(out).toContain('katex');
    expect(out).toContain('sigma'); // the MathML annotation carries the TeX source
    expect(out).not.toMatch(/\$\$/);
  });

  it('rejects an unknown component with file, line and column', async () => {
    expect(await errorOf('invalid/unknown-component.mdx')).toBe(
      'tests/fixtures/mdx/invalid/unknown-component.mdx:5:1: unknown component <Chart> (known: Scrolly, Step, Notes, Cite, Footnote, Value)',
    );
  });

  it('rejects an unknown figure id', async () => {
    expect(await errorOf('invalid/unknown-figure.mdx')).toMatch(
      /^tests\/fixtures\/mdx\/invalid\/unknown-figure\.mdx:3:1: unknown figure id "no-such-figure" in <Scrolly> \(known: shot-noise, /,
    );
  });

  it('rejects a Scrolly whose step count differs from the catalogue', async () => {
    expect(await errorOf('invalid/step-count.mdx')).toBe(
      'tests/fixtures/mdx/invalid/step-count.mdx:3:1: <Scrolly figure="landscape"> has 2 <Step>s but the catalogue lists 3: "Two qubits", "Six qubits", "Ten qubits"',
    );
  });

  it('rejects import and export', async () => {
    expect(await errorOf('invalid/import.mdx')).toMatch(
      /^tests\/fixtures\/mdx\/invalid\/import\.mdx:1:1: import\/export is not allowed in content/,
    );
    expect(await errorOf('invalid/export.mdx')).toMatch(
      /^tests\/fixtures\/mdx\/invalid\/export\.mdx:3:1: import\/export is not allowed in content/,
    );
  });

  it('rejects a citation key missing from references.json, naming the key', async () => {
    expect(await errorOf('invalid/unknown-cite.mdx')).toBe(
      'tests/fixtures/mdx/invalid/unknown-cite.mdx:5:37: unknown citation key "foo"',
    );
  });

  it('reports every problem in a file, one line each, in source order', async () => {
    const lines = (await errorOf('invalid/misplaced.mdx')).split('\n');
    expect(lines).toEqual([
      'tests/fixtures/mdx/invalid/misplaced.mdx:3:1: <Step> must be inside a <Scrolly>',
      'tests/fixtures/mdx/invalid/misplaced.mdx:5:1: <Notes> must be inside a <Step>',
      'tests/fixtures/mdx/invalid/misplaced.mdx:7:13: JavaScript expressions are not allowed in content: {1 + 1}',
    ]);
  });

  it('requires a leading "## " section heading', async () => {
    expect(await errorOf('invalid/no-heading.mdx')).toBe(
      'tests/fixtures/mdx/invalid/no-heading.mdx:1:1: a content file must start with its "## " section heading',
    );
  });

  it('rejects a figure placed in another section than the catalogue says', async () => {
    const file = path.join(root, 'content-x/02-noise.mdx');
    const value =
      '## Noise\n\n<Scrolly figure="landscape">\n<Step>a</Step>\n<Step>b</Step>\n<Step>c</Step>\n</Scrolly>\n';
    await expect(
      compile(
        { path: file, value },
        {
          remarkPlugins: [
            [
              remarkContent,
              { figures: FIGURE_CATALOG, referenceKeys: new Set<string>(), sectionIds: SECTION_IDS, root },
            ],
          ],
        },
      ),
    ).rejects.toThrow(
      'content-x/02-noise.mdx:3:1: figure "landscape" belongs to section "variational" in the catalogue, not "noise"',
    );
  });

  it('rejects unknown attributes and dynamic ids on Cite', async () => {
    const value = '## X\n\nA <Cite id="alpha2020" page="3"/> and <Cite id={key}/>.\n';
    await expect(
      compile(
        { path: path.join(root, 'x/01-opening.mdx'), value },
        {
          remarkPlugins: [[remarkContent, { figures: FIGURE_CATALOG, referenceKeys: new Set(['alpha2020']), root }]],
        },
      ),
    ).rejects.toThrow(
      'x/01-opening.mdx:3:3: unknown attribute "page" on <Cite> (allowed: id, loc)\nx/01-opening.mdx:3:39: <Cite id> must be a plain string',
    );
  });
});
