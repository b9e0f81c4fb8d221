/**
 * Reading a Scrolly's steps out of its children, so every mode (article, embed stepper, slides, print)
 * works from the same list. Pure: no DOM, safe in Node.
 */
import { Children, isValidElement, type ReactElement, type ReactNode } from 'react';

/** Marks a component as a story part; `Step` and `Notes` carry one, so MDX-mapped copies are recognised. */
export type StoryRole = 'step' | 'notes';
interface WithRole {
  storyRole?: StoryRole;
}

function roleOf(node: ReactNode): StoryRole | undefined {
  if (!isValidElement(node)) return undefined;
  const type = node.type as unknown;
  if (typeof type !== 'function' && (typeof type !== 'object' || type === null)) return undefined;
  return (type as WithRole).storyRole;
}

export function isStepElement(node: ReactNode): node is ReactElement<{ children?: ReactNode }> {
  return roleOf(node) === 'step';
}

export function isNotesElement(node: ReactNode): node is ReactElement<{ children?: ReactNode }> {
  return roleOf(node) === 'notes';
}

export interface StepInfo {
  /** 0-based position among the steps, in document order. */
  index: number;
  /** The `<Step>` element itself. */
  element: ReactElement<{ children?: ReactNode }>;
  /** The step's prose, without its speaker notes. */
  content: ReactNode[];
  /** The contents of its `<Notes>` (empty when it has none). */
  notes: ReactNode[];
}

/** The `<Step>` children of a Scrolly, in order, each split into prose and speaker notes. */
export function collectSteps(children: ReactNode): StepInfo[] {
  const steps: StepInfo[] = [];
  Children.forEach(children, (child) => {
    if (!isStepElement(child)) return;
    const content: ReactNode[] = [];
    const notes: ReactNode[] = [];
    Children.forEach(child.props.children, (part) => {
      if (isNotesElement(part)) notes.push(part.props.children);
      else content.push(part);
    });
    steps.push({ index: steps.length, element: child, content, notes });
  });
  return steps;
}
