/**
 * The content an embed shows, loaded before it renders: a section embed needs its section's MDX, a
 * figure embed the section that holds its figure's steps. Each section is its own chunk
 * (`virtual:article-index`), so an embed fetches one section, never the whole article.
 */
import type { ComponentType } from 'react';
import type { MDXComponents } from 'mdx/types';
import type { References } from '../cite/types';
import { sections, type IndexedSection } from 'virtual:article-index';
import type { Route } from './routes';

export type SectionContent = ComponentType<{ components?: MDXComponents }>;

export interface LoadedSection {
  id: string;
  title: string;
  figures: string[];
  Content: SectionContent;
  /** The references this section cites. */
  references: References;
}

const loaded = new Map<string, LoadedSection>();
const pending = new Map<string, Promise<LoadedSection>>();

function load(section: IndexedSection): Promise<LoadedSection> {
  let p = pending.get(section.id);
  if (!p) {
    p = section.load().then((m) => {
      const done = { id: section.id, title: section.title, figures: section.figures, Content: m.default, references: m.references };
      loaded.set(section.id, done);
      return done;
    }, (error: unknown) => { pending.delete(section.id); throw error; });
    pending.set(section.id, p);
  }
  return p;
}

/** The indexed section with this id, or the one whose scrollies include this figure. */
export function sectionById(id: string): IndexedSection | undefined {
  return sections.find((s) => s.id === id);
}
export function sectionOfFigure(figure: string): IndexedSection | undefined {
  return sections.find((s) => s.figures.includes(figure));
}

/** Loads what an embed route renders (nothing for other routes or unknown ids). */
export function loadEmbedContent(route: Route): Promise<unknown> {
  const section = route.page === 'embed' ? sectionOfFigure(route.figure)
    : route.page === 'embed-section' ? sectionById(route.section) : undefined;
  return section ? load(section) : Promise.resolve();
}

/** A section loaded by `loadEmbedContent` (the embed pages render only after it resolved). */
export function loadedSection(id: string | undefined): LoadedSection | undefined {
  return id === undefined ? undefined : loaded.get(id);
}
