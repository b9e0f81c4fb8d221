/**
 * Static pre-render: writes one HTML file per route (the article, 404, every figure and section embed,
 * the presentation, speaker view and handout) from the client build's index.html (hashed asset links,
 * inline theme script), the oEmbed JSON documents, and finally the service worker (workbox-build), so
 * its precache manifest lists the finished pages.
 * Run by `npm run build` after the client and SSR builds.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateSW } from 'workbox-build';
import { precompress } from './precompress';
import { parseSiteUrl } from '../src/site/address';
import { writeHostingFiles } from './hosting';
import { katexFaces, openingSection, preloadFonts, startEntryAfterPaint } from './first-paint';
import { inlineStylesheet } from './inline-css';
import { buildId, cacheIdFor, olderAssetsRoute, versionsScript, VERSIONS_SCRIPT } from './sw-versions';

process.env.NODE_ENV ??= 'production';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Output directories can be moved (e.g. a private build for screenshots): QML_DIST_DIR, QML_SSR_DIR.
const dist = path.resolve(root, process.env.QML_DIST_DIR ?? 'dist');
const serverEntry = path.resolve(root, process.env.QML_SSR_DIR ?? 'dist-ssr', 'entry-server.js');

type Route = { page: string; [k: string]: string };
interface ServerModule {
  render(route: Route): Promise<{ html: string; title: string; head: string }>;
  allRoutes(): Route[];
  routeFile(route: Route): string;
  routeKey(route: Route): string;
  oembedDocuments(): [string, unknown][];
}

const ROOT_PLACEHOLDER = /<div id="root" data-page="article"><!--app-html--><\/div>/;

export function fillTemplate(
  template: string,
  route: { page: string; key: string },
  rendered: { html: string; title: string; head: string },
): string {
  if (!ROOT_PLACEHOLDER.test(template) || !template.includes('<!--app-head-->')) {
    throw new Error(
      'dist/index.html has no <!--app-html--> / <!--app-head--> placeholders; run the client build first',
    );
  }
  return template
    .replace(/<title>[\s\S]*?<\/title>/, `<title>${rendered.title}</title>`)
    .replace('<!--app-head-->', rendered.head)
    .replace(
      ROOT_PLACEHOLDER,
      () => `<div id="root" data-page="${route.page}" data-route="${route.key}">${rendered.html}</div>`,
    );
}

function write(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** A built file by the URL a page links it with (`<base>assets/x.css`). */
function readAsset(href: string): string {
  const base = parseSiteUrl(process.env.SITE_URL).base;
  if (!href.startsWith(base)) throw new Error(`${href} is not under the site's base ${base}`);
  return readFileSync(path.join(dist, href.slice(base.length)), 'utf8');
}

/** The pages whose first screen paints from their HTML alone: stylesheet inlined, entry started after the paint. */
const PAINT_FIRST: ReadonlySet<string> = new Set(['article', 'present']);

/**
 * A page as its first screen needs it: for PAINT_FIRST pages the stylesheet inlined and the entry started
 * after the paint, and on the article also the opening's math fonts preloaded. Other pages as rendered.
 */
function firstPaintOnly(page: string, html: string): string {
  if (!PAINT_FIRST.has(page)) return html;
  const inlined = inlineStylesheet(html, readAsset);
  return startEntryAfterPaint(
    page === 'article' ? preloadFonts(inlined, katexFaces(openingSection(inlined))) : inlined,
  );
}

async function main(): Promise<void> {
  if (!existsSync(serverEntry)) throw new Error(`missing ${path.relative(root, serverEntry)}; run the SSR build first`);
  const templateFile = path.join(dist, 'index.html');
  const template = readFileSync(templateFile, 'utf8');
  // Keep the pristine template, so re-running the pre-render alone still finds its placeholders.
  const server = (await import(pathToFileURL(serverEntry).href)) as ServerModule;
  const started = performance.now();
  let count = 0;
  for (const route of server.allRoutes()) {
    const t0 = performance.now();
    const rendered = await server.render(route);
    const filled = fillTemplate(template, { page: route.page, key: server.routeKey(route) }, rendered);
    const html = firstPaintOnly(route.page, filled);
    const file = path.join(dist, server.routeFile(route));
    write(file, html);
    count += 1;
    if (route.page === 'article' || route.page === 'not-found' || route.page === 'present' || route.page === 'print') {
      const kb = (Buffer.byteLength(html) / 1024).toFixed(0);
      console.log(
        `prerender: ${path.relative(root, file)} (${route.page}) ${kb} KB in ${(performance.now() - t0).toFixed(0)} ms`,
      );
    }
  }
  for (const [file, doc] of server.oembedDocuments()) write(path.join(dist, file), `${JSON.stringify(doc, null, 2)}\n`);
  console.log(
    `prerender: ${count} pages and ${server.oembedDocuments().length} oEmbed documents in ${(performance.now() - started).toFixed(0)} ms`,
  );

  // The same SITE_URL vite.config.ts built with (validated there first).
  const site = parseSiteUrl(process.env.SITE_URL);
  const basePath = site.base.replace(/\/$/, '');
  const pages = server.allRoutes().map((route) => ({ path: server.routeKey(route), file: server.routeFile(route) }));
  for (const line of writeHostingFiles({ dist, siteUrl: site.url, basePath, pages })) console.log(`hosting: ${line}`);

  // One precache per build, kept while tabs still run it (scripts/sw-versions.ts).
  const id = buildId(dist);
  writeFileSync(path.join(dist, VERSIONS_SCRIPT), versionsScript(id));
  const sw = await generateSW({
    cacheId: cacheIdFor(id),
    importScripts: [VERSIONS_SCRIPT],
    runtimeCaching: [olderAssetsRoute(site.base)],
    globDirectory: dist,
    globPatterns: ['**/*.{html,js,css,woff2,svg,json,webmanifest}'],
    globIgnores: ['sw.js', VERSIONS_SCRIPT, 'workbox-*.js', '**/*.map'],
    swDest: path.join(dist, 'sw.js'),
    // Pages are `embed/x.html` served at `/embed/x` (Workbox's cleanURLs, on by default); query strings
    // (steps, parameters) never change a page.
    ignoreURLParametersMatching: [/.*/],
    navigateFallback: `${site.base}404.html`,
    navigateFallbackDenylist: [new RegExp(`^${site.base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}oembed/`), /\.json$/],
    // The new version waits until the reader accepts the "update available" prompt. When it does take over,
    // other tabs of the old version keep their chunks (old precaches are retired by sw-versions.js, not here).
    skipWaiting: false,
    clientsClaim: true,
    cleanupOutdatedCaches: false,
    inlineWorkboxRuntime: true,
    mode: 'production',
    sourcemap: false,
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    dontCacheBustURLsMatching: /\/assets\/.+-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/,
  });
  console.log(
    `service worker: ${sw.count} files precached (${(sw.size / 1024).toFixed(0)} KB)${sw.warnings.length ? `; ${sw.warnings.join('; ')}` : ''}`,
  );

  // Last: every file it covers is final now (sw.js included).
  const c = precompress(dist);
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  console.log(`precompress: ${c.files} files, ${kb(c.bytes)} -> brotli ${kb(c.brotli)}, gzip ${kb(c.gzip)}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
