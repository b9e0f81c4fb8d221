/**
 * The figures as the story layer sees them, handed down by whoever renders the story (a page, an island,
 * a test): the story layer never imports `src/figures`, so its parts work with any registry.
 * `src/figures/registry.ts` provides the site's; `src/pages/App.tsx` and `src/islands/FigureIsland.tsx`
 * put it in context.
 */
import { createContext, useContext } from 'react';
import type { FigureMeta, FigureViewProps } from './figure-types';
import type { ParamSpec } from './params';
import type { Preloadable } from './preloadable';
import { clampStep } from './steps';

/** A figure's catalogue entry: its title, its section and one label per scroll step. */
export interface FigureEntry {
  id: string;
  title: string;
  section: string;
  steps: readonly string[];
}

// Views are typed per figure; the host passes props that match the figure's own spec.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyFigureViewProps = FigureViewProps<any>;

export interface FigureRegistration {
  entry: FigureEntry;
  meta?: FigureMeta<ParamSpec>;
  /** The view, in its own chunk: loadable ahead of rendering (pre-render, hydration). */
  view?: Preloadable<AnyFigureViewProps>;
}

/** Figure id → its registration; undefined for an unknown id. */
export type FigureLookup = (id: string) => FigureRegistration | undefined;

export const FigureRegistryContext = createContext<FigureLookup | null>(null);

/** The registry in context; rendering a figure without one is a wiring mistake, reported as such. */
export function useFigureRegistry(): FigureLookup {
  const lookup = useContext(FigureRegistryContext);
  if (!lookup) throw new Error('no figure registry in context: render figures inside <FigureRegistryContext>');
  return lookup;
}

/** Whether a figure id has a view to show (needs a registry in context). */
export function useHasFigureView(id: string): boolean {
  return Boolean(useFigureRegistry()(id)?.view);
}

/** A figure's title where one is only a label (falls back to the id without a registry, e.g. a view rendered alone). */
export function useFigureTitle(id: string): string {
  return useContext(FigureRegistryContext)?.(id)?.entry.title ?? id;
}

/**
 * What a host tells a view from the figure's catalogue entry: the step clamped to the entry's steps, the title
 * and that step's label. Without an entry the step passes unchanged and the title is the id.
 */
export function entryViewProps(
  id: string,
  entry: Pick<FigureEntry, 'title' | 'steps'> | undefined,
  step: number,
): Pick<AnyFigureViewProps, 'step' | 'title' | 'stepLabel'> {
  if (!entry) return { step, title: id, stepLabel: '' };
  const shown = clampStep(step, entry.steps.length - 1);
  return { step: shown, title: entry.title, stepLabel: entry.steps[shown] ?? '' };
}
