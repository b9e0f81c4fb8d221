/**
 * Pages that run as one React app (embeds, presentation, speaker view, handout, 404, and any page under
 * `vite dev`, which has no pre-render): hydrates the pre-rendered page whole, or renders it from scratch
 * when the file holds no pre-render or another page than the URL asks for (e.g. `/present?print`).
 */
import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { getFigure } from '../figures/registry';
import { isNearViewport, NEAR_VIEWPORT, watchViewport } from '../story/viewport';
import { App, preloadPage } from './App';
import { gateFigure } from './figure-gate';
import { routeKey, type Route } from './routes';

const loadView = (id: string) =>
  getFigure(id)
    ?.view?.load()
    ?.catch(() => undefined);

/**
 * Resolves with the ids of the figures near the viewport at the first report; each of the others gets a
 * gate (figure-gate) that opens once it comes near the viewport and its view has loaded.
 */
function gateFarFigures(figures: ReadonlyMap<string, HTMLElement>): Promise<string[]> {
  const near: string[] = [];
  let unreported = figures.size;
  if (unreported === 0) return Promise.resolve(near);
  return new Promise((resolve) => {
    for (const [id, element] of figures) {
      let first = true;
      let open: (() => void) | undefined;
      const stop = watchViewport(
        element,
        (box) => {
          const isNear = isNearViewport(box, NEAR_VIEWPORT);
          if (first) {
            first = false;
            if (isNear) near.push(id);
            else
              gateFigure(
                id,
                new Promise<void>((resolveGate) => (open = resolveGate)).then(() => loadView(id)),
              );
            if (--unreported === 0) resolve(near);
          } else if (isNear) open?.();
          if (isNear) stop();
        },
        [NEAR_VIEWPORT],
      );
    }
  });
}

export async function mountApp(container: HTMLElement, route: Route): Promise<void> {
  const app = (
    <StrictMode>
      <App route={route} />
    </StrictMode>
  );
  if (container.firstElementChild && container.dataset.route === routeKey(route)) {
    // Load the page's chunk and the views of the figures to hydrate now before hydrating, so they hydrate
    // in one pass at normal priority (see story/preloadable). A section embed hydrates only the figures
    // near the viewport then; the others hydrate as they come near it, their views loaded then.
    const figures = new Map<string, HTMLElement>();
    for (const el of container.querySelectorAll<HTMLElement>('[data-figure]'))
      if (el.dataset.figure && !figures.has(el.dataset.figure)) figures.set(el.dataset.figure, el);
    const now = route.page === 'embed-section' ? await gateFarFigures(figures) : [...figures.keys()];
    await Promise.all([preloadPage(route).catch(() => undefined), ...now.map(loadView)]);
    hydrateRoot(container, app);
    return;
  }
  await preloadPage(route).catch(() => undefined);
  container.textContent = '';
  createRoot(container).render(app);
}
