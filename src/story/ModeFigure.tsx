/**
 * A figure at a given step outside the article (embed stepper, slides, print). Uses FigureHost for the
 * interactive modes; print renders the same view with motion off, so each frame is the step's end state.
 * A figure with no view yet renders nothing here: the caller always shows the step's text.
 */
import { Suspense, useState } from 'react';
import { getFigure, loadedView } from '../figures/registry';
import { FigureHost } from './FigureHost';
import type { FigureMode } from './figure-types';
import { StoryModeContext } from './mode-context';
import { useFigureParams } from './useFigureParams';

function PrintFigure({ id, step }: { id: string; step: number }) {
  const figure = getFigure(id);
  const { params, setParams, issues } = useFigureParams(id, figure?.meta?.params);
  const [Loaded] = useState(() => loadedView(id));
  if (Loaded) return <Loaded id={id} step={step} progress={1} params={params} setParams={setParams} paramIssues={issues} mode="print" reducedMotion />;
  const View = figure?.View;
  if (!View) return null;
  return (
    <Suspense fallback={null}>
      <View id={id} step={step} progress={1} params={params} setParams={setParams} paramIssues={issues} mode="print" reducedMotion />
    </Suspense>
  );
}

export function ModeFigure({ id, step, mode }: { id: string; step: number; mode: Exclude<FigureMode, 'article'> }) {
  return (
    <StoryModeContext.Provider value={mode}>
      {mode === 'print' ? <PrintFigure id={id} step={step} /> : <FigureHost id={id} step={step} progress={1} mode={mode} />}
    </StoryModeContext.Provider>
  );
}

export function figureHasView(id: string): boolean {
  return Boolean(getFigure(id)?.View);
}
