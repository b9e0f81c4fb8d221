/**
 * The remark plugin run on every content MDX file: validates it (unknown component, unknown figure
 * id, step count that differs from the figure catalogue, import/export, unknown citation key, …) and
 * fails the build with `path:line:column: message` lines; then annotates numbering and heading ids.
 */
import path from 'node:path';
import type { Root } from 'mdast';
import { checkContent, formatIssues, type FigureRule } from './check';
import { annotateContent } from './annotate';
import { numberingFor, type ArticleIndex } from './article-index';
import { isJsx, readAttribute, setAttribute, walk } from './tree';
import { formatValue, parseFormat } from './value-format';

export interface RemarkContentOptions {
  figures: readonly FigureRule[];
  /** Citation keys of content/references.json; a function so the build can re-read the file. */
  referenceKeys: ReadonlySet<string> | (() => ReadonlySet<string>);
  sectionIds?: readonly string[];
  /** The article index (global numbering); a function so it can be rebuilt when content changes. */
  index?: ArticleIndex | (() => ArticleIndex | undefined);
  /** Paths in messages are relative to this directory (default: the working directory). */
  root?: string;
  /** Values `<Value of="…"/>` may quote (src/mdx/values.ts `contentValues()`); a function so it is computed lazily. */
  values?: ReadonlyMap<string, number> | (() => ReadonlyMap<string, number>);
}

/** Default format of a `<Value>` without one: three significant digits. */
export const DEFAULT_VALUE_FORMAT = 'sig:3';

/** Writes each validated `<Value>`'s formatted number into its `text` attribute. */
export function resolveValues(tree: Root, values: ReadonlyMap<string, number>): void {
  walk(tree, (node) => {
    if (!isJsx(node) || node.name !== 'Value') return;
    const of = readAttribute(node, 'of');
    const format = readAttribute(node, 'format');
    const scale = readAttribute(node, 'scale');
    if (of.kind !== 'literal') return;
    const spec = parseFormat(format.kind === 'literal' ? format.value : DEFAULT_VALUE_FORMAT);
    const value = values.get(of.value);
    if (!spec || value === undefined) return;
    setAttribute(node, 'text', formatValue(value, spec, scale.kind === 'literal' ? Number(scale.value) : 1));
  });
}

export class ContentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContentError';
  }
}

interface FileLike {
  path?: string;
}

export function displayPath(file: string | undefined, root: string): string {
  if (!file) return '<content>';
  const rel = path.relative(root, file);
  return (rel.startsWith('..') ? file : rel).split(path.sep).join('/');
}

export default function remarkContent(options: RemarkContentOptions) {
  return (tree: Root, file: FileLike): void => {
    const filePath = file.path ? path.resolve(file.path) : undefined;
    const referenceKeys = typeof options.referenceKeys === 'function' ? options.referenceKeys() : options.referenceKeys;
    const index = typeof options.index === 'function' ? options.index() : options.index;
    const values = typeof options.values === 'function' ? options.values() : options.values;
    const numbering = numberingFor(index, filePath ?? '');
    const issues = checkContent(tree, {
      figures: options.figures,
      referenceKeys,
      sectionId: filePath ? numbering.sectionId : undefined,
      sectionIds: options.sectionIds,
      values,
    });
    if (issues.length > 0) {
      throw new ContentError(formatIssues(displayPath(filePath, options.root ?? process.cwd()), issues));
    }
    if (values) resolveValues(tree, values);
    annotateContent(tree, numbering);
  };
}
