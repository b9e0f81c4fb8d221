/** A small least-recently-stored cache of finished figure computations, keyed by their inputs. */
export interface ResultCache<V> {
  has(key: string): boolean;
  get(key: string): V | undefined;
  /** Stores a value as the newest entry, evicting the oldest beyond the limit. */
  set(key: string, value: V): void;
}

export function createResultCache<V>(limit: number): ResultCache<V> {
  const map = new Map<string, V>();
  return {
    has: (key) => map.has(key),
    get: (key) => map.get(key),
    set(key, value) {
      map.delete(key);
      map.set(key, value);
      while (map.size > limit) map.delete(map.keys().next().value as string);
    },
  };
}
