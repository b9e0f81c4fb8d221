/** Site-wide names and the <head> tags of each page, built from content/meta.json. Pure. */
import type { ArticleMeta } from '../cite/types';

import { catalogEntry } from '../figures/catalog';
import { oembedPath, routePath, type Route } from './routes';

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

/** The site's base URL (meta.url without a trailing slash), or '' when none is configured. */
export function siteBase(meta: ArticleMeta): string {
  return typeof meta.url === 'string' && /^https?:\/\//.test(meta.url) ? meta.url.replace(/\/+$/, '') : '';
}

/** Title of an embed route: the figure's title or the section's heading. */
export function embedTitle(route: Route, sectionTitles: Readonly<Record<string, string>>): string {
  if (route.page === 'embed') return catalogEntry(route.figure)?.title ?? route.figure;
  if (route.page === 'embed-section') return sectionTitles[route.section] ?? route.section;
  return '';
}

/** `<title>` and head tags of any route: embeds get oEmbed discovery and no indexing of duplicates. */
export function routeHeadTags(meta: ArticleMeta, route: Route, sectionTitles: Readonly<Record<string, string>>): { title: string; tags: string } {
  if (route.page === 'article' || route.page === 'not-found') return headTags(meta, route.page);
  const site = siteTitle(meta);
  const base = siteBase(meta);
  const tags: string[] = [];
  let title: string;
  if (route.page === 'embed' || route.page === 'embed-section') {
    const name = embedTitle(route, sectionTitles);
    title = `${name} · ${site}`;
    const oembed = oembedPath(route)!;
    // Discovery, resolved against the page's own address (so a mirror or a preview serves its own JSON).
    tags.push(`<link rel="alternate" type="application/json+oembed" href="${escapeHtml(oembed)}" title="${escapeHtml(name)}">`);
    if (base) tags.push(`<link rel="canonical" href="${escapeHtml(base + routePath(route))}">`);
    tags.push('<meta name="robots" content="noindex">');
  } else {
    title = route.page === 'check' || route.page === 'embed-check' ? `Check a speedup claim · ${site}` : route.page === 'speaker' ? `Speaker view · ${site}` : route.page === 'print' ? `Handout · ${site}` : `Presentation · ${site}`;
    if (route.page !== 'check') tags.push('<meta name="robots" content="noindex">');
  }
  return { title: escapeHtml(title), tags: tags.join('\n    ') };
}
