import { useCallback, useEffect, useRef } from 'react';

/**
 * A debounced commit for a control that moves continuously (a range slider): the returned function
 * may be called on every input event; `commit` runs once, `delay` ms after the last call, with the
 * last value. A pending commit is dropped when the component unmounts. The returned function is
 * stable, and the timer calls the `commit` of the latest render.
 */
export function useDebounced<T>(commit: (v: T) => void, delay = 200): (v: T) => void {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(commit);
  useEffect(() => {
    latest.current = commit;
  }, [commit]);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  return useCallback(
    (v: T) => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        timer.current = null;
        latest.current(v);
      }, delay);
    },
    [delay],
  );
}
