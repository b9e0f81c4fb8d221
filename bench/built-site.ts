/**
 * The production build the browser benchmarks measure (`npm run build` first; QML_DIST_DIR picks another),
 * served by `vite preview` on a free port.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { preview } from 'vite';

/** The build's directory, or undefined (with a line saying the benchmark is skipped) when there is none. */
export function builtDist(benchmark: string): string | undefined {
  const dist = path.resolve(process.env.QML_DIST_DIR ?? 'dist');
  if (existsSync(path.join(dist, 'index.html'))) return dist;
  console.log(`no build in ${dist}: run \`npm run build\` first; ${benchmark} benchmark skipped`);
  return undefined;
}

export interface PreviewedSite {
  url: string;
  close(): Promise<void>;
}

export async function previewSite(dist: string): Promise<PreviewedSite> {
  const server = await preview({
    logLevel: 'silent',
    build: { outDir: dist },
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview gave no URL');
  return { url, close: () => new Promise<void>((resolve) => server.httpServer.close(() => resolve())) };
}
