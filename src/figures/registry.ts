/**
 * Figure id → catalogue entry, static meta (URL parameters, sources) and the lazily loaded view.
 * Views live in their own chunks (dynamic import), so the article bundle carries only this table.
 * Ids without a view yet render their Scrolly's prose with no graphic (never a placeholder).
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { FigureMeta, FigureViewProps } from '../story/figure-types';
import type { ParamSpec } from '../story/params';
import { FIGURE_CATALOG, type CatalogEntry, type FigureId } from './catalog';
import { shotNoiseMeta } from './shot-noise/meta';

// Views are typed per figure; the host passes props that match the figure's own spec.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyView = ComponentType<FigureViewProps<any>>;

export interface FigureRegistration {
  entry: CatalogEntry;
  meta?: FigureMeta<ParamSpec>;
  /** Loads the view's chunk (for preloading, e.g. before a static pre-render). */
  load?: () => Promise<{ default: AnyView }>;
  View?: LazyExoticComponent<AnyView>;
}

const BUILT: Partial<Record<FigureId, { meta: FigureMeta<ParamSpec>; load: () => Promise<{ default: AnyView }> }>> = {
  'shot-noise': { meta: shotNoiseMeta, load: () => import('./shot-noise/view') },
};

export const FIGURE_REGISTRY: Readonly<Record<FigureId, FigureRegistration>> = Object.fromEntries(
  FIGURE_CATALOG.map((entry) => {
    const built = BUILT[entry.id];
    const reg: FigureRegistration = built
      ? { entry, meta: built.meta, load: built.load, View: lazy(built.load) }
      : { entry };
    return [entry.id, reg];
  }),
) as Record<FigureId, FigureRegistration>;

/** The registration for a figure id, or undefined for an unknown id. */
export function getFigure(id: string): FigureRegistration | undefined {
  return (FIGURE_REGISTRY as Record<string, FigureRegistration>)[id];
}

/** Ids of the figures that have a view. */
export function builtFigureIds(): FigureId[] {
  return FIGURE_CATALOG.filter((f) => BUILT[f.id]).map((f) => f.id);
}

/** Loads every built view's chunk; a pre-render can await this before rendering. */
export function preloadFigureViews(): Promise<unknown> {
  return Promise.all(Object.values(BUILT).map((b) => b!.load()));
}
