import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompress } from '../../../scripts/precompress';
import { pickEncoding, startStaticServer, type StaticServer } from '../../../scripts/static-server';

const has =
  (...suffixes: string[]) =>
  (s: string) =>
    suffixes.includes(s);

describe('pickEncoding', () => {
  it('sends the first offered encoding the browser accepts and the build has a copy for', () => {
    expect(pickEncoding('gzip, deflate, br, zstd', ['br', 'gzip'], has('.br', '.gz'))).toBe('br');
    expect(pickEncoding('gzip, deflate', ['br', 'gzip'], has('.br', '.gz'))).toBe('gzip');
    expect(pickEncoding('br', ['gzip'], has('.br', '.gz'))).toBeUndefined();
    expect(pickEncoding('gzip, br', ['br', 'gzip'], has('.gz'))).toBe('gzip');
  });
  it('sends the file as it is with no header, no copy, or an encoding refused with q=0', () => {
    expect(pickEncoding(undefined, ['br', 'gzip'], has('.br', '.gz'))).toBeUndefined();
    expect(pickEncoding('gzip;q=0, br;q=0.0', ['br', 'gzip'], has('.br', '.gz'))).toBeUndefined();
    expect(pickEncoding('br;q=0.5', ['br', 'gzip'], has('.br', '.gz'))).toBe('br');
    expect(pickEncoding('gzip, br', ['br', 'gzip'], has())).toBeUndefined();
  });
});

describe('precompress and the static server', () => {
  let dir: string;
  let server: StaticServer;
  // 3 kB of text, a 10-byte text file, a binary font.
  const page = `<!doctype html><title>t</title>${'<p>The same sentence, again and again.</p>'.repeat(70)}`;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'precompress-'));
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), page);
    writeFileSync(path.join(dir, 'assets', 'tiny.js'), 'let a = 1;');
    writeFileSync(path.join(dir, 'assets', 'f.woff2'), Buffer.alloc(4096, 7));
    server = await startStaticServer({ dir, headers: false });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes brotli and gzip copies of text files of 1 KiB or more that decode to the original', () => {
    const c = precompress(dir);
    expect(c.files).toBe(1);
    expect(c.bytes).toBe(Buffer.byteLength(page));
    expect(brotliDecompressSync(readFileSync(path.join(dir, 'index.html.br'))).toString()).toBe(page);
    expect(gunzipSync(readFileSync(path.join(dir, 'index.html.gz'))).toString()).toBe(page);
    // Repetitive text: both copies are a small fraction of it.
    expect(c.brotli).toBeLessThan(c.bytes / 10);
    expect(c.gzip).toBeLessThan(c.bytes / 10);
    expect(existsSync(path.join(dir, 'assets', 'tiny.js.br'))).toBe(false);
    expect(existsSync(path.join(dir, 'assets', 'f.woff2.br'))).toBe(false);
  });

  const fetchRaw = (p: string, acceptEncoding?: string) =>
    new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
      get(`${server.url}${p}`, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      }).on('error', reject);
    });

  it('serves the brotli copy to a browser that accepts it, gzip to one that accepts only gzip', async () => {
    const br = await fetchRaw('/', 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(brotliDecompressSync(br.body).toString()).toBe(page);
    const gz = await fetchRaw('/', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(page);
  });

  it('serves the file as it is without Accept-Encoding, and files without copies as they are', async () => {
    const plain = await fetchRaw('/');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(page);
    const tiny = await fetchRaw('/assets/tiny.js', 'br, gzip');
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.body.toString()).toBe('let a = 1;');
  });
});
