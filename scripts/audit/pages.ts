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

/** `base` ends with '/' (see server.ts); `path` is relative to it. */
export function pageUrl(base: string, path: string): string {
  return new URL(path, base).href;
}
