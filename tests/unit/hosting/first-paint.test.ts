import { describe, expect, it } from 'vitest';
import {
  entryStarter,
  katexFaces,
  openingSection,
  preloadFonts,
  startEntryAfterPaint,
} from '../../../scripts/first-paint';

const article =
  '<main><section id="opening" class="article-section"><p>A <span class="katex"><span class="mord mathnormal">x</span></span></p></section>' +
  '<section id="noise" class="article-section"><span class="katex"><span class="mord mathbb">R</span></span></section></main>';

describe('openingSection and katexFaces', () => {
  it('takes the first article section only, and names the faces its formulas use', () => {
    const opening = openingSection(article);
    expect(opening.startsWith('<section id="opening"')).toBe(true);
    expect(opening).not.toContain('id="noise"');
    expect(katexFaces(opening)).toEqual(['KaTeX_Main-Regular', 'KaTeX_Math-Italic']);
    // The whole page also uses blackboard bold (KaTeX_AMS), which only the second section needs.
    expect(katexFaces(article)).toEqual(['KaTeX_Main-Regular', 'KaTeX_Math-Italic', 'KaTeX_AMS-Regular']);
  });

  it('finds no faces in prose without math, and refuses a page without article sections', () => {
    expect(katexFaces('<p class="lead">No math</p>')).toEqual([]);
    expect(() => openingSection('<main></main>')).toThrow(/no article section/);
  });
});

describe('preloadFonts', () => {
  const css =
    '@font-face{font-family:KaTeX_Main;src:url(/sub/assets/KaTeX_Main-Regular-B22N_iop.woff2) format("woff2"),url(/sub/assets/KaTeX_Main-Regular-x.woff) format("woff")}' +
    '@font-face{font-family:KaTeX_Math;src:url(/sub/assets/KaTeX_Math-Italic-t53AETM-.woff2) format("woff2")}' +
    '@font-face{font-family:KaTeX_Main;font-weight:700;src:url(/sub/assets/KaTeX_Main-Bold-Cx9.woff2) format("woff2")}';
  const page = `<head><meta charset="utf-8"><style>${css}</style></head><body></body>`;

  it("links each face's hashed woff2 file, named by the inlined stylesheet, before the stylesheet", () => {
    const out = preloadFonts(page, ['KaTeX_Main-Regular', 'KaTeX_Math-Italic']);
    expect(out).toBe(
      '<head><meta charset="utf-8">' +
        '<link rel="preload" href="/sub/assets/KaTeX_Main-Regular-B22N_iop.woff2" as="font" type="font/woff2" crossorigin>' +
        '<link rel="preload" href="/sub/assets/KaTeX_Math-Italic-t53AETM-.woff2" as="font" type="font/woff2" crossorigin>' +
        `<style>${css}</style></head><body></body>`,
    );
  });

  it('refuses a face the stylesheet has no woff2 for, and a page without an inlined stylesheet', () => {
    expect(() => preloadFonts(page, ['KaTeX_AMS-Regular'])).toThrow(/no woff2 file for KaTeX_AMS-Regular/);
    expect(() => preloadFonts('<head></head>', [])).toThrow(/no inlined stylesheet/);
  });
});

describe('startEntryAfterPaint', () => {
  const page =
    '<head><script>theme()</script>\n<script type="module" crossorigin src="/assets/index-A.js"></script>\n' +
    '<link rel="modulepreload" crossorigin href="/assets/address-B.js">\n</head><body><p>Text</p></body>';

  it('removes the entry module and its preloads and starts them from one inline module script at the end', () => {
    const out = startEntryAfterPaint(page);
    expect(out).toBe(
      `<head><script>theme()</script>\n</head><body><p>Text</p><script type="module">${entryStarter('/assets/index-A.js', ['/assets/address-B.js'])}</script></body>`,
    );
    expect(out).not.toMatch(/src="\/assets\/index-A\.js"|modulepreload" crossorigin/);
  });

  it('starts the entry only after a painted frame, the fonts and another painted frame, or after 3 s', () => {
    const code = entryStarter('/assets/index-A.js', ['/assets/address-B.js']);
    expect(code).toContain('import("/assets/index-A.js")');
    expect(code).toContain('["/assets/address-B.js"]');
    expect(code).toContain('painted().then(fonts).then(painted)');
    expect(code).toContain('setTimeout(r,3000)');
  });

  it('refuses a page without exactly one entry module script', () => {
    expect(() => startEntryAfterPaint('<head></head><body></body>')).toThrow(/found 0/);
    const two = page.replace('</head>', '<script type="module" src="/b.js"></script></head>');
    expect(() => startEntryAfterPaint(two)).toThrow(/found 2/);
  });
});
