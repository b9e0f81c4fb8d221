/**
 * The "Embed" and "Present" controls of a figure in the article (and "Embed" on an embed page): the
 * iframe snippet and the loader snippet for the figure at its current step with its current URL
 * parameters, each with a copy button (src/story/EmbedSnippets.tsx, its own chunk, loaded when the disclosure is
 * first opened: the snippets need
 * `location`, which the server render never reads, and no reader needs them at first paint).
 */
import { lazy, Suspense, useLayoutEffect, useRef, useState } from 'react';
import { useFigureTitle } from './figure-registry';
import { useStoryMode } from './mode-context';
import './embed-control.css';
import { pageHref } from '../site/address';

/** The snippets load when the disclosure is first opened: no figure needs them before (nor at first paint). */
const EmbedSnippets = lazy(() => import('./EmbedSnippets'));

export function FigureModeControls({ id, step }: { id: string; step: number }) {
  const mode = useStoryMode();
  const [opened, setOpened] = useState(false);
  const title = useFigureTitle(id);
  const details = useRef<HTMLDetailsElement>(null);
  // A reader can open the pre-rendered disclosure before the island hydrates: its toggle event fired with
  // no listener, so the snippets must be asked for here, or the open disclosure would show only the address.
  useLayoutEffect(() => {
    if (details.current?.open) setOpened(true);
  }, []);

  if (mode === 'slides' || mode === 'print') return null;
  const address = (
    <p>
      Embed address:{' '}
      <code>
        /embed/{id}?step={step}
      </code>
    </p>
  );
  return (
    <>
      <details
        ref={details}
        className="fig__disclosure fig-embed"
        onToggle={(e) => {
          if (e.currentTarget.open) setOpened(true);
        }}
      >
        <summary>Embed</summary>
        {opened ? (
          <Suspense fallback={address}>
            <EmbedSnippets id={id} step={step} title={title} />
          </Suspense>
        ) : (
          address
        )}
      </details>
      {mode === 'article' ? (
        <a className="fig-present" href={pageHref(`/present?figure=${encodeURIComponent(id)}&step=${step}`)}>
          Present
        </a>
      ) : null}
    </>
  );
}
