/** Site-wide names and the <head> tags of each page, built from content/meta.json. Pure. */
import type { ArticleMeta } from '../cite/types';

export type PageName = 'article' | 'not-found';
export const PAGE_NAMES: readonly PageName[] = ['article', 'not-found'];

export function isPageName(value: unknown): value is PageName {
  return typeof value === 'string' && (PAGE_NAMES as readonly string[]).includes(value);
}

/** The short name in the header: `meta.shortTitle` when given, else the title. */
export function siteTitle(meta: ArticleMeta): string {
  return typeof meta.shortTitle === 'string' && meta.shortTitle ? meta.shortTitle : meta.title;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** `<title>` and description/Open Graph tags for a page. */
export function headTags(meta: ArticleMeta, page: PageName): { title: string; tags: string } {
  const title = page === 'not-found' ? `Page not found · ${siteTitle(meta)}` : meta.subtitle ? `${meta.title}: ${meta.subtitle}` : meta.title;
  const description = meta.description ?? meta.subtitle ?? '';
  const tags: string[] = [];
  if (description) tags.push(`<meta name="description" content="${escapeHtml(description)}">`);
  if (page === 'not-found') tags.push('<meta name="robots" content="noindex">');
  else {
    tags.push(`<meta property="og:type" content="article">`);
    tags.push(`<meta property="og:title" content="${escapeHtml(meta.title)}">`);
    if (description) tags.push(`<meta property="og:description" content="${escapeHtml(description)}">`);
    if (typeof meta.url === 'string' && /^https?:\/\//.test(meta.url)) {
      tags.push(`<link rel="canonical" href="${escapeHtml(meta.url)}">`);
      tags.push(`<meta property="og:url" content="${escapeHtml(meta.url)}">`);
    }
  }
  return { title: escapeHtml(title), tags: tags.join('\n    ') };
}
