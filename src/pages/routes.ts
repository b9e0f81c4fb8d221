/**
 * Every page of the site as a route: the article, the 404 page, one embed per figure and per section,
 * the presentation, its speaker view and the printable handout. Pure (no DOM): the pre-render writes
 * one HTML file per route, the client reads the route back from `location.pathname`.
 */
import { FIGURE_IDS, SECTION_IDS } from '../figures/catalog';
import { pageHref, stripBase } from '../site/address';

export type Route =
  | { page: 'article' }
  | { page: 'not-found' }
  | { page: 'embed'; figure: string }
  | { page: 'embed-section'; section: string }
  | { page: 'present' }
  | { page: 'speaker' }
  | { page: 'print' }
  | { page: 'check' }
  | { page: 'embed-check' };

const isFigure = (id: string) => (FIGURE_IDS as readonly string[]).includes(id);
const isSection = (id: string) => (SECTION_IDS as readonly string[]).includes(id);

/**
 * The route for a path (trailing slash and `.html` tolerated); `?print` on /present is the handout. The
 * site's base path (SITE_URL's path) is removed first.
 */
export function routeFromLocation(pathname: string, search = '', base?: string): Route {
  const path =
    stripBase(pathname, base)
      .replace(/\.html$/, '')
      .replace(/\/index$/, '')
      .replace(/\/+$/, '') || '/';
  let m: RegExpMatchArray | null;
  if (path === '/') return { page: 'article' };
  if (path === '/embed/check') return { page: 'embed-check' };
  if ((m = path.match(/^\/embed\/section\/([a-z0-9-]+)$/)) && isSection(m[1]))
    return { page: 'embed-section', section: m[1] };
  if ((m = path.match(/^\/embed\/([a-z0-9-]+)$/)) && isFigure(m[1])) return { page: 'embed', figure: m[1] };
  if (path === '/present') return new URLSearchParams(search).has('print') ? { page: 'print' } : { page: 'present' };
  if (path === '/present/speaker') return { page: 'speaker' };
  if (path === '/present/print') return { page: 'print' };
  if (path === '/check') return { page: 'check' };
  return { page: 'not-found' };
}

/** The URL path of a route. */
export function routePath(route: Route): string {
  switch (route.page) {
    case 'article':
      return '/';
    case 'not-found':
      return '/404';
    case 'embed':
      return `/embed/${route.figure}`;
    case 'embed-section':
      return `/embed/section/${route.section}`;
    case 'present':
      return '/present';
    case 'speaker':
      return '/present/speaker';
    case 'print':
      return '/present/print';
    case 'check':
      return '/check';
    case 'embed-check':
      return '/embed/check';
  }
}

/** A route's link, under the site's base path. */
export function routeHref(route: Route, base?: string): string {
  return pageHref(routePath(route), base);
}

/** The file the pre-render writes for a route (`/embed/x` → `embed/x.html`, served clean by the host). */
export function routeFile(route: Route): string {
  if (route.page === 'article') return 'index.html';
  return `${routePath(route).slice(1)}.html`;
}

/** Every route the pre-render writes. */
export function allRoutes(): Route[] {
  return [
    { page: 'article' },
    { page: 'not-found' },
    ...FIGURE_IDS.map((figure): Route => ({ page: 'embed', figure })),
    ...SECTION_IDS.map((section): Route => ({ page: 'embed-section', section })),
    { page: 'present' },
    { page: 'speaker' },
    { page: 'print' },
    { page: 'check' },
    { page: 'embed-check' },
  ];
}

/** Serialises a route into `#root` attributes, so the client knows which page was pre-rendered. */
export function routeKey(route: Route): string {
  return routePath(route);
}

/**
 * Pages pre-rendered as static HTML with islands (only the islands hydrate): the article and the figure
 * and section embeds. The others hydrate whole (src/pages/mount.tsx).
 */
export function isIslandsPage(route: Route): boolean {
  return route.page === 'article' || route.page === 'embed' || route.page === 'embed-section';
}

/** oEmbed document path for an embeddable route. */
export function oembedPath(route: Route): string | undefined {
  if (route.page === 'embed') return `/oembed/${route.figure}.json`;
  if (route.page === 'embed-section') return `/oembed/section/${route.section}.json`;
  if (route.page === 'embed-check') return '/oembed/check.json';
  return undefined;
}
