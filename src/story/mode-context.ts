/**
 * Which mode hosts the figures below (article, embed, slides, print). The article needs no provider;
 * FigureShell reads it to decide whether to offer the "Embed" and "Present" controls.
 */
import { createContext, useContext } from 'react';
import type { FigureMode } from './figure-types';

export const StoryModeContext = createContext<FigureMode>('article');

export function useStoryMode(): FigureMode {
  return useContext(StoryModeContext);
}
