/**
 * Runs a registered experiment (src/experiments) in the worker pool from a figure view: partial data
 * while samples arrive, cancellation when the inputs change or the view unmounts, results cached by
 * (name, params) so returning to a step is instant. Nothing runs during render, so the server pre-render
 * and the first client render agree (both see `ready: false` unless the result is already cached).
 *
 * Use it for anything heavier than a few milliseconds; cheap, closed-form models stay in render.
 */
import { useEffect, useId, useState } from 'react';
import type { ExperimentMeta } from '../experiments/types';
import { createResultCache } from './lru';

export interface ExperimentState<P, D> {
  /** The data so far: partial while running, complete when `ready`. */
  data: D | undefined;
  meta: ExperimentMeta<P> | undefined;
  done: number;
  total: number;
  ready: boolean;
  error: string | undefined;
}

export interface UseExperimentOptions {
  /** False defers the run (e.g. until the figure nears the viewport or its step is reached). */
  enabled?: boolean;
}

const cache = createResultCache<{ data: unknown; meta: ExperimentMeta<unknown> }>(32);

/** The cache key of a run: the experiment name and its parameters with keys sorted. */
export function experimentKey(name: string, params: object): string {
  const sorted = Object.keys(params).sort().map((k) => [k, (params as Record<string, unknown>)[k]]);
  return `${name}:${JSON.stringify(sorted)}`;
}

function fromCache<P, D>(key: string): ExperimentState<P, D> | undefined {
  const hit = cache.get(key);
  if (!hit) return undefined;
  return { data: hit.data as D, meta: hit.meta as ExperimentMeta<P>, done: 1, total: 1, ready: true, error: undefined };
}

const IDLE = { data: undefined, meta: undefined, done: 0, total: 0, ready: false, error: undefined };

export function useExperiment<P extends object, D>(
  name: string,
  params: Partial<P>,
  options: UseExperimentOptions = {},
): ExperimentState<P, D> {
  const enabled = options.enabled ?? true;
  const key = experimentKey(name, params);
  const poolKey = `${name}#${useId()}`;
  const [state, setState] = useState<{ key: string; value: ExperimentState<P, D> }>(() => ({
    key,
    value: fromCache<P, D>(key) ?? IDLE,
  }));

  useEffect(() => {
    const cached = fromCache<P, D>(key);
    if (cached) {
      setState({ key, value: cached });
      return;
    }
    setState({ key, value: IDLE });
    if (!enabled) return;
    const controller = new AbortController();
    let alive = true;
    // The pool (and its Worker constructor) is loaded only in the browser, after mount.
    void import('../workers/pool').then(({ runExperiment }) => {
      if (!alive) return;
      runExperiment<P, D>(name, params, {
        key: poolKey,
        signal: controller.signal,
        onProgress(done, total, partial) {
          if (alive) setState({ key, value: { data: partial, meta: undefined, done, total, ready: false, error: undefined } });
        },
      }).then(
        (result) => {
          cache.set(key, result as { data: unknown; meta: ExperimentMeta<unknown> });
          if (alive) setState({ key, value: { data: result.data, meta: result.meta, done: 1, total: 1, ready: true, error: undefined } });
        },
        (err: unknown) => {
          if (!alive || (err instanceof Error && err.name === 'AbortError')) return;
          const message = err instanceof Error ? err.message : String(err);
          setState({ key, value: { ...IDLE, error: message } });
        },
      );
    });
    return () => {
      alive = false;
      controller.abort();
    };
    // `key` captures `params` by value.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, enabled, name, poolKey]);

  // A state left over from previous inputs is never shown as current.
  return state.key === key ? state.value : (fromCache<P, D>(key) ?? IDLE);
}
