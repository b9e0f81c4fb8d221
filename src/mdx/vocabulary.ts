/**
 * The MDX vocabulary: the only capitalised component names content files may use. The component map in
 * `components.tsx` provides exactly these; the build-time validator rejects anything else.
 * Pure data: imported by the Vite plugin (Node) and the browser bundle alike.
 */
export const MDX_COMPONENT_NAMES = ['Scrolly', 'Step', 'Notes', 'Cite', 'Footnote', 'Value'] as const;
export type MdxComponentName = (typeof MDX_COMPONENT_NAMES)[number];

/** Lower-case JSX that would run code or pull in third-party content; never allowed in content. */
export const FORBIDDEN_HTML = ['script', 'style', 'iframe', 'object', 'embed', 'link', 'meta', 'base', 'form'] as const;

/** `content/03-data-loading.mdx` → `data-loading`. */
export function sectionIdFromFile(file: string): string {
  const base = file.replace(/\\/g, '/').split('/').pop() ?? file;
  return base.replace(/\.mdx$/i, '').replace(/^\d+[-_]/, '');
}

/** A stable, URL-safe slug for headings and DOM ids: lower case, ASCII letters/digits and hyphens. */
export function slugify(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'section'
  );
}

/** Id of a section's `## ` heading; the `<section>` itself carries the bare section id. */
export const sectionTitleId = (sectionId: string) => `${sectionId}-title`;
