import { describe, expect, it } from 'vitest';
import { inlineStylesheet } from '../../../scripts/inline-css';

const page = (link: string) => `<head><script type="module" src="/assets/i.js"></script>${link}</head><body></body>`;

describe('inlineStylesheet', () => {
  it('puts the linked stylesheet in a <style>, and a script that adds the link back, disabled, for the preload helper', () => {
    const out = inlineStylesheet(
      page('<link rel="stylesheet" crossorigin href="/sub/assets/index-Ab.css">'),
      (href) => {
        expect(href).toBe('/sub/assets/index-Ab.css');
        return 'p{margin:0}';
      },
    );
    expect(out).toContain('<style>p{margin:0}</style><script>(function(){');
    // No stylesheet link in the markup: a preload scanner would fetch it, disabled or not.
    expect(out).not.toMatch(/<link rel="stylesheet"/);
    // The script, run against a stand-in document, adds exactly the link Vite's helper looks for.
    const added: Record<string, unknown>[] = [];
    const script = /<script>(\(function[^<]*)<\/script>/.exec(out)?.[1] ?? '';
    const fakeDocument = {
      createElement: (tag: string) => ({ tag }),
      head: { appendChild: (el: Record<string, unknown>) => added.push(el) },
    };
    new Function('document', script)(fakeDocument);
    expect(added).toEqual([{ tag: 'link', rel: 'stylesheet', disabled: true, href: '/sub/assets/index-Ab.css' }]);
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
