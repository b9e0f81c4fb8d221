/**
 * The one component map for content MDX (files have no imports; names resolve here). Its capitalised
 * keys are exactly MDX_COMPONENT_NAMES, which the build-time validator enforces on content.
 */
import type { MDXComponents } from 'mdx/types';
// Straight from the modules, not the story and cite barrels: importing a barrel evaluates everything it
// re-exports, and this map is on every embed page (the figure host, the experiment hook, the bibliography).
import { Scrolly } from '../story/Scrolly';
import { Notes, Step } from '../story/Step';
import { Cite } from '../cite/Cite';
import { Footnote } from '../cite/Footnote';
import { Anchor, H2, H3, H4, Table } from './content-elements';
import { Value } from './Value';
import type { MdxComponentName } from './vocabulary';

const vocabulary = { Scrolly, Step, Notes, Cite, Footnote, Value } satisfies Record<MdxComponentName, unknown>;

export const mdxComponents: MDXComponents = {
  ...vocabulary,
  h2: H2,
  h3: H3,
  h4: H4,
  table: Table,
  a: Anchor,
};
