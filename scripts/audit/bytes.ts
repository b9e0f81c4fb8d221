/**
 * Byte accounting for the first load: what kind each response is, what it costs gzipped, and which
 * requests left the site's origin. Pure (no browser): the network log is collected in first-load.ts.
 *
 * Gzipped size of a response: when the server gzipped it, the encoded body bytes that crossed the wire;
 * otherwise (sent uncompressed, or as brotli, zstd or deflate) the body gzipped here with zlib's default
 * level (6), which is what a static host with gzip on would send. A brotli response is smaller on the wire,
 * but the budgets are in gzipped bytes, so a host's better encoding never counts toward them. Headers are not
 * counted: budgets are about the payload, and header size depends on the host.
 */
import { gzipSync } from 'node:zlib';

export type ResourceKind = 'script' | 'stylesheet' | 'document' | 'font' | 'image' | 'data' | 'other';

/** What a response is, from its content type, else from the URL's extension. */
export function resourceKind(url: string, contentType = ''): ResourceKind {
  const type = contentType.split(';')[0].trim().toLowerCase();
  if (/(java|ecma)script/.test(type)) return 'script';
  if (type === 'text/css') return 'stylesheet';
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'document';
  if (type.startsWith('font/') || type === 'application/font-woff') return 'font';
  if (type.startsWith('image/')) return 'image';
  if (type === 'application/json' || type.endsWith('+json')) return 'data';
  let pathname: string;
  try {
    pathname = new URL(url).pathname.toLowerCase();
  } catch {
    return 'other';
  }
  if (/\.(m?js)$/.test(pathname)) return 'script';
  if (pathname.endsWith('.css')) return 'stylesheet';
  if (/\.html?$/.test(pathname) || pathname.endsWith('/')) return 'document';
  if (/\.(woff2?|ttf|otf)$/.test(pathname)) return 'font';
  if (/\.(svg|png|jpe?g|webp|avif|gif|ico)$/.test(pathname)) return 'image';
  if (pathname.endsWith('.json')) return 'data';
  return 'other';
}

export interface ResponseRecord {
  url: string;
  kind: ResourceKind;
  status: number;
  /** Content-Encoding as served ('' when none) */
  contentEncoding: string;
  /** body bytes on the wire (after Content-Encoding), when the browser reported them */
  encodedBodyBytes: number | null;
  /** decoded body bytes */
  bodyBytes: number;
  /** the decoded body gzipped here (zlib level 6) */
  gzipBytes: number;
}

export type GzipMethod = 'transfer' | 'gzip';

/** The gzipped cost of one response, and how it was obtained. */
export function compressedCost(r: Pick<ResponseRecord, 'contentEncoding' | 'encodedBodyBytes' | 'gzipBytes'>): {
  bytes: number;
  method: GzipMethod;
} {
  const enc = r.contentEncoding.trim().toLowerCase();
  if (enc === 'gzip' && r.encodedBodyBytes !== null && r.encodedBodyBytes > 0) {
    return { bytes: r.encodedBodyBytes, method: 'transfer' };
  }
  return { bytes: r.gzipBytes, method: 'gzip' };
}

export function gzipSize(body: Uint8Array): number {
  return body.byteLength === 0 ? 0 : gzipSync(body).byteLength;
}

export interface KindTotal {
  files: number;
  /** decoded bytes */
  bytes: number;
  /** gzipped bytes (see compressedCost) */
  gzip: number;
}

/**
 * Totals per kind, counting each URL once (a module preloaded and then imported is one fetch of
 * bytes; a second response for the same URL comes from the cache).
 */
export function totalsByKind(records: readonly ResponseRecord[]): Record<ResourceKind, KindTotal> {
  const totals = Object.fromEntries(
    (['script', 'stylesheet', 'document', 'font', 'image', 'data', 'other'] as const).map((k) => [
      k,
      { files: 0, bytes: 0, gzip: 0 },
    ]),
  ) as Record<ResourceKind, KindTotal>;
  const seen = new Set<string>();
  for (const r of records) {
    if (seen.has(r.url)) continue;
    seen.add(r.url);
    const t = totals[r.kind];
    t.files += 1;
    t.bytes += r.bodyBytes;
    t.gzip += compressedCost(r).bytes;
  }
  return totals;
}

/**
 * Request URLs that leave `siteOrigin`. `data:`, `blob:` and `about:` URLs never touch the network
 * and are not requests to another origin.
 */
export function foreignRequests(urls: readonly string[], siteOrigin: string): string[] {
  const origin = new URL(siteOrigin).origin;
  const out = new Set<string>();
  for (const u of urls) {
    let parsed: URL;
    try {
      parsed = new URL(u);
    } catch {
      continue;
    }
    if (parsed.protocol === 'data:' || parsed.protocol === 'blob:' || parsed.protocol === 'about:') continue;
    if (parsed.origin !== origin) out.add(u);
  }
  return [...out].sort();
}
