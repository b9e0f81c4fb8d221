/**
 * A chunk that failed to load, retried. The HTML standard now has `import()` fetch a module again after a
 * failed fetch (whatwg/html#10327), so a retry in place can work. Browsers that predate the change keep the
 * failure in their module map for the life of the page (Chromium 150 does: the second `import()` rejects at
 * once, with no request), and in those only a reload fetches the chunk again. So a retry runs in place
 * first, and when it fails again with a chunk-load error, the page reloads, unless the browser reports
 * being offline, where a reload could replace the article with the browser's offline page.
 */

/** The messages of a failed `import()`: Chromium, Firefox, Safari; and Vite's failed preload of a chunk's CSS. */
const CHUNK_LOAD_MESSAGES = [
  /Failed to fetch dynamically imported module/i,
  /error loading dynamically imported module/i,
  /Importing a module script failed/i,
  /Unable to preload CSS/i,
];

/** Whether `error` is a chunk that did not load (as opposed to code that loaded and threw). */
export function isChunkLoadError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return CHUNK_LOAD_MESSAGES.some((pattern) => pattern.test(message));
}

/** What to do after a retry in place failed with `error`: reload, or keep the page as it is. */
export function afterFailedRetry(error: unknown, online: boolean): 'reload' | 'keep' {
  return online && isChunkLoadError(error) ? 'reload' : 'keep';
}

/** Reloads the page when a retry in place has failed for a reason only a reload can fix. */
export function reloadAfterFailedRetry(error: unknown): void {
  if (afterFailedRetry(error, navigator.onLine) === 'reload') window.location.reload();
}
