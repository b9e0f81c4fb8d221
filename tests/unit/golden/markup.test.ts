/**
 * The golden files' normalisation and diff, checked against hand-written markup and hand-computed
 * output: what must survive (a real change) and what must not (float noise, `useId` numbering).
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unifiedDiff } from './diff';
import { goldenSvg, layoutPathData, normaliseIds, parseMarkup, roundLiteral, roundNumbers, serialise } from './markup';
import { staleEntries } from './store';

const figure = (graphic: string) =>
  `<figure class="fig" aria-labelledby="_R_0_"><span id="_R_0_">Title</span><div class="fig__graphic">${graphic}</div><details>table</details></figure>`;

describe('rounding numbers', () => {
  it('rounds float noise to 3 decimals and keeps short literals as written', () => {
    expect(roundLiteral('77.50000000000001')).toBe('77.5');
    expect(roundLiteral('26.363636363636385')).toBe('26.364');
    expect(roundLiteral('1.2246467991473532e-16')).toBe('0');
    expect(roundLiteral('-0.0000001')).toBe('0');
    expect(roundLiteral('1.5')).toBe('1.5');
    expect(roundLiteral('2.250')).toBe('2.250');
    expect(roundLiteral('640')).toBe('640');
  });

  it('rounds every literal in path data and transforms, and leaves hex colours alone', () => {
    expect(roundNumbers('M0,193.77199999L4.6000001,-0.33333333')).toBe('M0,193.772L4.6,-0.333');
    expect(roundNumbers('translate(0,77.50000000000001) scale(1.23456)')).toBe('translate(0,77.5) scale(1.235)');
    expect(roundNumbers('#2e8b57')).toBe('#2e8b57');
  });
});

describe('normalising ids', () => {
  it('numbers React ids by first appearance, inside longer values and url() references too', () => {
    const [node] = normaliseIds(
      parseMarkup('<g clip-path="url(#_R_9_)"><clipPath id="_R_9_"></clipPath><input id="_R_d_-seed"/></g>'),
    );
    expect(serialise([node], 0, '', 'http://www.w3.org/2000/svg').join('\n')).toBe(
      [
        '<g xmlns="http://www.w3.org/2000/svg" clip-path="url(#id-1)">',
        '  <clipPath id="id-1"/>',
        '  <input id="id-2-seed"/>',
        '</g>',
      ].join('\n'),
    );
  });
});

describe('golden SVG of a figure', () => {
  it('keeps only the graphic, one element per line, with namespaces declared where they change', () => {
    const svg = goldenSvg(
      figure(
        '<p class="k">Shots: <strong>100</strong> </p><svg viewBox="0 0 10 10"><rect x="1.00049" y="2"></rect><text>0.123456</text></svg>',
      ),
      { figure: 'demo', step: 2 },
    );
    expect(svg).toBe(
      [
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" data-figure="demo" data-step="2">',
        '  <foreignObject width="100%" height="100%">',
        '    <div xmlns="http://www.w3.org/1999/xhtml" class="fig__graphic">',
        '      <p class="k">',
        '        Shots:&#32;',
        '        <strong>100</strong>',
        '        &#32;',
        '      </p>',
        '      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">',
        '        <rect x="1" y="2"/>',
        '        <text>0.123456</text>',
        '      </svg>',
        '    </div>',
        '  </foreignObject>',
        '</svg>',
        '',
      ].join('\n'),
    );
  });

  it('shows a stroke width change and a 0.01 px move, but not float noise', () => {
    const render = (width: string, x: string) =>
      goldenSvg(figure(`<svg><path stroke-width="${width}" d="M${x},0L5,5"></path></svg>`), { figure: 'f', step: 0 });
    expect(render('1.5', '10.000000000000002')).toBe(render('1.5', '9.999999999999998'));
    expect(render('1.5', '10')).not.toBe(render('2', '10'));
    expect(render('1.5', '10')).not.toBe(render('1.5', '10.01'));
  });

  it('writes long path data one command per line', () => {
    const d = Array.from({ length: 30 }, (_, i) => `${i === 0 ? 'M' : 'L'}${i},${i * 2}`).join('');
    const lines = layoutPathData(d, '  ').split('\n');
    expect(lines[1]).toBe('      M0,0');
    expect(lines[30]).toBe('      L29,58');
    expect(lines).toHaveLength(32);
  });

  it('refuses markup it cannot read rather than writing a partial golden', () => {
    expect(() => parseMarkup('<g><rect></g>')).toThrow(/closes <rect>/);
    expect(() => goldenSvg('<figure><svg></svg></figure>', { figure: 'f', step: 0 })).toThrow(/no \.fig__graphic/);
  });
});

describe('unified diff', () => {
  // Expected output checked against GNU `diff -u` on the same two files.
  it('prints hunks with their line numbers and 3 lines of context', () => {
    const lines = [...'abcdefghijklmn'];
    const before = lines.join('\n');
    const after = [...lines.slice(0, 4), 'E', ...lines.slice(5), 'o'].join('\n');
    expect(unifiedDiff(before, after, { before: 'old', after: 'new' })).toBe(
      [
        '--- old',
        '+++ new',
        '@@ -2,7 +2,7 @@',
        ' b',
        ' c',
        ' d',
        '-e',
        '+E',
        ' f',
        ' g',
        ' h',
        '@@ -12,3 +12,4 @@',
        ' l',
        ' m',
        ' n',
        '+o',
      ].join('\n'),
    );
    // Changes 6 unchanged lines apart share one hunk, as in `diff -u`.
    const near = [...lines.slice(0, 4), 'E', ...lines.slice(5, 11), 'L', ...lines.slice(12)].join('\n');
    expect(unifiedDiff(before, near, { before: 'old', after: 'new' }).split('\n')[2]).toBe('@@ -2,13 +2,13 @@');
    expect(unifiedDiff(before, before, { before: 'old', after: 'new' })).toBe('');
  });
});

describe('stale golden files', () => {
  it('lists a figure folder, a step and a stray file that no figure step accounts for', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'golden-'));
    for (const rel of ['a/step-0.svg', 'a/step-1.svg', 'a/notes.txt', 'gone/step-0.svg']) {
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      writeFileSync(path.join(dir, rel), '');
    }
    writeFileSync(path.join(dir, 'README.md'), '');
    expect(staleEntries([path.join(dir, 'a/step-0.svg')], dir)).toEqual(['a/notes.txt', 'a/step-1.svg', 'gone/']);
  });
});
