import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  configureEmbedLoader,
  formatHeadersFile,
  headersForPath,
  hostingRules,
  indexableCanonical,
  inlineScriptHashes,
  inlineStyleHashes,
  nginxHeaderMaps,
  parseHeadersFile,
  robotsTxt,
  sitemapXml,
} from '../../../scripts/hosting';
import { themeBootScript } from '../../../src/reading/theme';
import { headInfo, headTagsFor, routeHeadTags } from '../../../src/pages/site';

const meta = { title: 'T', subtitle: 'S', description: 'D "quoted"' };
const pages = [
  '/',
  '/404',
  '/embed/landscape',
  '/embed/section/noise',
  '/present',
  '/present/speaker',
  '/present/print',
];

describe('hosting headers', () => {
  const hash = `'sha256-${createHash('sha256').update(themeBootScript).digest('base64')}'`;

  it('hashes exactly the inline scripts of a page', () => {
    const html = `<head><script>${themeBootScript}</script><script type="module" src="/a.js"></script></head>`;
    expect(inlineScriptHashes(html)).toEqual([hash]);
  });

  it('hashes exactly the <style> elements of a page (the digest OpenSSL gives), not style attributes or stylesheets', () => {
    const css = '.a{color:red}';
    const html = `<head><style>${css}</style><link rel="stylesheet" href="/x.css"></head><p style="color:blue">x</p>`;
    // printf '.a{color:red}' | openssl dgst -sha256 -binary | base64
    expect(inlineStyleHashes(html)).toEqual(["'sha256-AYkV/wUaXEz1i9pndN1veIXFHZVFTj4Ojce2rMK7bSc='"]);
  });

  it('allows inline <style> elements by hash only, and style attributes as before', () => {
    const styleHash = "'sha256-abc='";
    const csp = headersForPath(hostingRules('', ['/'], [hash], [], [styleHash]).rules, '/')['Content-Security-Policy'];
    expect(csp).toContain(`style-src 'self' ${styleHash};`);
    expect(csp).toContain("style-src-attr 'unsafe-inline'");
    expect(csp).not.toMatch(/style-src [^;]*'unsafe-inline'/);
  });

  const { rules, fallback } = hostingRules('/qml', pages, [hash], ['favicon.svg']);
  const at = (p: string) => headersForPath(rules, p);

  it('frames: anyone for /embed/*, the site itself elsewhere; scripts: self, WebAssembly and the theme hash, never eval', () => {
    expect(at('/qml/embed/landscape')['Content-Security-Policy']).toMatch(/frame-ancestors \*$/);
    expect(at('/qml/embed/section/noise.html')['Content-Security-Policy']).toMatch(/frame-ancestors \*$/);
    for (const p of ['/qml/', '/qml/index.html', '/qml/present', '/qml/present/speaker.html', '/qml/404.html']) {
      const csp = at(p)['Content-Security-Policy'];
      expect(csp, p).toMatch(/frame-ancestors 'self'$/);
      expect(csp, p).toContain(`script-src 'self' 'wasm-unsafe-eval' ${hash};`);
      expect(csp, p).toMatch(/^default-src 'self'; /);
      expect(csp, p).toContain("worker-src 'self'");
      expect(csp, p).not.toContain("'unsafe-eval'");
    }
    expect(fallback['Content-Security-Policy']).toMatch(/frame-ancestors 'self'$/);
  });

  it('caches hashed assets for a year, revalidates pages, the service worker and the loader', () => {
    expect(at('/qml/assets/index-AbCd1234.js')['Cache-Control']).toBe('public, max-age=31536000, immutable');
    for (const p of ['/qml/', '/qml/present', '/qml/embed/landscape.html', '/qml/sw.js', '/qml/embed.js'])
      expect(at(p)['Cache-Control'], p).toBe('no-cache');
    for (const p of ['/qml/', '/qml/assets/x.css', '/qml/sw.js']) {
      expect(at(p)['X-Content-Type-Options']).toBe('nosniff');
      expect(at(p)['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
      expect(at(p)['Permissions-Policy']).toContain('camera=()');
    }
  });

  it('reads back what it writes, and nginx gets the same values', () => {
    expect(parseHeadersFile(formatHeadersFile(rules, 'note'))).toEqual(rules);
    const nginx = nginxHeaderMaps({ rules, fallback }, 'note');
    expect(nginx).toContain('map $uri $qml_content_security_policy {');
    expect(nginx).toContain(`"/qml/embed/landscape" "${at('/qml/embed/landscape')['Content-Security-Policy']}";`);
    expect(nginx).toContain('~^/qml/assets/ "public, max-age=31536000, immutable";');
  });

  it('refuses rules that give one path the same header twice', () => {
    expect(() => hostingRules('', ['/embed/*'], [])).toThrow(/both set/);
  });
});

describe('robots, sitemap, loader', () => {
  it('points crawlers at the sitemap only when the address is known', () => {
    expect(robotsTxt('')).toBe('User-agent: *\nAllow: /\n');
    expect(robotsTxt('https://h/q')).toContain('Sitemap: https://h/q/sitemap.xml');
    expect(sitemapXml(['https://h/q/', 'https://h/q/a&b'])).toContain('<loc>https://h/q/a&amp;b</loc>');
  });

  it('lists a page in the sitemap only when it is indexable and canonical', () => {
    expect(indexableCanonical('<link rel="canonical" href="https://h/q/present">')).toBe('https://h/q/present');
    expect(
      indexableCanonical('<meta name="robots" content="noindex"><link rel="canonical" href="https://h/q/x">'),
    ).toBeUndefined();
    expect(indexableCanonical('<title>x</title>')).toBeUndefined();
  });

  it('fills the site address into the shipped embed loader', () => {
    const source = readFileSync('public/embed.js', 'utf8');
    expect(configureEmbedLoader(source, 'https://h/q')).toContain('var configured = "https://h/q";');
    expect(() => configureEmbedLoader('nothing', 'x')).toThrow();
  });
});

describe('head tags', () => {
  const titles = { noise: 'Noise' };
  it('without SITE_URL: descriptions and cards, no absolute URL', () => {
    for (const route of [
      { page: 'article' },
      { page: 'embed', figure: 'landscape' },
      { page: 'embed-section', section: 'noise' },
      { page: 'present' },
    ] as const) {
      const { tags } = routeHeadTags(meta, route, titles);
      expect(tags).toMatch(/<meta name="description" content="[^"]{20,}">/);
      expect(tags).not.toContain('noindex');
      expect(tags).not.toMatch(/https?:/);
      expect(tags).toContain('twitter:card" content="summary"');
    }
    expect(routeHeadTags(meta, { page: 'embed', figure: 'landscape' }, titles).tags).toContain(
      'href="/oembed/landscape.json"',
    );
  });

  it('with SITE_URL: canonical, og:url and a large preview image, all absolute', () => {
    const site = { ...meta, url: 'https://h.org/qml' };
    const { tags } = headTagsFor(site, headInfo(site, { page: 'embed', figure: 'landscape' }, titles), {
      file: 'og.png',
      width: 1200,
      height: 630,
      alt: 'A "figure"',
    });
    expect(tags).toContain('<link rel="canonical" href="https://h.org/qml/embed/landscape">');
    expect(tags).toContain('<meta property="og:url" content="https://h.org/qml/embed/landscape">');
    expect(tags).toContain('<meta property="og:image" content="https://h.org/qml/og.png">');
    expect(tags).toContain('<meta property="og:image:alt" content="A &quot;figure&quot;">');
    expect(tags).toContain('twitter:card" content="summary_large_image"');
    expect(tags).toContain('href="https://h.org/qml/oembed/landscape.json"');
    expect(routeHeadTags(site, { page: 'article' }, titles).tags).toContain(
      '<link rel="canonical" href="https://h.org/qml/">',
    );
  });

  it('keeps the speaker view, the handout and the 404 page out of indexes', () => {
    for (const page of ['speaker', 'print', 'not-found'] as const) {
      const { tags } = routeHeadTags({ ...meta, url: 'https://h.org' }, { page }, titles);
      expect(tags).toContain('<meta name="robots" content="noindex">');
      expect(tags).not.toContain('canonical');
    }
  });
});
