/**
 * The figures of an embed, each registered on its own: its meta and its view are loaded per figure (each
 * its own chunk, found by path), so an embed fetches neither the other figures' metas nor their views
 * (src/figures/registry.ts carries every meta, which the article's islands share). A unit test holds each
 * registration equal to the site registry's (same meta, a view exactly when the registry has one).
 */
import type { ComponentType } from 'react';
import { catalogEntry } from '../figures/catalog';
import type { AnyFigureViewProps, FigureLookup, FigureRegistration } from '../story/figure-registry';
import type { FigureMeta } from '../story/figure-types';
import type { ParamSpec } from '../story/params';
import { preloadable } from '../story/preloadable';

const METAS = import.meta.glob<Record<string, unknown>>('../figures/*/meta.ts');
const VIEWS = import.meta.glob<{ default: ComponentType<AnyFigureViewProps> }>('../figures/*/view.tsx');

/** The figure's meta among its meta module's exports: the object whose `id` is the figure's. */
function metaIn(module: Record<string, unknown>, figure: string): FigureMeta<ParamSpec> | undefined {
  return Object.values(module).find(
    (v): v is FigureMeta<ParamSpec> =>
      typeof v === 'object' && v !== null && (v as { id?: unknown }).id === figure && 'params' in v,
  );
}

const registered = new Map<string, FigureRegistration>();
const pending = new Map<string, Promise<FigureRegistration | undefined>>();

/**
 * Registers a figure: loads its meta and builds its (preloadable) view; undefined for an unknown id. The
 * view itself is loaded by `loadEmbedFigure`.
 */
export function registerEmbedFigure(figure: string): Promise<FigureRegistration | undefined> {
  let p = pending.get(figure);
  if (!p) {
    const entry = catalogEntry(figure);
    const metaLoader = METAS[`../figures/${figure}/meta.ts`];
    const viewLoader = VIEWS[`../figures/${figure}/view.tsx`];
    p = entry
      ? (metaLoader ? metaLoader() : Promise.resolve({})).then(
          (module) => {
            const registration: FigureRegistration = {
              entry,
              meta: metaIn(module, figure),
              view: viewLoader ? preloadable(() => viewLoader().then((m) => m.default)) : undefined,
            };
            registered.set(figure, registration);
            return registration;
          },
          (error: unknown) => {
            pending.delete(figure);
            throw error;
          },
        )
      : Promise.resolve(undefined);
    pending.set(figure, p);
  }
  return p;
}

/**
 * Registers a figure and loads its view. A view that fails to load is left to the figure's own failure
 * note with Retry (FigureHost) in place of the graphic.
 */
export function loadEmbedFigure(figure: string): Promise<unknown> {
  return registerEmbedFigure(figure).then((r) => r?.view?.load().catch(() => undefined));
}

/** The registry an embed's islands put in context: the figures registered so far. */
export const embedFigures: FigureLookup = (id) => registered.get(id);
