/**
 * A scrolly section's graphic as an island: the figure (FigureHost: registry look-up, URL parameters,
 * the view) at the position the section's step tracker publishes. The tracker runs without React on the
 * static prose; this root only renders the figure. Each island root provides what it needs: here, the
 * figure registry.
 */
import { getFigure } from '../figures/registry';
import { FigureHost } from '../story/FigureHost';
import { FigureRegistryContext } from '../story/figure-registry';
import { useStepPosition } from '../story/useStepTracker';
import type { IslandProps } from './types';

/** DOM id of a figure's island (unique: a figure has one scrolly section). */
export const figureIslandId = (figure: string) => `figure-${figure}`;

export function FigureIsland({ figure }: IslandProps['figure']) {
  const { index, progress } = useStepPosition(figure);
  return (
    <FigureRegistryContext value={getFigure}>
      <FigureHost id={figure} step={index} progress={progress} mode="article" />
    </FigureRegistryContext>
  );
}

/** Loads the figure's view chunk, so the island hydrates with the view in place (see story/preloadable). */
export function loadFigureView(figure: string): Promise<unknown> {
  return getFigure(figure)?.view?.load() ?? Promise.resolve();
}
