/** Cancellation shared by experiments, workers and the pool. */

/** Thrown when a run is cancelled. `name === 'AbortError'`, like the DOM's, and survives structured cloning by name. */
export class AbortError extends Error {
  constructor(message = 'The experiment was cancelled.') {
    super(message);
    this.name = 'AbortError';
  }
}

export function isAbortError(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { name?: unknown }).name === 'AbortError';
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AbortError();
}
