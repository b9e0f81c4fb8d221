import { describe, expect, it } from 'vitest';
import { createProcessor } from '@mdx-js/mdx';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import type { Root } from 'mdast';
import remarkKeepScrolly from '../../../src/mdx/figure-steps';

const parser = createProcessor({ remarkPlugins: [remarkGfm, remarkMath] });
const source = `## A section

Prose before, citing <Cite id="before2020" />.

<Scrolly figure="first">
<Step>One <Cite id="alpha2020" /></Step>
<Step>Two <Cite id="alpha2020" /> and <Cite id="beta2021" /></Step>
</Scrolly>

Between.

<Scrolly figure="second">
<Step>Only <Cite id="gamma2019" /></Step>
</Scrolly>
`;
const parse = () => parser.parse({ path: '/x/01-a.mdx', value: source }) as Root;

describe('remarkKeepScrolly', () => {
  it("keeps only the figure's Scrolly and reports the citations inside it", () => {
    const tree = parse();
    let cites: string[] = [];
    remarkKeepScrolly({
      figure: 'first',
      onCites: (keys) => {
        cites = keys;
      },
    })(tree);
    expect(tree.children).toHaveLength(1);
    expect(tree.children[0]).toMatchObject({ type: 'mdxJsxFlowElement', name: 'Scrolly' });
    expect(cites).toEqual(['alpha2020', 'alpha2020', 'beta2021']);
  });

  it('keeps the second of two Scrollies as well', () => {
    const tree = parse();
    let cites: string[] = [];
    remarkKeepScrolly({
      figure: 'second',
      onCites: (keys) => {
        cites = keys;
      },
    })(tree);
    expect(tree.children).toHaveLength(1);
    expect(cites).toEqual(['gamma2019']);
  });

  it('fails for a figure the section does not hold', () => {
    expect(() => remarkKeepScrolly({ figure: 'absent' })(parse())).toThrow(/no top-level <Scrolly figure="absent">/);
  });
});
