/**
 * A page's stylesheet (the article's, the presentation's), inlined by the pre-render (scripts/prerender.ts).
 * Pure, so it is unit-tested.
 */

const STYLESHEET_LINK = /<link rel="stylesheet"(?: crossorigin)? href="([^"]+\.css)">/;

/**
 * The page with its stylesheet inlined: the first paint waits for no second request (Lighthouse's
 * render-blocking estimate for the linked file was ~600 ms on its simulated 4G). The `<link>` is replaced by
 * a script that adds it back, `disabled` (not fetched, not applied), because Vite's preload helper looks for
 * it by href before a lazily loaded chunk that lists the entry's CSS among its dependencies (every figure
 * view does): without it, the first figure island would add the link and apply the whole stylesheet a
 * second time in mid-scroll. A script, not markup: Chromium's preload scanner fetches a `disabled`
 * stylesheet link written in the HTML (13 kB gzipped, at high priority, beside the fonts of the first
 * paint); one a script inserts disabled is not fetched. Without JavaScript there is no preload helper and no
 * link is needed. `readCss` maps the link's href to the file's text; the CSP allows the `<style>` and the
 * script by their SHA-256 (scripts/hosting.ts).
 */
export function inlineStylesheet(html: string, readCss: (href: string) => string): string {
  const m = STYLESHEET_LINK.exec(html);
  if (!m) throw new Error('the page links no stylesheet to inline');
  const css = readCss(m[1]);
  if (/<\/style/i.test(css)) throw new Error(`${m[1]} contains "</style": it cannot be inlined`);
  return html.replace(m[0], () => `<style>${css}</style><script>${disabledLinkScript(m[1])}</script>`);
}

/** A classic script that appends `<link rel="stylesheet" href=… disabled>` to the head. */
export function disabledLinkScript(href: string): string {
  return `(function(){var l=document.createElement('link');l.rel='stylesheet';l.disabled=true;l.href=${JSON.stringify(href)};document.head.appendChild(l)})();`;
}
