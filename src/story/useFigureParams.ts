/**
 * `useFigureParams(figureId, spec)`: a figure's parameters, kept in the URL query string. The server
 * and the first client render use the defaults; the URL is read in an effect (SSR-safe) and on
 * back/forward navigation. Setting parameters replaces the history entry (no history spam).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  coerceParamValue,
  defaultParams,
  parseFigureParams,
  writeFigureParams,
  type ParamIssue,
  type ParamSpec,
  type ParamValues,
} from './params';

export interface FigureParamsState<S extends ParamSpec> {
  params: ParamValues<S>;
  setParams(patch: Partial<ParamValues<S>>): void;
  /** Notes about URL values that were refused (shown beside the figure). */
  issues: ParamIssue[];
}

export function useFigureParams<S extends ParamSpec>(figureId: string, spec: S | undefined): FigureParamsState<S> {
  const safeSpec = (spec ?? {}) as S;
  const [params, setState] = useState<ParamValues<S>>(() => defaultParams(safeSpec));
  const [issues, setIssues] = useState<ParamIssue[]>([]);

  useEffect(() => {
    const read = () => {
      const parsed = parseFigureParams(window.location.search, figureId, safeSpec);
      setState(parsed.params);
      setIssues(parsed.issues);
    };
    read();
    window.addEventListener('popstate', read);
    return () => window.removeEventListener('popstate', read);
    // The spec is static per figure; re-reading on its identity would loop for inline specs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [figureId]);

  const current = useRef(params);
  useEffect(() => {
    current.current = params;
  }, [params]);

  const setParams = useCallback(
    (patch: Partial<ParamValues<S>>) => {
      const next = { ...current.current } as Record<string, number | string>;
      for (const [name, value] of Object.entries(patch)) {
        const entry = safeSpec[name];
        if (entry) next[name] = coerceParamValue(entry, value, next[name]);
      }
      const typed = next as ParamValues<S>;
      current.current = typed;
      setState(typed);
      setIssues([]);
      const url = new URL(window.location.href);
      const search = writeFigureParams(url.search, figureId, safeSpec, typed);
      window.history.replaceState(window.history.state, '', `${url.pathname}${search}${url.hash}`);
      // eslint-disable-next-line react-hooks/exhaustive-deps
    },
    [figureId],
  );

  return { params, setParams, issues };
}
