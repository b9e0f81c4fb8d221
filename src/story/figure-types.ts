/** The contract between a figure view and the modes that host it (article, embed, slides, print). */
import type { ParamIssue, ParamSpec, ParamsOf } from './params';

export type FigureMode = 'article' | 'embed' | 'slides' | 'print';

export interface FigureSource {
  label: string;
  href?: string;
}

/** Static, small facts about a figure (bundled with the article; the view itself is lazy). */
export interface FigureMeta<S extends ParamSpec = ParamSpec> {
  id: string;
  /** Parameters kept in the URL, with defaults and bounds. */
  params: S;
  sources: readonly FigureSource[];
}

/**
 * A figure's static facts from its id, its parameter spec (from `defineParams`) and its sources: the spec's
 * type carries into `FigureMeta<S>`, so the meta does not restate it.
 */
export function defineFigureMeta<S extends ParamSpec>(
  id: string,
  params: S,
  sources: readonly FigureSource[],
): FigureMeta<S> {
  return { id, params, sources };
}

export interface FigureViewProps<S extends ParamSpec = ParamSpec> {
  id: string;
  /**
   * The step shown (0-based), within the figure's steps (the host clamps it: see `entryViewProps`);
   * `progress` ∈ [0, 1] is the reader's position within it.
   */
  step: number;
  /** The figure's title in the catalogue (its id if it has no entry). */
  title: string;
  /** The catalogue's label of `step` ('' if none). */
  stepLabel: string;
  progress: number;
  params: ParamsOf<S>;
  setParams(patch: Partial<ParamsOf<S>>): void;
  /** URL values that were refused and replaced by defaults; the shell shows them. */
  paramIssues: ParamIssue[];
  mode: FigureMode;
  /** True when the reader prefers reduced motion: render end states directly, no animation. */
  reducedMotion: boolean;
}
