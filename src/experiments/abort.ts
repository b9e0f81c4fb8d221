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

/**
 * Resolves on the next turn of the event loop, so queued messages (a worker's cancel, the browser's input)
 * run before the next piece of work: a MessageChannel hop, not setTimeout, which browsers clamp to 4 ms
 * once nested.
 */
export function yieldToEventLoop(): Promise<void> {
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        ch.port1.close();
        resolve();
      };
      ch.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}
