import { describe, expect, it } from 'vitest';
import { failuresOf, reportFailure, retryFailures } from '../../../src/story/figure-status';
import { preloadable } from '../../../src/story/preloadable';
import {
  classifyReach,
  reportVisibility,
  subscribeVisibility,
  visibilityOf,
  type Visibility,
} from '../../../src/story/priority';

describe('classifyReach', () => {
  it('on screen, within the next screen below (or not known to be above), or far', () => {
    expect(classifyReach(true, true, false)).toBe('view');
    expect(classifyReach(true, true, undefined)).toBe('view');
    expect(classifyReach(false, true, true)).toBe('next');
    // Within a screen but above the viewport: already read.
    expect(classifyReach(false, true, false)).toBe('far');
    // In a frame, where above or below is not known: within a screen counts as next.
    expect(classifyReach(false, true, undefined)).toBe('next');
    expect(classifyReach(false, false, true)).toBe('far');
    expect(classifyReach(false, false, undefined)).toBe('far');
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
