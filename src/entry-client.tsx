/**
 * Browser entry: hydrates the pre-rendered page (or renders it from scratch under `vite dev`, where
 * there is no pre-render, or when the URL asks for another page than the file holds, e.g.
 * `/present?print`). Styles, including KaTeX's CSS and fonts, are bundled from here: no CDN.
 */
import 'katex/dist/katex.min.css';
import './styles/index.css';
import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { getFigure } from './figures/registry';
import { App, preloadPage } from './pages/App';
import { routeFromLocation, routeKey } from './pages/routes';
import { registerServiceWorker } from './pages/sw';

const container = document.getElementById('root');
if (container) {
  const route = routeFromLocation(window.location.pathname, window.location.search);
  const app = (
    <StrictMode>
      <App route={route} />
    </StrictMode>
  );
  if (container.firstElementChild && container.dataset.route === routeKey(route)) {
    // Load the page's chunk and the views of the figures in the pre-rendered HTML before hydrating, so
    // the whole page hydrates in one pass at normal priority (see story/preloadable).
    const ids = new Set(Array.from(container.querySelectorAll<HTMLElement>('[data-figure]'), (el) => el.dataset.figure ?? ''));
    const loads = [preloadPage(route), ...[...ids].map((id) => getFigure(id)?.view?.load())];
    void Promise.all(loads.map((p) => p?.catch(() => undefined))).then(() => hydrateRoot(container, app));
  } else {
    void preloadPage(route).catch(() => undefined).then(() => {
      container.textContent = '';
      createRoot(container).render(app);
    });
  }
}
if (import.meta.env.PROD) registerServiceWorker();
