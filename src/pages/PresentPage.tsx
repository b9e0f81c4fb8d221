/**
 * `/present`: every step of the article as a slide (the step's prose at classroom size beside the live
 * figure). Keys: → PageDown Space next; ← PageUp Shift+Space previous; Home/End first/last; F
 * fullscreen; B blackout; O overview; S speaker view. The slide number is in the URL (`?slide=N`,
 * 1-based). The speaker view stays in sync over BroadcastChannel. Printing (or `?print`) lays out the
 * handout instead.
 */
import { useCallback, useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { citationCounts, citationOrder, references } from 'virtual:article';
import { CitationProvider, type CitationData } from '../cite';
import { resolveStartSlide, type Slide } from '../story/deck';
import { isTypingTarget } from '../story/Stepper';
import { Overview, PrintFrames, SlideView } from '../story/Slides';
import { StoryModeContext } from '../story/mode-context';
import { useDeckSync } from '../story/present-sync';
import { useHydrated } from '../story/useHydrated';
import { articleDeck } from './deck-data';
import './pages.css';
import { pageHref } from '../site/address';

const citations: CitationData = { references, order: citationOrder, counts: citationCounts };

export type DeckKeyAction =
  'next' | 'prev' | 'first' | 'last' | 'fullscreen' | 'blackout' | 'overview' | 'speaker' | 'escape';

/** The action of a key press in the presentation (clickers send PageUp/PageDown). */
export function deckKeyAction(e: Pick<KeyboardEvent, 'key' | 'shiftKey'>): DeckKeyAction | undefined {
  switch (e.key) {
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
      return 'next';
    case ' ':
    case 'Spacebar':
      return e.shiftKey ? 'prev' : 'next';
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
      return 'prev';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'f':
    case 'F':
      return 'fullscreen';
    case 'b':
    case 'B':
    case '.':
      return 'blackout';
    case 'o':
    case 'O':
      return 'overview';
    case 's':
    case 'S':
      return 'speaker';
    case 'Escape':
      return 'escape';
    default:
      return undefined;
  }
}

/** The starting slide from `?slide=N` or `?figure=<id>&step=<n>`, with a note per refused value. */
export function initialSlide(search: string, slides: readonly Slide[]): { index: number; issues: string[] } {
  return resolveStartSlide(search, slides);
}

export function writeSlideToUrl(index: number): void {
  const url = new URL(window.location.href);
  url.searchParams.delete('figure');
  url.searchParams.delete('step');
  url.searchParams.set('slide', String(index + 1));
  window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
}

/** Shared state of the presentation and speaker windows: the slide, blackout and the sync channel. */
export function useDeckState(slides: readonly Slide[]) {
  const [index, setIndex] = useState(0);
  const [blackout, setBlackout] = useState(false);
  const [issues, setIssues] = useState<string[]>([]);
  /** Notes from the other window (the speaker view shows the presentation's URL problems). */
  const [remoteIssues, setRemoteIssues] = useState<string[]>([]);
  // The starting slide comes from the URL once hydrated (the pre-render shows the first slide), read
  // while rendering, once per deck.
  const hydrated = useHydrated();
  const [startedDeck, setStartedDeck] = useState<readonly Slide[] | null>(null);
  if (hydrated && startedDeck !== slides) {
    const start = initialSlide(window.location.search, slides);
    setStartedDeck(slides);
    setIndex(start.index);
    setIssues(start.issues);
  }
  const started = startedDeck !== null;

  const sync = useDeckSync((m, post) => {
    if (m.type === 'slide') setIndex(Math.max(0, Math.min(slides.length - 1, m.index)));
    else if (m.type === 'blackout') setBlackout(m.on);
    else if (m.type === 'issues') setRemoteIssues(m.issues);
    else if (m.type === 'hello') {
      post({ type: 'slide', index });
      post({ type: 'blackout', on: blackout });
      if (issues.length > 0) post({ type: 'issues', issues });
    }
  });

  useEffect(() => {
    if (issues.length > 0) sync.post({ type: 'issues', issues });
  }, [issues, sync]);
  useEffect(() => {
    if (started) writeSlideToUrl(index);
  }, [started, index]);

  const go = useCallback(
    (n: number) => {
      const next = Math.max(0, Math.min(slides.length - 1, n));
      setIndex(next);
      sync.post({ type: 'slide', index: next });
    },
    [slides.length, sync],
  );
  const toggleBlackout = useCallback(() => {
    setBlackout((b) => {
      sync.post({ type: 'blackout', on: !b });
      return !b;
    });
  }, [sync]);
  return { index, go, blackout, toggleBlackout, issues, remoteIssues, sync };
}

function openSpeaker(index: number): void {
  window.open(pageHref(`/present/speaker?slide=${index + 1}`), 'qml-speaker', 'popup,width=1200,height=760');
}

/** True while printing, and always with `?print` in the URL (read once hydrated). */
function usePrinting(): boolean {
  const hydrated = useHydrated();
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    const mq = window.matchMedia?.('print');
    const on = () => flushSync(() => setPrinting(true));
    const off = () => setPrinting(false);
    const onMedia = (e: MediaQueryListEvent) => (e.matches ? on() : off());
    window.addEventListener('beforeprint', on);
    window.addEventListener('afterprint', off);
    mq?.addEventListener('change', onMedia);
    return () => {
      window.removeEventListener('beforeprint', on);
      window.removeEventListener('afterprint', off);
      mq?.removeEventListener('change', onMedia);
    };
  }, []);
  return printing || (hydrated && new URLSearchParams(window.location.search).has('print'));
}

export function PresentPage() {
  const slides = articleDeck();
  const { index, go, blackout, toggleBlackout, issues } = useDeckState(slides);
  const [overview, setOverview] = useState(false);
  const printing = usePrinting();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || isTypingTarget(e.target)) return;
      const action = deckKeyAction(e);
      if (!action) return;
      // Keys on a focused button (Space/Enter activate it) stay with the button, except navigation keys.
      const onButton = (e.target as Element | null)?.closest?.('button, a, summary');
      if (onButton && e.key === ' ') return;
      e.preventDefault();
      switch (action) {
        case 'next':
          go(index + 1);
          break;
        case 'prev':
          go(index - 1);
          break;
        case 'first':
          go(0);
          break;
        case 'last':
          go(slides.length - 1);
          break;
        case 'blackout':
          toggleBlackout();
          break;
        case 'overview':
          setOverview((o) => !o);
          break;
        case 'speaker':
          openSpeaker(index);
          break;
        case 'fullscreen':
          if (document.fullscreenElement) void document.exitFullscreen();
          else void document.documentElement.requestFullscreen?.().catch(() => {});
          break;
        case 'escape':
          if (overview) setOverview(false);
          else if (blackout) toggleBlackout();
          break;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [index, go, slides.length, toggleBlackout, overview, blackout]);

  if (printing) return <PrintLayout slides={slides} />;
  const slide = slides[index];
  return (
    <StoryModeContext.Provider value="slides">
      <CitationProvider value={citations}>
        <main
          id="main"
          className="present"
          data-present=""
          data-slide-index={index}
          data-slide-count={slides.length}
          data-blackout={blackout ? 'true' : 'false'}
          tabIndex={-1}
        >
          {slide.kind !== 'title' ? (
            <h1 className="visually-hidden">Presentation: {slides[0].kind === 'title' ? slides[0].title : ''}</h1>
          ) : null}
          {issues.length > 0 ? (
            <p className="present__issue" role="status" data-present-issues="">
              {issues.join(' ')}
            </p>
          ) : null}
          {overview ? (
            <Overview
              slides={slides}
              current={index}
              onPick={(n) => {
                go(n);
                setOverview(false);
              }}
            />
          ) : (
            <div className="present__stage" aria-live="polite" aria-atomic="false">
              <SlideView key={index} slide={slide} />
            </div>
          )}
          <nav className="present__bar" aria-label="Presentation">
            <button type="button" onClick={() => go(index - 1)} aria-label="Previous slide">
              ←
            </button>
            <span className="present__count" data-present-count="">
              {index + 1} / {slides.length}
            </span>
            <button type="button" onClick={() => go(index + 1)} aria-label="Next slide">
              →
            </button>
            <button type="button" onClick={() => setOverview((o) => !o)} aria-pressed={overview}>
              Overview (O)
            </button>
            <button type="button" onClick={() => openSpeaker(index)}>
              Speaker view (S)
            </button>
            <button type="button" onClick={toggleBlackout} aria-pressed={blackout}>
              Blackout (B)
            </button>
            <a href={pageHref('/present?print')}>Handout</a>
            <a href={pageHref('/')}>Article</a>
          </nav>
          {blackout ? (
            <div className="present__blackout" data-blackout-screen="" onClick={toggleBlackout} aria-hidden="true" />
          ) : null}
        </main>
      </CitationProvider>
    </StoryModeContext.Provider>
  );
}

export function PrintLayout({ slides }: { slides: readonly Slide[] }) {
  return (
    <StoryModeContext.Provider value="print">
      <CitationProvider value={citations}>
        <main id="main" className="handout" data-handout="" tabIndex={-1}>
          <PrintFrames slides={slides} />
        </main>
      </CitationProvider>
    </StoryModeContext.Provider>
  );
}

export function PrintPage() {
  return <PrintLayout slides={articleDeck()} />;
}
