import { describe, expect, it } from 'vitest';
import { inlineStylesheet } from '../../../scripts/inline-css';

const page = (link: string) => `<head><script type="module" src="/assets/i.js"></script>${link}</head><body></body>`;

describe('inlineStylesheet', () => {
  it('puts the linked stylesheet in a <style> and keeps the link, disabled, for the preload helper to find', () => {
    const out = inlineStylesheet(
      page('<link rel="stylesheet" crossorigin href="/sub/assets/index-Ab.css">'),
      (href) => {
        expect(href).toBe('/sub/assets/index-Ab.css');
        return 'p{margin:0}';
      },
    );
    expect(out).toContain(
      '<style>p{margin:0}</style><link rel="stylesheet" crossorigin href="/sub/assets/index-Ab.css" disabled>',
    );
    expect(out.match(/<link rel="stylesheet"/g)).toHaveLength(1);
  });

  it('keeps "$&"-like sequences in the CSS verbatim', () => {
    const out = inlineStylesheet(page('<link rel="stylesheet" href="/a.css">'), () => 'a::after{content:"$&"}');
    expect(out).toContain('<style>a::after{content:"$&"}</style>');
  });

  it('refuses a page without a stylesheet link, and CSS that would close the <style> element', () => {
    expect(() => inlineStylesheet(page(''), () => '')).toThrow(/no stylesheet/);
    expect(() => inlineStylesheet(page('<link rel="stylesheet" href="/a.css">'), () => 'a{}</style><script>')).toThrow(
      /<\/style/,
    );
  });
});
