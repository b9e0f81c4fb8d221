/**
 * `/embed/<figure-id>` and `/embed/section/<section-id>`: one figure (or one section) alone, with a
 * stepper in place of scrolling, its caption and method (from the figure shell), a link back to the
 * article at the current step, validated query parameters with visible notes, and auto-height messages
 * for the host page. The server renders step 0 with the default theme; the query string applies after
 * hydration.
 */
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { citationCounts, citationOrder, meta } from 'virtual:article-index';
import { CitationProvider, type CitationData } from '../cite';
import { catalogEntry } from '../figures/catalog';
import { mdxComponents } from '../mdx/components';
import { collectScrollies, parseStepParam, parseThemeParam, type EmbedTheme, type ScrollyInfo } from '../story/deck';
import { StoryModeContext } from '../story/mode-context';
import { useHasFigureView } from '../story/figure-registry';
import { Stepper } from '../story/Stepper';
import { collectSteps } from '../story/collect';
import { stepDomId } from '../story/Step';
import { useHydrated } from '../story/useHydrated';
import { applyEmbedTheme, useAutoHeight } from './embed-frame';
import { siteTitle } from './site';
import './pages.css';
import { pageHref } from '../site/address';
import { loadedFigureSteps, loadedSection, type LoadedSection } from './embed-content';

/** Numbering is the article's; the references are those of the one section shown. */
function citationsOf(section: LoadedSection | undefined): CitationData {
  return { references: section?.references ?? {}, order: citationOrder, counts: citationCounts };
}

/** The figure's steps, from its Scrolly compiled alone (loaded before render: embed-content.ts). */
function scrollyFor(own: LoadedSection | undefined, figure: string): ScrollyInfo | undefined {
  return own
    ? collectScrollies([own], mdxComponents as Record<string, unknown>, catalogEntry).find((s) => s.figure === figure)
    : undefined;
}

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

/**
 * Reads the query once hydrated (and again only for another step count: the page rewrites `?step` as the
 * reader moves), and applies its theme.
 */
function useEmbedQuery(stepCount: number | undefined): EmbedQuery {
  const hydrated = useHydrated();
  const [read, setRead] = useState<{ stepCount: number | undefined; query: EmbedQuery } | null>(null);
  let query = read?.query ?? UNREAD_QUERY;
  if (hydrated && (read === null || read.stepCount !== stepCount)) {
    query = readEmbedQuery(window.location.search, stepCount);
    setRead({ stepCount, query });
  }
  const theme = query.theme;
  useEffect(() => {
    if (theme) applyEmbedTheme(theme);
  }, [theme]);
  return query;
}

function EmbedFrame({
  title,
  titleHidden,
  children,
  issues,
  articleHref,
}: {
  title: string;
  titleHidden?: boolean;
  children: ReactNode;
  issues: string[];
  articleHref: string;
}) {
  useAutoHeight(true);
  return (
    <main id="main" className="embed" tabIndex={-1}>
      <h1 className={titleHidden ? 'embed__title visually-hidden' : 'embed__title'}>{title}</h1>
      {issues.length > 0 ? (
        <p className="embed__issues" role="status" data-embed-issues="">
          {issues.join(' ')}
        </p>
      ) : null}
      {children}
      <p className="embed__source">
        From{' '}
        <a href={articleHref} target="_blank" rel="noopener">
          {siteTitle(meta)}
        </a>
        , with every figure computed by its own seeded quantum simulator.
      </p>
    </main>
  );
}

export function EmbedFigurePage({ figure }: { figure: string }) {
  const own = loadedFigureSteps(figure);
  const info = useMemo(() => scrollyFor(own, figure), [own, figure]);
  const citations = useMemo(() => citationsOf(own), [own]);
  const entry = catalogEntry(figure);
  const withView = useHasFigureView(figure);
  const labels = info?.labels ?? entry?.steps ?? [];
  const stepCount = info ? info.steps.length : labels.length;
  const query = useEmbedQuery(stepCount);
  // The step the reader moved to; until they move, the one the URL asks for.
  const [chosenStep, setChosenStep] = useState<number | null>(null);
  const step = chosenStep ?? query.step;

  const onStep = useCallback((n: number) => {
    setChosenStep(n);
    const url = new URL(window.location.href);
    if (n === 0) url.searchParams.delete('step');
    else url.searchParams.set('step', String(n));
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
  }, []);

  // Arrow keys work while nothing in particular has focus (the frame was just clicked).
  useEffect(() => {
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
  }, [step, stepCount, onStep]);

  const title = entry?.title ?? figure;
  const articleHref = pageHref(`/#${stepDomId(figure, step)}`);
  return (
    <StoryModeContext.Provider value="embed">
      <CitationProvider value={citations}>
        <EmbedFrame title={title} titleHidden={withView} issues={query.issues} articleHref={articleHref}>
          {info ? (
            <Stepper
              figure={figure}
              steps={info.steps}
              labels={labels}
              step={Math.min(step, info.steps.length - 1)}
              onStep={onStep}
              footer={
                <p className="stepper__article">
                  <a href={articleHref} target="_blank" rel="noopener">
                    Read this step in the full article
                  </a>
                </p>
              }
            />
          ) : (
            <ol className="embed__labels">
              {labels.map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ol>
          )}
        </EmbedFrame>
      </CitationProvider>
    </StoryModeContext.Provider>
  );
}

/** Each Scrolly of a section embed becomes its own stepper over the same collected steps. */
function SectionScrolly({ figure, children }: { figure: string; children?: ReactNode }) {
  const [step, setStep] = useState(0);
  const { steps, labels } = useMemo(() => {
    const collected = collectSteps(children);
    const entry = catalogEntry(figure);
    return { steps: collected, labels: collected.map((_, i) => entry?.steps[i] ?? `Step ${i + 1}`) };
  }, [figure, children]);
  return <Stepper figure={figure} steps={steps} labels={labels} step={step} onStep={setStep} />;
}

export function EmbedSectionPage({ section }: { section: string }) {
  const found = loadedSection(section);
  const citations = useMemo(() => citationsOf(found), [found]);
  const query = useEmbedQuery(undefined);
  const components = useMemo(() => ({ ...mdxComponents, Scrolly: SectionScrolly }), []);
  const Content = found?.Content;
  return (
    <StoryModeContext.Provider value="embed">
      <CitationProvider value={citations}>
        <EmbedFrame
          title={`${siteTitle(meta)}: ${found?.title ?? section}`}
          titleHidden={Boolean(found)}
          issues={query.issues}
          articleHref={pageHref(`/#${section}`)}
        >
          {Content ? (
            <div className="embed__section article-section">
              <Content components={components} />
            </div>
          ) : (
            <p>This section has not been written yet.</p>
          )}
        </EmbedFrame>
      </CitationProvider>
    </StoryModeContext.Provider>
  );
}
