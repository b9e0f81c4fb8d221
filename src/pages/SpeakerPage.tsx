/**
 * `/present/speaker`: the presenter's window — current slide (live), next slide, the step's speaker
 * notes from the MDX `<Notes>`, and the elapsed time. Same keys as the presentation; every move is
 * mirrored to the presentation window over BroadcastChannel, and the other way round.
 */
import { useEffect, useState } from 'react';
import { citationCounts, citationOrder, references } from 'virtual:article';
import { CitationProvider, type CitationData } from '../cite';
import { isTypingTarget } from '../story/Stepper';
import { NotesView, SlideView, slideHeading } from '../story/Slides';
import { StoryModeContext } from '../story/mode-context';
import { articleDeck } from './deck-data';
import { deckKeyAction, useDeckState } from './PresentPage';
import './pages.css';

const citations: CitationData = { references, order: citationOrder, counts: citationCounts };

export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

function Elapsed() {
  // Null until the first tick: the clock starts at mount (or at Reset) and shows 00:00 until then.
  const [clock, setClock] = useState<{ start: number; now: number } | null>(null);
  useEffect(() => {
    const t0 = Date.now();
    const timer = setInterval(() => setClock((c) => ({ start: c?.start ?? t0, now: Date.now() })), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <p className="speaker__time">
      Elapsed{' '}
      <span data-elapsed="" aria-live="off">
        {clock === null ? '00:00' : formatElapsed(clock.now - clock.start)}
      </span>{' '}
      <button
        type="button"
        onClick={() => {
          const t = Date.now();
          setClock({ start: t, now: t });
        }}
      >
        Reset
      </button>
    </p>
  );
}

export function SpeakerPage() {
  const slides = articleDeck();
  const { index, go, blackout, toggleBlackout, issues, remoteIssues, sync } = useDeckState(slides);

  // Ask the presentation window where it is (it answers with its slide).
  useEffect(() => {
    sync.post({ type: 'hello' });
  }, [sync]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || isTypingTarget(e.target)) return;
      const action = deckKeyAction(e);
      if (!action) return;
      if ((e.target as Element | null)?.closest?.('button, a, summary') && e.key === ' ') return;
      e.preventDefault();
      if (action === 'next') go(index + 1);
      else if (action === 'prev') go(index - 1);
      else if (action === 'first') go(0);
      else if (action === 'last') go(slides.length - 1);
      else if (action === 'blackout') toggleBlackout();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [index, go, slides.length, toggleBlackout]);

  const slide = slides[index];
  const next = slides[index + 1];
  return (
    <StoryModeContext.Provider value="slides">
      <CitationProvider value={citations}>
        <main id="main" className="speaker" data-speaker="" data-slide-index={index} tabIndex={-1}>
          <h1 className="visually-hidden">Speaker view</h1>
          {issues.length > 0 || remoteIssues.length > 0 ? (
            <div className="present__issue speaker__issues" role="status" data-speaker-issues="">
              {issues.length > 0 ? <p>{issues.join(' ')}</p> : null}
              {remoteIssues.length > 0 ? <p>Presentation window: {remoteIssues.join(' ')}</p> : null}
            </div>
          ) : null}
          <section className="speaker__current" aria-label="Current slide">
            <h2 className="speaker__heading">
              Now: slide{' '}
              <span data-speaker-count="">
                {index + 1} / {slides.length}
              </span>
              {blackout ? ' (blacked out)' : ''}
            </h2>
            <div className="speaker__slide">
              <SlideView key={index} slide={slide} />
            </div>
          </section>
          <aside className="speaker__side">
            <Elapsed />
            <section aria-label="Speaker notes">
              <h2 className="speaker__heading">Notes</h2>
              <NotesView slide={slide} />
            </section>
            <section aria-label="Next slide" className="speaker__next">
              <h2 className="speaker__heading">Next</h2>
              <p data-speaker-next="">{next ? `${index + 2}. ${slideHeading(next)}` : 'End of the presentation.'}</p>
            </section>
            <nav className="speaker__nav" aria-label="Slides">
              <button type="button" onClick={() => go(index - 1)}>
                ← Previous
              </button>
              <button type="button" onClick={() => go(index + 1)}>
                Next →
              </button>
              <button type="button" onClick={toggleBlackout} aria-pressed={blackout}>
                Blackout
              </button>
            </nav>
          </aside>
        </main>
      </CitationProvider>
    </StoryModeContext.Provider>
  );
}
