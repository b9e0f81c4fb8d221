/**
 * Static pre-render: fills dist/index.html and dist/404.html with the server-rendered page, using the
 * client build's HTML (hashed asset links, inline theme script) as the template.
 * Run by `npm run build` after the client and SSR builds.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

process.env.NODE_ENV ??= 'production';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Output directories can be moved (e.g. a private build for screenshots): QML_DIST_DIR, QML_SSR_DIR.
const dist = path.resolve(root, process.env.QML_DIST_DIR ?? 'dist');
const serverEntry = path.resolve(root, process.env.QML_SSR_DIR ?? 'dist-ssr', 'entry-server.js');

type PageName = 'article' | 'not-found';
interface ServerModule {
  render(page: PageName): Promise<{ html: string; title: string; head: string }>;
}

const ROOT_PLACEHOLDER = /<div id="root" data-page="article"><!--app-html--><\/div>/;

export function fillTemplate(template: string, page: PageName, rendered: { html: string; title: string; head: string }): string {
  if (!ROOT_PLACEHOLDER.test(template) || !template.includes('<!--app-head-->')) {
    throw new Error('dist/index.html has no <!--app-html--> / <!--app-head--> placeholders; run the client build first');
  }
  return template
    .replace(/<title>[\s\S]*?<\/title>/, `<title>${rendered.title}</title>`)
    .replace('<!--app-head-->', rendered.head)
    .replace(ROOT_PLACEHOLDER, () => `<div id="root" data-page="${page}">${rendered.html}</div>`);
}

async function main(): Promise<void> {
  if (!existsSync(serverEntry)) throw new Error(`missing ${path.relative(root, serverEntry)}; run the SSR build first`);
  const template = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const server = (await import(pathToFileURL(serverEntry).href)) as ServerModule;
  const pages: [PageName, string][] = [
    ['article', 'index.html'],
    ['not-found', '404.html'],
  ];
  for (const [page, file] of pages) {
    const started = performance.now();
    const rendered = await server.render(page);
    const html = fillTemplate(template, page, rendered);
    writeFileSync(path.join(dist, file), html);
    const kb = (Buffer.byteLength(html) / 1024).toFixed(0);
    console.log(`prerender: ${path.relative(root, path.join(dist, file))} (${page}) ${kb} KB in ${(performance.now() - started).toFixed(0)} ms`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
