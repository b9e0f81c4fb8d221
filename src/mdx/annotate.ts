/**
 * Writes build-time facts into the tree after validation: global citation numbers and occurrence
 * indices on `<Cite>`, global footnote numbers on `<Footnote>`, and stable ids on headings.
 * The components read these props, so numbering never depends on render order.
 */
import type { Heading, Root } from 'mdast';
import type { FileNumbering } from './article-index';
import { isJsx, readAttribute, setAttribute, textOf, walk } from './tree';
import { sectionTitleId, slugify } from './vocabulary';

function setHeadingProps(node: Heading, props: Record<string, string>): void {
  node.data = node.data ?? {};
  node.data.hProperties = { ...(node.data.hProperties ?? {}), ...props };
}

export function annotateContent(tree: Root, numbering: FileNumbering): void {
  const seenCites = new Map<string, number>();
  const usedIds = new Set<string>();
  let footnotes = 0;
  let sectionHeadingDone = false;
  walk(tree, (node) => {
    if (node.type === 'heading' && node.depth >= 2) {
      if (node.depth === 2 && !sectionHeadingDone) {
        sectionHeadingDone = true;
        setHeadingProps(node, { id: sectionTitleId(numbering.sectionId), dataAnchor: numbering.sectionId });
        return;
      }
      const base = `${numbering.sectionId}-${slugify(textOf(node))}`;
      let id = base;
      for (let k = 2; usedIds.has(id); k += 1) id = `${base}-${k}`;
      usedIds.add(id);
      setHeadingProps(node, { id });
      return;
    }
    if (!isJsx(node)) return;
    if (node.name === 'Cite') {
      const id = readAttribute(node, 'id');
      if (id.kind !== 'literal') return;
      const local = (seenCites.get(id.value) ?? 0) + 1;
      seenCites.set(id.value, local);
      setAttribute(node, 'n', String(numbering.citationNumber(id.value)));
      setAttribute(node, 'occ', String(numbering.citeOffset(id.value) + local));
    } else if (node.name === 'Footnote') {
      footnotes += 1;
      setAttribute(node, 'n', String(numbering.footnoteOffset + footnotes));
    }
  });
}
