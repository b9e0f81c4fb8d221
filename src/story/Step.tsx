/**
 * `<Step>` and `<Notes>`: the parts of a scrolly section. A Step's index and active state are injected
 * by its Scrolly; speaker notes stay in the DOM (for slides later) but are hidden in the article.
 */
import type { ReactNode } from 'react';

export interface StepProps {
  children?: ReactNode;
  /** Injected by Scrolly: 0-based position among the section's steps. */
  index?: number;
  /** Injected by Scrolly: whether this is the active step. */
  active?: boolean;
  /** Injected by Scrolly: the figure id, used to give the step a linkable id (`<figure>-step-<n>`). */
  figureId?: string;
}

/** DOM id of a step, for deep links such as `#shot-noise-step-3`. */
export function stepDomId(figureId: string, index: number): string {
  return `${figureId}-step-${index}`;
}

export function Step({ children, index = 0, active = false, figureId }: StepProps) {
  return (
    <div
      className="story-step"
      id={figureId ? stepDomId(figureId, index) : undefined}
      data-step-index={index}
      data-active={active ? 'true' : 'false'}
      aria-current={active ? 'step' : undefined}
    >
      <div className="story-step__body">{children}</div>
    </div>
  );
}
Step.storyRole = 'step' as const;

export interface NotesProps {
  children?: ReactNode;
}

/** Speaker notes: rendered with the `hidden` attribute in the article, present for slides and print. */
export function Notes({ children }: NotesProps) {
  return (
    <aside className="story-notes" data-notes="" hidden>
      {children}
    </aside>
  );
}
Notes.storyRole = 'notes' as const;
