/**
 * Renders a figure by id for a given step and progress, in any mode: looks the figure up in the
 * registry in context, owns its URL parameters and the motion preference, and lazy-loads the view. It
 * clamps the step to the figure's catalogue steps and passes the title and step label (`entryViewProps`),
 * so views do not look them up.
 * Figures with no view render nothing.
 */
import { entryViewProps, useFigureRegistry } from './figure-registry';
import { FigureBoundary } from './FigureShell';
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
  const figure = useFigureRegistry()(id);
  const { params, setParams, issues } = useFigureParams(id, figure?.meta?.params);
  // Print frames are static: always the end state, whatever the reader's motion preference.
  const reducedMotion = usePrefersReducedMotion() || mode === 'print';
  const shown = entryViewProps(id, figure?.entry, step);
  const props = { id, ...shown, progress, params, setParams, paramIssues: issues, mode, reducedMotion };
  // Pre-rendered pages load their views before hydrating, so the view renders in place (see preloadable).
  const View = figure?.view?.Render;
  return View ? (
    <FigureBoundary id={id} step={shown.step}>
      <View {...props} />
    </FigureBoundary>
  ) : null;
}
