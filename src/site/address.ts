/**
 * The site's own address, fixed at build time by `SITE_URL` (see README, "Deploy").
 *
 * - `parseSiteUrl` validates the variable (used by vite.config.ts, so a bad value stops the build with one
 *   line and an example of a good one).
 * - `SITE_URL` is the absolute address without a trailing slash (`https://user.github.io/qml-reality-check`),
 *   or '' when the build was made without one: then nothing absolute is written anywhere.
 * - `BASE_PATH` is its path (`/qml-reality-check`, '' at the root of an origin), which is also Vite's `base`:
 *   every page link goes through `pageHref`, and `routeFromLocation` strips it before matching.
 * Pure apart from reading the two build-time constants.
 */

export interface SiteAddress {
  /** Absolute URL without a trailing slash, or '' when SITE_URL is unset. */
  url: string;
  /** Vite `base`: '/' or '/sub/path/' (always with both slashes). */
  base: string;
}

const EXAMPLE = 'SITE_URL=https://user.github.io/qml-reality-check';

/** Validates SITE_URL. Throws an Error whose message is one line: what is wrong and a good example. */
export function parseSiteUrl(raw: string | undefined): SiteAddress {
  if (raw === undefined || raw.trim() === '') return { url: '', base: '/' };
  const value = raw.trim();
  const fail = (why: string): never => {
    throw new Error(
      `SITE_URL ${JSON.stringify(value.length > 200 ? `${value.slice(0, 200)}…` : value)} ${why}; set an absolute http(s) address without query or fragment, e.g. ${EXAMPLE}`,
    );
  };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return fail('is not an absolute URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    fail(`uses ${url.protocol.slice(0, -1)}, not http or https`);
  if (!/^https?:\/\//i.test(value)) fail('is not an absolute URL');
  if (url.username || url.password) fail('contains a user name or password');
  if (url.search || value.includes('?')) fail('has a query string');
  if (url.hash || value.includes('#')) fail('has a fragment');
  const path = url.pathname.replace(/\/+$/, '');
  if (/\/\//.test(path)) fail('has an empty path segment');
  return { url: `${url.origin}${path}`, base: `${path}/` };
}

declare const __QML_SITE_URL__: string | undefined;

/** The absolute address this build was made for, or '' (no absolute URL is ever made up). */
export const SITE_URL: string = typeof __QML_SITE_URL__ === 'string' ? __QML_SITE_URL__ : '';

/** The path the site is served under, without a trailing slash ('' at the root of an origin). */
export const BASE_PATH: string = (import.meta.env?.BASE_URL ?? '/').replace(/\/+$/, '');

/** A site path (`/present?x`, `/#step`) as a link under the base path. */
export function pageHref(path: string, base: string = BASE_PATH): string {
  if (!path.startsWith('/'))
    throw new Error(`pageHref expects a site path starting with "/", got ${JSON.stringify(path)}`);
  return `${base}${path}`;
}

/** `location.pathname` without the base path ('/' when it is the base itself). */
export function stripBase(pathname: string, base: string = BASE_PATH): string {
  if (!base) return pathname || '/';
  if (pathname === base) return '/';
  return pathname.startsWith(`${base}/`) ? pathname.slice(base.length) : pathname;
}

/**
 * Where embeds of this page point: SITE_URL when the build has one, else the address the page is actually
 * served from (origin plus base path), so a copy served anywhere still hands out working snippets.
 */
export function embedOrigin(location: { origin: string }, site: string = SITE_URL, base: string = BASE_PATH): string {
  return site || `${location.origin}${base}`;
}
