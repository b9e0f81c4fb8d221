/**
 * Renders a figure by id for a given step and progress, in any mode: looks the figure up in the
 * registry, owns its URL parameters and the motion preference, and lazy-loads the view. Figures with
 * no view render nothing.
 */
import { Suspense } from 'react';
import { getFigure, loadedView } from '../figures/registry';
import type { FigureMode } from './figure-types';
import { usePrefersReducedMotion } from './motion';
import { useFigureParams } from './useFigureParams';

export interface FigureHostProps {
  id: string;
  step: number;
  progress: number;
  mode: FigureMode;
}

export function FigureHost({ id, step, progress, mode }: FigureHostProps) {
  const figure = getFigure(id);
  const { params, setParams, issues } = useFigureParams(id, figure?.meta?.params);
  const reducedMotion = usePrefersReducedMotion();
  const View = loadedView(id) ?? figure?.View;
  if (!View) return null;
  return (
    <Suspense fallback={null}>
      <View
        id={id}
        step={step}
        progress={progress}
        params={params}
        setParams={setParams}
        paramIssues={issues}
        mode={mode}
        reducedMotion={reducedMotion}
      />
    </Suspense>
  );
}

/** Whether a figure id has a view to show. */
export function hasFigureView(id: string): boolean {
  return Boolean(getFigure(id)?.View);
}
