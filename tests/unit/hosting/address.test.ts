import { describe, expect, it } from 'vitest';
import { embedOrigin, pageHref, parseSiteUrl, stripBase } from '../../../src/site/address';
import { routeFromLocation, routeHref } from '../../../src/pages/routes';

describe('SITE_URL', () => {
  it('gives the absolute address and the base path', () => {
    expect(parseSiteUrl('https://user.github.io/qml-reality-check')).toEqual({
      url: 'https://user.github.io/qml-reality-check',
      base: '/qml-reality-check/',
    });
    expect(parseSiteUrl('https://user.github.io/qml-reality-check/')).toEqual({
      url: 'https://user.github.io/qml-reality-check',
      base: '/qml-reality-check/',
    });
    expect(parseSiteUrl('http://192.168.1.20:4173')).toEqual({ url: 'http://192.168.1.20:4173', base: '/' });
    expect(parseSiteUrl('https://host/a b').base).toBe('/a%20b/');
    expect(parseSiteUrl('HTTPS://Example.COM/a/b')).toEqual({ url: 'https://example.com/a/b', base: '/a/b/' });
  });

  it('is optional: no address, root base', () => {
    expect(parseSiteUrl(undefined)).toEqual({ url: '', base: '/' });
    expect(parseSiteUrl('  ')).toEqual({ url: '', base: '/' });
  });

  it.each([
    ['user.github.io/qml', 'is not an absolute URL'],
    ['/qml-reality-check', 'is not an absolute URL'],
    ['ftp://host/qml', 'uses ftp, not http or https'],
    ['https://host/qml?x=1', 'has a query string'],
    ['https://host/qml?', 'has a query string'],
    ['https://host/qml#top', 'has a fragment'],
    ['https://me:pw@host/qml', 'contains a user name or password'],
    ['https://host//qml', 'has an empty path segment'],
  ])('refuses %s with one line and an example', (value, why) => {
    let message = '';
    try {
      parseSiteUrl(value);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain(why);
    expect(message).toContain('e.g. SITE_URL=https://');
    expect(message).not.toContain('\n');
  });
});

describe('base path', () => {
  it('prefixes links and is stripped before routing', () => {
    expect(pageHref('/present?print', '/qml')).toBe('/qml/present?print');
    expect(pageHref('/', '')).toBe('/');
    expect(stripBase('/qml', '/qml')).toBe('/');
    expect(stripBase('/qml/embed/landscape', '/qml')).toBe('/embed/landscape');
    expect(routeFromLocation('/qml/embed/landscape', '', '/qml')).toEqual({ page: 'embed', figure: 'landscape' });
    expect(routeFromLocation('/qml/', '', '/qml')).toEqual({ page: 'article' });
    expect(routeFromLocation('/qml/present', '?print', '/qml')).toEqual({ page: 'print' });
    expect(routeHref({ page: 'speaker' }, '/qml')).toBe('/qml/present/speaker');
    expect(() => pageHref('present')).toThrow(/starting with "\/"/);
  });

  it('embeds point at SITE_URL, else at where the page is served', () => {
    expect(embedOrigin({ origin: 'http://10.0.0.5:4173' }, '', '')).toBe('http://10.0.0.5:4173');
    expect(embedOrigin({ origin: 'http://127.0.0.1:9' }, '', '/qml')).toBe('http://127.0.0.1:9/qml');
    expect(embedOrigin({ origin: 'http://127.0.0.1:9' }, 'https://site.org/qml', '/qml')).toBe('https://site.org/qml');
  });
});
