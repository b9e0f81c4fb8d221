/**
 * Runs a deterministic, divisible computation for a figure. Small tasks are computed during render
 * (so the server pre-render contains their data and text alternative). Larger ones run after mount in
 * time slices (a few ms each, yielding to the browser in between), publish partial results as they
 * arrive, and are abandoned when their inputs (`key`) change. Finished results are cached by key, so
 * returning to a step is instant.
 */
import { useEffect, useState } from 'react';
import { createResultCache } from './lru';
import { yieldToEventLoop } from '../experiments/abort';

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

/** A task's result so far: computed by `done` units of `task` (the object the computation runs on). */
interface Progress<A, T> {
  task: SlicedTask<A, T>;
  value: T;
  done: number;
}

/** Where a task starts: its cached result, its synchronous result when cheap, else nothing done yet. */
function startTask<A, T>(task: SlicedTask<A, T>, sync: boolean): Progress<A, T> {
  if (cache.has(task.key)) return { task, value: cache.get(task.key) as T, done: task.total };
  if (!sync) return { task, value: task.view(task.init(), 0), done: 0 };
  const value = runTaskSync(task);
  cache.set(task.key, value);
  return { task, value, done: task.total };
}

export function useSlicedTask<A, T>(task: SlicedTask<A, T>, options: SlicedOptions = {}): SlicedResult<T> {
  const { syncCost = 1e6, sliceMs = 10, publishMs = 120 } = options;
  // The render path (cached or cheap results, identical on server and client) runs while rendering, once
  // per key: a new key starts over there, so no frame shows the previous inputs' result.
  const [progress, setProgress] = useState(() => startTask(task, task.cost <= syncCost));
  let current = progress;
  if (progress.task.key !== task.key) {
    current = startTask(task, task.cost <= syncCost);
    setProgress(current);
  }
  // The task object the slices run on: the same one until the key changes, whatever the caller passes.
  const pending = current.done < task.total ? current.task : undefined;

  useEffect(() => {
    if (!pending) return;
    let cancelled = false;
    const acc = pending.init();
    (async () => {
      let done = 0;
      let lastPublish = performance.now();
      while (done < pending.total) {
        const sliceEnd = performance.now() + sliceMs;
        while (done < pending.total && performance.now() < sliceEnd) {
          pending.run(acc, done, done + 1);
          done++;
        }
        if (cancelled) return;
        const now = performance.now();
        if (done === pending.total) {
          const value = pending.view(acc, done);
          cache.set(pending.key, value);
          setProgress({ task: pending, value, done });
          return;
        }
        if (now - lastPublish >= publishMs) {
          lastPublish = now;
          setProgress({ task: pending, value: pending.view(acc, done), done });
        }
        await yieldToEventLoop();
        if (cancelled) return;
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [pending, sliceMs, publishMs]);

  return { value: current.value, done: current.done, total: task.total, ready: current.done === task.total };
}
