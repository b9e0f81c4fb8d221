/**
 * Server entry for the static pre-render (built into dist-ssr/ by `vite build --ssr`). Uses
 * react-dom/static; pages and figure views are loaded before rendering: every page's HTML holds its
 * prose, captions and each figure's text alternative. The article is rendered as static HTML with
 * islands (src/islands/server.tsx).
 */
import { StrictMode } from 'react';
import { meta, sections } from 'virtual:article';
import { preloadFigureViews } from './figures/registry';
import { renderIslandsPage, renderStatic } from './islands/server';
import { App, preloadPage } from './pages/App';
import { allRoutes, isIslandsPage, oembedPath, routeFile, routeKey, routePath, type Route } from './pages/routes';
import { embedTitle, routeHeadTags, siteBase, siteTitle } from './pages/site';
import { oembedDocument, type OEmbedDocument } from './story/snippets';

export { PAGE_NAMES } from './pages/site';
export { allRoutes, routeFile, routeKey };

export interface RenderedPage {
  /** Markup for inside `#root`. */
  html: string;
  /** Escaped page title. */
  title: string;
  /** Extra <head> tags. */
  head: string;
}

const sectionTitles: Record<string, string> = Object.fromEntries(sections.map((s) => [s.id, s.title]));

async function renderHtml(route: Route): Promise<string> {
  // Figure views and the route's page render in place (no Suspense boundary) once loaded; the browser
  // loads the same chunks before hydrating (a whole page, or an island), so the trees match.
  await Promise.all([preloadFigureViews(), preloadPage(route)]);
  const page = (
    <StrictMode>
      <App route={route} />
    </StrictMode>
  );
  // The article and the embeds are static HTML with islands, each rendered as its own root
  // (src/islands/server.tsx); the other pages hydrate whole.
  if (isIslandsPage(route)) return (await renderIslandsPage(page, `"${routePath(route)}"`)).html;
  return renderStatic(page, `"${routePath(route)}"`);
}

/**
 * Renders a route. Its page and every figure view are loaded first (`renderHtml`), so nothing suspends.
 * Anything that still did would be streamed out of order (hidden until an inline script moves it),
 * unreadable without JavaScript and hydrated late at idle priority: the build fails instead.
 */
export async function render(route: Route): Promise<RenderedPage> {
  const html = await renderHtml(route);
  const { title, tags } = routeHeadTags(meta, route, sectionTitles);
  return { html, title, head: tags };
}

/** The oEmbed documents: `[file, document]` per figure and section embed. */
export function oembedDocuments(): [string, OEmbedDocument][] {
  const base = siteBase(meta);
  return allRoutes().flatMap((route): [string, OEmbedDocument][] => {
    const path = oembedPath(route);
    if (route.page === 'embed-check')
      return [
        [
          path!.slice(1),
          oembedDocument(
            { origin: base, kind: 'figure', id: 'check', title: 'Check a speedup claim' },
            siteTitle(meta),
          ),
        ],
      ];
    if (!path || (route.page !== 'embed' && route.page !== 'embed-section')) return [];
    const target =
      route.page === 'embed'
        ? { origin: base, kind: 'figure' as const, id: route.figure, title: embedTitle(route, sectionTitles) }
        : { origin: base, kind: 'section' as const, id: route.section, title: embedTitle(route, sectionTitles) };
    return [[path.slice(1), oembedDocument(target, siteTitle(meta))]];
  });
}
