/**
 * `/embed/<figure-id>` and `/embed/section/<section-id>`: one figure (or one section) alone, with a
 * stepper in place of scrolling, its caption and method (from the figure shell), a link back to the
 * article at the current step, validated query parameters with visible notes, and auto-height messages
 * for the host page. Pre-rendered as static HTML with islands (as the article is): the frame's notes,
 * theme and auto-height (`embed-frame`, at once) and each figure's stepper (`embed-stepper`, when it
 * nears the viewport) hydrate; the title, a section's prose and the source line do not. The server
 * renders step 0 with the default theme; the query string applies after hydration.
 */
import { useMemo, type ReactNode } from 'react';
import { citationCounts, citationOrder, meta } from 'virtual:article-index';
import { CitationProvider } from '../cite/context';
import { catalogEntry } from '../figures/catalog';
import { Island } from '../islands/Island';
import { mdxComponents } from '../mdx/components';
import { StoryModeContext } from '../story/mode-context';
import { useHasFigureView } from '../story/figure-registry';
import { stepDomId } from '../story/Step';
import { siteTitle } from './site';
import './pages.css';
import { pageHref } from '../site/address';
import { loadedSection } from './embed-content';
import { EmbedFrameIsland, EmbedStepperIsland, stepperStepCount } from './EmbedIslands';

function EmbedFrame({
  title,
  titleHidden,
  children,
  stepCount,
  articleHref,
}: {
  title: string;
  titleHidden?: boolean;
  children: ReactNode;
  stepCount?: number;
  articleHref: string;
}) {
  return (
    <main id="main" className="embed" tabIndex={-1}>
      <h1 className={titleHidden ? 'embed__title visually-hidden' : 'embed__title'}>{title}</h1>
      <Island
        name="embed-frame"
        id="embed-frame"
        props={stepCount === undefined ? {} : { stepCount }}
        component={EmbedFrameIsland}
      />
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

/** A figure's stepper as its own island (ids: `stepper-<figure>`). */
function StepperIsland({ figure, page }: { figure: string; page?: boolean }) {
  return (
    <Island
      name="embed-stepper"
      id={`stepper-${figure}`}
      props={page ? { figure, page } : { figure }}
      component={EmbedStepperIsland}
    />
  );
}

export function EmbedFigurePage({ figure }: { figure: string }) {
  const entry = catalogEntry(figure);
  const withView = useHasFigureView(figure);
  // The frame validates `?step` against the stepper's step count.
  const stepCount = useMemo(() => stepperStepCount(figure), [figure]);
  return (
    <StoryModeContext.Provider value="embed">
      <EmbedFrame
        title={entry?.title ?? figure}
        titleHidden={withView}
        stepCount={stepCount}
        articleHref={pageHref(`/#${stepDomId(figure, 0)}`)}
      >
        <StepperIsland figure={figure} page />
      </EmbedFrame>
    </StoryModeContext.Provider>
  );
}

/** Each Scrolly of a section embed becomes its figure's stepper island. */
function SectionScrolly({ figure }: { figure: string; children?: ReactNode }) {
  return <StepperIsland figure={figure} />;
}

export function EmbedSectionPage({ section }: { section: string }) {
  const found = loadedSection(section);
  const citations = useMemo(
    () => ({ references: found?.references ?? {}, order: citationOrder, counts: citationCounts }),
    [found],
  );
  const components = useMemo(() => ({ ...mdxComponents, Scrolly: SectionScrolly }), []);
  const Content = found?.Content;
  return (
    <StoryModeContext.Provider value="embed">
      <CitationProvider value={citations}>
        <EmbedFrame
          title={`${siteTitle(meta)}: ${found?.title ?? section}`}
          titleHidden={Boolean(found)}
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
