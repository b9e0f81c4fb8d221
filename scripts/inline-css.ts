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
