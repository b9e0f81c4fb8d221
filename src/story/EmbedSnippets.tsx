/**
 * The body of a figure's "Embed" disclosure (src/story/EmbedControl.tsx): the loader and the plain iframe
 * snippet for the figure at its current step with its current URL parameters, each with a copy button.
 * Its own chunk, loaded when the disclosure is first opened; built from `location`, which the server
 * render never reads.
 */
import { useId, useState } from 'react';
import { figureParamsFromSearch, iframeSnippet, loaderSnippet, type EmbedTarget } from './snippets';
import { embedOrigin } from '../site/address';

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

export default function EmbedSnippets({ id, step, title }: { id: string; step: number; title: string }) {
  const target: EmbedTarget = {
    origin: embedOrigin(window.location),
    kind: 'figure',
    id,
    step,
    title,
    params: figureParamsFromSearch(window.location.search, id),
  };
  return (
    <div className="fig-embed__body">
      <p>Paste into a web page. The loader sizes the frame to its content; the plain frame works anywhere.</p>
      <Snippet label="Loader (auto-height)" text={loaderSnippet(target)} />
      <Snippet label="Plain iframe" text={iframeSnippet(target)} />
    </div>
  );
}
