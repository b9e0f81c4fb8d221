/** The sticky header: site name, contents, theme toggle and the reading-progress bar. */
import { ReadingProgress, TableOfContents, ThemeToggle, type TocEntry } from '../reading';
import { pageHref } from './address';

export interface SiteHeaderProps {
  siteTitle: string;
  toc?: readonly TocEntry[];
  /** Element whose scroll position the progress bar follows. */
  progressTarget?: string;
}

export function SiteHeader({ siteTitle, toc, progressTarget }: SiteHeaderProps) {
  return (
    <header className="site-header">
      <div className="site-header-bar">
        <a className="brand" href={pageHref('/')}>
          {siteTitle}
        </a>
        {toc && toc.length > 0 ? <TableOfContents entries={toc} /> : null}
        {toc && toc.length > 0 ? <a className="header-present" href={pageHref('/present')}>Present</a> : null}
        <ThemeToggle />
      </div>
      {progressTarget ? <ReadingProgress targetId={progressTarget} /> : null}
    </header>
  );
}

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <p>
        Every figure on this page is computed in your browser by the article’s own quantum simulator, from a
        fixed random seed. No trackers, no third-party requests.
      </p>
    </footer>
  );
}
