/**
 * Server entry for the static pre-render (built into dist-ssr/ by `vite build --ssr`). Uses
 * react-dom/static so Suspense and lazy figure views are awaited: the HTML holds every section's
 * prose, captions and each figure's text alternative.
 */
import { StrictMode } from 'react';
import { prerenderToNodeStream } from 'react-dom/static';
import { meta } from 'virtual:article';
import { App } from './pages/App';
import { headTags, type PageName } from './pages/site';

export { PAGE_NAMES } from './pages/site';

export interface RenderedPage {
  /** Markup for inside `#root`. */
  html: string;
  /** Escaped page title. */
  title: string;
  /** Extra <head> tags. */
  head: string;
}

export async function render(page: PageName): Promise<RenderedPage> {
  const errors: unknown[] = [];
  const { prelude } = await prerenderToNodeStream(
    <StrictMode>
      <App page={page} />
    </StrictMode>,
    { onError: (error) => void errors.push(error) },
  );
  const chunks: Buffer[] = [];
  for await (const chunk of prelude) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  if (errors.length > 0) {
    throw new Error(`pre-rendering "${page}" failed:\n${errors.map((e) => (e instanceof Error ? e.stack ?? e.message : String(e))).join('\n')}`);
  }
  const { title, tags } = headTags(meta, page);
  return { html: Buffer.concat(chunks).toString('utf8'), title, head: tags };
}
