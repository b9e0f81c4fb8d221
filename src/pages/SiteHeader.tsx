/**
 * The sticky header: site name, contents, theme toggle and the reading-progress bar. The header is an
 * island (it is in view from the start, so it hydrates at once); its props travel in the HTML.
 */
import { Island } from '../islands/Island';
import type { IslandProps } from '../islands/types';
import { ReadingProgress, TableOfContents, ThemeToggle } from '../reading';
import { pageHref } from '../site/address';

export type SiteHeaderProps = IslandProps['header'];

export function SiteHeader(props: SiteHeaderProps) {
  return (
    <Island
      name="header"
      id="site-header"
      props={props}
      component={SiteHeaderControls}
      as="header"
      className="site-header"
    />
  );
}

/** What the header island renders inside `<header class="site-header">`. */
export function SiteHeaderControls({ siteTitle, toc, progressTarget }: SiteHeaderProps) {
  return (
    <>
      <div className="site-header-bar">
        <a className="brand" href={pageHref('/')}>
          {siteTitle}
        </a>
        {toc && toc.length > 0 ? <TableOfContents entries={toc} /> : null}
        {toc && toc.length > 0 ? (
          <a className="header-present" href={pageHref('/present')}>
            Present
          </a>
        ) : null}
        <a className="header-link header-check" href={pageHref('/check')}>
          Check<span className="header-check__more"> a claim</span>
        </a>
        <ThemeToggle />
      </div>
      {progressTarget ? <ReadingProgress targetId={progressTarget} /> : null}
    </>
  );
}

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <p>
        Every figure on this page is computed in your browser by the article’s own quantum simulator, from a fixed
        random seed. No trackers, no third-party requests.
      </p>
    </footer>
  );
}
