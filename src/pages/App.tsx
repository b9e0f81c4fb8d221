/** Chooses the page to render; the pre-render writes the page name into `#root[data-page]`. */
import { useEffect } from 'react';
import { ArticlePage } from './ArticlePage';
import { NotFoundPage } from './NotFoundPage';
import type { PageName } from './site';

export function App({ page }: { page: PageName }) {
  // Test hook: set once React has hydrated (or rendered) the page.
  useEffect(() => {
    document.documentElement.setAttribute('data-hydrated', 'true');
  }, []);
  return page === 'not-found' ? <NotFoundPage /> : <ArticlePage />;
}
