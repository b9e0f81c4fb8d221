/**
 * The worker-side logic, independent of the Worker global so it runs in Node tests. A run is computed in
 * chunks of sample indices; between chunks it yields to the event loop, so a 'cancel' message can arrive
 * and stop it (the experiment code itself is synchronous). Progress messages carry the raw samples so far,
 * at most every `progressIntervalMs` (and always before 'done').
 */
import { isAbortError } from '../experiments/abort';
import { getExperiment } from '../experiments/index';
import type { AnyExperimentDefinition } from '../experiments/types';
import type { FromWorker, ToWorker } from './protocol';

export interface HandlerOptions {
  /** Look-up of experiments by name (default: the registry). */
  lookup?: (name: string) => AnyExperimentDefinition;
  /** Sample indices per chunk (default 1: finest cancellation). */
  chunkSize?: number;
  progressIntervalMs?: number;
  /** Clock for throttling (default performance.now / Date.now). */
  now?: () => number;
}

/** Resolves on the next turn of the event loop (a MessageChannel hop, not clamped like setTimeout). */
export function yieldToEventLoop(): Promise<void> {
  if (typeof MessageChannel !== 'undefined') {
    return new Promise((resolve) => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => { ch.port1.close(); resolve(); };
      ch.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export function createWorkerHandler(post: (message: FromWorker) => void, options: HandlerOptions = {}): (message: ToWorker) => Promise<void> {
  const lookup = options.lookup ?? getExperiment;
  const chunkSize = Math.max(1, Math.floor(options.chunkSize ?? 1));
  const interval = options.progressIntervalMs ?? 100;
  const now = options.now ?? (() => (typeof performance !== 'undefined' ? performance.now() : Date.now()));
  const cancelled = new Set<number>();

  async function run(id: number, name: string, rawParams: unknown, range: [number, number]): Promise<void> {
    try {
      const def = lookup(name);
      const params = def.normalize(rawParams as object);
      const [start, end] = range;
      const perSample = def.workPerSample(params);
      const total = perSample * (end - start);
      let merged: unknown = null;
      let lastPost = -Infinity;
      for (let a = start; a < end; a += chunkSize) {
        if (cancelled.has(id)) throw Object.assign(new Error('cancelled'), { name: 'AbortError' });
        const b = Math.min(end, a + chunkSize);
        const part = def.runSamples(params, [a, b], {});
        merged = merged === null ? part : def.merge(params, [merged, part]);
        const t = now();
        if (b < end && t - lastPost >= interval) {
          lastPost = t;
          post({ type: 'progress', id, done: perSample * (b - start), total, samples: merged });
        }
        await yieldToEventLoop();
      }
      if (cancelled.has(id)) throw Object.assign(new Error('cancelled'), { name: 'AbortError' });
      if (merged === null) merged = def.runSamples(params, [start, start], {});
      post({ type: 'progress', id, done: total, total, samples: merged });
      post({ type: 'done', id, samples: merged });
    } catch (err) {
      post({
        type: 'error', id,
        name: isAbortError(err) ? 'AbortError' : (err as Error)?.name ?? 'Error',
        message: (err as Error)?.message ?? String(err),
      });
    } finally {
      cancelled.delete(id);
    }
  }

  return (message) => {
    if (message.type === 'cancel') {
      cancelled.add(message.id);
      return Promise.resolve();
    }
    return run(message.id, message.name, message.params, message.range);
  };
}
