/**
 * Files for static hosts, written into dist/ by the pre-render after the pages (and before the service
 * worker, so its precache sees the final embed loader):
 *
 * - `_headers` (Netlify, Cloudflare Pages): the security headers and cache rules, one rule per page so no
 *   two rules give the same path the same header (hosts merge overlapping rules differently: Netlify keeps
 *   the last, Cloudflare joins them with a comma, which would turn two CSPs into the stricter of both);
 * - `nginx-headers.conf`: the same rules as nginx `map`s, included by deploy/nginx.conf;
 * - `robots.txt`, and with SITE_URL a `sitemap.xml` of every indexable page;
 * - the site's address inside `embed.js`, for hosts where the loader cannot see its own URL.
 *
 * The Content-Security-Policy allows exactly the inline scripts found in the pages (the theme boot script
 * inlined by vite.config.ts) and the inline `<style>` elements (the article's stylesheet, inlined by the
 * pre-render), by their SHA-256, computed here from the built HTML.
 * Pure functions plus `writeHostingFiles`; tests/e2e/hosting reads `_headers` back with `parseHeadersFile`.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export type Headers = Record<string, string>;
/** `pattern` is a site path, exact (`/present`) or a prefix ending in `*` (`/assets/*`). */
export interface HeaderRule {
  pattern: string;
  headers: Headers;
}
export interface HostingRules {
  rules: HeaderRule[];
  /** Values for paths no rule names (a 404, say); only hosts with a catch-all (nginx) can apply them. */
  fallback: Headers;
}

const sha256Source = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** SHA-256 sources ('sha256-…') of every inline <script> in a page, in order. */
export function inlineScriptHashes(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc\s*=/i.test(m[1]) || m[2] === '') continue;
    out.push(sha256Source(m[2]));
  }
  return out;
}

/** SHA-256 sources of every `<style>` element in a page (SVG included), in order. */
export function inlineStyleHashes(html: string): string[] {
  return Array.from(html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi), (m) => sha256Source(m[1]));
}

/**
 * The policy of every page. KaTeX (in the pre-render and in React) positions glyphs with inline `style`
 * attributes, so `style-src-attr 'unsafe-inline'`; stylesheets are `'self'` and `<style>` elements only
 * those of the built pages, by hash (README, "Security headers", says why). Images: the site's own and the `data:` URL the landscape figure
 * draws its heat map into. No 'unsafe-eval' anywhere; 'wasm-unsafe-eval' lets the simulator's workers compile
 * the layered kernel's WebAssembly (src/sim/wasm), which cannot run JavaScript from strings.
 */
export function contentSecurityPolicy(
  scriptHashes: readonly string[],
  frameAncestors: "'self'" | '*',
  styleHashes: readonly string[] = [],
): string {
  const sources = (hashes: readonly string[]) => (hashes.length ? ` ${[...new Set(hashes)].join(' ')}` : '');
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval'${sources(scriptHashes)}`,
    `style-src 'self'${sources(styleHashes)}`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}

export const SECURITY_HEADERS: Headers = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  // Nothing here needs these; fullscreen (slides, embeds) keeps its default.
  'Permissions-Policy':
    'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()',
};

export const CACHE = {
  immutable: 'public, max-age=31536000, immutable',
  revalidate: 'no-cache',
  short: 'public, max-age=3600',
} as const;

/**
 * The rules for a site under `basePath` ('' or '/sub/path') whose pages are `pagePaths` (route paths:
 * '/', '/embed/x', '/present', …). Each page is named twice, clean and as its `.html` file.
 */
export function hostingRules(
  basePath: string,
  pagePaths: readonly string[],
  scriptHashes: readonly string[],
  otherFiles: readonly string[] = [],
  styleHashes: readonly string[] = [],
): HostingRules {
  const page = contentSecurityPolicy(scriptHashes, "'self'", styleHashes);
  const embed = contentSecurityPolicy(scriptHashes, '*', styleHashes);
  const rules: HeaderRule[] = [{ pattern: `${basePath}/*`, headers: { ...SECURITY_HEADERS } }];
  for (const p of pagePaths) {
    const csp = p.startsWith('/embed/') ? embed : page;
    const variants = p === '/' ? ['/', '/index.html'] : [p, `${p}.html`];
    for (const v of variants)
      rules.push({
        pattern: `${basePath}${v}`,
        headers: { 'Content-Security-Policy': csp, 'Cache-Control': CACHE.revalidate },
      });
  }
  rules.push({ pattern: `${basePath}/assets/*`, headers: { 'Cache-Control': CACHE.immutable } });
  // The service worker and the embed loader keep their names across versions: always revalidated.
  rules.push({ pattern: `${basePath}/sw.js`, headers: { 'Cache-Control': CACHE.revalidate } });
  rules.push({ pattern: `${basePath}/embed.js`, headers: { 'Cache-Control': CACHE.revalidate } });
  // oEmbed documents are read by other sites' servers and scripts.
  rules.push({
    pattern: `${basePath}/oembed/*`,
    headers: { 'Cache-Control': CACHE.revalidate, 'Access-Control-Allow-Origin': '*' },
  });
  for (const f of otherFiles) rules.push({ pattern: `${basePath}/${f}`, headers: { 'Cache-Control': CACHE.short } });
  assertNoOverlap(rules);
  return {
    rules,
    fallback: { ...SECURITY_HEADERS, 'Content-Security-Policy': page, 'Cache-Control': CACHE.revalidate },
  };
}

export function matches(pattern: string, urlPath: string): boolean {
  return pattern.endsWith('*') ? urlPath.startsWith(pattern.slice(0, -1)) : urlPath === pattern;
}

/** Two rules that can match one path must not set the same header (see the module comment). */
function assertNoOverlap(rules: readonly HeaderRule[]): void {
  for (let i = 0; i < rules.length; i++) {
    for (let j = i + 1; j < rules.length; j++) {
      const a = rules[i];
      const b = rules[j];
      const probe = (r: HeaderRule) => (r.pattern.endsWith('*') ? r.pattern.slice(0, -1) : r.pattern);
      const overlap = matches(a.pattern, probe(b)) || matches(b.pattern, probe(a));
      if (!overlap) continue;
      const shared = Object.keys(a.headers).filter((h) => h in b.headers);
      if (shared.length) throw new Error(`_headers: ${a.pattern} and ${b.pattern} both set ${shared.join(', ')}`);
    }
  }
}

/** Netlify / Cloudflare Pages `_headers`. */
export function formatHeadersFile(rules: readonly HeaderRule[], note: string): string {
  const lines = note.split('\n').map((l) => `# ${l}`.trimEnd());
  for (const r of rules) {
    lines.push('', r.pattern);
    for (const [k, v] of Object.entries(r.headers)) lines.push(`  ${k}: ${v}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Reads `_headers` back (comments, path lines, indented `Name: value` lines). */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const raw of text.split('\n')) {
    if (!raw.trim() || raw.trim().startsWith('#')) continue;
    if (!/^\s/.test(raw)) {
      rules.push({ pattern: raw.trim(), headers: {} });
      continue;
    }
    const rule = rules[rules.length - 1];
    const m = raw.trim().match(/^([A-Za-z0-9-]+):\s*(.*)$/);
    if (!rule || !m) throw new Error(`_headers: cannot read ${JSON.stringify(raw)}`);
    rule.headers[m[1]] = m[2];
  }
  return rules;
}

/** The headers a host applying `rules` sends for `urlPath` (rules never overlap in a header, see above). */
export function headersForPath(rules: readonly HeaderRule[], urlPath: string): Headers {
  const out: Headers = {};
  for (const r of rules) if (matches(r.pattern, urlPath)) Object.assign(out, r.headers);
  return out;
}

const nginxString = (v: string) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
const regexEscape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** `Content-Security-Policy` → `$qml_content_security_policy`. */
export const nginxVariable = (header: string) => `$qml_${header.toLowerCase().replace(/-/g, '_')}`;

/**
 * The rules as nginx `map`s on `$uri` (http context), one variable per header; deploy/nginx.conf sends each
 * with `add_header <Name> $qml_<name> always;` (an empty value sends nothing).
 */
export function nginxHeaderMaps({ rules, fallback }: HostingRules, note: string): string {
  const names = [...new Set([...rules.flatMap((r) => Object.keys(r.headers)), ...Object.keys(fallback)])];
  const out = note.split('\n').map((l) => `# ${l}`.trimEnd());
  for (const name of names) {
    out.push('', `map $uri ${nginxVariable(name)} {`);
    const exact = rules.filter((r) => !r.pattern.endsWith('*') && name in r.headers);
    // Longer prefixes first: nginx tries regular expressions in order.
    const prefix = rules
      .filter((r) => r.pattern.endsWith('*') && name in r.headers)
      .sort((a, b) => b.pattern.length - a.pattern.length);
    out.push(`  default ${nginxString(fallback[name] ?? '')};`);
    for (const r of exact) out.push(`  ${nginxString(r.pattern)} ${nginxString(r.headers[name])};`);
    for (const r of prefix) out.push(`  ~^${regexEscape(r.pattern.slice(0, -1))} ${nginxString(r.headers[name])};`);
    out.push('}');
  }
  out.push('', '# Sent by deploy/nginx.conf:', ...names.map((n) => `#   add_header ${n} ${nginxVariable(n)} always;`));
  return `${out.join('\n')}\n`;
}

export function robotsTxt(siteUrl: string): string {
  return ['User-agent: *', 'Allow: /', ...(siteUrl ? [`Sitemap: ${siteUrl}/sitemap.xml`] : []), ''].join('\n');
}

const xmlEscape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);

export function sitemapXml(urls: readonly string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.map((u) => `  <url><loc>${xmlEscape(u)}</loc></url>`).join('\n')}
</urlset>
`;
}

/** The canonical URL of a pre-rendered page, unless it asks not to be indexed. */
export function indexableCanonical(html: string): string | undefined {
  if (/<meta name="robots" content="[^"]*noindex/.test(html)) return undefined;
  return html.match(/<link rel="canonical" href="([^"]+)">/)?.[1]?.replace(/&amp;/g, '&');
}

const EMBED_SITE_MARKER = "var configured = '';";

/** Writes SITE_URL into the embed loader (used when the loader cannot read its own script URL). */
export function configureEmbedLoader(source: string, siteUrl: string): string {
  if (!source.includes(EMBED_SITE_MARKER)) throw new Error(`embed.js has no "${EMBED_SITE_MARKER}" line to fill in`);
  return source.replace(EMBED_SITE_MARKER, () => `var configured = ${JSON.stringify(siteUrl)};`);
}

function filesUnder(dir: string, rel = ''): string[] {
  return readdirSync(path.join(dir, rel)).flatMap((name) => {
    const r = rel ? `${rel}/${name}` : name;
    return statSync(path.join(dir, r)).isDirectory() ? filesUnder(dir, r) : [r];
  });
}

export interface HostingInput {
  dist: string;
  /** SITE_URL without a trailing slash, or ''. */
  siteUrl: string;
  /** Its path ('' or '/sub/path'). */
  basePath: string;
  /** Route paths of every pre-rendered page and the file each was written to (relative to dist). */
  pages: readonly { path: string; file: string }[];
}

/** Writes _headers, nginx-headers.conf, robots.txt, sitemap.xml and configures embed.js. Returns a summary. */
export function writeHostingFiles({ dist, siteUrl, basePath, pages }: HostingInput): string[] {
  const html = pages.map((p) => readFileSync(path.join(dist, p.file), 'utf8'));
  const hashes = [...new Set(html.flatMap(inlineScriptHashes))];
  const styleHashes = [...new Set(html.flatMap(inlineStyleHashes))];
  const summary: string[] = [];

  writeFileSync(path.join(dist, 'robots.txt'), robotsTxt(siteUrl));
  if (siteUrl) {
    const urls = html.map(indexableCanonical).filter((u): u is string => Boolean(u));
    writeFileSync(path.join(dist, 'sitemap.xml'), sitemapXml(urls));
    summary.push(`sitemap.xml with ${urls.length} pages`);
  } else {
    summary.push('no SITE_URL: no sitemap, canonical links, og:url/og:image or absolute oEmbed addresses');
  }
  const loader = path.join(dist, 'embed.js');
  if (existsSync(loader)) writeFileSync(loader, configureEmbedLoader(readFileSync(loader, 'utf8'), siteUrl));

  const pageFiles = new Set(pages.map((p) => p.file));
  const others = filesUnder(dist).filter(
    (f) => !f.includes('/') && !pageFiles.has(f) && !/^(sw\.js|embed\.js|_headers|nginx-headers\.conf)$/.test(f),
  );
  const rules = hostingRules(
    basePath,
    pages.map((p) => p.path),
    hashes,
    [...others, 'robots.txt', ...(siteUrl ? ['sitemap.xml'] : [])].filter((f, i, a) => a.indexOf(f) === i),
    styleHashes,
  );
  const note = `Generated by scripts/hosting.ts for ${siteUrl || 'a build without SITE_URL'} (README, "Deploy").`;
  writeFileSync(
    path.join(dist, '_headers'),
    formatHeadersFile(
      rules.rules,
      `${note}\nNetlify and Cloudflare Pages read this file; nginx includes nginx-headers.conf.`,
    ),
  );
  writeFileSync(path.join(dist, 'nginx-headers.conf'), nginxHeaderMaps(rules, note));
  summary.push(
    `_headers: ${rules.rules.length} rules, script-src hashes ${hashes.join(' ') || 'none'}, style-src hashes ${styleHashes.join(' ') || 'none'}`,
  );
  return summary;
}
