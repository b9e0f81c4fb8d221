/**
 * The frame every figure renders inside: test hooks (`data-figure`, `data-step`, `data-ready`), title
 * and caption, the text alternative built from the current data (`[data-figure-alt]`), the "How this
 * was computed" panel (method, parameters, seed, sources), CSV/JSON downloads, a progress indicator
 * for slow computations, and notes for refused URL parameters. See src/story/README.md.
 */
import { MotionConfig } from 'framer-motion';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { displayCell, downloadText, exportFileName, figureToJson, tableToCsv, type Cell, type DataTable } from './data';
import type { FigureSource } from './figure-types';
import type { ParamIssue } from './params';
import { FigureModeControls } from './EmbedControl';

export interface FigureShellProps {
  id: string;
  step: number;
  title: string;
  caption?: ReactNode;
  /** True once the data for this step is computed (partial results are not ready). */
  ready: boolean;
  /** Work done so far, shown when the computation takes longer than ~300 ms. */
  work?: { done: number; total: number; label?: string };
  method: {
    /** Plain-text description of the computation (also written into the JSON download). */
    text: string;
    params: Readonly<Record<string, Cell>>;
    seed: number;
    sources?: readonly FigureSource[];
  };
  /** The current data: downloads and (unless `alt.table` is given) the text alternative's table. */
  data: DataTable;
  alt: { summary: string; table?: DataTable; caption?: string };
  issues?: readonly ParamIssue[];
  controls?: ReactNode;
  children: ReactNode;
}

let mountCounter = 0;

/** True after `active` has stayed true for `delayMs`. */
function useDelayedFlag(active: boolean, delayMs: number): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!active) { setShown(false); return; }
    const t = setTimeout(() => setShown(true), delayMs);
    return () => clearTimeout(t);
  }, [active, delayMs]);
  return shown;
}

function AltTable({ table, caption }: { table: DataTable; caption?: string }) {
  return (
    <table className="fig__table">
      {caption ? <caption>{caption}</caption> : null}
      <thead>
        <tr>{table.columns.map((c) => <th key={c.key} scope="col">{c.label}</th>)}</tr>
      </thead>
      <tbody>
        {table.rows.map((row, i) => (
          <tr key={i}>{table.columns.map((c) => <td key={c.key}>{displayCell(c, row[c.key] ?? null)}</td>)}</tr>
        ))}
      </tbody>
    </table>
  );
}

export function FigureShell(props: FigureShellProps) {
  const { id, step, title, caption, ready, work, method, data, alt, issues = [], controls, children } = props;
  const rootRef = useRef<HTMLElement>(null);
  const titleId = useId();
  const showWork = useDelayedFlag(!ready, 300);

  useEffect(() => {
    // Counts mounts: a remount (chart re-initialisation) shows up as a new number in tests.
    rootRef.current?.setAttribute('data-mount', String(++mountCounter));
  }, []);

  const download = (ext: 'csv' | 'json') => {
    const name = exportFileName(id, step, ext);
    if (ext === 'csv') downloadText(name, 'text/csv;charset=utf-8', tableToCsv(data));
    else {
      downloadText(name, 'application/json', figureToJson({
        figure: id, step, params: method.params, seed: method.seed, method: method.text, sources: method.sources ?? [], data,
      }));
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
      aria-busy={ready ? undefined : true}
      aria-labelledby={titleId}
    >
      <figcaption className="fig__head">
        <span className="fig__title" id={titleId}>{title}</span>
        {caption ? <span className="fig__caption">{caption}</span> : null}
      </figcaption>
      {issues.length > 0 ? (
        <p className="fig__issues" role="status">
          {issues.map((issue) => issue.message).join(' ')}
        </p>
      ) : null}
      <MotionConfig reducedMotion="user">
        <div className="fig__graphic">{children}</div>
      </MotionConfig>
      {showWork && work ? (
        <div className="fig__work">
          <progress max={1} value={fraction} aria-label={work.label ?? 'Computing'} />
          <span>{work.label ?? 'Computing'} … {Math.round(fraction * 100)}%</span>
        </div>
      ) : null}
      {controls ? <div className="fig__controls">{controls}</div> : null}
      <div className="fig__extras">
        <details className="fig__disclosure">
          <summary>Data table</summary>
          <div data-figure-alt="">
            <p>{alt.summary}</p>
            <AltTable table={alt.table ?? data} caption={alt.caption} />
          </div>
        </details>
        <details className="fig__disclosure">
          <summary>How this was computed</summary>
          <div className="fig__method">
            <p>{method.text}</p>
            <dl className="fig__params">
              {Object.entries(method.params).map(([k, v]) => (
                <div key={k}><dt>{k}</dt><dd>{v === null ? '–' : String(v)}</dd></div>
              ))}
              <div><dt>seed</dt><dd>{method.seed}</dd></div>
            </dl>
            {method.sources && method.sources.length > 0 ? (
              <p className="fig__sources">
                Sources:{' '}
                {method.sources.map((s, i) => (
                  <span key={i}>{i > 0 ? '; ' : ''}{s.href ? <a href={s.href}>{s.label}</a> : s.label}</span>
                ))}
              </p>
            ) : null}
          </div>
        </details>
        <span className="fig__downloads">
          <button type="button" onClick={() => download('csv')}>Download CSV</button>
          <button type="button" onClick={() => download('json')}>Download JSON</button>
        </span>
        <FigureModeControls id={id} step={step} />
      </div>
    </figure>
  );
}
