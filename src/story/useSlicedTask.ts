/**
 * Runs a deterministic, divisible computation for a figure. Small tasks are computed during render
 * (so the server pre-render contains their data and text alternative). Larger ones run after mount in
 * time slices (a few ms each, yielding to the browser in between), publish partial results as they
 * arrive, and are abandoned when their inputs (`key`) change. Finished results are cached by key, so
 * returning to a step is instant.
 */
import { useEffect, useMemo, useState } from 'react';
import { createResultCache } from './lru';

export interface SlicedTask<A, T> {
  /** Identity of the inputs; a new key cancels the running computation and starts another. */
  key: string;
  /** Units of work (e.g. repeated runs); `run` is called on consecutive ranges of them. */
  total: number;
  /** Estimated cost of the whole task (e.g. shots); at or under `syncCost` it runs during render. */
  cost: number;
  /** A fresh accumulator. */
  init(): A;
  /** Computes units [from, to) into the accumulator. Must give the same result however it is split. */
  run(acc: A, from: number, to: number): void;
  /** What the figure sees after `done` units: must return a new object when `done` changes. */
  view(acc: A, done: number): T;
}

export interface SlicedResult<T> {
  value: T;
  done: number;
  total: number;
  ready: boolean;
}

export interface SlicedOptions {
  /** Largest task cost computed synchronously during render (default 1e6). */
  syncCost?: number;
  /** Time budget of one slice in ms (default 10). */
  sliceMs?: number;
  /** Minimum ms between partial-result updates (default 120). */
  publishMs?: number;
}

const cache = createResultCache<unknown>(24);

/** Computes a task completely and synchronously (render path; also handy in Node and tests). */
export function runTaskSync<A, T>(task: SlicedTask<A, T>): T {
  const acc = task.init();
  task.run(acc, 0, task.total);
  return task.view(acc, task.total);
}

function yieldToBrowser(): Promise<void> {
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

export function useSlicedTask<A, T>(task: SlicedTask<A, T>, options: SlicedOptions = {}): SlicedResult<T> {
  const { syncCost = 1e6, sliceMs = 10, publishMs = 120 } = options;
  const sync = task.cost <= syncCost;
  // The render path: cached or cheap results, identical on server and client.
  const immediate = useMemo<T | undefined>(() => {
    if (cache.has(task.key)) return cache.get(task.key) as T;
    if (!sync) return undefined;
    const value = runTaskSync(task);
    cache.set(task.key, value);
    return value;
    // The key captures every input of the task.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [task.key, sync]);

  const [partial, setPartial] = useState<{ key: string; value: T; done: number } | null>(null);

  useEffect(() => {
    if (immediate !== undefined) return;
    let cancelled = false;
    const acc = task.init();
    setPartial({ key: task.key, value: task.view(acc, 0), done: 0 });
    (async () => {
      let done = 0;
      let lastPublish = performance.now();
      while (done < task.total) {
        const sliceEnd = performance.now() + sliceMs;
        while (done < task.total && performance.now() < sliceEnd) {
          task.run(acc, done, done + 1);
          done++;
        }
        if (cancelled) return;
        const now = performance.now();
        if (done === task.total) {
          const value = task.view(acc, done);
          cache.set(task.key, value);
          setPartial({ key: task.key, value, done });
          return;
        }
        if (now - lastPublish >= publishMs) {
          lastPublish = now;
          setPartial({ key: task.key, value: task.view(acc, done), done });
        }
        await yieldToBrowser();
        if (cancelled) return;
      }
    })();
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [task.key, immediate]);

  if (immediate !== undefined) return { value: immediate, done: task.total, total: task.total, ready: true };
  if (partial && partial.key === task.key) {
    return { value: partial.value, done: partial.done, total: task.total, ready: partial.done === task.total };
  }
  return { value: task.view(task.init(), 0), done: 0, total: task.total, ready: false };
}
