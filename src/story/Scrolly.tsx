/**
 * `<Scrolly figure="id">` with `<Step>` children: the figure sticks beside the prose on wide screens
 * and to the top on narrow ones; the active step and the progress through it come from the scroll
 * position (stepTracker.ts, steps.ts).
 *
 * The section and its steps are static markup, rendered at step 0: in the article they are never
 * hydrated. The step tracker measures the steps and writes the active step into the DOM. The graphic
 * comes from the page that renders the section (the article passes a figure island, which hydrates on
 * its own root when it nears the viewport and follows the tracker); a section without one is prose only.
 * Rendered inside a whole-page React app (the dev server), the section starts the tracker itself.
 */
import { Children, cloneElement, useEffect, useRef, type ReactElement, type ReactNode } from 'react';
import { isStepElement } from './collect';
import type { StepProps } from './Step';
import { trackScrolly } from './stepTracker';
import './story.css';

export interface ScrollyProps {
  /** Figure id from the catalogue (src/figures/catalog.ts). */
  figure: string;
  children?: ReactNode;
  /** The sticky graphic (its element carries the class `scrolly__graphic`); none for a prose-only section. */
  graphic?: ReactNode;
}

export function Scrolly({ figure, children, graphic }: ScrollyProps) {
  const ref = useRef<HTMLElement>(null);
  const withGraphic = graphic != null;
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
      {withGraphic ? graphic : null}
      <div className="scrolly__steps">{steps}</div>
    </section>
  );
}
