/**
 * Citation and footnote popovers, for every popover in the document, with one set of delegated
 * listeners (installed once by the browser entry, on every page): no popover is hydrated. A popover is
 * `.pop[data-pop]` (see Popover.tsx); it is open while it carries `data-open="true"`.
 *
 * Opens on hover, on keyboard focus and on tap; closes on Escape, on a tap outside, on blur and when the
 * pointer leaves (after a short delay, so the pointer can travel to the body). A footnote's button
 * toggles on tap; a citation link opens on the first tap and follows its link on the second.
 */

const CLOSE_DELAY_MS = 120;

interface PopState {
  timer: ReturnType<typeof setTimeout> | null;
  /** The last pointerdown on the trigger: its pointer type, and whether the popover was open then. */
  pointer: { type: string; wasOpen: boolean };
}

const states = new WeakMap<HTMLElement, PopState>();
const open = new Set<HTMLElement>();

function state(pop: HTMLElement): PopState {
  let s = states.get(pop);
  if (!s) states.set(pop, (s = { timer: null, pointer: { type: 'mouse', wasOpen: false } }));
  return s;
}

function popOf(target: EventTarget | null): HTMLElement | null {
  return target instanceof Element ? target.closest<HTMLElement>('.pop[data-pop]') : null;
}

function triggerOf(target: EventTarget | null, pop: HTMLElement): HTMLElement | null {
  const trigger = target instanceof Element ? target.closest<HTMLElement>('.pop-trigger') : null;
  return trigger && pop.contains(trigger) ? trigger : null;
}

function cancelClose(pop: HTMLElement): void {
  const s = state(pop);
  if (s.timer !== null) clearTimeout(s.timer);
  s.timer = null;
}

function setOpen(pop: HTMLElement, value: boolean): void {
  cancelClose(pop);
  if (value) {
    pop.dataset.open = 'true';
    open.add(pop);
  } else {
    delete pop.dataset.open;
    open.delete(pop);
  }
}

function closeSoon(pop: HTMLElement): void {
  cancelClose(pop);
  state(pop).timer = setTimeout(() => setOpen(pop, false), CLOSE_DELAY_MS);
}

const isOpen = (pop: HTMLElement) => pop.dataset.open === 'true';

function onMouseOver(event: MouseEvent): void {
  const pop = popOf(event.target);
  // Entering a popover (moves inside it change nothing).
  if (pop && !pop.contains(event.relatedTarget as Node | null)) setOpen(pop, true);
}

function onMouseOut(event: MouseEvent): void {
  const pop = popOf(event.target);
  if (pop && !pop.contains(event.relatedTarget as Node | null)) closeSoon(pop);
}

function onFocusIn(event: FocusEvent): void {
  const pop = popOf(event.target);
  if (pop) setOpen(pop, true);
}

function onFocusOut(event: FocusEvent): void {
  const pop = popOf(event.target);
  if (pop && !pop.contains(event.relatedTarget as Node | null)) closeSoon(pop);
}

function onPointerDown(event: PointerEvent): void {
  for (const pop of [...open]) {
    if (!pop.contains(event.target as Node | null)) setOpen(pop, false);
  }
  const pop = popOf(event.target);
  if (pop && triggerOf(event.target, pop)) state(pop).pointer = { type: event.pointerType, wasOpen: isOpen(pop) };
}

function onClick(event: MouseEvent): void {
  const pop = popOf(event.target);
  if (!pop || !triggerOf(event.target, pop)) return;
  const s = state(pop);
  const { type, wasOpen } = s.pointer;
  s.pointer = { type: 'mouse', wasOpen: false };
  if (pop.dataset.pop === 'footnote') {
    // A button: a tap or click toggles (focus may already have opened it in this same gesture).
    setOpen(pop, type === 'mouse' ? true : !wasOpen);
    return;
  }
  // A citation link: the first tap opens the popover, a second tap follows the link.
  if (type !== 'mouse' && !wasOpen) {
    event.preventDefault();
    setOpen(pop, true);
  }
}

function onKeyDown(event: KeyboardEvent): void {
  if (event.key !== 'Escape') return;
  for (const pop of [...open]) setOpen(pop, false);
}

let installed = false;

/** Installs the popover behaviour for the whole document (idempotent). */
export function installPopovers(doc: Document = document): void {
  if (installed) return;
  installed = true;
  doc.addEventListener('mouseover', onMouseOver);
  doc.addEventListener('mouseout', onMouseOut);
  doc.addEventListener('focusin', onFocusIn);
  doc.addEventListener('focusout', onFocusOut);
  doc.addEventListener('pointerdown', onPointerDown);
  doc.addEventListener('click', onClick);
  doc.addEventListener('keydown', onKeyDown);
}
