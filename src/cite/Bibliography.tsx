/**
 * The reference list: every cited work in citation order (so item n is `[n]` in the text), with
 * authors, title, venue, year, DOI/arXiv links and one back-link per citation in the text.
 */
import { useCitations } from './context';
import { formatAuthors, formatVenue, referenceLinks, stripBraces } from './format';
import { citeId, referenceId } from './ids';

export function Bibliography({ title = 'References' }: { title?: string }) {
  const { references, order, counts } = useCitations();
  const keys = order.filter((key) => key in references);
  if (keys.length === 0) return null;
  return (
    <section id="references" className="bibliography" aria-labelledby="references-title">
      <h2 id="references-title">
        <a className="heading-link" href="#references">
          {title}
        </a>
      </h2>
      <ol className="bibliography-list">
        {keys.map((key) => {
          const ref = references[key];
          const number = order.indexOf(key) + 1;
          const venue = formatVenue(ref);
          const uses = counts[key] ?? 1;
          return (
            <li key={key} id={referenceId(key)} value={number}>
              <span className="ref-authors">{formatAuthors(ref.author, 12)}</span> ({ref.year}).{' '}
              <cite className="ref-title">{stripBraces(ref.title)}</cite>.
              {venue ? <span className="ref-venue"> {venue}.</span> : null}
              {ref.note ? <span className="ref-note"> {ref.note}</span> : null}
              {referenceLinks(ref).map((link) => (
                <span key={link.href}>
                  {' '}
                  <a className="ref-link" href={link.href} rel="noopener">
                    {link.label}
                  </a>
                </span>
              ))}
              <span className="ref-backlinks">
                {Array.from({ length: uses }, (_, j) => (
                  <a key={j} href={`#${citeId(key, j + 1)}`}>
                    <span aria-hidden="true">↩{'\uFE0E'}</span>
                    <span className="visually-hidden">Back to citation </span>
                    {uses > 1 ? (
                      String.fromCharCode(97 + (j % 26))
                    ) : (
                      <span className="visually-hidden">in the text</span>
                    )}
                  </a>
                ))}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
