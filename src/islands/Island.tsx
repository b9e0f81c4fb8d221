/**
 * `<Island>`: marks a part of a pre-rendered page that hydrates on its own React root.
 *
 * - In the article's server render (inside an `IslandCollector`), it renders only its element, with
 *   its name, id and JSON props as attributes and a placeholder inside; the collector records the
 *   island, and the server renders it separately as its own root (src/islands/server.tsx) and splices
 *   that HTML in place of the placeholder. That is how each island's tree, and its `useId` values,
 *   are the same on the server and in its hydration (`identifierPrefix` = its id).
 * - Anywhere else (a page rendered and hydrated whole: dev server, 404, presentation), it renders the
 *   component inside the same element.
 */
import { createContext, useContext, type ComponentType, type ReactNode } from 'react';
import { ISLAND_ATTR, type IslandName, type IslandProps } from './types';

export interface CollectedIsland {
  id: string;
  name: IslandName;
  props: object;
  render(): ReactNode;
}

/** Records the islands of one server render, in document order. */
export class IslandCollector {
  readonly islands: CollectedIsland[] = [];
  private readonly ids = new Set<string>();

  add(island: CollectedIsland): void {
    if (this.ids.has(island.id)) throw new Error(`two islands with the id "${island.id}" on one page`);
    this.ids.add(island.id);
    this.islands.push(island);
  }
}

export const IslandCollectorContext = createContext<IslandCollector | null>(null);

/** The comment an island's element holds in the page render, replaced by the island's own render. */
export const islandPlaceholder = (id: string) => `<!--island:${id}-->`;

export interface IslandElementProps<N extends IslandName> {
  name: N;
  /** Unique on the page; letters, digits and dashes. */
  id: string;
  props: IslandProps[N];
  component: ComponentType<IslandProps[N]>;
  /** The island's element (its root container): a `div` unless stated. */
  as?: 'div' | 'header';
  className?: string;
}

export function Island<N extends IslandName>({
  name,
  id,
  props,
  component: Component,
  as: Tag = 'div',
  className,
}: IslandElementProps<N>) {
  const collector = useContext(IslandCollectorContext);
  const attrs = { [ISLAND_ATTR.name]: name, [ISLAND_ATTR.id]: id, [ISLAND_ATTR.props]: JSON.stringify(props) };
  if (collector) {
    collector.add({ id, name, props, render: () => <Component {...props} /> });
    return <Tag className={className} {...attrs} dangerouslySetInnerHTML={{ __html: islandPlaceholder(id) }} />;
  }
  return (
    <Tag className={className} {...attrs}>
      <Component {...props} />
    </Tag>
  );
}
