/**
 * A keyed cache of asynchronous loads (code-split chunks): each key's loader runs once while its load is
 * pending or has succeeded; a failed load is forgotten, so the next call for that key runs the loader again
 * (a chunk that failed offline loads once the connection is back).
 */
export interface LoadOnce<T> {
  /** The value, once a load of `key` has resolved. */
  loaded(key: string): T | undefined;
  /** The value of `key`: the one loaded, the pending load, or a new call of `loader`. */
  load(key: string, loader: () => Promise<T>): Promise<T>;
}

export function loadOnce<T>(): LoadOnce<T> {
  const loaded = new Map<string, T>();
  const pending = new Map<string, Promise<T>>();
  return {
    loaded: (key) => loaded.get(key),
    load(key, loader) {
      if (loaded.has(key)) return Promise.resolve(loaded.get(key) as T);
      let p = pending.get(key);
      if (!p) {
        p = loader().then(
          (value) => {
            loaded.set(key, value);
            pending.delete(key);
            return value;
          },
          (error: unknown) => {
            pending.delete(key);
            throw error;
          },
        );
        pending.set(key, p);
      }
      return p;
    },
  };
}
