/**
 * Citation data for `<Cite>` and the bibliography: the cited references, their build-time order and
 * how often each is cited. Provided once by the article page from `virtual:article`.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { References } from './types';

export interface CitationData {
  references: References;
  /** Keys by first appearance across the article. */
  order: readonly string[];
  /** Occurrences per key (one back-link each). */
  counts: Readonly<Record<string, number>>;
}

const EMPTY: CitationData = { references: {}, order: [], counts: {} };
const CitationContext = createContext<CitationData>(EMPTY);

export function CitationProvider({ value, children }: { value: CitationData; children: ReactNode }) {
  return <CitationContext.Provider value={value}>{children}</CitationContext.Provider>;
}

export function useCitations(): CitationData {
  return useContext(CitationContext);
}
