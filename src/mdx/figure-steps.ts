/**
 * A remark plugin that keeps one figure's `<Scrolly>` and drops the rest of a section, run after the
 * content plugin has validated and numbered the whole file (so citation and footnote numbers are the
 * article's). A figure embed imports this compiled subset (`virtual:article-figure:<id>`), not the
 * whole section. Pure: works on the parsed tree.
 */
import type { Root, RootContent } from 'mdast';
import { isJsx, readAttribute, walk } from './tree';

export interface KeepScrollyOptions {
  figure: string;
  /** Receives the citation keys inside the kept `<Scrolly>` (in document order, repeats included). */
  onCites?: (keys: string[]) => void;
}

/** The top-level `<Scrolly figure={figure}>` of a section, or undefined. */
export function findScrolly(tree: Root, figure: string): RootContent | undefined {
  return tree.children.find((node) => {
    if (!isJsx(node) || node.name !== 'Scrolly') return false;
    const id = readAttribute(node, 'figure');
    return id.kind === 'literal' && id.value === figure;
  });
}

export default function remarkKeepScrolly(options: KeepScrollyOptions) {
  return (tree: Root): void => {
    const scrolly = findScrolly(tree, options.figure);
    if (!scrolly) throw new Error(`no top-level <Scrolly figure="${options.figure}"> in this section`);
    tree.children = [scrolly];
    const cites: string[] = [];
    walk(tree, (node) => {
      if (isJsx(node) && node.name === 'Cite') {
        const id = readAttribute(node, 'id');
        if (id.kind === 'literal') cites.push(id.value);
      }
    });
    options.onCites?.(cites);
  };
}
