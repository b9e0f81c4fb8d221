/**
 * Build-time validation of one content file. Returns every problem with its line and column, so the
 * build can fail with `content/03-data-loading.mdx:42:7: unknown citation key "foo"`.
 * Pure: takes the parsed tree and the rules, touches no file system.
 */
import type { Nodes, Root } from 'mdast';
import type { Program } from 'estree';
import { FORBIDDEN_HTML, MDX_COMPONENT_NAMES } from './vocabulary';
import { attributeNames, isJsx, literalOf, readAttribute, walk, type JsxElement } from './tree';
import { FORMAT_HELP, parseFormat } from './value-format';

export interface FigureRule {
  id: string;
  section: string;
  steps: readonly string[];
}

export interface ContentRules {
  /** Figure catalogue (ids, owning section, step labels). */
  figures: readonly FigureRule[];
  /** Citation keys present in content/references.json. */
  referenceKeys: ReadonlySet<string>;
  /** Section id of this file (`data-loading`), used to check a figure sits in its catalogued section. */
  sectionId?: string;
  /** Known section ids; the section check runs only when `sectionId` is one of them. */
  sectionIds?: readonly string[];
  /** Keys `<Value of="…"/>` may name (src/mdx/values.ts); without a table every `<Value>` is an error. */
  values?: ReadonlyMap<string, number>;
}

export interface ContentIssue {
  line: number;
  column: number;
  message: string;
}

/** Attributes each component accepts. */
const ALLOWED_ATTRIBUTES: Record<string, readonly string[]> = {
  Scrolly: ['figure'],
  Step: [],
  Notes: [],
  Cite: ['id', 'loc'],
  Footnote: [],
  Value: ['of', 'format', 'scale'],
};

/** Keys of the table sharing the longest dotted prefix with `key`, for a helpful message. */
function nearKeys(key: string, values: ReadonlyMap<string, number>): string[] {
  const parts = key.split('.');
  for (let n = parts.length - 1; n >= 1; n -= 1) {
    const prefix = `${parts.slice(0, n).join('.')}.`;
    const hits = [...values.keys()].filter((k) => k.startsWith(prefix));
    if (hits.length) return hits.slice(0, 6);
  }
  return [];
}

const KNOWN = new Set<string>(MDX_COMPONENT_NAMES);
const FORBIDDEN = new Set<string>(FORBIDDEN_HTML);

function isCommentOnly(program: Program | null | undefined): boolean {
  return !!program && program.body.length === 0;
}

function nameOf(element: JsxElement): string | null {
  return element.name;
}

function countSteps(scrolly: JsxElement): number {
  let count = 0;
  const go = (node: Nodes): void => {
    if (isJsx(node)) {
      if (node.name === 'Step') count += 1;
      if (node.name === 'Scrolly') return; // nested Scrolly is reported separately
    }
    if ('children' in node && Array.isArray(node.children)) for (const c of node.children as Nodes[]) go(c);
  };
  for (const child of scrolly.children as Nodes[]) go(child);
  return count;
}

function hasContent(element: JsxElement): boolean {
  const go = (node: Nodes): boolean => {
    if (node.type === 'text') return node.value.trim().length > 0;
    if (isJsx(node) || node.type === 'inlineMath' || node.type === 'inlineCode' || node.type === 'math') return true;
    if ('children' in node && Array.isArray(node.children)) return (node.children as Nodes[]).some(go);
    return false;
  };
  return (element.children as Nodes[]).some(go);
}

export function checkContent(tree: Root, rules: ContentRules): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const report = (
    node: { position?: { start: { line: number; column: number } } } | null | undefined,
    message: string,
    fallback?: Nodes,
  ) => {
    const start = node?.position?.start ?? fallback?.position?.start ?? { line: 1, column: 1 };
    issues.push({ line: start.line, column: start.column, message });
  };
  const figuresById = new Map(rules.figures.map((f) => [f.id, f]));
  const seenFigures = new Map<string, number>();

  // The file must open with its section heading; `#` is the article title, owned by the page.
  const first = tree.children.find(
    (n) => n.type !== 'mdxjsEsm' && (n.type !== 'mdxFlowExpression' || !isCommentOnly(n.data?.estree)),
  );
  if (!first || first.type !== 'heading' || first.depth !== 2) {
    report(first ?? tree, 'a content file must start with its "## " section heading');
  }

  walk(tree, (node, ancestors) => {
    switch (node.type) {
      case 'mdxjsEsm':
        report(node, 'import/export is not allowed in content; components come from src/mdx/components.tsx');
        return;
      case 'mdxFlowExpression':
      case 'mdxTextExpression': {
        const program = node.data?.estree;
        if (isCommentOnly(program) || literalOf(program ?? null) !== undefined) return;
        report(node, `JavaScript expressions are not allowed in content: {${node.value.trim().slice(0, 40)}}`);
        return;
      }
      case 'heading':
        if (node.depth === 1)
          report(node, '"# " headings are reserved for the article title; use "## " for the section');
        return;
      default:
        break;
    }
    if (!isJsx(node)) return;
    const name = nameOf(node);
    if (name === null) return; // fragment
    const inside = (component: string) =>
      ancestors.some((a) => isJsx(a as Nodes) && (a as JsxElement).name === component);

    if (!/^[A-Z]/.test(name) || name.includes('.') || name.includes(':')) {
      if (/^[a-z][a-z0-9-]*$/.test(name)) {
        if (FORBIDDEN.has(name)) report(node, `<${name}> is not allowed in content`);
        return;
      }
    }
    if (!KNOWN.has(name)) {
      report(node, `unknown component <${name}> (known: ${MDX_COMPONENT_NAMES.join(', ')})`);
      return;
    }

    const allowed = ALLOWED_ATTRIBUTES[name] ?? [];
    for (const attribute of attributeNames(node)) {
      if (attribute === null) report(node, `spread attributes are not allowed on <${name}>`);
      else if (!allowed.includes(attribute)) {
        const list = allowed.length ? `allowed: ${allowed.join(', ')}` : 'it takes none';
        report(node, `unknown attribute "${attribute}" on <${name}> (${list})`);
      }
    }

    switch (name) {
      case 'Scrolly': {
        if (inside('Scrolly')) report(node, '<Scrolly> cannot be nested inside another <Scrolly>');
        const figure = readAttribute(node, 'figure');
        if (figure.kind === 'missing') {
          report(node, '<Scrolly> needs a figure="…" attribute');
          return;
        }
        if (figure.kind === 'dynamic') {
          report(node, '<Scrolly figure> must be a plain string');
          return;
        }
        const entry = figuresById.get(figure.value);
        if (!entry) {
          report(
            node,
            `unknown figure id "${figure.value}" in <Scrolly> (known: ${[...figuresById.keys()].join(', ')})`,
          );
          return;
        }
        const previous = seenFigures.get(figure.value);
        if (previous !== undefined) report(node, `figure "${figure.value}" is already used on line ${previous}`);
        seenFigures.set(figure.value, node.position?.start.line ?? 0);
        if (rules.sectionId && rules.sectionIds?.includes(rules.sectionId) && entry.section !== rules.sectionId) {
          report(
            node,
            `figure "${figure.value}" belongs to section "${entry.section}" in the catalogue, not "${rules.sectionId}"`,
          );
        }
        const steps = countSteps(node);
        if (steps !== entry.steps.length) {
          report(
            node,
            `<Scrolly figure="${figure.value}"> has ${steps} <Step>${steps === 1 ? '' : 's'} but the catalogue lists ${entry.steps.length}: ${entry.steps.map((s) => `"${s}"`).join(', ')}`,
          );
        }
        return;
      }
      case 'Step':
        if (!inside('Scrolly')) report(node, '<Step> must be inside a <Scrolly>');
        return;
      case 'Notes':
        if (!inside('Step')) report(node, '<Notes> must be inside a <Step>');
        return;
      case 'Cite': {
        if (ancestors.some((a) => a.type === 'heading'))
          report(node, '<Cite> cannot sit in a heading; cite in the prose below it');
        const id = readAttribute(node, 'id');
        if (id.kind === 'missing') report(node, '<Cite> needs an id="…" naming a key in content/references.json');
        else if (id.kind === 'dynamic') report(node, '<Cite id> must be a plain string');
        else if (!rules.referenceKeys.has(id.value)) report(node, `unknown citation key "${id.value}"`);
        const loc = readAttribute(node, 'loc');
        if (loc.kind === 'dynamic') report(node, '<Cite loc> must be a plain string');
        if (node.children.length > 0) report(node, '<Cite> takes no children; use loc="…" for a page or figure');
        if (node.type === 'mdxJsxFlowElement')
          report(node, '<Cite> must sit inside a sentence, not on a line of its own');
        return;
      }
      case 'Value': {
        const of = readAttribute(node, 'of');
        if (of.kind === 'missing')
          report(
            node,
            '<Value> needs an of="…" naming a key of content/data/*.json or a model value (src/mdx/values.ts)',
          );
        else if (of.kind === 'dynamic') report(node, '<Value of> must be a plain string');
        else if (!rules.values?.has(of.value)) {
          const near = rules.values ? nearKeys(of.value, rules.values) : [];
          report(
            node,
            `unknown value key "${of.value}"${near.length ? ` (did you mean one of: ${near.join(', ')})` : ''}`,
          );
        }
        const format = readAttribute(node, 'format');
        if (format.kind === 'dynamic') report(node, '<Value format> must be a plain string');
        else if (format.kind === 'literal' && !parseFormat(format.value))
          report(node, `unknown format "${format.value}" on <Value> (use ${FORMAT_HELP})`);
        const scale = readAttribute(node, 'scale');
        if (
          scale.kind === 'dynamic' ||
          (scale.kind === 'literal' &&
            !(Number.isFinite(Number(scale.value)) && scale.value.trim() !== '' && Number(scale.value) !== 0))
        ) {
          report(node, '<Value scale> must be a plain non-zero number, e.g. scale="1e-3"');
        }
        if (node.children.length > 0) report(node, '<Value> takes no children');
        if (node.type === 'mdxJsxFlowElement')
          report(node, '<Value> must sit inside a sentence, not on a line of its own');
        return;
      }
      case 'Footnote':
        if (ancestors.some((a) => a.type === 'heading')) report(node, '<Footnote> cannot sit in a heading');
        if (inside('Footnote')) report(node, '<Footnote> cannot be nested inside another <Footnote>');
        if (!hasContent(node)) report(node, '<Footnote> is empty');
        if (node.type === 'mdxJsxFlowElement')
          report(node, '<Footnote> must sit inside a sentence, not on a line of its own');
        return;
      default:
        return;
    }
  });
  return issues.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** `content/x.mdx:42:7: message`, one line per issue. */
export function formatIssues(file: string, issues: readonly ContentIssue[]): string {
  return issues.map((i) => `${file}:${i.line}:${i.column}: ${i.message}`).join('\n');
}
