/**
 * The article index: section order and titles, citation order (first appearance across the whole
 * article), citation occurrence counts and footnote counts. Built once from all content files so that
 * numbering is global, identical on the server and the client, and computed at build time.
 * Pure: works on parsed trees; reading files is the Vite plugin's job.
 */
import type { Root } from 'mdast';
import { isJsx, readAttribute, textOf, walk } from './tree';
import { sectionIdFromFile } from './vocabulary';

export interface SectionEntry {
  /** `data-loading` for `content/03-data-loading.mdx`. */
  id: string;
  /** Absolute path of the MDX file. */
  file: string;
  /** Text of the file's first `## ` heading. */
  title: string;
  /** Citation keys in document order, repeats included. */
  cites: string[];
  /** Number of `<Footnote>`s in the file. */
  footnotes: number;
  /** Figure ids of the file's `<Scrolly>`s, in order. */
  figures: string[];
}

export interface ArticleIndex {
  sections: SectionEntry[];
  /** Citation keys by first appearance; `[n]` is `citationOrder.indexOf(key) + 1`. */
  citationOrder: string[];
  /** How many times each key is cited (one back-link per occurrence). */
  citationCounts: Record<string, number>;
  footnoteCount: number;
}

export interface FileNumbering {
  sectionId: string;
  /** 1-based citation number; keys not yet known get numbers after the known ones. */
  citationNumber(key: string): number;
  /** Occurrences of each key in earlier files. */
  citeOffset(key: string): number;
  /** Footnotes in earlier files. */
  footnoteOffset: number;
}

export function scanSection(file: string, tree: Root): SectionEntry {
  const entry: SectionEntry = { id: sectionIdFromFile(file), file, title: '', cites: [], footnotes: 0, figures: [] };
  walk(tree, (node) => {
    if (node.type === 'heading' && node.depth === 2 && !entry.title) entry.title = textOf(node).trim();
    if (!isJsx(node)) return;
    if (node.name === 'Cite') {
      const id = readAttribute(node, 'id');
      if (id.kind === 'literal') entry.cites.push(id.value);
    } else if (node.name === 'Footnote') entry.footnotes += 1;
    else if (node.name === 'Scrolly') {
      const figure = readAttribute(node, 'figure');
      if (figure.kind === 'literal') entry.figures.push(figure.value);
    }
  });
  return entry;
}

/** Sections in the given (reading) order. */
export function buildIndex(sections: readonly SectionEntry[]): ArticleIndex {
  const citationOrder: string[] = [];
  const citationCounts: Record<string, number> = {};
  let footnoteCount = 0;
  for (const section of sections) {
    for (const key of section.cites) {
      if (!(key in citationCounts)) {
        citationCounts[key] = 0;
        citationOrder.push(key);
      }
      citationCounts[key] += 1;
    }
    footnoteCount += section.footnotes;
  }
  return { sections: [...sections], citationOrder, citationCounts, footnoteCount };
}

/** Numbering for one file; a file not in the index is numbered on its own (unit tests, new files). */
export function numberingFor(index: ArticleIndex | undefined, file: string): FileNumbering {
  const sections = index?.sections ?? [];
  const at = sections.findIndex((s) => s.file === file);
  const before = at >= 0 ? sections.slice(0, at) : [];
  const order = index && at >= 0 ? index.citationOrder : [];
  const extra: string[] = [];
  const offsets = new Map<string, number>();
  for (const s of before) for (const key of s.cites) offsets.set(key, (offsets.get(key) ?? 0) + 1);
  return {
    sectionId: sectionIdFromFile(file),
    citationNumber(key) {
      const i = order.indexOf(key);
      if (i >= 0) return i + 1;
      if (!extra.includes(key)) extra.push(key);
      return order.length + extra.indexOf(key) + 1;
    },
    citeOffset: (key) => offsets.get(key) ?? 0,
    footnoteOffset: before.reduce((sum, s) => sum + s.footnotes, 0),
  };
}

/** Figures used more than once across the article: `[figureId, [sectionIds]]`. */
export function duplicateFigures(index: ArticleIndex): [string, string[]][] {
  const where = new Map<string, string[]>();
  for (const s of index.sections) for (const f of s.figures) where.set(f, [...(where.get(f) ?? []), s.id]);
  return [...where].filter(([, ids]) => ids.length > 1);
}
