/**
 * Renders every figure at every step the way the handout pre-renders a print frame (src/story/Slides.tsx:
 * `ModeFigure` in print mode, progress 1, motion off, default parameters) and returns the markup of the
 * figure's graphic (`.fig__graphic`: the charts and what the view draws around them, without the shell's
 * title, data table, method panel and downloads).
 *
 * One render pass, as on the server: effects do not run. Figures whose data comes from a worker
 * experiment get it the way a cached result arrives (see `useExperiment` mock in figures.test.tsx).
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { FIGURE_CATALOG } from '../../../src/figures/catalog';
import { getFigure } from '../../../src/figures/registry';
import { entryViewProps } from '../../../src/story/figure-registry';
import { StoryModeContext } from '../../../src/story/mode-context';
import { defaultParams } from '../../../src/story/params';

export interface GoldenFrame {
  figure: string;
  step: number;
}

/** Every (figure, step) that has a view: the frames the goldens cover. */
export function goldenFrames(): GoldenFrame[] {
  return FIGURE_CATALOG.filter((entry) => getFigure(entry.id)?.view).flatMap((entry) =>
    entry.steps.map((_, step) => ({ figure: entry.id, step })),
  );
}

/** Loads the views of every figure (their chunks are dynamic imports). */
export async function loadViews(): Promise<void> {
  await Promise.all(FIGURE_CATALOG.map((entry) => getFigure(entry.id)?.view?.load()));
}

/** The whole figure (shell included) at a step, as static markup. Views must be loaded first. */
export function renderFrame({ figure, step }: GoldenFrame): string {
  const registration = getFigure(figure);
  const View = registration?.view?.Render;
  if (!View) throw new Error(`figure '${figure}' has no view`);
  const params = defaultParams(registration.meta?.params ?? {});
  return renderToStaticMarkup(
    <StoryModeContext.Provider value="print">
      <View
        id={figure}
        {...entryViewProps(figure, registration.entry, step)}
        progress={1}
        params={params}
        setParams={() => {}}
        paramIssues={[]}
        mode="print"
        reducedMotion
      />
    </StoryModeContext.Provider>,
  );
}
