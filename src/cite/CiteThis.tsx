/**
 * "Cite this article": a plain-text citation and a BibTeX record built from content/meta.json, with a
 * copy button (added only once JavaScript runs; without it the record is still selectable text).
 */
import { useEffect, useRef, useState } from 'react';
import { articleBibtex, formatAuthors, metaAuthors, metaYear } from './format';
import type { ArticleMeta } from './types';

export function CiteThis({ meta }: { meta: ArticleMeta }) {
  const bibtex = articleBibtex(meta);
  const [canCopy, setCanCopy] = useState(false);
  const [status, setStatus] = useState('');
  const codeRef = useRef<HTMLElement>(null);
  useEffect(() => setCanCopy(true), []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(bibtex);
      setStatus('BibTeX copied to the clipboard.');
    } catch {
      const node = codeRef.current;
      const selection = window.getSelection();
      if (node && selection) {
        const range = document.createRange();
        range.selectNodeContents(node);
        selection.removeAllRanges();
        selection.addRange(range);
        setStatus('Copying is blocked here; the record is selected, press Ctrl+C or ⌘C.');
      }
    }
  };

  const authors = formatAuthors(metaAuthors(meta));
  const year = metaYear(meta);
  return (
    <section id="cite-this" className="cite-this" aria-labelledby="cite-this-title">
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
          <code ref={codeRef}>{bibtex}</code>
        </pre>
        {canCopy ? (
          <button type="button" className="button copy-button" onClick={copy}>
            Copy BibTeX
          </button>
        ) : null}
        <span className="copy-status" role="status" aria-live="polite">
          {status}
        </span>
      </div>
    </section>
  );
}
