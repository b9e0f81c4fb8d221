/**
 * Failures a figure instance shows in its shell, with a way to retry them: a computation that rejected
 * (its worker died twice, the worker chunk failed to load) reports here; FigureShell lists the messages
 * with one Retry button, which calls every retry of that instance. Module state, no DOM.
 */
import { useSyncExternalStore } from 'react';

export interface FigureFailure {
  message: string;
  retry(): void;
}

const failures = new Map<string, Map<string, FigureFailure>>();
const snapshots = new Map<string, readonly FigureFailure[]>();
const listeners = new Set<() => void>();
const NONE: readonly FigureFailure[] = [];

function changed(instance: string): void {
  const m = failures.get(instance);
  if (!m || m.size === 0) {
    failures.delete(instance);
    snapshots.delete(instance);
  } else snapshots.set(instance, [...m.values()]);
  for (const l of listeners) l();
}

/** Sets (or, with `undefined`, clears) the failure of one source (e.g. one experiment run) of an instance. */
export function reportFailure(instance: string, source: string, failure: FigureFailure | undefined): void {
  const m = failures.get(instance);
  if (!failure) {
    if (m?.delete(source)) changed(instance);
    return;
  }
  if (m) m.set(source, failure);
  else failures.set(instance, new Map([[source, failure]]));
  changed(instance);
}

export function failuresOf(instance: string | undefined): readonly FigureFailure[] {
  return (instance && snapshots.get(instance)) || NONE;
}

/** Retries everything that failed in an instance. */
export function retryFailures(instance: string): void {
  const m = failures.get(instance);
  if (!m) return;
  const all = [...m.values()];
  failures.delete(instance);
  changed(instance);
  for (const f of all) f.retry();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function useFigureFailures(instance: string | undefined): readonly FigureFailure[] {
  return useSyncExternalStore(
    subscribe,
    () => failuresOf(instance),
    () => NONE,
  );
}
