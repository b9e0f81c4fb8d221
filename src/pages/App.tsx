/**
 * Chooses the page for a route; the pre-render writes the route into `#root[data-route]`. The embed,
 * presentation, speaker and handout pages are separate chunks, so the article's first load carries none
 * of them (the server awaits them; the client hydrates them once their chunk is in).
 */
import { lazy, Suspense, useEffect } from 'react';
import { ArticlePage } from './ArticlePage';
import { NotFoundPage } from './NotFoundPage';
import type { Route } from './routes';
import { UpdatePrompt } from './UpdatePrompt';

const EmbedFigurePage = lazy(() => import('./EmbedPage').then((m) => ({ default: m.EmbedFigurePage })));
const EmbedSectionPage = lazy(() => import('./EmbedPage').then((m) => ({ default: m.EmbedSectionPage })));
const PresentPage = lazy(() => import('./PresentPage').then((m) => ({ default: m.PresentPage })));
const PrintPage = lazy(() => import('./PresentPage').then((m) => ({ default: m.PrintPage })));
const SpeakerPage = lazy(() => import('./SpeakerPage').then((m) => ({ default: m.SpeakerPage })));

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'article': return <ArticlePage />;
    case 'not-found': return <NotFoundPage />;
    case 'embed': return <EmbedFigurePage figure={route.figure} />;
    case 'embed-section': return <EmbedSectionPage section={route.section} />;
    case 'present': return <PresentPage />;
    case 'speaker': return <SpeakerPage />;
    case 'print': return <PrintPage />;
  }
}

/**
 * Test hook: `data-hydrated` is set once the page's own (possibly lazy) component has committed, so its
 * effects (key handlers, URL reading) are live. A sibling inside the same Suspense boundary commits
 * together with the page, never before it.
 */
function HydratedMark() {
  useEffect(() => {
    document.documentElement.setAttribute('data-hydrated', 'true');
  }, []);
  return null;
}

export function App({ route }: { route: Route }) {
  return (
    <>
      <Suspense fallback={null}>
        <Page route={route} />
        <HydratedMark />
      </Suspense>
      {route.page === 'embed' || route.page === 'embed-section' ? null : <UpdatePrompt />}
    </>
  );
}
