import { describe, expect, it } from 'vitest';
import { failuresOf, reportFailure, retryFailures } from '../../../src/story/figure-status';
import { preloadable } from '../../../src/story/preloadable';
import {
  classifyVisibility,
  reportVisibility,
  subscribeVisibility,
  visibilityOf,
  type Visibility,
} from '../../../src/story/priority';

describe('classifyVisibility', () => {
  it('on screen, the next screen below, or far (above or further below)', () => {
    const H = 800;
    expect(classifyVisibility(100, 500, H)).toBe('view');
    expect(classifyVisibility(-300, 10, H)).toBe('view');
    expect(classifyVisibility(799, 1200, H)).toBe('view');
    expect(classifyVisibility(800, 1200, H)).toBe('next');
    expect(classifyVisibility(1599, 2000, H)).toBe('next');
    expect(classifyVisibility(1600, 2000, H)).toBe('far');
    expect(classifyVisibility(-900, 0, H)).toBe('far');
  });
});

describe('visibility store', () => {
  it('replays what is known to a new listener, then reports only changes', () => {
    reportVisibility('t-a', 'view');
    const heard: Array<[string, Visibility | undefined]> = [];
    const stop = subscribeVisibility((i, v) => {
      if (i.startsWith('t-')) heard.push([i, v]);
    });
    reportVisibility('t-a', 'view');
    reportVisibility('t-b', 'far');
    reportVisibility('t-a', 'next');
    reportVisibility('t-b', undefined);
    stop();
    reportVisibility('t-a', 'far');
    expect(heard).toEqual([
      ['t-a', 'view'],
      ['t-b', 'far'],
      ['t-a', 'next'],
      ['t-b', undefined],
    ]);
    expect(visibilityOf('t-a')).toBe('far');
    expect(visibilityOf('t-b')).toBeUndefined();
    reportVisibility('t-a', undefined);
  });
});

describe('figure failures', () => {
  it('lists failures per instance with a stable snapshot; Retry calls each retry once and clears them', () => {
    const calls: string[] = [];
    reportFailure('fig#1', 'run-a', { message: 'worker died', retry: () => calls.push('a') });
    reportFailure('fig#1', 'run-b', { message: 'worker died', retry: () => calls.push('b') });
    reportFailure('fig#2', 'run-c', { message: 'other', retry: () => calls.push('c') });
    const snap = failuresOf('fig#1');
    expect(snap.map((f) => f.message)).toEqual(['worker died', 'worker died']);
    expect(failuresOf('fig#1')).toBe(snap);
    retryFailures('fig#1');
    expect(calls).toEqual(['a', 'b']);
    expect(failuresOf('fig#1')).toHaveLength(0);
    expect(failuresOf('fig#2')).toHaveLength(1);
    reportFailure('fig#2', 'run-c', undefined);
    expect(failuresOf('fig#2')).toHaveLength(0);
  });
});

describe('preloadable', () => {
  it('forgets a failed chunk load, so the next load imports again', async () => {
    let attempts = 0;
    const View = () => null;
    const p = preloadable(async () => {
      attempts++;
      if (attempts === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return View;
    });
    await expect(p.load()).rejects.toThrow(/Failed to fetch/);
    await expect(p.load()).resolves.toBe(View);
    expect(attempts).toBe(2);
  });
});
