/**
 * The islands of the article: the only parts of the pre-rendered page that hydrate. Each has a name,
 * a unique id on the page (its element's `data-island-id`, also the `identifierPrefix` of its React
 * root, so `useId` values match between its server render and its hydration) and JSON props, written
 * into the HTML (`data-island-props`) and read back unchanged by the client.
 */
import type { TocEntry } from '../reading/TableOfContents';

export interface IslandProps {
  /** The header controls: contents menu, theme toggle, reading progress. */
  header: { siteTitle: string; toc?: readonly TocEntry[]; progressTarget?: string };
  /** A scrolly section's graphic: the figure, following its section's step tracker. */
  figure: { figure: string };
  /** "Update available" (service worker). */
  'update-prompt': Record<string, never>;
  /**
   * An embed page's frame (src/pages/EmbedIslands.tsx): the notes on invalid query parameters, the
   * theme from the query and the auto-height messages. `stepCount`: the figure embed's steps (`?step`).
   */
  'embed-frame': { stepCount?: number };
  /**
   * One figure's stepper on an embed page; `page`: it is the page's figure (a figure embed), so it
   * follows `?step`, writes it back and answers arrow keys anywhere on the page.
   */
  'embed-stepper': { figure: string; page?: boolean };
}

export type IslandName = keyof IslandProps;

/** When an island hydrates: at once (in view from the start), or when it nears the viewport. */
export const ISLAND_EAGER: Readonly<Record<IslandName, boolean>> = {
  header: true,
  figure: false,
  'update-prompt': true,
  'embed-frame': true,
  'embed-stepper': false,
};

/** Attribute names on an island's element. */
export const ISLAND_ATTR = { name: 'data-island', id: 'data-island-id', props: 'data-island-props' } as const;

/** React's `identifierPrefix` for an island root (server render and hydration use the same one). */
export const islandIdentifierPrefix = (id: string) => `${id}-`;
