/**
 * Chooses the page for a route; the pre-render writes the route into `#root[data-route]`. Every page but
 * the 404 is a separate chunk, so an embed carries none of the article and the article none of the
 * others. Both entries load the route's chunk (`preloadPage`) before rendering, so every page renders
 * in place, with no Suspense boundary at the top (see story/preloadable for why that matters).
 *
 * The pre-rendered article is not hydrated through this component: the browser hydrates only its
 * islands (src/islands/client.ts). The server renders it through here all the same, and pages without
 * a pre-render (the dev server) render it whole.
 */
import { useEffect } from 'react';
import { getFigure } from '../figures/registry';
import { FigureRegistryContext } from '../story/figure-registry';
import { preloadable } from '../story/preloadable';
import { Island } from '../islands/Island';
import { loadEmbedContent } from './embed-content';
import { NotFoundPage } from './NotFoundPage';
import type { Route } from './routes';
import { UpdatePrompt } from './UpdatePrompt';

const articlePage = preloadable(() => import('./ArticlePage').then((m) => m.ArticlePage));
const embedPages = preloadable(() =>
  import('./EmbedPage').then(
    (m) =>
      ({ route }: { route: Route }) =>
        route.page === 'embed' ? (
          <m.EmbedFigurePage figure={route.figure} />
        ) : route.page === 'embed-section' ? (
          <m.EmbedSectionPage section={route.section} />
        ) : null,
  ),
);
const presentPage = preloadable(() => import('./PresentPage').then((m) => m.PresentPage));
const printPage = preloadable(() => import('./PresentPage').then((m) => m.PrintPage));
const speakerPage = preloadable(() => import('./SpeakerPage').then((m) => m.SpeakerPage));
const checkPage = preloadable(() => import('./CheckPage').then((m) => m.CheckPage));

/** The code-split page a route needs, if any. */
function splitPage(route: Route) {
  switch (route.page) {
    case 'article':
      return articlePage;
    case 'embed':
    case 'embed-section':
      return embedPages;
    case 'present':
      return presentPage;
    case 'print':
      return printPage;
    case 'speaker':
      return speakerPage;
    case 'check':
    case 'embed-check':
      return checkPage;
    default:
      return undefined;
  }
}

/** Loads the route's page chunk, if it has one, and an embed's section; both entries await this before rendering. */
export function preloadPage(route: Route): Promise<unknown> {
  return Promise.all([splitPage(route)?.load(), loadEmbedContent(route)]);
}

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'article':
      return <articlePage.Render />;
    case 'not-found':
      return <NotFoundPage />;
    case 'embed':
    case 'embed-section':
      return <embedPages.Render route={route} />;
    case 'present':
      return <presentPage.Render />;
    case 'speaker':
      return <speakerPage.Render />;
    case 'print':
      return <printPage.Render />;
    case 'check':
      return <checkPage.Render />;
    case 'embed-check':
      return <checkPage.Render embed />;
  }
}

/**
 * Test hook: `data-hydrated` is set when the page has committed (it commits together with this
 * sibling), so its effects (key handlers, URL reading) are live. The article's islands loader sets it
 * for the article (see src/islands/client.ts).
 */
function HydratedMark() {
  useEffect(() => {
    document.documentElement.setAttribute('data-hydrated', 'true');
  }, []);
  return null;
}

export function App({ route }: { route: Route }) {
  return (
    <FigureRegistryContext value={getFigure}>
      <Page route={route} />
      <HydratedMark />
      {route.page === 'embed' || route.page === 'embed-section' || route.page === 'embed-check' ? null : (
        <Island name="update-prompt" id="update-prompt" props={{}} component={UpdatePrompt} />
      )}
    </FigureRegistryContext>
  );
}
