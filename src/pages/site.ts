/** Site-wide names and the <head> tags of each page, built from content/meta.json. Pure. */
import type { ArticleMeta } from '../cite/types';

import { catalogEntry, FIGURE_CATALOG } from '../figures/catalog';
import { BASE_PATH, pageHref } from '../site/address';
import ogImage from './og-image.json';
import { oembedPath, routePath, type Route } from './routes';

export type PageName = 'article' | 'not-found';
export const PAGE_NAMES: readonly PageName[] = ['article', 'not-found'];

/** The short name in the header: `meta.shortTitle` when given, else the title. */
export function siteTitle(meta: ArticleMeta): string {
  return typeof meta.shortTitle === 'string' && meta.shortTitle ? meta.shortTitle : meta.title;
}

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/** The preview image of every page (public/og-image.png, rendered from a real figure by scripts/og-image.ts). */
export interface PreviewImage {
  file: string;
  width: number;
  height: number;
  alt: string;
}
export const PREVIEW_IMAGE: PreviewImage = ogImage;

/** A page's head, before escaping: what the tags say. */
export interface HeadInfo {
  title: string;
  description: string;
  /** Site path of the page (`/`, `/embed/x`), canonical when the site has an address. */
  path: string;
  /** Pages that only duplicate another (speaker view, handout) or do not exist (404) stay out of indexes. */
  index: boolean;
  ogType: 'article' | 'website';
  /** oEmbed document path (embeds only). */
  oembed?: string;
  /** Title of the oEmbed discovery link. */
  oembedTitle?: string;
}

function listSentence(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** What each page says about itself: title, description, indexing, canonical path. Pure. */
export function headInfo(meta: ArticleMeta, route: Route, sectionTitles: Readonly<Record<string, string>>): HeadInfo {
  const site = siteTitle(meta);
  const articleDescription = meta.description ?? meta.subtitle ?? meta.title;
  const path = routePath(route);
  /** Most pages are indexed, with Open Graph type "website"; `more` says where one differs. */
  const page = (title: string, description: string, more: Partial<HeadInfo> = {}): HeadInfo => ({
    title,
    description,
    path,
    index: true,
    ogType: 'website',
    ...more,
  });
  /** An embed's oEmbed discovery link. */
  const discovery = (oembedTitle: string) => ({ oembed: oembedPath(route), oembedTitle });
  switch (route.page) {
    case 'article':
      return page(meta.subtitle ? `${meta.title}: ${meta.subtitle}` : meta.title, articleDescription, {
        ogType: 'article',
      });
    case 'not-found':
      return page(`Page not found · ${site}`, articleDescription, { index: false });
    case 'embed': {
      const entry = catalogEntry(route.figure);
      const name = embedTitle(route, sectionTitles);
      const steps = entry
        ? ` in ${entry.steps.length} steps: ${listSentence(entry.steps.map((s) => s.toLowerCase()))}`
        : '';
      return page(
        `${name} · ${site}`,
        `“${name}”, an interactive figure from “${meta.title}”, computed in your browser by a seeded quantum simulator${steps}.`,
        discovery(name),
      );
    }
    case 'embed-section': {
      const name = embedTitle(route, sectionTitles);
      const figures = FIGURE_CATALOG.filter((f) => f.section === route.section).map((f) => `“${f.title}”`);
      const with_ = figures.length
        ? `, with its interactive figure${figures.length > 1 ? 's' : ''} ${listSentence(figures)}`
        : '';
      return page(`${name} · ${site}`, `The section “${name}” of “${meta.title}”${with_}.`, discovery(name));
    }
    case 'present':
      return page(
        `Presentation · ${site}`,
        `“${meta.title}” as slides for a class or a talk: every step of the article with its live figure, keyboard and clicker controls, and a speaker view with notes.`,
      );
    case 'check':
      return page(
        `Check a speedup claim · ${site}`,
        `Enter a published or pitched quantum speedup claim and get the six-point scorecard of “${meta.title}”: end-to-end time with loading, shots and queue, dollars, energy, expected fidelity and the classical baseline, each computed or marked as missing.`,
      );
    case 'embed-check':
      return page(
        `Check a speedup claim · ${site}`,
        `The claim checker of “${meta.title}”, embedded: a six-point scorecard computed from a quantum speedup claim's own numbers.`,
        discovery('Check a speedup claim'),
      );
    case 'speaker':
      return page(
        `Speaker view · ${site}`,
        `Speaker notes and the next slide for the presentation of “${meta.title}”.`,
        { index: false },
      );
    case 'print':
      return page(
        `Handout · ${site}`,
        `A printable handout of “${meta.title}”: every step's figure as a still frame beside its text.`,
        { index: false },
      );
  }
}

/**
 * The <head> tags of a page: description, robots, canonical, Open Graph and Twitter card, oEmbed discovery.
 * Absolute-only fields (canonical, og:url, og:image, twitter:image) need the site's address (SITE_URL, kept
 * in `meta.url`); without it they are left out rather than pointed at a made-up host.
 */
export function headTagsFor(
  meta: ArticleMeta,
  info: HeadInfo,
  image: PreviewImage = PREVIEW_IMAGE,
): { title: string; tags: string } {
  const base = siteBase(meta);
  const tags: string[] = [];
  const attr = escapeHtml;
  tags.push(`<meta name="description" content="${attr(info.description)}">`);
  if (!info.index) tags.push('<meta name="robots" content="noindex">');
  if (base && info.index) tags.push(`<link rel="canonical" href="${attr(base + info.path)}">`);
  if (info.oembed) {
    // Discovery: absolute when the site has an address (CMSes fetch it from elsewhere), else site-relative.
    const href = base ? base + info.oembed : pageHref(info.oembed, basePathOf(meta));
    tags.push(
      `<link rel="alternate" type="application/json+oembed" href="${attr(href)}" title="${attr(info.oembedTitle ?? info.title)}">`,
    );
  }
  if (info.index) {
    const ogTitle = info.path === '/' ? meta.title : info.title;
    tags.push(`<meta property="og:type" content="${info.ogType}">`);
    tags.push(`<meta property="og:site_name" content="${attr(siteTitle(meta))}">`);
    tags.push(`<meta property="og:title" content="${attr(ogTitle)}">`);
    tags.push(`<meta property="og:description" content="${attr(info.description)}">`);
    if (base) {
      const imageUrl = `${base}/${image.file}`;
      tags.push(`<meta property="og:url" content="${attr(base + info.path)}">`);
      tags.push(`<meta property="og:image" content="${attr(imageUrl)}">`);
      tags.push(`<meta property="og:image:type" content="image/png">`);
      tags.push(`<meta property="og:image:width" content="${image.width}">`);
      tags.push(`<meta property="og:image:height" content="${image.height}">`);
      tags.push(`<meta property="og:image:alt" content="${attr(image.alt)}">`);
      tags.push('<meta name="twitter:card" content="summary_large_image">');
      tags.push(`<meta name="twitter:image" content="${attr(imageUrl)}">`);
      tags.push(`<meta name="twitter:image:alt" content="${attr(image.alt)}">`);
    } else {
      tags.push('<meta name="twitter:card" content="summary">');
    }
    tags.push(`<meta name="twitter:title" content="${attr(ogTitle)}">`);
    tags.push(`<meta name="twitter:description" content="${attr(info.description)}">`);
  }
  return { title: escapeHtml(info.title), tags: tags.join('\n    ') };
}

/** The site's base URL (meta.url, i.e. SITE_URL, without a trailing slash), or '' when none is configured. */
export function siteBase(meta: ArticleMeta): string {
  return typeof meta.url === 'string' && /^https?:\/\//.test(meta.url) ? meta.url.replace(/\/+$/, '') : '';
}

/** The path part of the site's address ('' at the root or without one); the build's BASE_PATH otherwise. */
function basePathOf(meta: ArticleMeta): string {
  const base = siteBase(meta);
  return base ? new URL(`${base}/`).pathname.replace(/\/+$/, '') : BASE_PATH;
}

/** Title of an embed route: the figure's title or the section's heading. */
export function embedTitle(route: Route, sectionTitles: Readonly<Record<string, string>>): string {
  if (route.page === 'embed') return catalogEntry(route.figure)?.title ?? route.figure;
  if (route.page === 'embed-section') return sectionTitles[route.section] ?? route.section;
  return '';
}

/** `<title>` and head tags of any route. */
export function routeHeadTags(
  meta: ArticleMeta,
  route: Route,
  sectionTitles: Readonly<Record<string, string>>,
): { title: string; tags: string } {
  return headTagsFor(meta, headInfo(meta, route, sectionTitles));
}
