/**
 * The article: every content section in order (from `virtual:article`), then the bibliography and the
 * "Cite this article" block. Renders identically on the server (pre-render) and the client (hydration).
 */
import { citationCounts, citationOrder, meta, references, sections } from 'virtual:article';
import { Bibliography, CitationProvider, CiteThis, type CitationData } from '../cite';
import { formatAuthors, metaAuthors } from '../cite/format';
import { FigureIsland, figureIslandId } from '../islands/FigureIsland';
import { Island } from '../islands/Island';
import { mdxComponents } from '../mdx/components';
import { sectionTitleId } from '../mdx/vocabulary';
import { SkipLink, type TocEntry } from '../reading';
import { useHasFigureView } from '../story/figure-registry';
import { Scrolly, type ScrollyProps } from '../story/Scrolly';
import { SiteFooter, SiteHeader } from './SiteHeader';
import { siteTitle } from './site';

const citations: CitationData = { references, order: citationOrder, counts: citationCounts };

const toc: TocEntry[] = [
  ...sections.map((s) => ({ id: s.id, title: s.title })),
  ...(citationOrder.length > 0 ? [{ id: 'references', title: 'References' }] : []),
];

/** A scrolly section of the article: its graphic is a figure island, hydrated when it nears the viewport. */
function ArticleScrolly(props: ScrollyProps) {
  const { figure } = props;
  const graphic = useHasFigureView(figure) ? (
    <Island
      name="figure"
      id={figureIslandId(figure)}
      props={{ figure }}
      component={FigureIsland}
      className="scrolly__graphic"
    />
  ) : null;
  return <Scrolly {...props} graphic={graphic} />;
}

const articleComponents = { ...mdxComponents, Scrolly: ArticleScrolly };

function formatDate(iso: string | undefined): string | undefined {
  if (!iso || !/^\d{4}-\d{2}-\d{2}/.test(iso)) return iso;
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  const months = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ];
  return `${d} ${months[m - 1]} ${y}`;
}

export function ArticlePage() {
  const authors = formatAuthors(metaAuthors(meta));
  const date = meta.published ?? meta.date;
  return (
    <CitationProvider value={citations}>
      <SkipLink />
      <SiteHeader siteTitle={siteTitle(meta)} toc={toc} progressTarget="article" />
      <main id="main" className="page-main" tabIndex={-1}>
        <article id="article" className="article">
          <header className="article-header">
            <h1 className="article-title">{meta.title}</h1>
            {meta.subtitle ? <p className="article-subtitle">{meta.subtitle}</p> : null}
            {authors || date ? (
              <p className="article-byline">
                {authors ? <span>{authors}</span> : null}
                {authors && date ? <span aria-hidden="true"> · </span> : null}
                {date ? <time dateTime={date}>{formatDate(date)}</time> : null}
              </p>
            ) : null}
          </header>
          {sections.map(({ id, Content }) => (
            <section key={id} id={id} className="article-section" aria-labelledby={sectionTitleId(id)}>
              <Content components={articleComponents} />
            </section>
          ))}
          <footer id="end-matter" className="article-end">
            <Bibliography />
            <CiteThis meta={meta} />
          </footer>
        </article>
      </main>
      <SiteFooter />
    </CitationProvider>
  );
}
