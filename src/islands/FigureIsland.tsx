/**
 * A scrolly section's graphic as an island: the figure (FigureHost: registry look-up, URL parameters,
 * the view) at the position the section's step tracker publishes. The tracker runs without React on the
 * static prose; this root only renders the figure.
 */
import { getFigure } from '../figures/registry';
import { FigureHost } from '../story/FigureHost';
import { useStepPosition } from '../story/useStepTracker';
import type { IslandProps } from './types';

export function FigureIsland({ figure }: IslandProps['figure']) {
  const { index, progress } = useStepPosition(figure);
  return <FigureHost id={figure} step={index} progress={progress} mode="article" />;
}

/** Loads the figure's view chunk, so the island hydrates with the view in place (see story/preloadable). */
export function loadFigureView(figure: string): Promise<unknown> {
  return getFigure(figure)?.view?.load() ?? Promise.resolve();
}
