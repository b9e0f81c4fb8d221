/**
 * Raw samples keyed by their sample index, so results computed in any split merge exactly: merging sorts
 * by index, and statistics are then computed in index order — the same floating-point operations whatever
 * the split. Duplicated indices (the same sample computed twice) must agree and are kept once.
 */

export interface IndexedSamples {
  /** Sample indices, strictly increasing. */
  indices: number[];
  /** values[i] belongs to indices[i]. */
  values: number[];
}

export function emptySamples(): IndexedSamples {
  return { indices: [], values: [] };
}

export function mergeIndexedSamples(parts: readonly IndexedSamples[]): IndexedSamples {
  const pairs: Array<[number, number]> = [];
  for (const p of parts) {
    if (p.indices.length !== p.values.length)
      throw new Error('mergeIndexedSamples: indices and values differ in length');
    for (let i = 0; i < p.indices.length; i++) pairs.push([p.indices[i], p.values[i]]);
  }
  pairs.sort((a, b) => a[0] - b[0]);
  const out = emptySamples();
  for (const [k, v] of pairs) {
    const last = out.indices.length - 1;
    if (last >= 0 && out.indices[last] === k) {
      if (!Object.is(out.values[last], v))
        throw new Error(`mergeIndexedSamples: sample ${k} has two different values (${out.values[last]} and ${v})`);
      continue;
    }
    out.indices.push(k);
    out.values.push(v);
  }
  return out;
}

/** The items of several partial runs, one per index (the first seen wins), in index order. */
export function mergeByIndex<T extends { index: number }>(parts: readonly (readonly T[])[]): T[] {
  const byIndex = new Map<number, T>();
  for (const part of parts) for (const item of part) if (!byIndex.has(item.index)) byIndex.set(item.index, item);
  return [...byIndex.values()].sort((a, b) => a.index - b.index);
}

/** Checks a sample range against a sample count and returns it as integers. */
export function resolveRange(range: readonly [number, number] | undefined, count: number): [number, number] {
  if (!range) return [0, count];
  const [a, b] = range;
  if (!Number.isInteger(a) || !Number.isInteger(b) || a < 0 || b > count || a > b) {
    throw new RangeError(`sample range [${a}, ${b}) is not inside [0, ${count})`);
  }
  return [a, b];
}
