/** A bounded cache of reusable workspaces (simulators, prepared states) shared by an experiment's runs. */

/** Keeps at most `limit` values by key, dropping the least recently used one to make room. */
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly limit: number) {
    if (!(Number.isInteger(limit) && limit >= 1))
      throw new RangeError(`cache limit ${limit} is not a whole number ≥ 1`);
  }

  /** The value for `key`, made by `make()` if absent; either way it becomes the most recently used. */
  get(key: K, make: () => V): V {
    let value: V;
    if (this.entries.has(key)) {
      value = this.entries.get(key) as V;
      this.entries.delete(key);
    } else {
      value = make();
      if (this.entries.size >= this.limit) this.entries.delete(this.entries.keys().next().value as K);
    }
    this.entries.set(key, value);
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}
