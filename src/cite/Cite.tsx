/**
 * `<Cite id="key" loc?="Fig. 2"/>`: a superscript `[n]` link to the bibliography entry, numbered by
 * first appearance across the article (the number and occurrence index are written into the props at
 * build time by src/mdx/annotate.ts), with a popover showing the reference.
 */
import { useId } from 'react';
import { Popover } from './Popover';
import { useCitations } from './context';
import { formatAuthors, formatVenue, stripBraces } from './format';
import { citeId, referenceId, toPositiveInt } from './ids';

export interface CiteProps {
  id: string;
  loc?: string;
  /** Build-time citation number. */
  n?: number | string;
  /** Build-time occurrence index of this key (1 for its first citation). */
  occ?: number | string;
}

export function Cite({ id, loc, n, occ }: CiteProps) {
  const { references, order } = useCitations();
  const fallbackId = useId();
  const ref = references[id];
  const number = toPositiveInt(n) ?? (order.indexOf(id) + 1 || undefined);
  const occurrence = toPositiveInt(occ);
  const triggerId = occurrence ? citeId(id, occurrence) : `cite${fallbackId.replace(/:/g, '')}`;
  const label = (
    <>
      <span className="visually-hidden">Reference </span>[{number ?? '?'}
      {loc ? <span className="cite-loc">, {loc}</span> : null}]
    </>
  );
  return (
    <Popover kind="cite" triggerId={triggerId} bodyId={`${triggerId}-pop`} href={`#${referenceId(id)}`} label={label}>
      {ref ? (
        <>
          <span className="pop-meta">
            [{number}] {formatAuthors(ref.author)}, {ref.year}
          </span>
          <span className="pop-title">{stripBraces(ref.title)}</span>
          {formatVenue(ref) ? <span className="pop-venue">{formatVenue(ref)}</span> : null}
          {loc ? <span className="pop-venue">See {loc}.</span> : null}
        </>
      ) : (
        <span className="pop-title">Reference “{id}”</span>
      )}
    </Popover>
  );
}
