/**
 * The frame every figure renders inside: test hooks (`data-figure`, `data-step`, `data-ready`), title
 * and caption, the text alternative built from the current data (`[data-figure-alt]`), the "How this
 * was computed" panel (method, parameters, seed, sources), CSV/JSON downloads, a progress indicator
 * for slow computations, notes for refused URL parameters, and failed computations with a Retry button.
 * It also reports where the figure is on screen (src/story/priority.ts), so the worker pool serves the
 * figure in view first. `FigureBoundary` (used by FigureHost) names the figure instance and shows a
 * visible message with Retry when the view itself fails (its chunk did not load, it threw while rendering).
 * See src/story/README.md.
 */
import { MotionConfig } from 'framer-motion';
import {
  Component,
  Fragment,
  useContext,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type ReactNode,
  type RefObject,
} from 'react';
import { displayCell, downloadText, exportFileName, figureToJson, tableToCsv, type Cell, type DataTable } from './data';
import { useFigureTitle } from './figure-registry';
import type { FigureSource } from './figure-types';
import type { ParamIssue } from './params';
import { FigureModeControls } from './EmbedControl';
import { retryFailures, useFigureFailures } from './figure-status';
import {
  classifyReach,
  FigureInstanceContext,
  reportVisibility,
  VISIBILITY_BOUNDARIES,
  type FigureInstance,
} from './priority';
import { watchViewport } from './viewport';
import { reloadAfterFailedRetry } from '../load/chunk-failure';

export interface FigureShellProps {
  id: string;
  step: number;
  title: string;
  caption?: ReactNode;
  /** True once the data for this step is computed (partial results are not ready). */
  ready: boolean;
  /**
   * True while not ready when what is drawn is already a complete picture of this step at a coarser
   * resolution (every point present: a coarse grid, fewer samples per point, one seed of several). Written
   * as `data-first-picture` (ready implies it); the audit times the first picture from it.
   */
  picture?: boolean;
  /** Work done so far, shown when the computation takes longer than ~300 ms. */
  work?: { done: number; total: number; label?: string };
  method: {
    /** Plain-text description of the computation (also written into the JSON download). */
    text: string;
    params: Readonly<Record<string, Cell>>;
    seed: number;
    sources?: readonly FigureSource[];
  };
  /** The current data: downloads and (unless `alt.table` is given) the text alternative's table. A function
   * is called only when the table is needed (a large table then costs nothing on every partial result). */
  data: DataTable | (() => DataTable);
  alt: { summary: string; table?: DataTable; caption?: string };
  issues?: readonly ParamIssue[];
  controls?: ReactNode;
  children: ReactNode;
}

let mountCounter = 0;

/** True after `active` has stayed true for `delayMs`. */
function useDelayedFlag(active: boolean, delayMs: number): boolean {
  const [elapsed, setElapsed] = useState(false);
  // Becoming inactive clears the flag while rendering, so the next activation waits the full delay again.
  if (!active && elapsed) setElapsed(false);
  useEffect(() => {
    if (!active) return;
    const t = setTimeout(() => setElapsed(true), delayMs);
    return () => clearTimeout(t);
  }, [active, delayMs]);
  return active && elapsed;
}

/**
 * Reports the element's visibility for `instance` while mounted, from the page's visibility watcher
 * (viewport.ts), told when the element crosses the viewport's edge or the edge of the screen below it.
 */
function useReportVisibility(ref: RefObject<Element | null>, instance: string | undefined): void {
  useEffect(() => {
    const el = ref.current;
    if (!instance || !el) return;
    const [view, next] = VISIBILITY_BOUNDARIES;
    const stop = watchViewport(
      el,
      (r) => reportVisibility(instance, classifyReach(r.within(view), r.within(next), r.below)),
      VISIBILITY_BOUNDARIES,
    );
    return () => {
      stop();
      reportVisibility(instance, undefined);
    };
  }, [ref, instance]);
}

/** Failed computations of this figure instance, with one Retry for all of them. */
function FailureNote({ instance }: { instance: string | undefined }) {
  const failures = useFigureFailures(instance);
  if (!instance || failures.length === 0) return null;
  const messages = [...new Set(failures.map((f) => f.message))];
  return (
    <div className="fig__failure" role="alert">
      <p>{messages.join(' ')}</p>
      <button type="button" onClick={() => retryFailures(instance)}>
        Retry
      </button>
    </div>
  );
}

function AltTable({ table, caption }: { table: DataTable; caption?: string }) {
  return (
    <table className="fig__table">
      {caption ? <caption>{caption}</caption> : null}
      <thead>
        <tr>
          {table.columns.map((c) => (
            <th key={c.key} scope="col">
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row, i) => (
          <tr key={i}>
            {table.columns.map((c) => (
              <td key={c.key}>{displayCell(c, row[c.key] ?? null)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function FigureShell(props: FigureShellProps) {
  const {
    id,
    step,
    title,
    caption,
    ready,
    picture = false,
    work,
    method,
    data,
    alt,
    issues = [],
    controls,
    children,
  } = props;
  const rootRef = useRef<HTMLElement>(null);
  const titleId = useId();
  const showWork = useDelayedFlag(!ready, 300);
  const instance = useContext(FigureInstanceContext)?.instance;
  useReportVisibility(rootRef, instance);

  useEffect(() => {
    // Counts mounts: a remount (chart re-initialisation) shows up as a new number in tests.
    rootRef.current?.setAttribute('data-mount', String(++mountCounter));
  }, []);

  const download = (ext: 'csv' | 'json') => {
    const name = exportFileName(id, step, ext);
    const table = typeof data === 'function' ? data() : data;
    if (ext === 'csv') downloadText(name, 'text/csv;charset=utf-8', tableToCsv(table));
    else {
      downloadText(
        name,
        'application/json',
        figureToJson({
          figure: id,
          step,
          params: method.params,
          seed: method.seed,
          method: method.text,
          sources: method.sources ?? [],
          data: table,
        }),
      );
    }
  };

  const fraction = work && work.total > 0 ? work.done / work.total : 0;
  return (
    <figure
      ref={rootRef}
      className="fig"
      data-figure={id}
      data-step={step}
      data-ready={ready ? 'true' : 'false'}
      data-first-picture={ready || picture ? 'true' : 'false'}
      aria-busy={ready ? undefined : true}
      aria-labelledby={titleId}
    >
      <figcaption className="fig__head">
        <span className="fig__title" id={titleId}>
          {title}
        </span>
        {caption ? <span className="fig__caption">{caption}</span> : null}
      </figcaption>
      {issues.length > 0 ? (
        <p className="fig__issues" role="status">
          {issues.map((issue) => issue.message).join(' ')}
        </p>
      ) : null}
      <FailureNote instance={instance} />
      {/* The progress line sits over the graphic's lower edge, so showing and hiding it moves no content; it
          is one line (a long label is cut short on screen, whole in the title and the progress's name). */}
      <div className="fig__stage">
        <MotionConfig reducedMotion="user">
          <div className="fig__graphic">{children}</div>
        </MotionConfig>
        {showWork && work ? (
          <div className="fig__work" title={work.label ?? 'Computing'}>
            <progress max={1} value={fraction} aria-label={work.label ?? 'Computing'} />
            <span className="fig__work-pct">{Math.round(fraction * 100)}%</span>
            <span className="fig__work-label">{work.label ?? 'Computing'}</span>
          </div>
        ) : null}
      </div>
      {controls ? <div className="fig__controls">{controls}</div> : null}
      <div className="fig__extras">
        <details className="fig__disclosure">
          <summary>Data table</summary>
          <div data-figure-alt="">
            <p>{alt.summary}</p>
            <AltTable table={alt.table ?? (typeof data === 'function' ? data() : data)} caption={alt.caption} />
          </div>
        </details>
        <details className="fig__disclosure">
          <summary>How this was computed</summary>
          <div className="fig__method">
            <p>{method.text}</p>
            <dl className="fig__params">
              {Object.entries(method.params).map(([k, v]) => (
                <div key={k}>
                  <dt>{k}</dt>
                  <dd>{v === null ? '–' : String(v)}</dd>
                </div>
              ))}
              <div>
                <dt>seed</dt>
                <dd>{method.seed}</dd>
              </div>
            </dl>
            {method.sources && method.sources.length > 0 ? (
              <p className="fig__sources">
                Sources:{' '}
                {method.sources.map((s, i) => (
                  <span key={i}>
                    {i > 0 ? '; ' : ''}
                    {s.href ? <a href={s.href}>{s.label}</a> : s.label}
                  </span>
                ))}
              </p>
            ) : null}
          </div>
        </details>
        <span className="fig__downloads">
          <button type="button" onClick={() => download('csv')}>
            Download CSV
          </button>
          <button type="button" onClick={() => download('json')}>
            Download JSON
          </button>
        </span>
        <FigureModeControls id={id} step={step} />
      </div>
    </figure>
  );
}

/**
 * Stands in for a figure whose view failed (its chunk did not load, or it threw while rendering): the same
 * root hooks (`data-figure`, `data-step`, `data-ready="false"`), a visible message, Retry, and a reload.
 */
export function FigureUnavailable({
  id,
  step,
  message,
  onRetry,
}: {
  id: string;
  step: number;
  message: string;
  onRetry(): void;
}) {
  const titleId = useId();
  const title = useFigureTitle(id);
  return (
    <figure
      className="fig fig--unavailable"
      data-figure={id}
      data-step={step}
      data-ready="false"
      aria-labelledby={titleId}
    >
      <figcaption className="fig__head">
        <span className="fig__title" id={titleId}>
          {title}
        </span>
      </figcaption>
      <div className="fig__failure" role="alert">
        <p>This figure could not be shown ({message}). The page may have been updated since it was opened.</p>
        <button type="button" onClick={onRetry}>
          Retry
        </button>{' '}
        <button type="button" onClick={() => window.location.reload()}>
          Reload the page
        </button>
      </div>
    </figure>
  );
}

interface CatcherProps {
  id: string;
  step: number;
  children: ReactNode;
}
interface CatcherState {
  error: Error | null;
  attempt: number;
}

class FigureErrorCatcher extends Component<CatcherProps, CatcherState> {
  state: CatcherState = { error: null, attempt: 0 };

  static getDerivedStateFromError(error: unknown): Partial<CatcherState> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  private retry = () => this.setState((s) => ({ error: null, attempt: s.attempt + 1 }));

  componentDidCatch(error: unknown) {
    // A retry that failed again to load the chunk: in some browsers only a reload fetches it again.
    if (this.state.attempt > 0) reloadAfterFailedRetry(error);
  }

  render() {
    const { error, attempt } = this.state;
    if (error)
      return (
        <FigureUnavailable id={this.props.id} step={this.props.step} message={error.message} onRetry={this.retry} />
      );
    // A new key remounts the view on retry (a lazy view then loads its chunk again).
    return <Fragment key={attempt}>{this.props.children}</Fragment>;
  }
}

/** Names a figure instance for its subtree (priority, failures) and catches a failing view. */
export function FigureBoundary({ id, step, children }: { id: string; step: number; children: ReactNode }) {
  const uid = useId();
  const value = useMemo<FigureInstance>(() => ({ figure: id, instance: `${id}${uid}` }), [id, uid]);
  return (
    <FigureInstanceContext.Provider value={value}>
      <FigureErrorCatcher id={id} step={step}>
        {children}
      </FigureErrorCatcher>
    </FigureInstanceContext.Provider>
  );
}
