/** dist/404.html: a short page in the site's frame pointing back to the article. */
import { meta } from 'virtual:article-index';
import { SkipLink } from '../reading';
import { SiteFooter, SiteHeader } from './SiteHeader';
import { siteTitle } from './site';
import { pageHref } from '../site/address';

export function NotFoundPage() {
  return (
    <>
      <SkipLink />
      <SiteHeader siteTitle={siteTitle(meta)} />
      <main id="main" className="page-main" tabIndex={-1}>
        <article className="article not-found">
          <h1 className="article-title">Page not found</h1>
          <p>
            There is nothing at this address. The article is at <a href={pageHref('/')}>{meta.title}</a>.
          </p>
        </article>
      </main>
      <SiteFooter />
    </>
  );
}
