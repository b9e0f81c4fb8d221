/**
 * Slides and handout frames built from the deck (src/story/deck.ts): a step slide is that step's prose
 * at classroom size beside the live figure; a print frame is the same step's end state, static, with
 * its text. Figures without a view show their text only.
 */
import type { ReactNode } from 'react';
import type { Slide } from './deck';
import { useFigureRegistry } from './figure-registry';
import { ModeFigure } from './ModeFigure';
import './modes.css';

export function SlideView({ slide, live = true }: { slide: Slide; live?: boolean }) {
  const figures = useFigureRegistry();
  if (slide.kind === 'title') {
    return (
      <div className="slide slide--title" data-slide={slide.index}>
        <h1 className="slide__big">{slide.title}</h1>
        {slide.subtitle ? <p className="slide__sub">{slide.subtitle}</p> : null}
      </div>
    );
  }
  if (slide.kind === 'section') {
    return (
      <div className="slide slide--section" data-slide={slide.index}>
        <h2 className="slide__big">{slide.title}</h2>
      </div>
    );
  }
  const graphic = live && Boolean(figures(slide.figure)?.view);
  return (
    <div
      className={graphic ? 'slide slide--step' : 'slide slide--step slide--text-only'}
      data-slide={slide.index}
      data-scrolly={slide.figure}
      data-active-step={slide.step}
    >
      <div className="slide__text">
        <p className="slide__kicker">
          {slide.sectionTitle} · {slide.figureTitle}
        </p>
        <h2 className="slide__label">
          {slide.label}{' '}
          <span className="slide__count">
            ({slide.step + 1}/{slide.stepCount})
          </span>
        </h2>
        <div className="slide__prose">{slide.info.content}</div>
      </div>
      {graphic ? (
        <div className="slide__figure">
          <ModeFigure id={slide.figure} step={slide.step} mode="slides" />
        </div>
      ) : null}
    </div>
  );
}

/** The slide's title line, for the overview grid and the speaker view's "next" box. */
export function slideHeading(slide: Slide): string {
  if (slide.kind === 'step') return `${slide.figureTitle}: ${slide.label}`;
  return slide.title;
}

export function Overview({
  slides,
  current,
  onPick,
}: {
  slides: readonly Slide[];
  current: number;
  onPick(index: number): void;
}) {
  return (
    <nav className="overview" aria-label="All slides">
      <ol className="overview__grid">
        {slides.map((s) => (
          <li key={s.index}>
            <button
              type="button"
              className={`overview__card overview__card--${s.kind}`}
              aria-current={s.index === current ? 'true' : undefined}
              onClick={() => onPick(s.index)}
              data-overview-slide={s.index}
            >
              <span className="overview__num">{s.index + 1}</span>
              <span className="overview__title">{slideHeading(s)}</span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}

export function NotesView({ slide }: { slide: Slide }) {
  const notes: ReactNode[] = slide.kind === 'step' ? slide.info.notes : [];
  return (
    <div className="speaker__notes" data-speaker-notes="">
      {notes.length > 0 ? (
        notes.map((n, i) => <div key={i}>{n}</div>)
      ) : (
        <p className="speaker__none">No notes for this slide.</p>
      )}
    </div>
  );
}

/** Every step as a static frame with its text, one per printed page. */
export function PrintFrames({ slides }: { slides: readonly Slide[] }) {
  const figures = useFigureRegistry();
  return (
    <div className="print-frames">
      {slides.map((s) => {
        if (s.kind === 'title')
          return (
            <section key={s.index} className="print-frame print-frame--title" data-print-frame={s.index}>
              <h1>{s.title}</h1>
              {s.subtitle ? <p>{s.subtitle}</p> : null}
            </section>
          );
        if (s.kind === 'section') return null;
        return (
          <section
            key={s.index}
            className="print-frame"
            data-print-frame={s.index}
            data-scrolly={s.figure}
            data-active-step={s.step}
          >
            <p className="print-frame__kicker">
              {s.sectionTitle} · {s.figureTitle} · step {s.step + 1} of {s.stepCount}
            </p>
            <h2 className="print-frame__label">{s.label}</h2>
            {figures(s.figure)?.view ? (
              <div className="print-frame__figure">
                <ModeFigure id={s.figure} step={s.step} mode="print" />
              </div>
            ) : null}
            <div className="print-frame__prose">{s.info.content}</div>
          </section>
        );
      })}
    </div>
  );
}
