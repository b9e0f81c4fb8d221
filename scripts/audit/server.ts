/**
 * Where the audited site comes from. By default the production build in `dist/` (QML_DIST_DIR) served the
 * way a static host serves it (scripts/static-server.ts): clean URLs, the build's `_headers` (security and
 * cache headers) and its precompressed brotli copies, as Netlify, Cloudflare Pages and nginx with
 * brotli_static send them; `--encoding gzip` audits a gzip-only host (GitHub Pages, nginx's gzip_static),
 * `--encoding none` an uncompressed one. With `--base-url` (or AUDIT_BASE_URL) any server that is already
 * running, e.g. nginx serving the build under a sub-path. Everything else in the audit sees only
 * `baseUrl`, so another host is a flag, not a code change.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { startStaticServer, type Encoding } from '../static-server';

export interface SiteServer {
  /** absolute, ends with '/'; page paths are resolved against it */
  baseUrl: string;
  /** how the site is served, for the report */
  description: string;
  close(): Promise<void>;
}

/** What `--encoding` may name: the precompressed encodings the static server offers, best first. */
export const ENCODING_CHOICES: Record<string, readonly Encoding[]> = {
  br: ['br', 'gzip'],
  gzip: ['gzip'],
  none: [],
};

export interface SiteOptions {
  /** an already running site; no server is started */
  baseUrl?: string;
  distDir: string;
  /** port for the static server; 0 picks a free one */
  port: number;
  /** a key of ENCODING_CHOICES (default 'br') */
  encoding?: string;
}

export function withTrailingSlash(url: string): string {
  const u = new URL(url);
  if (!u.pathname.endsWith('/')) u.pathname += '/';
  u.search = '';
  u.hash = '';
  return u.href;
}

export async function startSite(options: SiteOptions): Promise<SiteServer> {
  if (options.baseUrl) {
    return {
      baseUrl: withTrailingSlash(options.baseUrl),
      description: `external server at ${options.baseUrl}`,
      close: async () => {},
    };
  }
  const dist = path.resolve(options.distDir);
  if (!existsSync(path.join(dist, 'index.html'))) {
    throw new Error(`no build in ${dist}: run \`npm run build\` first (or pass --base-url to audit a running site)`);
  }
  const encoding = options.encoding ?? 'br';
  const encodings = ENCODING_CHOICES[encoding];
  if (!encodings)
    throw new Error(`--encoding ${encoding}: expected one of ${Object.keys(ENCODING_CHOICES).join(', ')}`);
  const server = await startStaticServer({ dir: dist, encodings, port: options.port });
  return {
    baseUrl: withTrailingSlash(server.url),
    description: `static server of ${path.relative(process.cwd(), dist) || '.'} with its _headers, precompressed ${encodings.join(' or ') || 'none'}`,
    close: () => server.close(),
  };
}
