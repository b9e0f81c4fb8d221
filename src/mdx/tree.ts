/**
 * Small helpers over the MDX syntax tree (mdast + mdx extensions) shared by the scanner, the validator
 * and the annotator. No React, no DOM: runs inside the Vite build and in Vitest.
 */
import type { Nodes, Parents, Root } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { Program } from 'estree';

export type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

export function isJsx(node: Nodes): node is JsxElement {
  return node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
}

/** Depth-first, document-order walk; `visit` gets the node and its ancestors (outermost first). */
export function walk(tree: Root, visit: (node: Nodes, ancestors: readonly Parents[]) => void): void {
  const stack: Parents[] = [];
  const go = (node: Nodes): void => {
    visit(node, stack);
    if ('children' in node && Array.isArray(node.children)) {
      stack.push(node as Parents);
      for (const child of node.children as Nodes[]) go(child);
      stack.pop();
    }
  };
  go(tree);
}

/** Plain text of a node (headings, link text), ignoring JSX like `<Cite/>`. */
export function textOf(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'inlineMath') return node.value;
  if (isJsx(node)) return '';
  if ('children' in node && Array.isArray(node.children)) return (node.children as Nodes[]).map(textOf).join('');
  return '';
}

export type AttributeRead =
  | { kind: 'missing' }
  | { kind: 'literal'; value: string; node: MdxJsxAttribute }
  | { kind: 'dynamic'; node: MdxJsxAttribute | null };

/** Reads a string attribute; `id="x"` and `id={"x"}` are literals, anything else is dynamic. */
export function readAttribute(element: JsxElement, name: string): AttributeRead {
  for (const attribute of element.attributes) {
    if (attribute.type === 'mdxJsxExpressionAttribute') continue;
    if (attribute.name !== name) continue;
    const value = attribute.value;
    if (typeof value === 'string') return { kind: 'literal', value, node: attribute };
    if (value && value.type === 'mdxJsxAttributeValueExpression') {
      const literal = literalOf(value.data?.estree ?? null);
      if (literal !== undefined) return { kind: 'literal', value: String(literal), node: attribute };
    }
    return { kind: 'dynamic', node: attribute };
  }
  return { kind: 'missing' };
}

/** Names of plain attributes, plus `null` for each spread (`{...x}`). */
export function attributeNames(element: JsxElement): (string | null)[] {
  return element.attributes.map((a) => (a.type === 'mdxJsxAttribute' ? a.name : null));
}

/** The literal (string/number/boolean) value of a one-expression program, if that is all it is. */
export function literalOf(program: Program | null): string | number | boolean | undefined {
  if (!program || program.body.length !== 1) return undefined;
  const statement = program.body[0];
  if (statement.type !== 'ExpressionStatement') return undefined;
  const expression = statement.expression;
  if (expression.type === 'Literal') {
    const v = expression.value;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
    return undefined;
  }
  if (expression.type === 'TemplateLiteral' && expression.expressions.length === 0) {
    return expression.quasis.map((q) => q.value.cooked ?? '').join('');
  }
  return undefined;
}

/** Adds (or replaces) a string attribute on a JSX element. */
export function setAttribute(element: JsxElement, name: string, value: string): void {
  const existing = element.attributes.find(
    (a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute' && a.name === name,
  );
  if (existing) existing.value = value;
  else element.attributes.push({ type: 'mdxJsxAttribute', name, value });
}
