/**
 * Turns a figure's server-rendered markup into a golden file: the figure's graphic (`.fig__graphic`)
 * as an SVG document, one element per line, so a change to a chart reviews as a short text diff.
 *
 * Normalisation, and why:
 * - React's `useId` values (`_R_9_`) depend on how many ids were taken before, anywhere in the tree:
 *   they become `id-1`, `id-2`, … in order of first appearance, so references stay visibly paired.
 * - Numbers in geometry and presentation attributes are rounded to 3 decimals (1/1000 px; d3 and
 *   floating point leave `77.50000000000001`), and values within 0.0005 of zero become 0 (`sin(π)`).
 *   Literals with 3 decimals or fewer are kept exactly as written, so a stroke width of 1.5 → 2 or a
 *   point moving by 0.01 px still shows. Text content and human-facing attributes (`aria-label`,
 *   `title`, …) are kept verbatim: their formatting is what a reader sees.
 * - Empty elements close themselves; HTML void elements too, so the file is well-formed XML.
 */

export interface ElementNode {
  kind: 'element';
  name: string;
  attrs: [string, string][];
  children: MarkupNode[];
}

export interface TextNode {
  kind: 'text';
  /** Escaped text, as it appeared in the markup. */
  text: string;
}

export type MarkupNode = ElementNode | TextNode;

const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

const TOKEN =
  /<!--[\s\S]*?-->|<\/([A-Za-z][\w:.-]*)\s*>|<([A-Za-z][\w:.-]*)((?:\s+[^\s"'>/=]+(?:="[^"]*")?)*)\s*(\/?)>|[^<]+/g;
const ATTR = /([^\s"'>/=]+)(?:="([^"]*)")?/g;

/**
 * Parses the static markup React writes (double-quoted attributes, escaped text, explicit end tags or
 * `/>`) into a tree. Comments are dropped. Anything else (an unclosed or mismatched tag) throws.
 */
export function parseMarkup(markup: string): MarkupNode[] {
  const root: ElementNode = { kind: 'element', name: '#root', attrs: [], children: [] };
  const stack: ElementNode[] = [root];
  let consumed = 0;
  for (const match of markup.matchAll(TOKEN)) {
    if (match.index !== consumed)
      throw new Error(`unparsable markup at ${consumed}: ${markup.slice(consumed, consumed + 40)}`);
    consumed = match.index + match[0].length;
    const [token, closing, opening, attrText, selfClosing] = match;
    const top = stack[stack.length - 1];
    if (token.startsWith('<!--')) continue;
    if (closing !== undefined) {
      if (top.name !== closing) throw new Error(`</${closing}> closes <${top.name}> at ${match.index}`);
      stack.pop();
    } else if (opening !== undefined) {
      const attrs: [string, string][] = [];
      for (const a of (attrText ?? '').matchAll(ATTR)) attrs.push([a[1], a[2] ?? '']);
      const element: ElementNode = { kind: 'element', name: opening, attrs, children: [] };
      top.children.push(element);
      if (!selfClosing && !VOID_ELEMENTS.has(opening.toLowerCase())) stack.push(element);
    } else {
      top.children.push({ kind: 'text', text: token });
    }
  }
  if (consumed !== markup.length) throw new Error(`unparsable markup at ${consumed}`);
  if (stack.length !== 1) throw new Error(`<${stack[stack.length - 1].name}> is never closed`);
  return root.children;
}

/** The first element (depth-first, document order) whose `class` list contains `className`. */
export function findByClass(nodes: readonly MarkupNode[], className: string): ElementNode | undefined {
  for (const node of nodes) {
    if (node.kind !== 'element') continue;
    const cls = node.attrs.find(([k]) => k === 'class')?.[1] ?? '';
    if (cls.split(/\s+/).includes(className)) return node;
    const inner = findByClass(node.children, className);
    if (inner) return inner;
  }
  return undefined;
}

/** React `useId` values: `_R_…_` (server), `_r_…_` (client), and the older `«r…»` / `:r…:` forms. */
const REACT_ID = /_[Rr]_[0-9a-z]+_|«[Rr][0-9a-z]*»|:[Rr][0-9a-z]*:/g;

function mapTree(
  nodes: readonly MarkupNode[],
  text: (s: string) => string,
  attr: (k: string, v: string) => string,
): MarkupNode[] {
  return nodes.map((node) =>
    node.kind === 'text'
      ? { kind: 'text', text: text(node.text) }
      : {
          kind: 'element',
          name: node.name,
          attrs: node.attrs.map(([k, v]): [string, string] => [k, attr(k, v)]),
          children: mapTree(node.children, text, attr),
        },
  );
}

/** Replaces React `useId` values with `id-1`, `id-2`, … in order of first appearance (attributes and text). */
export function normaliseIds(nodes: readonly MarkupNode[]): MarkupNode[] {
  const names = new Map<string, string>();
  const rename = (s: string) =>
    s.replace(REACT_ID, (id) => {
      if (!names.has(id)) names.set(id, `id-${names.size + 1}`);
      return names.get(id)!;
    });
  return mapTree(nodes, rename, (_k, v) => rename(v));
}

/** Decimals kept in rounded numbers: 1/1000 of a px in SVG user units. */
export const DECIMALS = 3;

/** Rounds one numeric literal to `DECIMALS` places; literals that already fit are returned unchanged. */
export function roundLiteral(literal: string): string {
  const fraction = /\.(\d*)/.exec(literal)?.[1] ?? '';
  if (!/[eE]/.test(literal) && fraction.length <= DECIMALS) return literal;
  const scale = 10 ** DECIMALS;
  const rounded = Math.round(Number(literal) * scale) / scale;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

// A hex colour is skipped whole (`#2e8b57` holds no number); otherwise a decimal or exponent literal.
const NUMBER = /#[0-9a-fA-F]{3,8}\b|-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g;

/** Rounds every numeric literal in an attribute value (path data, transforms, styles, …). */
export function roundNumbers(value: string): string {
  return value.replace(NUMBER, (m) => (m.startsWith('#') ? m : roundLiteral(m)));
}

/** Attributes a reader sees or that name things: kept verbatim. */
function isVerbatim(name: string): boolean {
  return /^(id|class|href|xlink:href|role|title|alt|lang|name|for|type|scope)$/.test(name) || name.startsWith('aria-');
}

export function roundAttributes(nodes: readonly MarkupNode[]): MarkupNode[] {
  return mapTree(
    nodes,
    (s) => s,
    (k, v) => (isVerbatim(k) ? v : roundNumbers(v)),
  );
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const XHTML_NS = 'http://www.w3.org/1999/xhtml';

/** Path data longer than this is written one command per line. */
const LONG_PATH = 100;

/**
 * Long path data (a polyline of 200 points, a column of dots) goes one absolute command per line, so a
 * moved point is a one-line diff. Line breaks in an attribute read as spaces, which path data allows.
 */
export function layoutPathData(d: string, pad: string): string {
  if (d.length <= LONG_PATH) return d;
  const commands = d.split(/(?=[MLHVCSQTA])/).map((c) => c.trim());
  return `\n${commands.map((c) => `${pad}    ${c}`).join('\n')}\n${pad}  `;
}

function openTag(node: ElementNode, namespace: string | undefined, pad: string): string {
  const attrs = node.attrs.filter(([k]) => k !== 'xmlns');
  if (namespace) attrs.unshift(['xmlns', namespace]);
  const value = (k: string, v: string) => (k === 'd' ? layoutPathData(v, pad) : v);
  return `${pad}<${node.name}${attrs.map(([k, v]) => ` ${k}="${value(k, v)}"`).join('')}`;
}

/** Text in mixed content goes on its own line; its edge whitespace is kept as character references. */
function keepEdgeSpaces(text: string): string {
  return text.replace(/^\s+|\s+$/g, (ws) => [...ws].map((c) => `&#${c.codePointAt(0)};`).join(''));
}

/**
 * One element per line, two spaces per level. An element holding only text stays on one line.
 * `inScope` is the XML namespace in scope (declared by an ancestor) and `wanted` the one the children
 * belong to (HTML inside `<foreignObject>`, SVG elsewhere under an `<svg>`); an element whose namespace
 * differs from the one in scope declares it, so the file parses as XML.
 */
export function serialise(nodes: readonly MarkupNode[], depth = 0, inScope = '', wanted = XHTML_NS): string[] {
  const pad = '  '.repeat(depth);
  const lines: string[] = [];
  for (const node of nodes) {
    if (node.kind === 'text') {
      lines.push(pad + keepEdgeSpaces(node.text));
      continue;
    }
    const namespace = node.name === 'svg' ? SVG_NS : wanted;
    const childNamespace = node.name === 'foreignObject' ? XHTML_NS : namespace;
    const open = openTag(node, namespace === inScope ? undefined : namespace, pad);
    if (node.children.length === 0) lines.push(`${open}/>`);
    else if (node.children.every((c) => c.kind === 'text'))
      lines.push(`${open}>${node.children.map((c) => (c as TextNode).text).join('')}</${node.name}>`);
    else
      lines.push(
        `${open}>`,
        ...serialise(node.children, depth + 1, namespace, childNamespace),
        `${pad}</${node.name}>`,
      );
  }
  return lines;
}

/**
 * The golden file for a rendered figure: its `.fig__graphic` content, ids and numbers normalised,
 * inside an SVG root (`<foreignObject>` carries the view's HTML around its charts).
 */
export function goldenSvg(markup: string, label: { figure: string; step: number }): string {
  const graphic = findByClass(parseMarkup(markup), 'fig__graphic');
  if (!graphic) throw new Error(`${label.figure} step ${label.step}: no .fig__graphic in the rendered figure`);
  const body = roundAttributes(normaliseIds([graphic]));
  const root: ElementNode = {
    kind: 'element',
    name: 'svg',
    attrs: [
      ['xmlns:xlink', 'http://www.w3.org/1999/xlink'],
      ['data-figure', label.figure],
      ['data-step', String(label.step)],
    ],
    children: [
      {
        kind: 'element',
        name: 'foreignObject',
        attrs: [
          ['width', '100%'],
          ['height', '100%'],
        ],
        children: body,
      },
    ],
  };
  return serialise([root]).join('\n') + '\n';
}
