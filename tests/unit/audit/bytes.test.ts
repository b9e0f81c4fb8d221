import { describe, expect, it } from 'vitest';
import {
  compressedCost,
  foreignRequests,
  gzipSize,
  resourceKind,
  totalsByKind,
  type ResponseRecord,
} from '../../../scripts/audit/bytes';

const rec = (over: Partial<ResponseRecord>): ResponseRecord => ({
  url: 'http://127.0.0.1:4173/assets/a.js',
  kind: 'script',
  status: 200,
  contentEncoding: '',
  encodedBodyBytes: null,
  bodyBytes: 1000,
  gzipBytes: 400,
  ...over,
});

describe('resourceKind', () => {
  it('trusts the content type first', () => {
    expect(resourceKind('http://x/a', 'text/javascript; charset=utf-8')).toBe('script');
    expect(resourceKind('http://x/a', 'application/javascript')).toBe('script');
    expect(resourceKind('http://x/a.js', 'text/css')).toBe('stylesheet');
    expect(resourceKind('http://x/', 'text/html')).toBe('document');
    expect(resourceKind('http://x/f', 'font/woff2')).toBe('font');
    expect(resourceKind('http://x/o', 'application/json+oembed')).toBe('other');
    expect(resourceKind('http://x/o', 'application/manifest+json')).toBe('data');
  });
  it('falls back to the extension when the type says nothing', () => {
    expect(resourceKind('http://x/assets/view-abc.js?v=1', '')).toBe('script');
    expect(resourceKind('http://x/w.mjs', 'application/octet-stream')).toBe('script');
    expect(resourceKind('http://x/katex.css', '')).toBe('stylesheet');
    expect(resourceKind('http://x/KaTeX_Main.woff2', '')).toBe('font');
    expect(resourceKind('http://x/robots.txt', 'text/plain')).toBe('other');
  });
});

describe('compressedCost', () => {
  it('counts the bytes on the wire when the server gzipped the response', () => {
    expect(compressedCost(rec({ contentEncoding: 'gzip', encodedBodyBytes: 380 }))).toEqual({
      bytes: 380,
      method: 'transfer',
    });
  });
  it('gzips a brotli or zstd response itself: the budgets are in gzipped bytes', () => {
    expect(compressedCost(rec({ contentEncoding: 'br', encodedBodyBytes: 300 }))).toEqual({
      bytes: 400,
      method: 'gzip',
    });
    expect(compressedCost(rec({ contentEncoding: 'zstd', encodedBodyBytes: 310 }))).toEqual({
      bytes: 400,
      method: 'gzip',
    });
  });
  it('gzips the body itself when the response was sent uncompressed or its wire size is unknown', () => {
    expect(compressedCost(rec({ contentEncoding: '', encodedBodyBytes: 1000 }))).toEqual({
      bytes: 400,
      method: 'gzip',
    });
    expect(compressedCost(rec({ contentEncoding: 'gzip', encodedBodyBytes: null }))).toEqual({
      bytes: 400,
      method: 'gzip',
    });
    // A worker script's wire size is reported as 0 by the browser: not a free download.
    expect(compressedCost(rec({ contentEncoding: 'gzip', encodedBodyBytes: 0 }))).toEqual({
      bytes: 400,
      method: 'gzip',
    });
  });
});

describe('gzipSize', () => {
  it('shrinks repetitive text to a fraction and is 0 for an empty body', () => {
    const body = Buffer.from('const x = 1;\n'.repeat(500));
    const size = gzipSize(body);
    expect(size).toBeGreaterThan(20);
    expect(size).toBeLessThan(body.byteLength / 10);
    expect(gzipSize(new Uint8Array(0))).toBe(0);
  });
});

describe('totalsByKind', () => {
  it('sums per kind and counts a URL once', () => {
    const t = totalsByKind([
      rec({ url: 'http://h/a.js', bodyBytes: 1000, gzipBytes: 400 }),
      rec({ url: 'http://h/a.js', bodyBytes: 1000, gzipBytes: 400 }),
      rec({ url: 'http://h/b.js', bodyBytes: 500, contentEncoding: 'gzip', encodedBodyBytes: 210, gzipBytes: 200 }),
      rec({ url: 'http://h/s.css', kind: 'stylesheet', bodyBytes: 300, gzipBytes: 100 }),
    ]);
    expect(t.script).toEqual({ files: 2, bytes: 1500, gzip: 610 });
    expect(t.stylesheet).toEqual({ files: 1, bytes: 300, gzip: 100 });
    expect(t.font).toEqual({ files: 0, bytes: 0, gzip: 0 });
  });
});

describe('foreignRequests', () => {
  const site = 'http://127.0.0.1:4173/sub/';
  it('lists each URL on another origin once, sorted', () => {
    expect(
      foreignRequests(
        [
          'http://127.0.0.1:4173/sub/assets/a.js',
          'https://fonts.googleapis.com/css2?family=Inter',
          'http://127.0.0.1:4174/x.js',
          'https://fonts.googleapis.com/css2?family=Inter',
          'http://localhost:4173/sub/',
        ],
        site,
      ),
    ).toEqual([
      'http://127.0.0.1:4174/x.js',
      'http://localhost:4173/sub/',
      'https://fonts.googleapis.com/css2?family=Inter',
    ]);
  });
  it('ignores URLs that never reach the network', () => {
    expect(
      foreignRequests(['data:image/png;base64,AAAA', 'blob:http://127.0.0.1:4173/uuid', 'about:blank'], site),
    ).toEqual([]);
  });
  it('treats the path as irrelevant: another path on the same origin is not foreign', () => {
    expect(foreignRequests(['http://127.0.0.1:4173/sw.js'], site)).toEqual([]);
  });
});
