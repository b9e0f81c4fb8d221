/**
 * A line-based unified diff (the `diff -u` format) for golden mismatches: common head and tail are
 * trimmed, the middle is aligned by longest common subsequence, and hunks keep `context` lines around
 * each change. Golden files are a few thousand lines at most, and a change touches few of them.
 */

type Edit = { op: ' ' | '-' | '+'; line: string; a: number; b: number };

function edits(a: readonly string[], b: readonly string[]): Edit[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const ma = a.slice(head, a.length - tail);
  const mb = b.slice(head, b.length - tail);
  // lcs[i][j]: length of the longest common subsequence of ma[i..] and mb[j..].
  const width = mb.length + 1;
  const lcs = new Uint32Array((ma.length + 1) * width);
  for (let i = ma.length - 1; i >= 0; i--)
    for (let j = mb.length - 1; j >= 0; j--)
      lcs[i * width + j] =
        ma[i] === mb[j] ? lcs[(i + 1) * width + j + 1] + 1 : Math.max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
  const out: Edit[] = [];
  for (let k = 0; k < head; k++) out.push({ op: ' ', line: a[k], a: k, b: k });
  let i = 0;
  let j = 0;
  while (i < ma.length || j < mb.length) {
    if (i < ma.length && j < mb.length && ma[i] === mb[j]) {
      out.push({ op: ' ', line: ma[i], a: head + i++, b: head + j++ });
    } else if (i < ma.length && (j === mb.length || lcs[(i + 1) * width + j] >= lcs[i * width + j + 1])) {
      out.push({ op: '-', line: ma[i], a: head + i++, b: head + j });
    } else {
      out.push({ op: '+', line: mb[j], a: head + i, b: head + j++ });
    }
  }
  for (let k = 0; k < tail; k++)
    out.push({ op: ' ', line: a[a.length - tail + k], a: a.length - tail + k, b: b.length - tail + k });
  return out;
}

/** `diff -u` of two texts (split on newlines); empty when they are equal. */
export function unifiedDiff(
  before: string,
  after: string,
  names: { before: string; after: string },
  context = 3,
): string {
  if (before === after) return '';
  const script = edits(before.split('\n'), after.split('\n'));
  const changed = script.map((e, k) => (e.op === ' ' ? -1 : k)).filter((k) => k >= 0);
  const lines = [`--- ${names.before}`, `+++ ${names.after}`];
  let h = 0;
  while (h < changed.length) {
    // Grow the hunk while at most 2·context unchanged lines separate it from the next change.
    let last = h;
    while (last + 1 < changed.length && changed[last + 1] - changed[last] <= 2 * context + 1) last++;
    const from = Math.max(0, changed[h] - context);
    const to = Math.min(script.length, changed[last] + context + 1);
    const hunk = script.slice(from, to);
    const aCount = hunk.filter((e) => e.op !== '+').length;
    const bCount = hunk.filter((e) => e.op !== '-').length;
    const aStart = aCount === 0 ? hunk[0].a : hunk[0].a + 1;
    const bStart = bCount === 0 ? hunk[0].b : hunk[0].b + 1;
    lines.push(`@@ -${aStart},${aCount} +${bStart},${bCount} @@`);
    for (const e of hunk) lines.push(`${e.op}${e.line}`);
    h = last + 1;
  }
  return lines.join('\n');
}
