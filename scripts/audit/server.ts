/**
 * Where the audited site comes from. By default the production build in `dist/` (QML_DIST_DIR) served
 * by `vite preview` on a private port; with `--base-url` (or AUDIT_BASE_URL) any server that is
 * already running, e.g. nginx serving the build under a sub-path. Everything else in the audit sees
 * only `baseUrl`, so another host is a flag, not a code change.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { preview } from 'vite';

export interface SiteServer {
  /** absolute, ends with '/'; page paths are resolved against it */
  baseUrl: string;
  /** how the site is served, for the report */
  description: string;
  close(): Promise<void>;
}

export interface SiteOptions {
  /** an already running site; no server is started */
  baseUrl?: string;
  distDir: string;
  /** port for `vite preview`; 0 picks a free one */
  port: number;
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
  const server = await preview({
    logLevel: 'silent',
    build: { outDir: dist },
    preview: { port: options.port, host: '127.0.0.1', strictPort: options.port !== 0 },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview gave no URL');
  return {
    baseUrl: withTrailingSlash(url),
    description: `vite preview of ${path.relative(process.cwd(), dist) || '.'}`,
    close: () => new Promise<void>((resolve) => server.httpServer.close(() => resolve())),
  };
}
