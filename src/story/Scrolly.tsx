/**
 * `<Scrolly figure="id">` with `<Step>` children: the figure sticks beside the prose on wide screens
 * and to the top on narrow ones; the active step and the progress through it come from the scroll
 * position (see useStepTracker and steps.ts). The server renders step 0.
 */
import { Children, cloneElement, useMemo, useRef, type CSSProperties, type ReactElement, type ReactNode } from 'react';
import { isStepElement } from './collect';
import { FigureHost, hasFigureView } from './FigureHost';
import type { StepProps } from './Step';
import { useStepTracker } from './useStepTracker';
import './story.css';

export interface ScrollyProps {
  /** Figure id from the catalogue (src/figures/catalog.ts). */
  figure: string;
  children?: ReactNode;
}

export function Scrolly({ figure, children }: ScrollyProps) {
  const ref = useRef<HTMLElement>(null);
  const stepCount = useMemo(() => Children.toArray(children).filter(isStepElement).length, [children]);
  const { position, trigger, scrollMargin } = useStepTracker(ref, stepCount);
  const { index, progress } = position;
  const withGraphic = hasFigureView(figure);

  // Re-created only when the active step changes, so scroll frames do not re-render the prose.
  const steps = useMemo(() => {
    let i = 0;
    return Children.map(children, (child) => {
      if (!isStepElement(child)) return child;
      const n = i++;
      return cloneElement(child as ReactElement<StepProps>, { index: n, active: n === index, figureId: figure });
    });
  }, [children, index, figure]);

  const style = scrollMargin === null ? undefined : ({ '--story-trigger': `${scrollMargin}px` } as CSSProperties);
  return (
    <section
      ref={ref}
      className={withGraphic ? 'scrolly' : 'scrolly scrolly--prose-only'}
      data-scrolly={figure}
      data-active-step={index}
      data-progress={progress}
      data-trigger={trigger ?? undefined}
      style={style}
    >
      {withGraphic ? (
        <div className="scrolly__graphic">
          <FigureHost id={figure} step={index} progress={progress} mode="article" />
        </div>
      ) : null}
      <div className="scrolly__steps">{steps}</div>
    </section>
  );
}
