/**
 * Browser entry: hydrates the pre-rendered page (or renders it from scratch under `vite dev`, where
 * there is no pre-render). Styles, including KaTeX's CSS and fonts, are bundled from here: no CDN.
 */
import 'katex/dist/katex.min.css';
import './styles/index.css';
import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App } from './pages/App';
import { isPageName } from './pages/site';

const container = document.getElementById('root');
if (container) {
  const page = isPageName(container.dataset.page) ? container.dataset.page : 'article';
  const app = (
    <StrictMode>
      <App page={page} />
    </StrictMode>
  );
  if (container.firstElementChild) hydrateRoot(container, app);
  else createRoot(container).render(app);
}
