/**
 * Renders a figure by id for a given step and progress, in any mode: looks the figure up in the
 * registry, owns its URL parameters and the motion preference, and lazy-loads the view. Figures with
 * no view render nothing.
 */
import { Suspense, useState } from 'react';
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
  // Print frames are static: always the end state, whatever the reader's motion preference.
  const reducedMotion = usePrefersReducedMotion() || mode === 'print';
  const props = { id, step, progress, params, setParams, paramIssues: issues, mode, reducedMotion };
  // A view already loaded when this host mounts (always so for pre-rendered pages: both entries load the
  // views first) renders in place: no Suspense boundary that could hydrate late, or be thrown away and
  // client-rendered (collapsing the page under the reader's scroll) when an update reaches it first.
  // The choice is fixed per mount, so a view that arrives later never swaps the element type.
  const [Loaded] = useState(() => loadedView(id));
  if (Loaded) return <Loaded {...props} />;
  const View = figure?.View;
  if (!View) return null;
  return (
    <Suspense fallback={null}>
      <View {...props} />
    </Suspense>
  );
}

/** Whether a figure id has a view to show. */
export function hasFigureView(id: string): boolean {
  return Boolean(getFigure(id)?.View);
}
