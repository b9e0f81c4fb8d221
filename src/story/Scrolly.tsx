/**
 * `<Scrolly figure="id">` with `<Step>` children: the figure sticks beside the prose on wide screens
 * and to the top on narrow ones; the active step and the progress through it come from the scroll
 * position (stepTracker.ts, steps.ts).
 *
 * The section and its steps are static markup, rendered at step 0: in the article they are never
 * hydrated. The step tracker measures the steps and writes the active step into the DOM; the graphic
 * is an island (`FigureIsland`) that hydrates on its own root when it nears the viewport and follows
 * the tracker. Rendered inside a whole-page React app (the dev server), the section starts the tracker
 * itself.
 */
import { Children, cloneElement, useEffect, useRef, type ReactElement, type ReactNode } from 'react';
import { FigureIsland } from '../islands/FigureIsland';
import { Island } from '../islands/Island';
import { isStepElement } from './collect';
import { hasFigureView } from './FigureHost';
import type { StepProps } from './Step';
import { trackScrolly } from './stepTracker';
import './story.css';

export interface ScrollyProps {
  /** Figure id from the catalogue (src/figures/catalog.ts). */
  figure: string;
  children?: ReactNode;
}

/** DOM id of a figure's island (unique: a figure has one scrolly section). */
export const figureIslandId = (figure: string) => `figure-${figure}`;

export function Scrolly({ figure, children }: ScrollyProps) {
  const ref = useRef<HTMLElement>(null);
  const withGraphic = hasFigureView(figure);
  // Runs only where the section is hydrated as part of a whole page; the article's islands loader
  // tracks its static sections instead.
  useEffect(() => (ref.current ? trackScrolly(ref.current) : undefined), []);

  let i = 0;
  const steps = Children.map(children, (child) => {
    if (!isStepElement(child)) return child;
    const n = i++;
    return cloneElement(child as ReactElement<StepProps>, { index: n, active: n === 0, figureId: figure });
  });

  return (
    <section
      ref={ref}
      className={withGraphic ? 'scrolly' : 'scrolly scrolly--prose-only'}
      data-scrolly={figure}
      data-active-step={0}
      data-progress={0}
    >
      {withGraphic ? (
        <Island
          name="figure"
          id={figureIslandId(figure)}
          props={{ figure }}
          component={FigureIsland}
          className="scrolly__graphic"
        />
      ) : null}
      <div className="scrolly__steps">{steps}</div>
    </section>
  );
}
