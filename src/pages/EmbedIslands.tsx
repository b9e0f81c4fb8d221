/**
 * The parts of an embed page that hydrate (islands, like the article's; see src/islands): the page's frame
 * (query notes, theme, auto-height) at once, and each figure's stepper when it nears the viewport. The
 * rest of the page (title, a section's prose, the source line) is static HTML. Each island provides what
 * its tree needs (figure registry, story mode, citations), so its server render and its hydration match.
 */
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { citationCounts, citationOrder } from 'virtual:article-index';
import { CitationProvider, type CitationData } from '../cite/context';
import { catalogEntry } from '../figures/catalog';
import { mdxComponents } from '../mdx/components';
import { collectScrollies, parseStepParam, parseThemeParam, type EmbedTheme, type ScrollyInfo } from '../story/deck';
import { FigureRegistryContext } from '../story/figure-registry';
import { StoryModeContext } from '../story/mode-context';
import { stepDomId } from '../story/Step';
import { Stepper } from '../story/Stepper';
import { useHydrated } from '../story/useHydrated';
import { pageHref } from '../site/address';
import type { IslandProps } from '../islands/types';
import { loadedFigureSteps, type LoadedSection } from './embed-content';
import { embedFigures } from './embed-figures';

export { loadEmbedStepper } from './embed-content';
import { applyEmbedTheme, useAutoHeight } from './embed-frame';

interface EmbedQuery {
  /** Null until the query is read (the server renders the default theme). */
  theme: EmbedTheme | null;
  step: number;
  issues: string[];
}

const UNREAD_QUERY: EmbedQuery = { theme: null, step: 0, issues: [] };

/** `?theme`, and `?step` when a step count is given. */
function readEmbedQuery(search: string, stepCount: number | undefined): EmbedQuery {
  const query = new URLSearchParams(search);
  const issues: string[] = [];
  const theme = parseThemeParam(query.get('theme'));
  if (theme.issue) issues.push(theme.issue);
  let step = 0;
  if (stepCount !== undefined) {
    const parsed = parseStepParam(query.get('step'), stepCount);
    if (parsed.issue) issues.push(parsed.issue);
    step = parsed.step;
  }
  return { theme: theme.theme, step, issues };
}

/** The query once hydrated (the server renders step 0, no notes, the default theme). */
function useEmbedQuery(stepCount: number | undefined): EmbedQuery {
  const hydrated = useHydrated();
  return useMemo(
    () => (hydrated ? readEmbedQuery(window.location.search, stepCount) : UNREAD_QUERY),
    [hydrated, stepCount],
  );
}

/**
 * Whether the page counts as hydrated (`<html data-hydrated>`, set by the islands loader once the islands
 * near the viewport at load have committed).
 */
function usePageHydrated(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const observer = new MutationObserver(onChange);
      observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-hydrated'] });
      return () => observer.disconnect();
    },
    () => document.documentElement.dataset.hydrated === 'true',
    () => false,
  );
}

/**
 * The frame: notes on invalid query parameters, the query's theme, auto-height messages to the host. The
 * first height goes out once the steppers in view have hydrated at the query's step, so the host never
 * settles on the pre-rendered step 0 of a frame about to show another step.
 */
export function EmbedFrameIsland({ stepCount }: IslandProps['embed-frame']) {
  const { theme, issues } = useEmbedQuery(stepCount);
  useAutoHeight(usePageHydrated());
  useEffect(() => {
    if (theme) applyEmbedTheme(theme);
  }, [theme]);
  return issues.length > 0 ? (
    <p className="embed__issues" role="status" data-embed-issues="">
      {issues.join(' ')}
    </p>
  ) : null;
}

/** Numbering is the article's; the references are those of the figure's section. */
function citationsOf(section: LoadedSection | undefined): CitationData {
  return { references: section?.references ?? {}, order: citationOrder, counts: citationCounts };
}

/** The figure's steps, from its Scrolly compiled alone (loaded before render: `loadEmbedStepper`). */
function scrollyFor(own: LoadedSection | undefined, figure: string): ScrollyInfo | undefined {
  return own
    ? collectScrollies([own], mdxComponents as Record<string, unknown>, catalogEntry).find((s) => s.figure === figure)
    : undefined;
}

/** How many steps a figure's stepper has (its Scrolly's; the catalogue's labels when it has none). */
export function stepperStepCount(figure: string): number {
  const info = scrollyFor(loadedFigureSteps(figure), figure);
  return info ? info.steps.length : (catalogEntry(figure)?.steps.length ?? 0);
}

/** The step a figure embed shows: `?step` until the reader moves, then theirs (written back to the URL). */
function usePageStep(stepCount: number, enabled: boolean): [number, (n: number) => void] {
  const query = useEmbedQuery(enabled ? stepCount : undefined);
  const [chosen, setChosen] = useState<number | null>(null);
  const step = chosen ?? query.step;
  const onStep = useCallback(
    (n: number) => {
      setChosen(n);
      if (!enabled) return;
      const url = new URL(window.location.href);
      if (n === 0) url.searchParams.delete('step');
      else url.searchParams.set('step', String(n));
      window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
    },
    [enabled],
  );
  // Arrow keys work while nothing in particular has focus (the frame was just clicked).
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      const t = e.target as Element | null;
      if (t && t !== document.body && t !== document.documentElement && t.id !== 'main') return;
      const delta =
        e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0;
      if (!delta) return;
      e.preventDefault();
      const n = Math.max(0, Math.min(stepCount - 1, step + delta));
      if (n !== step) onStep(n);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled, step, stepCount, onStep]);
  return [step, onStep];
}

/** One figure's stepper (a figure embed's, or one of a section embed's). */
export function EmbedStepperIsland({ figure, page = false }: IslandProps['embed-stepper']) {
  const own = loadedFigureSteps(figure);
  const info = useMemo(() => scrollyFor(own, figure), [own, figure]);
  const citations = useMemo(() => citationsOf(own), [own]);
  const labels = info?.labels ?? catalogEntry(figure)?.steps ?? [];
  const stepCount = info ? info.steps.length : labels.length;
  const [step, onStep] = usePageStep(stepCount, page);
  const articleHref = pageHref(`/#${stepDomId(figure, step)}`);
  return (
    <FigureRegistryContext value={embedFigures}>
      <StoryModeContext.Provider value="embed">
        <CitationProvider value={citations}>
          {info ? (
            <Stepper
              figure={figure}
              steps={info.steps}
              labels={labels}
              step={Math.min(step, info.steps.length - 1)}
              onStep={onStep}
              footer={
                page ? (
                  <p className="stepper__article">
                    <a href={articleHref} target="_blank" rel="noopener">
                      Read this step in the full article
                    </a>
                  </p>
                ) : undefined
              }
            />
          ) : (
            <ol className="embed__labels">
              {labels.map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ol>
          )}
        </CitationProvider>
      </StoryModeContext.Provider>
    </FigureRegistryContext>
  );
}
