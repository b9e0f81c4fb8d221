/** The experiments' bounded workspace cache (src/experiments/cache.ts). */
import { describe, expect, it } from 'vitest';
import { LruCache } from '../../../src/experiments/cache';

describe('LruCache', () => {
  it('makes a value once per key and drops the least recently used beyond its limit', () => {
    const made: string[] = [];
    const cache = new LruCache<string, string>(2);
    const get = (key: string) =>
      cache.get(key, () => {
        made.push(key);
        return key.toUpperCase();
      });
    expect([get('a'), get('b'), get('a')]).toEqual(['A', 'B', 'A']);
    expect(made).toEqual(['a', 'b']);
    // 'a' was used last, so 'c' evicts 'b'; 'a' is still there.
    get('c');
    expect(cache.size).toBe(2);
    get('a');
    expect(made).toEqual(['a', 'b', 'c']);
    get('b');
    expect(made).toEqual(['a', 'b', 'c', 'b']);
    // 'c' was evicted by 'b' (order then: a, b), so it is made again.
    get('c');
    expect(made).toEqual(['a', 'b', 'c', 'b', 'c']);
  });

  it('refuses a limit below one', () => {
    expect(() => new LruCache(0)).toThrow(RangeError);
  });
});
