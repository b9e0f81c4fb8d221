/**
 * Browser entry. The pre-rendered article and embeds are static HTML with islands: only their islands
 * hydrate, each on its own root, as they near the viewport (src/islands/client.tsx). Every other page
 * (slides, speaker view, handout, 404) and any page without a pre-render (`vite dev`) is one React app, loaded
 * as its own chunk (src/pages/mount.tsx). Styles, including KaTeX's CSS and fonts and every figure's
 * CSS, are bundled from here (no CDN): the static figures are styled before their islands load, and no
 * stylesheet arrives with an island's chunk (a late stylesheet restyles and re-lays out the whole
 * 6,000-element article: a long task mid-scroll). The same holds for the other pages: the embed's,
 * presentation's and speaker view's layout (pages.css, modes.css) applies to their pre-rendered markup at
 * first paint, not when their chunk arrives (the late padding and full-height stage moved the whole page:
 * a layout shift of 0.05 on an embed and 0.23 on /present at 412 px).
 */
import 'katex/dist/katex.min.css';
import './styles/index.css';
import './story/story.css';
import './story/embed-control.css';
import './story/modes.css';
import './pages/pages.css';
import './pages/update-prompt.css';
import { installCopyButtons } from './cite/copy';
import { installPopovers } from './cite/popovers';
import { startIslands } from './islands/client';
import { isIslandsPage, routeFromLocation, routeKey } from './pages/routes';
import { registerServiceWorker } from './pages/sw';

// Eager globs are hoisted above the static imports, in this order: the rules figures share come first,
// so each figure's own stylesheet (same specificity, later) refines them.
import.meta.glob('./styles/figure-parts.css', { eager: true });
import.meta.glob('./figures/*/*.css', { eager: true });

installPopovers();
installCopyButtons();

const container = document.getElementById('root');
if (container) {
  const route = routeFromLocation(window.location.pathname, window.location.search);
  const preRendered = container.firstElementChild !== null && container.dataset.route === routeKey(route);
  if (isIslandsPage(route) && preRendered) {
    void startIslands(container);
  } else {
    void import('./pages/mount').then((m) => m.mountApp(container, route));
  }
}
if (import.meta.env.PROD) registerServiceWorker();
