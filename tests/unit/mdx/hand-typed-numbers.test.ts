/**
 * Numbers typed by hand in content/*.mdx that equal a value of content/data/*.json or of a figure's
 * model (src/mdx/values.ts) within the rounding they are written with. Each one should be a
 * `<Value of="…"/>`, so the prose cannot drift from the data; the few that stay typed are listed in
 * ALLOWED with the reason. A new hand-typed copy of a data value fails this test, and so does an
 * allow-list entry that no longer matches anything.
 *
 * What counts as a number: digits with optional thousands separators and decimals, optionally
 * followed by "× 10^k" (also `\times10^{k}` in math), by thousand/million/billion/trillion, or by
 * "per cent"/"%". Numbers with a single significant digit (2, 10, 0.03, 1 million) are skipped: they
 * match too many values by coincidence to be informative. Exponents inside math (2^{n+1}) are not numbers.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProcessor } from '@mdx-js/mdx';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import type { Nodes, Root } from 'mdast';
import { contentValues } from '../../../src/mdx/values';
import { roundSig } from '../../../src/mdx/value-format';

const contentDir = path.resolve(__dirname, '../../../content');

interface Allowed {
  file: string;
  /** The number as written in the file. */
  written: string;
  why: string;
}

/** Numbers that match a data or model value but are not that value, or cannot be a <Value>. */
const ALLOWED: Allowed[] = [
  {
    file: '04-variational.mdx',
    written: '1.96',
    why: 'The 95 % normal quantile z = 1.96; equals the cost-of-an-answer GPU time at 20 qubits (1.96 ms) by coincidence.',
  },
  {
    file: '03-data-loading.mdx',
    written: '1,024',
    why: 'Twice: "a 1,024-pixel image fits in ten qubits" illustrates 2¹⁰ amplitudes, and "a 1,024-shot job" is the shot count of the 2018 IBM anecdote (qcse3901); both equal the MNIST padding (a <Value> in the encoding step) only because all three are 2¹⁰.',
  },
  {
    file: '03-data-loading.mdx',
    written: '23',
    why: "Numerator of Plesch and Brukner's (23/24)·2ⁿ CNOT count, a constant of their paper, not a data value.",
  },
  {
    file: '03-data-loading.mdx',
    written: '24',
    why: "Denominator of Plesch and Brukner's (23/24)·2ⁿ CNOT count; equals ibm_fez's 24 ns gate time by coincidence.",
  },
  {
    file: '04-variational.mdx',
    written: '15',
    why: 'The 4² − 1 = 15 in the closed form 2²/(3·15) at two qubits; the resulting variance is a <Value>.',
  },
  {
    file: '04-variational.mdx',
    written: '12',
    why: '"at 12 qubits" is a register size chosen for the example, not a quantity from the data.',
  },
  {
    file: '04-variational.mdx',
    written: '160',
    why: "Bowles, Ahmed and Schuld's 160 datasets (arXiv:2403.07059); it only rounds like the 156-qubit IBM devices.",
  },
];

interface Finding {
  file: string;
  line: number;
  written: string;
  keys: string[];
}

const WORDS: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const NUMBER =
  /(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:\s*(?:×|\\times)\s*10\s*(?:\^\s*\{?\s*([−-]?\d+)\s*\}?|([⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)))?(?:\s+(thousand|million|billion|trillion)\b)?(\s*(?:%|\\%|per cent))?/g;
const SUPER_OF: Record<string, string> = {
  '-': '⁻',
  0: '⁰',
  1: '¹',
  2: '²',
  3: '³',
  4: '⁴',
  5: '⁵',
  6: '⁶',
  7: '⁷',
  8: '⁸',
  9: '⁹',
};
const SUPER: Record<string, string> = {
  '⁻': '-',
  '⁰': '0',
  '¹': '1',
  '²': '2',
  '³': '3',
  '⁴': '4',
  '⁵': '5',
  '⁶': '6',
  '⁷': '7',
  '⁸': '8',
  '⁹': '9',
};

/** Significant digits of a written number: leading zeros never count, trailing zeros of an integer do not. */
function significantDigits(intPart: string, frac: string | undefined): number {
  const digits = (intPart.replace(/,/g, '') + (frac ?? '')).replace(/^0+/, '');
  return frac === undefined ? digits.replace(/0+$/, '').length : digits.length;
}

function numbersIn(text: string, math: boolean): Array<{ written: string; value: number; sig: number }> {
  // In math, a × 10^{k} is a number (rewritten with superscripts); any other exponent is structure, not a
  // quantity: 2^{n+1}, 4^n, and the bare 10^{15} (whose base 10 is then skipped as one significant digit).
  const source = math
    ? text
        .replace(
          /(?:\\times|×)\s*10\s*\^\s*\{?\s*([−-]?\d+)\s*\}?/g,
          (_, k: string) =>
            `×10${k
              .replace('−', '-')
              .split('')
              .map((c) => SUPER_OF[c])
              .join('')}`,
        )
        .replace(/\^\s*(\{[^}]*\}|\S)/g, ' ')
    : text;
  const out: Array<{ written: string; value: number; sig: number }> = [];
  for (const m of source.matchAll(NUMBER)) {
    const [written, intPart, frac, texExp, supExp, word, percent] = m;
    let value = Number(intPart.replace(/,/g, '') + (frac ? `.${frac}` : ''));
    const exp =
      texExp ??
      (supExp
        ? supExp
            .split('')
            .map((c) => SUPER[c])
            .join('')
        : undefined);
    if (exp !== undefined) value *= 10 ** Number(exp.replace('−', '-'));
    if (word) value *= WORDS[word];
    if (percent) value /= 100;
    out.push({ written: written.trim(), value, sig: significantDigits(intPart, frac) });
  }
  return out;
}

function matchingKeys(value: number, sig: number, table: ReadonlyMap<string, number>): string[] {
  if (sig < 2 || value === 0) return [];
  const keys: string[] = [];
  for (const [key, v] of table) {
    if (v === 0) continue;
    if (Math.abs(roundSig(v, sig) - value) <= 1e-9 * Math.abs(value)) keys.push(key);
  }
  return keys;
}

function scan(): Finding[] {
  const table = contentValues();
  const parser = createProcessor({ remarkPlugins: [remarkGfm, remarkMath] });
  const findings: Finding[] = [];
  const files = readdirSync(contentDir)
    .filter((f) => /^\d+[-_].+\.mdx$/.test(f))
    .sort();
  for (const file of files) {
    const tree = parser.parse({ path: file, value: readFileSync(path.join(contentDir, file), 'utf8') }) as Root;
    const visit = (node: Nodes): void => {
      if (node.type === 'text' || node.type === 'inlineMath' || node.type === 'math') {
        const math = node.type !== 'text';
        for (const n of numbersIn(node.value, math)) {
          const keys = matchingKeys(n.value, n.sig, table);
          if (keys.length) findings.push({ file, line: node.position?.start.line ?? 0, written: n.written, keys });
        }
      }
      if ('children' in node && Array.isArray(node.children)) for (const c of node.children as Nodes[]) visit(c);
    };
    visit(tree);
  }
  return findings;
}

describe('numbers typed by hand in content/*.mdx', () => {
  it('reads numbers the way the prose writes them', () => {
    const vals = (s: string, math = false) => numbersIn(s, math).map((n) => [Number(n.value.toPrecision(12)), n.sig]);
    expect(vals('a 1,024-pixel image')).toEqual([[1024, 4]]);
    expect(vals('0.143 per cent')).toEqual([[0.00143, 3]]);
    expect(vals('1.28 million images')).toEqual([[1.28e6, 3]]);
    expect(vals('7.9\\times10^{-4}', true)).toEqual([[7.9e-4, 2]]);
    expect(vals('7.9 × 10⁻⁴')).toEqual([[7.9e-4, 2]]);
    expect(vals('2^{n+1} - 2n - 2', true)).toEqual([
      [2, 1],
      [2, 1],
      [2, 1],
    ]);
    expect(vals('10^{15}', true)).toEqual([[10, 1]]);
    expect(vals('150,000 qubits')).toEqual([[150_000, 2]]);
  });

  it('finds a hand-typed copy of a data value (self-check on a known value)', () => {
    expect(matchingKeys(1457, 4, contentValues())).toContain('model.error-correction.qubits6');
    expect(matchingKeys(0.00143, 3, contentValues())).toContain('qec.willow.logicalErrorPerCycle');
    expect(matchingKeys(2, 1, contentValues())).toEqual([]);
  });

  it('every remaining match is on the allow-list, with a reason, and the list has no stale entries', () => {
    const findings = scan();
    const allowed = (f: Finding) => ALLOWED.some((a) => a.file === f.file && a.written === f.written);
    const unlisted = findings
      .filter((f) => !allowed(f))
      .map((f) => `content/${f.file}:${f.line}: "${f.written}" matches ${f.keys.slice(0, 4).join(', ')}`);
    expect(unlisted, 'use <Value of="…"/> for these, or allow-list them with a reason').toEqual([]);
    const stale = ALLOWED.filter((a) => !findings.some((f) => f.file === a.file && f.written === a.written)).map(
      (a) => `${a.file}: "${a.written}"`,
    );
    expect(stale, 'allow-list entries that no longer match anything').toEqual([]);
    for (const a of ALLOWED) expect(a.why.length).toBeGreaterThan(20);
  });
});
