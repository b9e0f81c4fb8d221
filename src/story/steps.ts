/**
 * The step model: which step of a scrolly section is active, and how far through it the reader is,
 * as a pure function of the steps' document-space bounds and the document-space y of a trigger line.
 *
 * The trigger line sits a fixed number of pixels below the top of the viewport. That offset is derived
 * from a *layout* height that only changes when the viewport width changes, so a mobile address bar
 * that shows or hides (an ~80 px height change) moves neither the line nor the active step.
 * No DOM access here: the Scrolly measures, this module decides.
 */

/** A step's top and bottom edge in document coordinates (px from the top of the document). */
export interface StepBounds {
  top: number;
  bottom: number;
}

/** The active step (0-based) and the reader's progress through it, in [0, 1]. */
export interface StepPosition {
  index: number;
  progress: number;
}

/** The position before any measurement (and on the server): step 0, at its start. */
export const INITIAL_POSITION: StepPosition = Object.freeze({ index: 0, progress: 0 });

/**
 * How far `y` is through a step: exactly 0 at (and above) its top edge, exactly 1 at (and below) its
 * bottom edge, linear in between, for a step of any height. A zero-height step is 0 above and 1 at/below.
 */
export function stepProgress(bounds: StepBounds, y: number): number {
  const height = bounds.bottom - bounds.top;
  if (y <= bounds.top) return y < bounds.top || height > 0 ? 0 : 1;
  if (y >= bounds.bottom) return 1;
  return (y - bounds.top) / height;
}

/**
 * The active step for a trigger line at document y: the last step (in document order) whose top edge
 * is at or above the line (within `tolerance` px, which absorbs sub-pixel rounding of scroll positions
 * after hash jumps). Before the first step: step 0, progress 0. After the last: last step, progress 1.
 * Exactly one step is always active; with no steps the result is step 0, progress 0.
 */
export function activeStep(bounds: readonly StepBounds[], y: number, tolerance = 1): StepPosition {
  if (bounds.length === 0) return INITIAL_POSITION;
  let index = 0;
  for (let i = 1; i < bounds.length; i++) {
    if (bounds[i].top <= y + tolerance) index = i;
    else break;
  }
  return { index, progress: stepProgress(bounds[index], y) };
}

/**
 * A figure's step as an index into its steps (0…last): rounded down, clamped, and 0 for NaN. Hosts pass
 * whatever the reader's position, a URL or an embed attribute gives; models index arrays with the result.
 */
export function clampStep(step: number, last: number): number {
  if (Number.isNaN(step)) return 0;
  return Math.max(0, Math.min(last, Math.floor(step)));
}

/** Viewport size used for trigger math; its height is only refreshed when the width changes. */
export interface LayoutSize {
  width: number;
  height: number;
}

/**
 * Next layout size given a fresh measurement: keeps the previous size while the width is unchanged
 * (height-only changes come from browser chrome such as a mobile address bar), otherwise adopts it.
 */
export function nextLayoutSize(previous: LayoutSize | null, measured: LayoutSize): LayoutSize {
  if (previous && previous.width === measured.width) return previous;
  return { width: measured.width, height: measured.height };
}

/** Width from which the figure sits beside the prose instead of above it (px). */
export const WIDE_LAYOUT_MIN_WIDTH = 960;

export interface TriggerOptions {
  /** Fraction of the layout height on wide screens (figure beside the prose). */
  wideFraction?: number;
  /** Fraction of the layout height on narrow screens (figure stuck to the top, prose below it). */
  narrowFraction?: number;
  /** Upper bound of the offset in px, so tall screens do not push the line far down. */
  maxOffset?: number;
}

/**
 * Distance in whole px from the top of the viewport to the trigger line. Wide screens use the middle of
 * the viewport; narrow screens a line lower down, below the sticky figure. Capped at `maxOffset`.
 */
export function triggerOffset(layout: LayoutSize, options: TriggerOptions = {}): number {
  const { wideFraction = 0.5, narrowFraction = 0.65, maxOffset = 560 } = options;
  const fraction = layout.width >= WIDE_LAYOUT_MIN_WIDTH ? wideFraction : narrowFraction;
  return Math.max(0, Math.round(Math.min(fraction * layout.height, maxOffset)));
}

/** Two positions are the same state (used to skip needless re-renders on scroll frames). */
export function samePosition(a: StepPosition, b: StepPosition): boolean {
  return a.index === b.index && a.progress === b.progress;
}
