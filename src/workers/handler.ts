/**
 * The worker-side logic, independent of the Worker global so it runs in Node tests. The pool sends small
 * ranges of sample indices (chunks sized to a few milliseconds); the handler computes them one after
 * another in arrival order, yielding to the event loop between them so a 'cancel' can drop a queued
 * chunk. Each answer carries the chunk's raw samples and the time it took, which the pool uses to size
 * the next chunks. While a chunk runs, the experiment's per-sample callback posts a heartbeat at most
 * every `heartbeatMs`, so the pool can tell a slow worker from a dead one.
 */
import { isAbortError, yieldToEventLoop } from '../experiments/abort';
import { getLoadedExperiment, loadExperiment, loadedExperiment } from '../experiments/definitions';
import { isKnownExperiment } from '../experiments/registry';
import type { AnyExperimentDefinition } from '../experiments/types';
import type { FromWorker, RunMessage, ToWorker } from './protocol';

export interface HandlerOptions {
  /** Look-up of experiments by name (default: the registry, each definition's chunk loaded on first use). */
  lookup?: (name: string) => AnyExperimentDefinition;
  /** Minimum ms between heartbeats (progress messages) during one chunk (default 250). */
  heartbeatMs?: number;
  /** Clock (default performance.now / Date.now). */
  now?: () => number;
}

export function createWorkerHandler(
  post: (message: FromWorker) => void,
  options: HandlerOptions = {},
): (message: ToWorker) => Promise<void> {
  const lookup = options.lookup ?? getLoadedExperiment;
  const lazy = options.lookup === undefined;
  const heartbeatMs = options.heartbeatMs ?? 250;
  const now = options.now ?? (() => (typeof performance !== 'undefined' ? performance.now() : Date.now()));
  const queue: RunMessage[] = [];
  let draining: Promise<void> | null = null;

  function compute(message: RunMessage): void {
    const { id, name, range } = message;
    try {
      const def = lookup(name);
      const params = def.normalize(message.params as object);
      const total = def.workPerSample(params) * (range[1] - range[0]);
      const t0 = now();
      let lastBeat = t0;
      const samples = def.runSamples(params, range, {
        onRound(doneWork: number) {
          const t = now();
          if (t - lastBeat >= heartbeatMs) {
            lastBeat = t;
            post({ type: 'progress', id, done: doneWork, total });
          }
        },
      });
      post({ type: 'done', id, samples, ms: now() - t0 });
    } catch (err) {
      post({
        type: 'error',
        id,
        name: isAbortError(err) ? 'AbortError' : ((err as Error)?.name ?? 'Error'),
        message: (err as Error)?.message ?? String(err),
      });
    }
  }

  async function drain(): Promise<void> {
    while (queue.length) {
      const name = queue[0].name;
      if (lazy && !loadedExperiment(name) && isKnownExperiment(name)) {
        // A failed load is reported by compute() (the look-up throws); a 'cancel' meanwhile may drop the head.
        await loadExperiment(name).catch(() => undefined);
        if (queue[0]?.name === name && !loadedExperiment(name)) compute(queue.shift()!);
        continue;
      }
      compute(queue.shift()!);
      // Lets 'cancel' (and 'run') messages that arrived meanwhile be handled before the next chunk.
      await yieldToEventLoop();
    }
    draining = null;
  }

  return (message) => {
    if (message.type === 'prepare') {
      // A failed load is retried, and reported, by the run that needs it.
      if (lazy && isKnownExperiment(message.name)) void loadExperiment(message.name).catch(() => undefined);
      return draining ?? Promise.resolve();
    }
    if (message.type === 'cancel') {
      const i = queue.findIndex((m) => m.id === message.id);
      if (i >= 0) {
        queue.splice(i, 1);
        post({ type: 'error', id: message.id, name: 'AbortError', message: 'cancelled' });
      }
      // A chunk that already ran has answered; the pool ignores answers for cancelled requests.
      return draining ?? Promise.resolve();
    }
    queue.push(message);
    draining ??= drain();
    return draining;
  };
}
