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
