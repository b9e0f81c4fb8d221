import { describe, expect, it } from 'vitest';
import { loadOnce } from '../../../src/load/once';

describe('loadOnce', () => {
  it('runs a key’s loader once: concurrent and later calls share its value', async () => {
    const cache = loadOnce<number>();
    let calls = 0;
    const loader = () => Promise.resolve(++calls * 10);
    const [a, b] = await Promise.all([cache.load('x', loader), cache.load('x', loader)]);
    expect([a, b]).toEqual([10, 10]);
    expect(await cache.load('x', loader)).toBe(10);
    expect(calls).toBe(1);
    expect(cache.loaded('x')).toBe(10);
  });

  it('keeps keys apart', async () => {
    const cache = loadOnce<string>();
    expect(await cache.load('a', () => Promise.resolve('A'))).toBe('A');
    expect(cache.loaded('b')).toBeUndefined();
    expect(await cache.load('b', () => Promise.resolve('B'))).toBe('B');
    expect(cache.loaded('a')).toBe('A');
  });

  it('forgets a failed load, so the next call runs the loader again', async () => {
    const cache = loadOnce<string>();
    let calls = 0;
    const flaky = () => (++calls === 1 ? Promise.reject(new Error('offline')) : Promise.resolve('chunk'));
    await expect(cache.load('x', flaky)).rejects.toThrow('offline');
    expect(cache.loaded('x')).toBeUndefined();
    expect(await cache.load('x', flaky)).toBe('chunk');
    expect(calls).toBe(2);
  });
});
