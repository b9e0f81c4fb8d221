/**
 * `useStepPosition(figure)`: the active step and progress of the scrolly section `[data-scrolly=figure]`,
 * as the step tracker (stepTracker.ts) derives them from the scroll position. The server and the
 * hydrating render see step 0 at progress 0 (what the pre-rendered HTML shows); the tracked position
 * applies right after, so an island that hydrates mid-story lands on the step the reader is at.
 *
 * State + subscription rather than useSyncExternalStore: a store change seen by useSyncExternalStore
 * re-renders synchronously inside the tracker's animation frame, so a figure's re-render would lengthen
 * that frame; a state update is rendered by React's scheduler in its own task, and scroll frames that
 * arrive meanwhile coalesce into one render.
 */
import { useEffect, useState } from 'react';
import { INITIAL_POSITION, type StepPosition } from './steps';
import { getStepPosition, subscribeStepPosition } from './stepTracker';

export { measureStepBounds } from './stepTracker';

export function useStepPosition(figure: string): StepPosition {
  const [position, setPosition] = useState<StepPosition>(INITIAL_POSITION);
  useEffect(() => {
    const read = () => setPosition(getStepPosition(figure));
    read();
    return subscribeStepPosition(figure, read);
  }, [figure]);
  return position;
}
