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
  type ParamsOf,
} from './params';

export interface FigureParamsState<S extends ParamSpec> {
  params: ParamsOf<S>;
  setParams(patch: Partial<ParamsOf<S>>): void;
  /** Notes about URL values that were refused (shown beside the figure). */
  issues: ParamIssue[];
}

/** The spec of a figure without parameters: one object, so its identity is stable across renders. */
const NO_PARAMS: ParamSpec = Object.freeze({});

/**
 * `spec` must keep its identity across renders (a figure's meta is a module-level constant): the URL is
 * re-read when it changes.
 */
export function useFigureParams<S extends ParamSpec>(figureId: string, spec: S | undefined): FigureParamsState<S> {
  const safeSpec = (spec ?? NO_PARAMS) as S;
  const [params, setState] = useState<ParamsOf<S>>(() => defaultParams(safeSpec));
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
  }, [figureId, safeSpec]);

  const current = useRef(params);
  useEffect(() => {
    current.current = params;
  }, [params]);

  const setParams = useCallback(
    (patch: Partial<ParamsOf<S>>) => {
      const next = { ...current.current } as Record<string, number | string>;
      for (const [name, value] of Object.entries(patch)) {
        const entry = safeSpec[name];
        if (entry) next[name] = coerceParamValue(entry, value, next[name]);
      }
      const typed = next as ParamsOf<S>;
      current.current = typed;
      setState(typed);
      setIssues([]);
      const url = new URL(window.location.href);
      const search = writeFigureParams(url.search, figureId, safeSpec, typed);
      window.history.replaceState(window.history.state, '', `${url.pathname}${search}${url.hash}`);
    },
    [figureId, safeSpec],
  );

  return { params, setParams, issues };
}
