/**
 * Browser entry: hydrates the pre-rendered page (or renders it from scratch under `vite dev`, where
 * there is no pre-render, or when the URL asks for another page than the file holds, e.g.
 * `/present?print`). Styles, including KaTeX's CSS and fonts, are bundled from here: no CDN.
 */
import 'katex/dist/katex.min.css';
import './styles/index.css';
import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App } from './pages/App';
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
  if (container.firstElementChild && container.dataset.route === routeKey(route)) hydrateRoot(container, app);
  else {
    container.textContent = '';
    createRoot(container).render(app);
  }
}
if (import.meta.env.PROD) registerServiceWorker();
