/**
 * Embed snippets and oEmbed documents. Pure: the article's "Embed" control, the pre-render (oEmbed JSON)
 * and the tests all build them here, so the iframe, the loader and oEmbed always agree.
 */
import { escapeAttr } from './escape';

export const EMBED_DEFAULT_HEIGHT = 640;

export interface EmbedTarget {
  /**
   * Site address (origin and base path, no trailing slash), e.g. `https://user.github.io/qml-reality-check`;
   * '' for a build without SITE_URL, whose oEmbed documents can then only hold site-relative links.
   */
  origin: string;
  /** `figure` for /embed/<id>, `section` for /embed/section/<id>. */
  kind: 'figure' | 'section';
  id: string;
  title: string;
  /** 0-based step (figures only). */
  step?: number;
  /** Figure parameters, already namespaced (`barren-plateau.qubits` → "8"). */
  params?: Readonly<Record<string, string>>;
  theme?: 'light' | 'dark' | 'auto';
}

export function embedPath(target: Pick<EmbedTarget, 'kind' | 'id'>): string {
  return target.kind === 'section' ? `/embed/section/${target.id}` : `/embed/${target.id}`;
}

export function embedUrl(target: EmbedTarget): string {
  const query = new URLSearchParams();
  if (target.step !== undefined && target.step > 0) query.set('step', String(target.step));
  if (target.theme && target.theme !== 'auto') query.set('theme', target.theme);
  for (const [k, v] of Object.entries(target.params ?? {})) query.set(k, v);
  const q = query.toString();
  return `${target.origin}${embedPath(target)}${q ? `?${q}` : ''}`;
}

/** A plain iframe (auto-height needs the loader or the host's own listener; the height is a fallback). */
export function iframeSnippet(target: EmbedTarget, height = EMBED_DEFAULT_HEIGHT): string {
  return `<iframe src="${escapeAttr(embedUrl(target))}" title="${escapeAttr(target.title)}" width="100%" height="${height}" loading="lazy" style="border:0;width:100%;max-width:100%" allow="fullscreen"></iframe>`;
}

/** The loader form: a placeholder element plus `embed.js` (lazy, auto-sizing, titled iframe). */
export function loaderSnippet(target: EmbedTarget): string {
  const attrs = [`data-qml-embed="${escapeAttr(target.kind === 'section' ? `section/${target.id}` : target.id)}"`];
  if (target.step !== undefined && target.step > 0) attrs.push(`data-step="${target.step}"`);
  if (target.theme && target.theme !== 'auto') attrs.push(`data-theme="${target.theme}"`);
  const params = Object.entries(target.params ?? {});
  if (params.length > 0) attrs.push(`data-params="${escapeAttr(new URLSearchParams(params).toString())}"`);
  return `<div ${attrs.join(' ')}></div>\n<script async src="${escapeAttr(target.origin)}/embed.js"></script>`;
}

/** The figure's parameters currently in a query string (keys `<id>.<name>`). */
export function figureParamsFromSearch(search: string, id: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(search)) if (k.startsWith(`${id}.`)) out[k] = v;
  return out;
}

export interface OEmbedDocument {
  version: '1.0';
  type: 'rich';
  title: string;
  provider_name: string;
  /** Only with an absolute site address (oEmbed allows leaving it out). */
  provider_url?: string;
  html: string;
  width: number;
  height: number;
  cache_age: number;
}

export function oembedDocument(
  target: EmbedTarget,
  providerName: string,
  height = EMBED_DEFAULT_HEIGHT,
): OEmbedDocument {
  return {
    version: '1.0',
    type: 'rich',
    title: target.title,
    provider_name: providerName,
    ...(/^https?:\/\//.test(target.origin) ? { provider_url: `${target.origin}/` } : {}),
    html: iframeSnippet(target, height),
    width: 720,
    height,
    cache_age: 86400,
  };
}
