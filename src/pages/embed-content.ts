/**
 * The content an embed shows, loaded before it renders: a section embed needs its section's MDX, a
 * figure embed only its figure's `<Scrolly>` (the steps, compiled apart from the rest of the section).
 * Each is its own chunk (`virtual:article-index`), so an embed never fetches the whole article.
 */
import type { ComponentType } from 'react';
import type { MDXComponents } from 'mdx/types';
import type { References } from '../cite/types';
import { figureSteps, sections, type IndexedSection } from 'virtual:article-index';
import { loadOnce } from '../load/once';
import { loadEmbedFigure } from './embed-figures';
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

/** Keyed `section:<id>` (a whole section) or `figure:<id>` (a section cut to that figure's Scrolly). */
const contents = loadOnce<LoadedSection>();

function load(
  key: string,
  section: IndexedSection,
  figures: string[],
  importer: IndexedSection['load'],
): Promise<LoadedSection> {
  return contents.load(key, () =>
    importer().then((m) => ({
      id: section.id,
      title: section.title,
      figures,
      Content: m.default,
      references: m.references,
    })),
  );
}

/** The indexed section with this id, or the one whose scrollies include this figure. */
export function sectionById(id: string): IndexedSection | undefined {
  return sections.find((s) => s.id === id);
}
export function sectionOfFigure(figure: string): IndexedSection | undefined {
  return sections.find((s) => s.figures.includes(figure));
}

/** Loads a figure's steps (its section cut to its Scrolly); nothing for an unknown figure. */
export function loadFigureSteps(figure: string): Promise<unknown> {
  const section = sectionOfFigure(figure);
  const importer = Object.prototype.hasOwnProperty.call(figureSteps, figure) ? figureSteps[figure] : undefined;
  return section && importer ? load(`figure:${figure}`, section, [figure], importer) : Promise.resolve();
}

/** What a figure's stepper renders: the figure's steps, its meta and its view (embed-figures.ts). */
export function loadEmbedStepper(figure: string): Promise<unknown> {
  return Promise.all([loadFigureSteps(figure), loadEmbedFigure(figure)]);
}

/**
 * Loads what an embed route renders (nothing for other routes or unknown ids): a figure's stepper, or a
 * section with the stepper of each of its figures (each stepper is an island).
 */
export function loadEmbedContent(route: Route): Promise<unknown> {
  if (route.page === 'embed') return loadEmbedStepper(route.figure);
  if (route.page === 'embed-section') {
    const section = sectionById(route.section);
    return section
      ? Promise.all([
          load(`section:${section.id}`, section, section.figures, section.load),
          ...section.figures.map(loadEmbedStepper),
        ])
      : Promise.resolve();
  }
  return Promise.resolve();
}

/** A whole section loaded by `loadEmbedContent` (the embed pages render only after it resolved). */
export function loadedSection(id: string): LoadedSection | undefined {
  return contents.loaded(`section:${id}`);
}

/** A figure's steps (its section cut to its Scrolly) loaded by `loadEmbedContent`. */
export function loadedFigureSteps(figure: string): LoadedSection | undefined {
  return contents.loaded(`figure:${figure}`);
}
