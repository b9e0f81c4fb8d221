import { describe, expect, it } from 'vitest';
import { afterFailedRetry, isChunkLoadError } from '../../../src/load/chunk-failure';

describe('a chunk that did not load, told from code that threw', () => {
  it('recognises the failed-import messages of Chromium, Firefox and Safari, and Vite’s CSS preload', () => {
    for (const message of [
      'Failed to fetch dynamically imported module: http://127.0.0.1:4173/assets/view-DaFUc1Ao.js',
      'error loading dynamically imported module: https://example.org/assets/view-x.js',
      'Importing a module script failed.',
      'Unable to preload CSS for /assets/view-x.css',
    ])
      expect(isChunkLoadError(new TypeError(message)), message).toBe(true);
  });

  it('does not take a rendering error or a worker failure for one', () => {
    expect(isChunkLoadError(new TypeError("Cannot read properties of undefined (reading 'map')"))).toBe(false);
    expect(isChunkLoadError(new Error('worker crashed twice'))).toBe(false);
    expect(isChunkLoadError('a string')).toBe(false);
  });

  it('reloads after a failed retry only for a chunk-load error, and only online', () => {
    const failed = new TypeError('Failed to fetch dynamically imported module: https://example.org/a.js');
    expect(afterFailedRetry(failed, true)).toBe('reload');
    expect(afterFailedRetry(failed, false)).toBe('keep');
    expect(afterFailedRetry(new Error('threw while rendering'), true)).toBe('keep');
  });
});
