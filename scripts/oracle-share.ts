/**
 * The share of unit tests that check against an independent oracle, per folder of tests/unit.
 *
 * tests/ORACLES.json classifies every unit-test file: how many of its it/test blocks compare with something
 * independent of the code under test (a closed form, another library, a published number, literals
 * computed by hand, an implementation written inside the test), how many are circular (the expected
 * value comes from the code under test or restates its constants) and how many are other (behaviour,
 * contracts, smoke). This script counts the it/test blocks of each file itself (a block inside a loop or
 * an `it.each` counts once) and refuses a classification whose counts do not add up, or a file that is
 * missing from it, so the table cannot drift from the tests. It also fails when a test is classified circular, or
 * when the overall independent share falls below `minimumShare` in tests/ORACLES.json (a ratchet: raise it as the
 * share rises).
 *
 *   npx tsx scripts/oracle-share.ts            table per folder
 *   npx tsx scripts/oracle-share.ts --files    one line per file with its reason
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

type Category = 'independent' | 'circular' | 'other';
const CATEGORIES: Category[] = ['independent', 'circular', 'other'];

interface Entry {
  independent: number;
  circular: number;
  other: number;
  reason: string;
}

const ROOT = path.resolve(import.meta.dirname, '..');
const UNIT = path.join(ROOT, 'tests/unit');

/** it(…) / test(…) / it.each(…)(…) / it.skip(…) at the start of a line. */
const BLOCK = /^\s*(?:it|test)(?:\.(?:each|skip|only|todo|concurrent))?\s*[(`]/gm;

export function countBlocks(source: string): number {
  return source.match(BLOCK)?.length ?? 0;
}

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return testFiles(full);
    return /\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

const pct = (part: number, whole: number) => (whole === 0 ? '–' : `${Math.round((100 * part) / whole)} %`);

function main(): void {
  const classification = JSON.parse(readFileSync(path.join(ROOT, 'tests/ORACLES.json'), 'utf8')) as {
    minimumShare?: number;
    files: Record<string, Entry>;
  };
  const problems: string[] = [];
  const folders = new Map<string, Record<Category, number>>();
  const lines: string[] = [];
  const files = testFiles(UNIT).map((f) => path.relative(ROOT, f).split(path.sep).join('/'));
  for (const file of files.sort()) {
    const blocks = countBlocks(readFileSync(path.join(ROOT, file), 'utf8'));
    const entry = classification.files[file];
    if (!entry) {
      problems.push(`${file}: not classified in tests/ORACLES.json (${blocks} blocks)`);
      continue;
    }
    const sum = CATEGORIES.reduce((n, c) => n + entry[c], 0);
    if (sum !== blocks) problems.push(`${file}: ${blocks} it/test blocks, classified ${sum}`);
    const rel = path.relative('tests/unit', file);
    const folder = rel.includes('/') ? rel.split('/')[0] : '(top)';
    const acc = folders.get(folder) ?? { independent: 0, circular: 0, other: 0 };
    for (const c of CATEGORIES) acc[c] += entry[c];
    folders.set(folder, acc);
    lines.push(`${file}  ${entry.independent}/${entry.circular}/${entry.other}  ${entry.reason}`);
  }
  for (const file of Object.keys(classification.files)) {
    if (!files.includes(file)) problems.push(`${file}: classified but not a unit-test file`);
  }
  if (process.argv.includes('--files')) console.log(lines.join('\n') + '\n');

  const rows = [...folders.entries()].sort(([a], [b]) => a.localeCompare(b));
  const total = { independent: 0, circular: 0, other: 0 };
  for (const [, c] of rows) for (const k of CATEGORIES) total[k] += c[k];
  const table = [...rows, ['all', total] as const].map(([name, c]) => {
    const n = c.independent + c.circular + c.other;
    return [name, String(n), String(c.independent), String(c.circular), String(c.other), pct(c.independent, n)];
  });
  const head = ['folder', 'tests', 'independent', 'circular', 'other', 'independent share'];
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
  const fmt = (r: string[]) => r.map((v, i) => (i === 0 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join('  ');
  console.log([fmt(head), ...table.map(fmt)].join('\n'));
  const all = total.independent + total.circular + total.other;
  const floor = classification.minimumShare;
  if (floor !== undefined && all > 0 && (100 * total.independent) / all < floor) {
    problems.push(
      `independent share ${((100 * total.independent) / all).toFixed(1)} % is below the floor of ${floor} %`,
    );
  }
  if (total.circular > 0) problems.push(`${total.circular} circular tests: compare with something independent instead`);
  if (problems.length > 0) {
    console.error(`\n${problems.join('\n')}`);
    process.exitCode = 1;
  }
}

main();
