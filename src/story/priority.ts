/**
 * Which figure the reader is looking at, for the worker pool. Each figure instance (a figure rendered by
 * FigureHost) reports where its root element is: on screen, just below (within one viewport height), or
 * far. The pool runs the work of the figure on screen first, then the next one below, then the rest.
 *
 * The store is plain module state with listeners: FigureShell writes to it from effects, useExperiment
 * tags its requests with the instance from `FigureInstanceContext` and connects the store to the pool.
 * Nothing here touches the DOM.
 */
import { createContext } from 'react';

export type Visibility = 'view' | 'next' | 'far';

/** The pool's rank for each visibility (lower runs first). */
export const VISIBILITY_RANK: Readonly<Record<Visibility, number>> = { view: 0, next: 1, far: 2 };

/** The figure instance a subtree belongs to (provided by FigureHost through FigureBoundary). */
export interface FigureInstance {
  figure: string;
  /** Unique per rendered figure (two embeds of one figure are two instances). */
  instance: string;
}

export const FigureInstanceContext = createContext<FigureInstance | null>(null);

/**
 * The edges visibility is decided on, in viewport heights around the viewport: its own edge (view) and
 * one screen further (next / far). FigureShell watches its figure at these (viewport.ts).
 */
export const VISIBILITY_BOUNDARIES: readonly number[] = [0, 1];

/**
 * Visibility from which of `VISIBILITY_BOUNDARIES` a figure reaches within (pure): on screen; within the
 * next screen and below it (or not known to be above it: in a frame only "within a screen" is known); far.
 */
export function classifyReach(inView: boolean, withinAScreen: boolean, below: boolean | undefined): Visibility {
  if (inView) return 'view';
  if (withinAScreen && below !== false) return 'next';
  return 'far';
}

type Listener = (instance: string, visibility: Visibility | undefined) => void;

const current = new Map<string, Visibility>();
const listeners = new Set<Listener>();

/** Records an instance's visibility (`undefined` when it unmounts); listeners hear only changes. */
export function reportVisibility(instance: string, visibility: Visibility | undefined): void {
  if (current.get(instance) === visibility) return;
  if (visibility === undefined) current.delete(instance);
  else current.set(instance, visibility);
  for (const l of listeners) l(instance, visibility);
}

export function visibilityOf(instance: string): Visibility | undefined {
  return current.get(instance);
}

/** Calls `listener` for every instance known now, then on every change. Returns the unsubscribe. */
export function subscribeVisibility(listener: Listener): () => void {
  for (const [instance, v] of current) listener(instance, v);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
