/**
 * What the article's first paint fetches, set by the pre-render (scripts/prerender.ts). Pure, so it is
 * unit-tested. The first screen needs the document (prose, math and figures are HTML, the stylesheet is
 * inlined) and the math fonts its formulas use; it needs no JavaScript. So:
 * - the fonts the opening section's formulas use are preloaded: they arrive with the document instead of a
 *   round trip after the first layout, and the math appears in the first paint (KaTeX's faces are
 *   `font-display: block`, so until they arrive the formulas are blank);
 * - the entry module starts once the first screen has painted with those fonts: on a slow connection the
 *   75 kB of JavaScript no longer shares the bandwidth with them, and the islands hydrate right after.
 */

/** KaTeX class → the face it sets (katex.css), for the classes that select one face on their own. */
const KATEX_FACES: ReadonlyArray<readonly [string, string]> = [
  ['katex', 'KaTeX_Main-Regular'],
  ['mathnormal', 'KaTeX_Math-Italic'],
  ['boldsymbol', 'KaTeX_Math-BoldItalic'],
  ['mathit', 'KaTeX_Main-Italic'],
  ['textit', 'KaTeX_Main-Italic'],
  ['mathbf', 'KaTeX_Main-Bold'],
  ['textbf', 'KaTeX_Main-Bold'],
  ['mathbb', 'KaTeX_AMS-Regular'],
  ['amsrm', 'KaTeX_AMS-Regular'],
  ['mathcal', 'KaTeX_Caligraphic-Regular'],
  ['small-op', 'KaTeX_Size1-Regular'],
  ['large-op', 'KaTeX_Size2-Regular'],
];

const ARTICLE_SECTION = /<section id="[^"]+" class="article-section"/g;

/** The HTML of the article's first section (the opening): the one section never skipped by the browser. */
export function openingSection(html: string): string {
  const starts = Array.from(html.matchAll(ARTICLE_SECTION), (m) => m.index);
  if (starts.length === 0) throw new Error('the page has no article section');
  return html.slice(starts[0], starts[1] ?? html.length);
}

/** The KaTeX faces (file stems, e.g. "KaTeX_Main-Regular") that the given HTML's formulas use, in table order. */
export function katexFaces(html: string): string[] {
  const classes = new Set<string>();
  for (const m of html.matchAll(/class="([^"]*)"/g)) for (const c of m[1].split(/\s+/)) classes.add(c);
  return [...new Set(KATEX_FACES.filter(([c]) => classes.has(c)).map(([, face]) => face))];
}

/**
 * The page with `<link rel="preload" as="font">` for each face in `faces`, placed before its inlined
 * stylesheet; each face's woff2 URL is the one that stylesheet's `@font-face` names (hashed by the build).
 */
export function preloadFonts(html: string, faces: readonly string[]): string {
  const style = html.indexOf('<style>');
  if (style < 0) throw new Error('the page has no inlined stylesheet to find the font files in');
  const css = html.slice(style, html.indexOf('</style>', style));
  const links = faces.map((face) => {
    const m = new RegExp(`url\\(([^)\\s]*/${face.replace(/[-_]/g, '\\$&')}-[\\w-]+\\.woff2)\\)`).exec(css);
    if (!m) throw new Error(`the stylesheet names no woff2 file for ${face}`);
    return `<link rel="preload" href="${m[1]}" as="font" type="font/woff2" crossorigin>`;
  });
  return html.slice(0, style) + links.join('') + html.slice(style);
}

const ENTRY_SCRIPT = /<script type="module"[^>]*\ssrc="([^"]+)"[^>]*><\/script>\s*/g;
const MODULE_PRELOAD = /<link rel="modulepreload"[^>]*\shref="([^"]+)"[^>]*>\s*/g;

/**
 * The script that starts the entry: after a frame has painted, then after the fonts that paint asked for
 * have loaded and painted, or after 3 s at the latest (a font that never settles, a tab whose frames are
 * paused). The entry's module preloads are added at the same moment, so its imports still arrive in one
 * round trip.
 */
export function entryStarter(entry: string, preloads: readonly string[]): string {
  return [
    `const painted=()=>new Promise((r)=>requestAnimationFrame(()=>setTimeout(r)));`,
    `const fonts=()=>(document.fonts?document.fonts.ready:Promise.resolve());`,
    `const start=()=>{for(const href of ${JSON.stringify(preloads)}){const l=document.createElement('link');l.rel='modulepreload';l.href=href;document.head.append(l)}import(${JSON.stringify(entry)})};`,
    `Promise.race([painted().then(fonts).then(painted),new Promise((r)=>setTimeout(r,3000))]).then(start);`,
  ].join('');
}

/**
 * The page with its entry module and module preloads replaced by an inline module script that starts them
 * after the first screen has painted (`entryStarter`). Without JavaScript nothing changes: the page is
 * complete HTML. The CSP allows the inline script by its SHA-256 (scripts/hosting.ts).
 */
export function startEntryAfterPaint(html: string): string {
  const entries = Array.from(html.matchAll(ENTRY_SCRIPT), (m) => m[1]);
  if (entries.length !== 1) throw new Error(`expected one entry module script, found ${entries.length}`);
  const preloads = Array.from(html.matchAll(MODULE_PRELOAD), (m) => m[1]);
  const body = html.replace(ENTRY_SCRIPT, '').replace(MODULE_PRELOAD, '');
  const end = body.lastIndexOf('</body>');
  if (end < 0) throw new Error('the page has no </body>');
  const script = `<script type="module">${entryStarter(entries[0], preloads)}</script>`;
  return body.slice(0, end) + script + body.slice(end);
}
