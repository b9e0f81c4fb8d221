/**
 * An inline popover for citations and footnotes: static markup. The body is always in the HTML (so it
 * is pre-rendered and readable without JavaScript: CSS shows it on :hover/:focus-within when the `js`
 * class is absent) and is linked to the trigger with aria-describedby. Its behaviour (open on hover,
 * keyboard focus and tap; close on Escape, an outside tap, blur and pointer leave) is one delegated
 * handler for the whole document (popovers.ts), so no popover is hydrated on any page.
 */
import type { ReactNode } from 'react';

export interface PopoverProps {
  kind: 'cite' | 'footnote';
  /** Id of the trigger element (a back-link target). */
  triggerId: string;
  /** Id of the popover body. */
  bodyId: string;
  /** Trigger content (the `[n]` or the footnote number). */
  label: ReactNode;
  /** For citations: where the trigger link goes (the bibliography entry). Footnotes use a button. */
  href?: string;
  children: ReactNode;
}

export function Popover({ kind, triggerId, bodyId, label, href, children }: PopoverProps) {
  return (
    <span className={`pop pop-${kind}`} data-pop={kind}>
      {kind === 'cite' ? (
        <sup className="pop-sup">
          <a id={triggerId} className="pop-trigger" href={href} aria-describedby={bodyId}>
            {label}
          </a>
        </sup>
      ) : (
        <sup className="pop-sup">
          <button type="button" id={triggerId} className="pop-trigger" aria-describedby={bodyId}>
            {label}
          </button>
        </sup>
      )}
      <span className="pop-body" id={bodyId} role={kind === 'cite' ? 'tooltip' : 'note'}>
        {children}
      </span>
    </span>
  );
}
