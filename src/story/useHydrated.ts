/**
 * False while the server pre-renders and while the client hydrates that HTML; true on every render after
 * (and from the first render of a client-only mount). Browser-only values (the URL, canvas, media) read
 * behind it agree with the pre-render during hydration, then apply in the re-render React makes right
 * after: no state set from an effect, no mismatch.
 */
import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};
const onClient = () => true;
const onServer = () => false;

export function useHydrated(): boolean {
  return useSyncExternalStore(subscribe, onClient, onServer);
}
