/**
 * "Cite this article": a plain-text citation and a BibTeX record built from content/meta.json, with a
 * copy button. The block is static (never hydrated): the button is shown once JavaScript runs and works
 * through one delegated handler (copy.ts); without JavaScript the record is still selectable text.
 */
import { useEffect, useRef } from 'react';
import { revealCopyButtons } from './copy';
import { articleBibtex, formatAuthors, metaAuthors, metaYear } from './format';
import type { ArticleMeta } from './types';

export function CiteThis({ meta }: { meta: ArticleMeta }) {
  const bibtex = articleBibtex(meta);
  const blockRef = useRef<HTMLElement>(null);
  // Only where the block is rendered by a whole-page React app (the dev server); the article's islands
  // loader reveals the button in the static page.
  useEffect(() => {
    if (blockRef.current) revealCopyButtons(blockRef.current);
  }, []);

  const authors = formatAuthors(metaAuthors(meta));
  const year = metaYear(meta);
  return (
    <section id="cite-this" className="cite-this" aria-labelledby="cite-this-title" ref={blockRef}>
      <h2 id="cite-this-title">
        <a className="heading-link" href="#cite-this">
          Cite this article
        </a>
      </h2>
      <p>
        {authors ? `${authors}${year ? ` (${year})` : ''}. ` : ''}
        <cite>{meta.title}</cite>.{meta.url ? <> {meta.url}</> : null}
      </p>
      <div className="bibtex">
        <pre>
          <code id="cite-this-bibtex">{bibtex}</code>
        </pre>
        <button
          type="button"
          className="button copy-button"
          data-copy-from="cite-this-bibtex"
          data-copied-text="BibTeX copied to the clipboard."
          hidden
        >
          Copy BibTeX
        </button>
        <span className="copy-status" role="status" aria-live="polite" />
      </div>
    </section>
  );
}
