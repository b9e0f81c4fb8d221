/** The article's stylesheet, inlined by the pre-render (scripts/prerender.ts). Pure, so it is unit-tested. */

const STYLESHEET_LINK = /<link rel="stylesheet"(?: crossorigin)? href="([^"]+\.css)">/;

/**
 * The article with its stylesheet inlined: the first paint waits for no second request (Lighthouse's
 * render-blocking estimate for the linked file was ~600 ms on its simulated 4G). The `<link>` stays,
 * `disabled` (not fetched, not applied), because Vite's preload helper looks for it by href before a
 * lazily loaded chunk that lists the entry's CSS among its dependencies (every figure view does): without
 * it, the first figure island would add the link and apply the whole stylesheet a second time in
 * mid-scroll. `readCss` maps the link's href to the file's text; the CSP allows the `<style>` by its
 * SHA-256 (scripts/hosting.ts).
 */
export function inlineStylesheet(html: string, readCss: (href: string) => string): string {
  const m = STYLESHEET_LINK.exec(html);
  if (!m) throw new Error('the page links no stylesheet to inline');
  const css = readCss(m[1]);
  if (/<\/style/i.test(css)) throw new Error(`${m[1]} contains "</style": it cannot be inlined`);
  return html.replace(m[0], () => `<style>${css}</style>${m[0].replace(/>$/, ' disabled>')}`);
}

const ENTRY_SCRIPTS = /<(script type="module"|link rel="modulepreload")(?![^>]*fetchpriority)/g;

/**
 * The article with its JavaScript fetched at low priority (`fetchpriority="low"` on the entry module and
 * its module preloads). The first paint needs none of it (the prose, math and figures are in the HTML and
 * the stylesheet is inlined), so on a slow connection the document and the math fonts go first; the
 * islands hydrate once it arrives. At the default (High) priority a script counts as render-blocking in
 * Lighthouse's simulation and its bytes are added to the first paint's.
 */
export function lowerScriptPriority(html: string): string {
  if (!/<script type="module"/.test(html)) throw new Error('the page has no entry module script');
  return html.replace(ENTRY_SCRIPTS, (tag) => `${tag} fetchpriority="low"`);
}
