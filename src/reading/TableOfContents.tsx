/**
 * Table of contents: a fixed side list on wide screens, a "Contents" drop-down in the header on narrow
 * ones (a plain list when JavaScript is off). The section being read gets aria-current="location".
 */
import { useEffect, useRef, useState } from 'react';
import { useActiveSection } from './useActiveSection';

export interface TocEntry {
  id: string;
  title: string;
}

export function TableOfContents({ entries }: { entries: readonly TocEntry[] }) {
  const active = useActiveSection(entries.map((e) => e.id));
  const [open, setOpen] = useState(false);
  const navRef = useRef<HTMLElement>(null);
  const current = entries.find((e) => e.id === active);

  useEffect(() => {
    if (!open) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        navRef.current?.querySelector<HTMLButtonElement>('.toc-toggle')?.focus();
      }
    };
    const onPointer = (event: PointerEvent) => {
      if (!navRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  return (
    <nav className="toc" aria-label="Contents" ref={navRef} data-open={open ? 'true' : undefined}>
      <button
        type="button"
        className="toc-toggle"
        aria-expanded={open}
        aria-controls="toc-list"
        onClick={() => setOpen((o) => !o)}
      >
        <span className="toc-toggle-label">Contents</span>
        <span className="toc-toggle-current" aria-hidden="true">
          {current ? current.title : ''}
        </span>
      </button>
      <ol id="toc-list" className="toc-list">
        {entries.map((entry) => (
          <li key={entry.id}>
            <a
              href={`#${entry.id}`}
              data-section={entry.id}
              aria-current={entry.id === active ? 'location' : undefined}
              onClick={() => setOpen(false)}
            >
              {entry.title}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
