/**
 * The article's steps as one ordered list, for the embed stepper, the slides and the print handout.
 * Reuses the step model: each `<Scrolly>`'s children go through `collectSteps` (prose and notes split),
 * so every mode shows exactly the steps the article scrolls through. Pure: the MDX content functions
 * only build React elements (no hooks, no DOM), so this runs in Node and in the browser.
 */
import type { MDXComponents } from 'mdx/types';
import { Children, isValidElement, type ComponentType, type ReactElement, type ReactNode } from 'react';
import { collectSteps, type StepInfo } from './collect';
import type { FigureEntry } from './figure-registry';

export interface DeckSectionInput {
  id: string;
  title: string;
  figures: readonly string[];
  /** A compiled MDX section (its default export). */
  Content: ComponentType<{ components?: MDXComponents }>;
}

export interface ScrollyInfo {
  figure: string;
  section: string;
  steps: StepInfo[];
  /** Step labels from the catalogue (same length as `steps` — checked at build time). */
  labels: string[];
  title: string;
}

export type Slide =
  | { kind: 'title'; index: number; title: string; subtitle?: string }
  | { kind: 'section'; index: number; section: string; title: string; figures: string[] }
  | {
      kind: 'step';
      index: number;
      section: string;
      sectionTitle: string;
      figure: string;
      figureTitle: string;
      step: number;
      stepCount: number;
      label: string;
      info: StepInfo;
    };

/** The React element tree of a section's MDX, rendered with the given component map (no wrapper). */
export function sectionTree(section: DeckSectionInput, components: Record<string, unknown>): ReactNode {
  const fn = section.Content as unknown as (props: { components: Record<string, unknown> }) => ReactNode;
  const { wrapper: _ignored, ...rest } = components;
  return fn({ components: rest });
}

/** The `<Scrolly>` elements of a tree, in document order. */
export function findScrollies(
  tree: ReactNode,
  Scrolly: unknown,
): ReactElement<{ figure: string; children?: ReactNode }>[] {
  const found: ReactElement<{ figure: string; children?: ReactNode }>[] = [];
  const visit = (node: ReactNode) => {
    Children.forEach(node, (child) => {
      if (!isValidElement(child)) return;
      const props = child.props as { figure?: unknown; children?: ReactNode };
      if (child.type === Scrolly && typeof props.figure === 'string') {
        found.push(child as ReactElement<{ figure: string; children?: ReactNode }>);
        return;
      }
      if (props.children !== undefined) visit(props.children);
    });
  };
  visit(tree);
  return found;
}

/** A figure id's catalogue entry (title, step labels), as the page that builds the deck knows it. */
export type FigureEntryLookup = (id: string) => FigureEntry | undefined;

/** Every Scrolly of the given sections, with its steps. */
export function collectScrollies(
  sections: readonly DeckSectionInput[],
  components: Record<string, unknown>,
  entryFor: FigureEntryLookup,
): ScrollyInfo[] {
  const out: ScrollyInfo[] = [];
  for (const section of sections) {
    if (section.figures.length === 0) continue;
    for (const el of findScrollies(sectionTree(section, components), components.Scrolly)) {
      const entry = entryFor(el.props.figure);
      const steps = collectSteps(el.props.children);
      out.push({
        figure: el.props.figure,
        section: section.id,
        steps,
        labels: steps.map((_, i) => entry?.steps[i] ?? `Step ${i + 1}`),
        title: entry?.title ?? el.props.figure,
      });
    }
  }
  return out;
}

/** Slides: a title slide, then per section a section slide followed by one slide per step. */
export function buildDeck(
  sections: readonly DeckSectionInput[],
  components: Record<string, unknown>,
  entryFor: FigureEntryLookup,
  title: string,
  subtitle?: string,
): Slide[] {
  const slides: Slide[] = [{ kind: 'title', index: 0, title, subtitle }];
  const scrollies = collectScrollies(sections, components, entryFor);
  for (const section of sections) {
    const own = scrollies.filter((s) => s.section === section.id);
    slides.push({
      kind: 'section',
      index: slides.length,
      section: section.id,
      title: section.title,
      figures: own.map((s) => s.figure),
    });
    for (const s of own) {
      for (const info of s.steps) {
        slides.push({
          kind: 'step',
          index: slides.length,
          section: section.id,
          sectionTitle: section.title,
          figure: s.figure,
          figureTitle: s.title,
          step: info.index,
          stepCount: s.steps.length,
          label: s.labels[info.index],
          info,
        });
      }
    }
  }
  return slides;
}

/** The slide showing a figure's step, if any. */
export function slideFor(slides: readonly Slide[], figure: string, step: number): number | undefined {
  return slides.find((s) => s.kind === 'step' && s.figure === figure && s.step === step)?.index;
}

/** A step or slide number from the URL: plain decimal digits only ("0x1", "1e0", " 2", "NaN" are refused). */
export function parsePlainIndex(raw: string): number | null {
  return /^[0-9]{1,9}$/.test(raw) ? Number(raw) : null;
}

/** A URL value as the reader typed it, cut short for a note. */
export function quoteParam(raw: string, max = 40): string {
  const chars = Array.from(raw);
  return `“${chars.length > max ? `${chars.slice(0, max).join('')}…` : raw}”`;
}

/** A 1-based slide number from the URL; slide 1 with a reason when it is not usable. */
export function parseSlideNumber(raw: string | null, count: number): { index: number; issue?: string } {
  if (raw === null || raw === '') return { index: 0 };
  const n = parsePlainIndex(raw);
  if (n === null || n < 1 || n > count)
    return { index: 0, issue: `slide = ${quoteParam(raw)} is not a slide number from 1 to ${count}; showing slide 1.` };
  return { index: n - 1 };
}

/** Validates a 0-based step from the URL for a figure with `count` steps. */
export function parseStepParam(raw: string | null, count: number): { step: number; issue?: string } {
  if (raw === null) return { step: 0 };
  const n = parsePlainIndex(raw);
  if (n === null || n >= count) {
    return { step: 0, issue: `step = ${quoteParam(raw)} is not a step from 0 to ${count - 1}; showing step 0.` };
  }
  return { step: n };
}

/**
 * The presentation's starting slide from `?slide=N` (1-based) or `?figure=<id>&step=<n>` (the article's
 * "Present" control), with a note for every value it could not use — never a silent fallback.
 */
export function resolveStartSlide(search: string, slides: readonly Slide[]): { index: number; issues: string[] } {
  const query = new URLSearchParams(search);
  const figure = query.get('figure');
  const stepRaw = query.get('step');
  const issues: string[] = [];
  if (figure !== null) {
    const own = slides.filter((s): s is Extract<Slide, { kind: 'step' }> => s.kind === 'step' && s.figure === figure);
    if (own.length > 0) {
      const { step, issue } = parseStepParam(stepRaw, own.length);
      if (issue) issues.push(issue.replace('; showing step 0.', ` of “${own[0].figureTitle}”; showing its step 0.`));
      return { index: slideFor(slides, figure, step) ?? own[0].index, issues };
    }
    const known = [...new Set(slides.flatMap((s) => (s.kind === 'step' ? [s.figure] : [])))];
    issues.push(
      `figure = ${quoteParam(figure)} is not a figure in this presentation (${known.join(', ')}); ${query.get('slide') ? 'using the slide number instead' : 'showing slide 1'}.`,
    );
  } else if (stepRaw !== null) {
    issues.push(`step = ${quoteParam(stepRaw)} needs a figure (?figure=<id>&step=<n>); ignored.`);
  }
  const slide = parseSlideNumber(query.get('slide'), slides.length);
  if (slide.issue) issues.push(slide.issue);
  return { index: slide.index, issues };
}

export type EmbedTheme = 'light' | 'dark' | 'auto';

export function parseThemeParam(raw: string | null): { theme: EmbedTheme; issue?: string } {
  if (raw === null) return { theme: 'auto' };
  if (raw === 'light' || raw === 'dark' || raw === 'auto') return { theme: raw };
  return { theme: 'auto', issue: `theme = “${raw}” is not light, dark or auto; using auto.` };
}
