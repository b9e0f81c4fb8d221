/**
 * Server render of a page made of static HTML and islands (the way Astro does it): the page is rendered
 * once with every `<Island>` as an empty element holding a placeholder, then each island is rendered on
 * its own, as the root the browser will hydrate (`IslandRoot`, `identifierPrefix` = its id), and its
 * HTML replaces the placeholder. The rest of the page never hydrates.
 */
import type { ReactNode } from 'react';
import { prerenderToNodeStream } from 'react-dom/static';
import { IslandCollector, IslandCollectorContext, islandPlaceholder } from './Island';
import { IslandRoot } from './IslandRoot';
import { islandIdentifierPrefix } from './types';

/** Renders a tree to HTML; everything it needs must already be loaded (a suspension fails the build). */
export async function renderStatic(node: ReactNode, label: string, identifierPrefix?: string): Promise<string> {
  const errors: unknown[] = [];
  const { prelude } = await prerenderToNodeStream(node, {
    identifierPrefix,
    onError: (error) => void errors.push(error),
    // No outlining of large finished boundaries: everything stays in place in the HTML (readable with
    // JavaScript off), not in a hidden div moved by an inline script.
    progressiveChunkSize: Number.MAX_SAFE_INTEGER,
  });
  const chunks: Buffer[] = [];
  for await (const chunk of prelude) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  if (errors.length > 0) {
    throw new Error(
      `pre-rendering ${label} failed:\n${errors.map((e) => (e instanceof Error ? (e.stack ?? e.message) : String(e))).join('\n')}`,
    );
  }
  const html = Buffer.concat(chunks).toString('utf8');
  if (html.includes('<!--$?-->')) {
    throw new Error(
      `pre-rendering ${label}: a component suspended; load its chunk before rendering (see story/preloadable)`,
    );
  }
  return html;
}

export interface IslandsPage {
  html: string;
  /** Island ids in document order. */
  islands: string[];
}

/** Renders `page` as static HTML with its islands rendered as separate roots and spliced in. */
export async function renderIslandsPage(page: ReactNode, label: string): Promise<IslandsPage> {
  const collector = new IslandCollector();
  let html = await renderStatic(
    <IslandCollectorContext.Provider value={collector}>{page}</IslandCollectorContext.Provider>,
    label,
  );
  for (const island of collector.islands) {
    const inner = await renderStatic(
      <IslandRoot>{island.render()}</IslandRoot>,
      `${label}, island "${island.id}"`,
      islandIdentifierPrefix(island.id),
    );
    const placeholder = islandPlaceholder(island.id);
    const at = html.indexOf(placeholder);
    if (at < 0 || html.indexOf(placeholder, at + placeholder.length) >= 0) {
      throw new Error(`pre-rendering ${label}: island "${island.id}" must appear exactly once in the page`);
    }
    html = html.slice(0, at) + inner + html.slice(at + placeholder.length);
  }
  return { html, islands: collector.islands.map((i) => i.id) };
}
