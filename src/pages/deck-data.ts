/** The article's slide deck, built once from the content (same steps as the article). */
import { meta, sections } from 'virtual:article';
import { mdxComponents } from '../mdx/components';
import { catalogEntry } from '../figures/catalog';
import { buildDeck, type Slide } from '../story/deck';

let cached: Slide[] | null = null;

export function articleDeck(): Slide[] {
  cached ??= buildDeck(sections, mdxComponents as Record<string, unknown>, catalogEntry, meta.title, meta.subtitle);
  return cached;
}
