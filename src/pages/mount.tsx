/**
 * Pages that run as one React app (embeds, presentation, speaker view, handout, 404, and any page under
 * `vite dev`, which has no pre-render): hydrates the pre-rendered page whole, or renders it from scratch
 * when the file holds no pre-render or another page than the URL asks for (e.g. `/present?print`).
 */
import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { getFigure } from '../figures/registry';
import { App, preloadPage } from './App';
import { routeKey, type Route } from './routes';

export function mountApp(container: HTMLElement, route: Route): Promise<void> {
  const app = (
    <StrictMode>
      <App route={route} />
    </StrictMode>
  );
  if (container.firstElementChild && container.dataset.route === routeKey(route)) {
    // Load the page's chunk and the views of the figures in the pre-rendered HTML before hydrating, so
    // the whole page hydrates in one pass at normal priority (see story/preloadable).
    const ids = new Set(
      Array.from(container.querySelectorAll<HTMLElement>('[data-figure]'), (el) => el.dataset.figure ?? ''),
    );
    const loads = [preloadPage(route), ...[...ids].map((id) => getFigure(id)?.view?.load())];
    return Promise.all(loads.map((p) => p?.catch(() => undefined))).then(() => {
      hydrateRoot(container, app);
    });
  }
  return preloadPage(route)
    .catch(() => undefined)
    .then(() => {
      container.textContent = '';
      createRoot(container).render(app);
    });
}
