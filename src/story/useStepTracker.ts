/**
 * `useStepPosition(figure)`: the active step and progress of the scrolly section `[data-scrolly=figure]`,
 * as the step tracker (stepTracker.ts) derives them from the scroll position. The server and the
 * hydrating render see step 0 at progress 0 (what the pre-rendered HTML shows); the tracked position
 * applies right after, so an island that hydrates mid-story lands on the step the reader is at.
 */
import { useCallback, useSyncExternalStore } from 'react';
import { INITIAL_POSITION, type StepPosition } from './steps';
import { getStepPosition, subscribeStepPosition } from './stepTracker';

export { measureStepBounds } from './stepTracker';

const serverPosition = (): StepPosition => INITIAL_POSITION;

export function useStepPosition(figure: string): StepPosition {
  const subscribe = useCallback((onChange: () => void) => subscribeStepPosition(figure, onChange), [figure]);
  const snapshot = useCallback(() => getStepPosition(figure), [figure]);
  return useSyncExternalStore(subscribe, snapshot, serverPosition);
}
