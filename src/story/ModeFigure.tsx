/**
 * A figure at a given step outside the article (embed stepper, slides, print), at the step's end
 * (progress 1). FigureHost turns motion off in print, so each frame is the step's end state.
 * A figure with no view yet renders nothing here: the caller always shows the step's text.
 */
import { FigureHost } from './FigureHost';
import type { FigureMode } from './figure-types';
import { StoryModeContext } from './mode-context';

export function ModeFigure({ id, step, mode }: { id: string; step: number; mode: Exclude<FigureMode, 'article'> }) {
  return (
    <StoryModeContext.Provider value={mode}>
      <FigureHost id={id} step={step} progress={1} mode={mode} />
    </StoryModeContext.Provider>
  );
}
