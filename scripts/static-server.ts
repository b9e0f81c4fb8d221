/**
 * A small static server for a built site, the way Netlify or Cloudflare Pages would serve it: clean URLs
 * (`/present` → present.html), the 404 page with status 404, and the headers of the build's own `_headers`
 * file, and the build's precompressed copies (scripts/precompress.ts: `file.br`, `file.gz`) for a browser that
 * accepts them, as nginx's brotli_static and gzip_static would. Used by the audit (scripts/audit/server.ts),
 * scripts/og-image.ts and the browser tests that need the hosting headers (CSP).
 * Not a production server: deploy/nginx.conf is the tested one.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { headersForPath, parseHeadersFile, type HeaderRule } from './hosting';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.webmanifest': 'application/manifest+json',
};

export interface StaticServer {
  url: string;
  /** Serves another build from now on (a redeploy: the old files are gone at once). */
  deploy(dir: string): void;
  close(): Promise<void>;
}

export interface StaticServerOptions {
  /** The built site (dist/). */
  dir: string;
  /** Path the site lives under ('' or '/sub/path'). */
  basePath?: string;
  /** Apply `<dir>/_headers` (default true). */
  headers?: boolean;
  /** Send `Cache-Control: no-store` on everything: nothing can come from the browser's HTTP cache. */
  noStore?: boolean;
  /** The precompressed encodings it may send, preferred first (default brotli, then gzip; [] for none). */
  encodings?: readonly Encoding[];
  port?: number;
}

export type Encoding = 'br' | 'gzip';
const SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz' };

/**
 * The precompressed copy of `file` to send for an Accept-Encoding header: the first of `encodings` the
 * browser accepts (a q=0 entry refuses) and the build has a copy for; undefined for the file as it is.
 */
export function pickEncoding(
  acceptEncoding: string | undefined,
  encodings: readonly Encoding[],
  hasCopy: (suffix: string) => boolean,
): Encoding | undefined {
  const accepted = new Set(
    (acceptEncoding ?? '')
      .split(',')
      .map((part) => part.trim().toLowerCase().split(';'))
      .filter(([, ...params]) => !params.some((p) => /^\s*q\s*=\s*0(\.0*)?\s*$/.test(p)))
      .map(([name]) => name),
  );
  return encodings.find((e) => accepted.has(e) && hasCopy(SUFFIX[e]));
}

function resolveFile(dir: string, sitePath: string): string | undefined {
  const clean = path.normalize(decodeURIComponent(sitePath)).replace(/^(\.\.[/\\])+/, '');
  const candidates = [clean, `${clean}.html`, path.join(clean, 'index.html')];
  for (const c of candidates) {
    const file = path.join(dir, c);
    if (!file.startsWith(dir)) continue;
    if (existsSync(file) && statSync(file).isFile()) return file;
  }
  return undefined;
}

export async function startStaticServer({
  dir,
  basePath = '',
  headers = true,
  noStore = false,
  encodings = ['br', 'gzip'],
  port = 0,
}: StaticServerOptions): Promise<StaticServer> {
  let root = '';
  let rules: HeaderRule[] = [];
  const deploy = (next: string) => {
    root = path.resolve(next);
    const headerFile = path.join(root, '_headers');
    rules = headers && existsSync(headerFile) ? parseHeadersFile(readFileSync(headerFile, 'utf8')) : [];
  };
  deploy(dir);
  const server: Server = createServer((req, res) => {
    const urlPath = new URL(req.url ?? '/', 'http://x').pathname;
    let file: string | undefined;
    if (urlPath === basePath || urlPath.startsWith(`${basePath}/`))
      file = resolveFile(root, urlPath.slice(basePath.length) || '/');
    const status = file ? 200 : 404;
    file ??= path.join(root, '404.html');
    for (const [k, v] of Object.entries(headersForPath(rules, urlPath))) res.setHeader(k, v);
    if (noStore) res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Type', TYPES[path.extname(file)] ?? 'application/octet-stream');
    const source = file;
    const encoding = pickEncoding(req.headers['accept-encoding'], encodings, (suffix) =>
      existsSync(`${source}${suffix}`),
    );
    if (encodings.length > 0 && existsSync(`${file}${SUFFIX.gzip}`)) res.setHeader('Vary', 'Accept-Encoding');
    if (encoding) res.setHeader('Content-Encoding', encoding);
    res.writeHead(status);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(encoding ? `${file}${SUFFIX[encoding]}` : file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}${basePath}`,
    deploy,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
