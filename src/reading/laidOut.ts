/** Geometry that never lays out content the browser skips (`content-visibility: auto`, src/styles/layout.css). */

/**
 * The element to measure in place of `element`: itself, unless it lies in content the browser skips
 * (under `content-visibility: auto`, away from the viewport), which has no layout until rendered. Reading
 * its geometry would lay out the whole skipped subtree in that task; its nearest laid-out ancestor (the
 * skipped section, sized by its estimate) says roughly where it is. Checking is style-only.
 */
export function laidOutStandIn(element: Element): Element {
  if (typeof element.checkVisibility !== 'function') return element;
  let e: Element | null = element;
  while (e && !e.checkVisibility({ contentVisibilityAuto: true })) e = e.parentElement;
  return e ?? element;
}

/**
 * The box of `element`'s stand-in while the element lies in skipped content more than a viewport
 * (`viewportHeight`) away, else null. The element lies inside that box, so for every boundary up to one
 * viewport the verdict is the same, and nothing is laid out. Nearer, callers measure the element itself
 * (the browser renders that section next anyway).
 */
export function farStandInRect(element: Element, viewportHeight: number): DOMRect | null {
  const standIn = laidOutStandIn(element);
  if (standIn === element) return null;
  const r = standIn.getBoundingClientRect();
  return r.bottom < -viewportHeight || r.top > 2 * viewportHeight ? r : null;
}
