/**
 * Precompressed copies of the built site's text files: `file.br` (brotli, quality 11) and `file.gz` (gzip,
 * level 9) beside each HTML, JavaScript, CSS, JSON, SVG, XML and text file of 1 KiB or more. A host that
 * serves them (nginx's gzip_static and brotli_static, scripts/static-server.ts) sends the smallest encoding
 * the browser accepts without compressing on every request, and at a level no host spends per request:
 * the article is 108 kB gzipped on the fly (level 6), 73 kB as brotli 11. Run last in the build, after
 * every file it covers is final (scripts/prerender.ts); the service worker's precache lists the originals
 * only (its glob patterns name the extensions).
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** The files worth compressing: text formats, at least this many bytes. */
export const PRECOMPRESSED = /\.(html|js|mjs|css|json|svg|xml|txt|webmanifest)$/;
export const MIN_BYTES = 1024;

export interface Precompressed {
  files: number;
  bytes: number;
  brotli: number;
  gzip: number;
}

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(file);
    else if (entry.isFile()) yield file;
  }
}

/** Writes `.br` and `.gz` beside every text file of `dir` of MIN_BYTES or more; returns what it did. */
export function precompress(dir: string): Precompressed {
  const out: Precompressed = { files: 0, bytes: 0, brotli: 0, gzip: 0 };
  for (const file of [...walk(dir)]) {
    if (!PRECOMPRESSED.test(file) || statSync(file).size < MIN_BYTES) continue;
    const body = readFileSync(file);
    const br = brotliCompressSync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      },
    });
    const gz = gzipSync(body, { level: 9 });
    writeFileSync(`${file}.br`, br);
    writeFileSync(`${file}.gz`, gz);
    out.files += 1;
    out.bytes += body.byteLength;
    out.brotli += br.byteLength;
    out.gzip += gz.byteLength;
  }
  return out;
}
