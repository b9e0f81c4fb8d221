/**
 * An inline popover for citations and footnotes. Opens on hover, on keyboard focus and on tap; closes
 * on Escape, on an outside tap, on blur and when the pointer leaves. The body is always in the HTML
 * (so it is pre-rendered and readable without JavaScript: CSS shows it on :hover/:focus-within when
 * the `js` class is absent) and is linked to the trigger with aria-describedby.
 */
import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type MouseEvent as ReactMouseEvent,
  type PointerEvent as ReactPointerEvent,
  type ReactNode,
} from 'react';

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

const CLOSE_DELAY_MS = 120;

export function Popover({ kind, triggerId, bodyId, label, href, children }: PopoverProps) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLSpanElement>(null);
  const closeTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pointer = useRef<{ type: string; wasOpen: boolean }>({ type: 'mouse', wasOpen: false });

  const cancelClose = useCallback(() => {
    if (closeTimer.current !== null) clearTimeout(closeTimer.current);
    closeTimer.current = null;
  }, []);
  const show = useCallback(() => {
    cancelClose();
    setOpen(true);
  }, [cancelClose]);
  const hideSoon = useCallback(() => {
    cancelClose();
    closeTimer.current = setTimeout(() => setOpen(false), CLOSE_DELAY_MS);
  }, [cancelClose]);

  useEffect(() => cancelClose, [cancelClose]);

  useEffect(() => {
    if (!open) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        cancelClose();
        setOpen(false);
      }
    };
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) {
        cancelClose();
        setOpen(false);
      }
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointerDown);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointerDown);
    };
  }, [open, cancelClose]);

  const triggerHandlers = {
    onPointerDown: (event: ReactPointerEvent) => {
      pointer.current = { type: event.pointerType, wasOpen: open };
    },
    onClick: (event: ReactMouseEvent) => {
      const { type, wasOpen } = pointer.current;
      pointer.current = { type: 'mouse', wasOpen: false };
      if (kind === 'footnote') {
        // A button: a tap or click toggles (focus may already have opened it in this same gesture).
        setOpen(type === 'mouse' ? true : !wasOpen);
        return;
      }
      // A citation link: the first tap opens the popover, a second tap follows the link.
      if (type !== 'mouse' && !wasOpen) {
        event.preventDefault();
        show();
      }
    },
  };

  const body = (
    <span className="pop-body" id={bodyId} role={kind === 'cite' ? 'tooltip' : 'note'}>
      {children}
    </span>
  );

  return (
    <span
      ref={rootRef}
      className={`pop pop-${kind}`}
      data-open={open ? 'true' : undefined}
      onMouseEnter={show}
      onMouseLeave={hideSoon}
      onFocus={show}
      onBlur={(event) => {
        if (!rootRef.current?.contains(event.relatedTarget as Node | null)) hideSoon();
      }}
    >
      {kind === 'cite' ? (
        <sup className="pop-sup">
          <a id={triggerId} className="pop-trigger" href={href} aria-describedby={bodyId} {...triggerHandlers}>
            {label}
          </a>
        </sup>
      ) : (
        <sup className="pop-sup">
          <button type="button" id={triggerId} className="pop-trigger" aria-describedby={bodyId} {...triggerHandlers}>
            {label}
          </button>
        </sup>
      )}
      {body}
    </span>
  );
}
