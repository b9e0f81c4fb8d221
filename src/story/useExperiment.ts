/**
 * Runs a registered experiment (src/experiments) in the worker pool from a figure view: partial data
 * while samples arrive, cancellation when the inputs change or the view unmounts, results cached by
 * (name, params) so returning to a step is instant. Nothing runs during render, and a hydrating render does
 * not read the cache, so the server pre-render and the hydrating render agree (both `ready: false`); a
 * result another view has already cached shows in the render right after (or at once in a client-only
 * mount).
 *
 * Requests are tagged with the figure instance (FigureInstanceContext), so the pool serves the figure on
 * screen first. A run that fails (the pool module did not load, a worker died twice) leaves `error` set
 * and reports to the figure's shell, which shows the message with a Retry button.
 *
 * Use it for anything heavier than a few milliseconds; cheap, closed-form models stay in render.
 */
import { useContext, useEffect, useEffectEvent, useId, useState } from 'react';
import type { ExperimentMeta } from '../experiments/types';
import type { ExperimentPool, RunOptions } from '../workers/pool';
import { reportFailure } from './figure-status';
import { createResultCache } from './lru';
import { useHydrated } from './useHydrated';
import { FigureInstanceContext, subscribeVisibility, VISIBILITY_RANK } from './priority';

export interface ExperimentState<P, D> {
  /** The data so far: partial while running, complete when `ready`. */
  data: D | undefined;
  meta: ExperimentMeta<P> | undefined;
  done: number;
  total: number;
  ready: boolean;
  error: string | undefined;
}

export interface UseExperimentOptions<D = unknown> {
  /** False defers the run (e.g. until the figure nears the viewport or its step is reached). */
  enabled?: boolean;
  /**
   * Called once with each complete result as it becomes current, from the pool or from the cache (a
   * reader returning to inputs computed before): for a caller that accumulates results, such as the race's
   * segments. Called after the render that shows the result, never during it.
   */
  onResult?: (data: D) => void;
  /** Workers the run leaves to the figure's other requests (the pool's RunOptions.spareWorkers); a change applies to the running run. */
  spareWorkers?: number;
}

const cache = createResultCache<{ data: unknown; meta: ExperimentMeta<unknown> }>(32);

/** The cache key of a run: the experiment name and its parameters with keys sorted. */
export function experimentKey(name: string, params: object): string {
  const sorted = Object.keys(params)
    .sort()
    .map((k) => [k, (params as Record<string, unknown>)[k]]);
  return `${name}:${JSON.stringify(sorted)}`;
}

function fromCache<P, D>(key: string): ExperimentState<P, D> | undefined {
  const hit = cache.get(key);
  if (!hit) return undefined;
  return { data: hit.data as D, meta: hit.meta as ExperimentMeta<P>, done: 1, total: 1, ready: true, error: undefined };
}

const IDLE = { data: undefined, meta: undefined, done: 0, total: 0, ready: false, error: undefined };

let connectedPool: ExperimentPool | null = null;

/** Keeps the pool's ranks in step with the figures' visibility (once per pool). */
function connectPriorities(pool: ExperimentPool): void {
  if (connectedPool === pool) return;
  connectedPool = pool;
  subscribeVisibility((instance, v) => pool.setPriority(instance, v === undefined ? undefined : VISIBILITY_RANK[v]));
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** What a hook shows for one run of its inputs, and whether the cache had it when the run began. */
interface RunState<P, D> {
  run: string;
  fromCache: boolean;
  value: ExperimentState<P, D>;
}

function startRun<P, D>(run: string, key: string, readCache: boolean): RunState<P, D> {
  const cached = readCache ? fromCache<P, D>(key) : undefined;
  return { run, fromCache: cached !== undefined, value: cached ?? IDLE };
}

export function useExperiment<P extends object, D>(
  name: string,
  params: Partial<P>,
  options: UseExperimentOptions<D> = {},
): ExperimentState<P, D> {
  const enabled = options.enabled ?? true;
  const key = experimentKey(name, params);
  const poolKey = `${name}#${useId()}`;
  const group = useContext(FigureInstanceContext)?.instance;
  // Bumped by Retry: runs the same inputs again.
  const [attempt, setAttempt] = useState(0);
  // A new run (other inputs, enabled or not, another figure instance, a retry) starts over while
  // rendering, from the cache or idle: a state left over from a previous run is never shown as current.
  // While hydrating, the run is what the server rendered (nothing cached there); the render after
  // hydration is a new run, which may start from the cache.
  const hydrated = useHydrated();
  const run = JSON.stringify([key, enabled, group ?? null, attempt, hydrated]);
  const [state, setState] = useState<RunState<P, D>>(() => startRun(run, key, hydrated));
  let current = state;
  if (state.run !== run) {
    current = startRun<P, D>(run, key, hydrated);
    setState(current);
  }
  // The hydrating render's run ends at once (the render after it is another run): it starts nothing.
  const needsComputing = enabled && hydrated && !current.fromCache;

  // Reads the parameters without reacting to them: `key` is their value, so a run starts when the value
  // changes, not when the caller passes an equal object. A run starts with the current spareWorkers.
  const runInPool = useEffectEvent((pool: ExperimentPool, runOptions: RunOptions<D>) =>
    pool.run<P, D>(name, params, { ...runOptions, spareWorkers: options.spareWorkers }),
  );

  useEffect(() => {
    if (!needsComputing) return;
    const controller = new AbortController();
    let alive = true;
    const show = (value: ExperimentState<P, D>) => {
      if (alive) setState({ run, fromCache: false, value });
    };
    const fail = (message: string) => {
      if (!alive) return;
      show({ ...IDLE, error: message });
      if (group) reportFailure(group, poolKey, { message, retry: () => setAttempt((a) => a + 1) });
    };
    // The pool (and its Worker constructor) is loaded only in the browser, after mount.
    import('../workers/pool').then(
      ({ getDefaultPool }) => {
        if (!alive) return;
        // Another view may have finished the same computation since this one rendered.
        const cached = fromCache<P, D>(key);
        if (cached) {
          show(cached);
          return;
        }
        const pool = getDefaultPool();
        connectPriorities(pool);
        runInPool(pool, {
          key: poolKey,
          group,
          signal: controller.signal,
          onProgress(done, total, partial) {
            show({ data: partial, meta: undefined, done, total, ready: false, error: undefined });
          },
        }).then(
          (result) => {
            cache.set(key, result as { data: unknown; meta: ExperimentMeta<unknown> });
            show({ data: result.data, meta: result.meta, done: 1, total: 1, ready: true, error: undefined });
          },
          (err: unknown) => {
            if (err instanceof Error && err.name === 'AbortError') return;
            fail(messageOf(err));
          },
        );
      },
      (err: unknown) => fail(`The computation could not start (${messageOf(err)}). Retry, or reload the page.`),
    );
    return () => {
      alive = false;
      controller.abort();
      if (group) reportFailure(group, poolKey, undefined);
    };
  }, [needsComputing, run, key, poolKey, group]);

  const spareWorkers = options.spareWorkers;
  useEffect(() => {
    connectedPool?.setSpareWorkers(poolKey, spareWorkers);
  }, [poolKey, spareWorkers]);

  const deliver = useEffectEvent((data: D) => options.onResult?.(data));
  const delivered = current.value.ready ? current.value.data : undefined;
  useEffect(() => {
    if (delivered !== undefined) deliver(delivered);
  }, [delivered]);

  return current.value;
}
