import { FIGURE_IDS, SECTION_IDS } from '../../src/figures/catalog';

/** The pages the audit visits, as paths relative to the site's base URL (so a sub-path host works). */
export type PageKind = 'article' | 'embed' | 'present';

export interface AuditPage {
  kind: PageKind;
  /** relative to the base URL, no leading slash: '' is the article */
  path: string;
}

export const AUDIT_PAGES: readonly AuditPage[] = [
  { kind: 'article', path: '' },
  { kind: 'embed', path: 'embed/barren-plateau' },
  { kind: 'present', path: 'present' },
];

/**
 * Every figure embed and section embed. The first-load JavaScript budget of an embed applies to each of
 * them; beyond the audited embed above (which gets Lighthouse and both viewports), the audit loads each
 * once, at the mobile viewport, for its bytes, console errors and requests.
 */
export function allEmbedPaths(): string[] {
  return [...FIGURE_IDS.map((id) => `embed/${id}`), ...SECTION_IDS.map((id) => `embed/section/${id}`)];
}

/** `base` ends with '/' (see server.ts); `path` is relative to it. */
export function pageUrl(base: string, path: string): string {
  return new URL(path, base).href;
}
