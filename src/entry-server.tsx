/**
 * Server entry for the static pre-render (built into dist-ssr/ by `vite build --ssr`). Uses
 * react-dom/static so Suspense and lazy pages/figure views are awaited: every page's HTML holds its
 * prose, captions and each figure's text alternative.
 */
import { StrictMode } from 'react';
import { prerenderToNodeStream } from 'react-dom/static';
import { meta, sections } from 'virtual:article';
import { preloadFigureViews } from './figures/registry';
import { App, preloadPage } from './pages/App';
import { allRoutes, oembedPath, routeFile, routeKey, routePath, type Route } from './pages/routes';
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
  // entry loads the same chunks before hydrating, so both trees match and the page hydrates in one pass.
  await Promise.all([preloadFigureViews(), preloadPage(route)]);
  const errors: unknown[] = [];
  const { prelude } = await prerenderToNodeStream(
    <StrictMode>
      <App route={route} />
    </StrictMode>,
    // No outlining of large finished boundaries: every figure stays in place in the HTML (readable
    // with JavaScript off), not in a hidden div moved by an inline script.
    { onError: (error) => void errors.push(error), progressiveChunkSize: Number.MAX_SAFE_INTEGER },
  );
  const chunks: Buffer[] = [];
  for await (const chunk of prelude) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  if (errors.length > 0) {
    throw new Error(`pre-rendering "${routePath(route)}" failed:\n${errors.map((e) => (e instanceof Error ? e.stack ?? e.message : String(e))).join('\n')}`);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Renders a route. Its page and every figure view are loaded first (`renderHtml`), so nothing suspends.
 * Anything that still did would be streamed out of order (hidden until an inline script moves it),
 * unreadable without JavaScript and hydrated late at idle priority: the build fails instead.
 */
export async function render(route: Route): Promise<RenderedPage> {
  const html = await renderHtml(route);
  if (html.includes('<!--$?-->')) {
    throw new Error(`pre-rendering "${routePath(route)}": a component suspended; load its chunk before rendering (see story/preloadable)`);
  }
  const { title, tags } = routeHeadTags(meta, route, sectionTitles);
  return { html, title, head: tags };
}

/** The oEmbed documents: `[file, document]` per figure and section embed. */
export function oembedDocuments(): [string, OEmbedDocument][] {
  const base = siteBase(meta);
  return allRoutes().flatMap((route): [string, OEmbedDocument][] => {
    const path = oembedPath(route);
    if (!path || (route.page !== 'embed' && route.page !== 'embed-section')) return [];
    const target = route.page === 'embed'
      ? { origin: base, kind: 'figure' as const, id: route.figure, title: embedTitle(route, sectionTitles) }
      : { origin: base, kind: 'section' as const, id: route.section, title: embedTitle(route, sectionTitles) };
    return [[path.slice(1), oembedDocument(target, siteTitle(meta))]];
  });
}
