/**
 * The "Embed" and "Present" controls of a figure in the article (and "Embed" on an embed page): the
 * iframe snippet and the loader snippet for the figure at its current step with its current URL
 * parameters, each with a copy button. Snippets are built once the disclosure has been opened (they need
 * `location`, which the server render never reads: the disclosure starts closed).
 */
import { useId, useState } from 'react';
import { figureParamsFromSearch, iframeSnippet, loaderSnippet, type EmbedTarget } from './snippets';
import { useFigureTitle } from './figure-registry';
import { useStoryMode } from './mode-context';
import './embed-control.css';
import { embedOrigin, pageHref } from '../site/address';

function Snippet({ label, text }: { label: string; text: string }) {
  const id = useId();
  const [copied, setCopied] = useState<'idle' | 'ok' | 'fail'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('ok');
    } catch {
      // No clipboard permission (e.g. inside a sandboxed iframe): select the text for a manual copy.
      const area = document.getElementById(id) as HTMLTextAreaElement | null;
      area?.select();
      setCopied('fail');
    }
  };
  return (
    <div className="fig-embed__snippet">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} readOnly rows={3} value={text} data-snippet={label} onFocus={(e) => e.currentTarget.select()} />
      <button type="button" onClick={copy}>
        Copy
      </button>
      <span role="status" className="fig-embed__copied">
        {copied === 'ok' ? 'Copied.' : copied === 'fail' ? 'Selected: press Ctrl+C (⌘C) to copy.' : ''}
      </span>
    </div>
  );
}

export function FigureModeControls({ id, step }: { id: string; step: number }) {
  const mode = useStoryMode();
  const [opened, setOpened] = useState(false);
  const title = useFigureTitle(id);
  const target: EmbedTarget | null = opened
    ? {
        origin: embedOrigin(window.location),
        kind: 'figure',
        id,
        step,
        title,
        params: figureParamsFromSearch(window.location.search, id),
      }
    : null;

  if (mode === 'slides' || mode === 'print') return null;
  return (
    <>
      <details
        className="fig__disclosure fig-embed"
        onToggle={(e) => {
          if (e.currentTarget.open) setOpened(true);
        }}
      >
        <summary>Embed</summary>
        {target ? (
          <div className="fig-embed__body">
            <p>Paste into a web page. The loader sizes the frame to its content; the plain frame works anywhere.</p>
            <Snippet label="Loader (auto-height)" text={loaderSnippet(target)} />
            <Snippet label="Plain iframe" text={iframeSnippet(target)} />
          </div>
        ) : (
          <p>
            Embed address:{' '}
            <code>
              /embed/{id}?step={step}
            </code>
          </p>
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
