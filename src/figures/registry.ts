/**
 * Figure id → catalogue entry, static meta (URL parameters, sources) and the lazily loaded view.
 * Views live in their own chunks (dynamic import), so the article bundle carries only this table.
 * Ids without a view yet render their Scrolly's prose with no graphic (never a placeholder).
 */
import type { ComponentType } from 'react';
import { preloadable } from '../story/preloadable';
import type { AnyFigureViewProps, FigureRegistration } from '../story/figure-registry';
import type { FigureMeta } from '../story/figure-types';
import type { ParamSpec } from '../story/params';
import { FIGURE_CATALOG, type FigureId } from './catalog';
import { shotNoiseMeta } from './shot-noise/meta';
import { barrenPlateauMeta } from './barren-plateau/meta';
import { landscapeMeta } from './landscape/meta';
import { marathonMeta } from './measurement-marathon/meta';
import { baselineRaceMeta } from './baseline-race/meta';
import { pipelineMeta } from './pipeline-cost/meta';
import { encodingMeta } from './encoding-cost/meta';
import { erosionMeta } from './speedup-erosion/meta';
import { errorCorrectionMeta } from './error-correction/meta';
import { noiseVsDepthMeta } from './noise-vs-depth/meta';
import { calibrationDriftMeta } from './calibration-drift/meta';
import { costMeta } from './cost-of-an-answer/meta';
import { accelMeta } from './accelerator-check/meta';

type AnyView = ComponentType<AnyFigureViewProps>;

const BUILT: Partial<Record<FigureId, { meta: FigureMeta<ParamSpec>; load: () => Promise<{ default: AnyView }> }>> = {
  'shot-noise': { meta: shotNoiseMeta, load: () => import('./shot-noise/view') },
  'barren-plateau': { meta: barrenPlateauMeta, load: () => import('./barren-plateau/view') },
  landscape: { meta: landscapeMeta, load: () => import('./landscape/view') },
  'measurement-marathon': { meta: marathonMeta, load: () => import('./measurement-marathon/view') },
  'baseline-race': { meta: baselineRaceMeta, load: () => import('./baseline-race/view') },
  'encoding-cost': { meta: encodingMeta, load: () => import('./encoding-cost/view') },
  'pipeline-cost': { meta: pipelineMeta, load: () => import('./pipeline-cost/view') },
  'speedup-erosion': { meta: erosionMeta, load: () => import('./speedup-erosion/view') },
  'error-correction': { meta: errorCorrectionMeta, load: () => import('./error-correction/view') },
  'noise-vs-depth': { meta: noiseVsDepthMeta, load: () => import('./noise-vs-depth/view') },
  'calibration-drift': { meta: calibrationDriftMeta, load: () => import('./calibration-drift/view') },
  'cost-of-an-answer': { meta: costMeta, load: () => import('./cost-of-an-answer/view') },
  'accelerator-check': { meta: accelMeta, load: () => import('./accelerator-check/view') },
};

export const FIGURE_REGISTRY: Readonly<Record<FigureId, FigureRegistration>> = Object.fromEntries(
  FIGURE_CATALOG.map((entry) => {
    const built = BUILT[entry.id];
    const reg: FigureRegistration = built
      ? { entry, meta: built.meta, view: preloadable<AnyFigureViewProps>(() => built.load().then((m) => m.default)) }
      : { entry };
    return [entry.id, reg];
  }),
) as Record<FigureId, FigureRegistration>;

/** The registration for a figure id, or undefined for an unknown id. */
export function getFigure(id: string): FigureRegistration | undefined {
  return (FIGURE_REGISTRY as Record<string, FigureRegistration>)[id];
}

/** Loads every built view's chunk; a pre-render can await this before rendering. */
export function preloadFigureViews(): Promise<unknown> {
  return Promise.all(Object.values(FIGURE_REGISTRY).map((r) => r.view?.load()));
}
