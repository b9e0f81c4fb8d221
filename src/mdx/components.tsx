/**
 * The one component map for content MDX (files have no imports; names resolve here). Its capitalised
 * keys are exactly MDX_COMPONENT_NAMES, which the build-time validator enforces on content.
 */
import type { MDXComponents } from 'mdx/types';
import { Notes, Scrolly, Step } from '../story';
import { Cite, Footnote } from '../cite';
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
