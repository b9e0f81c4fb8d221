/**
 * /check: the claim checker. The whole input lives in the query string (read after mount, written with
 * replaceState on every change), so any result is a shareable link; the pre-render carries the form, an
 * empty scorecard and the worked examples. Closed forms only: no input can freeze the tab.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { meta } from 'virtual:article';
import references from '../../content/references.json';
import { paramSelects } from '../charts/SelectField';
import { SkipLink } from '../reading';
import {
  CHECK_DEVICES,
  CHECK_PLANS,
  NUMBER_FIELDS,
  TRISTATE,
  computeCheck,
  parseNumber,
  parseQuery,
  toQuery,
  DEFAULT_INPUTS,
  type CheckInputs,
  type FieldIssue,
  type NumberKey,
  type Tri,
} from '../check/model';
import { WORKED_EXAMPLES, exampleHref } from '../check/examples';
import { scorecard, scorecardText, verdictLabel } from '../check/scorecard';
import { deviceTiming, pricePlan } from '../costs/profiles';
import { SiteFooter, SiteHeader } from './SiteHeader';
import { applyEmbedTheme, useAutoHeight } from './embed-frame';
import { pageHref } from '../site/address';
import { siteTitle } from './site';
import './check.css';

const tristateText = (t: Tri) => (t === 'unstated' ? 'not stated' : t);

type Ref = { title: string; year?: number; doi?: string; url?: string; arxiv?: string; author?: string[] };
const refs = references as unknown as Record<string, Ref>;
function refHref(id: string): string | undefined {
  const r = refs[id];
  if (!r) return undefined;
  return r.doi ? `https://doi.org/${r.doi}` : (r.url ?? (r.arxiv ? `https://arxiv.org/abs/${r.arxiv}` : undefined));
}

/** A source string with its URLs as links. */
function Linked({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s,;)]+)/);
  return (
    <>
      {parts.map((p, k) =>
        k % 2 === 1 ? (
          <a key={k} href={p}>
            {p}
          </a>
        ) : (
          p
        ),
      )}
    </>
  );
}

export function CheckPage({ embed = false }: { embed?: boolean }) {
  const [inputs, setInputs] = useState<CheckInputs>(DEFAULT_INPUTS);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [drafts, setDrafts] = useState<Partial<Record<NumberKey, string>>>({});
  const [url, setUrl] = useState('/check');
  useAutoHeight(embed);
  useEffect(() => {
    if (!embed) return;
    const t = new URLSearchParams(window.location.search).get('theme');
    applyEmbedTheme(t === 'light' || t === 'dark' ? t : 'auto');
  }, [embed]);
  useEffect(() => {
    const read = () => {
      const p = parseQuery(window.location.search);
      setInputs(p.inputs);
      setIssues(p.issues);
      setDrafts({});
      setUrl(window.location.href);
    };
    read();
    window.addEventListener('popstate', read);
    return () => window.removeEventListener('popstate', read);
  }, []);
  const update = (next: CheckInputs, fieldIssues: FieldIssue[]) => {
    setInputs(next);
    setIssues(fieldIssues);
    const theme = embed ? new URLSearchParams(window.location.search).get('theme') : null;
    const q = [toQuery(next), theme ? `theme=${encodeURIComponent(theme)}` : ''].filter(Boolean).join('&');
    window.history.replaceState(null, '', `${window.location.pathname}${q ? `?${q}` : ''}`);
    setUrl(window.location.href);
  };
  const result = useMemo(() => computeCheck(inputs), [inputs]);
  const items = useMemo(() => scorecard(inputs, result), [inputs, result]);
  const text = scorecardText(inputs, items, url);
  const uid = useId();
  const issueFor = (key: string) => issues.find((x) => x.key === key);

  const onNumber = (key: NumberKey, raw: string) => {
    setDrafts((d) => ({ ...d, [key]: raw }));
    const f = NUMBER_FIELDS.find((x) => x.key === key)!;
    const others = issues.filter((x) => x.key !== key);
    if (raw.trim() === '') {
      const num = { ...inputs.num };
      if (DEFAULT_INPUTS.num[key] !== undefined) num[key] = DEFAULT_INPUTS.num[key];
      else delete num[key];
      update({ ...inputs, num }, others);
      return;
    }
    const r = parseNumber(raw, f);
    if ('value' in r) update({ ...inputs, num: { ...inputs.num, [key]: r.value } }, others);
    else setIssues([...others, { key, message: `${r.error} The previous value is kept.` }]);
  };

  const select = paramSelects(
    { device: inputs.device, plan: inputs.plan, task: inputs.task, protocol: inputs.protocol },
    (patch) => update({ ...inputs, ...patch }, issues),
    { layout: 'inline', className: 'check-field' },
  );

  return (
    <>
      {embed ? null : <SkipLink />}
      {embed ? null : <SiteHeader siteTitle={siteTitle(meta)} />}
      <main id="main" className="page-main" tabIndex={-1}>
        <article className="article check-page">
          <h1 className="article-title">Check a speedup claim</h1>
          {embed ? (
            <p>
              <a href={pageHref('/check')} target="_blank" rel="noopener">
                Open the claim checker on its own page
              </a>
            </p>
          ) : null}
          <p>
            Enter a published or pitched quantum speedup claim. The page applies the six-point list from the article’s
            section{' '}
            <a href={pageHref('/#niches-what-a-credible-speedup-claim-must-show')}>
              What a credible speedup claim must show
            </a>
            : it computes what the claim’s own numbers allow (end-to-end time, loading share, fidelity, dollars, energy,
            the comparison with the stated baseline) and marks the rest as something the claim must state. Every input
            is kept in the address, so a result is a link.
          </p>
          <form className="check-form" onSubmit={(e) => e.preventDefault()} aria-label="Claim">
            <ClaimTextField
              id={`${uid}-name`}
              label="claim"
              value={inputs.name}
              onChange={(name) => update({ ...inputs, name }, issues)}
            />
            {select('device', 'device', CHECK_DEVICES, (d) =>
              d === 'custom' ? 'custom (enter errors and timings)' : deviceTiming(d).name,
            )}
            {select('plan', 'price plan', CHECK_PLANS, (p) => pricePlan(p).label)}
            {select('task', 'a task someone needs?', TRISTATE, tristateText)}
            {select('protocol', 'clean protocol?', TRISTATE, tristateText)}
            {NUMBER_FIELDS.map((f) => {
              const issue = issueFor(f.key);
              const v = drafts[f.key] ?? (inputs.num[f.key] === undefined ? '' : String(inputs.num[f.key]));
              return (
                <label key={f.key} htmlFor={`${uid}-${f.key}`} className="check-field" data-field={f.key}>
                  {f.label} <span className="check-unit">({f.unit})</span>
                  <input
                    id={`${uid}-${f.key}`}
                    type="text"
                    inputMode="decimal"
                    value={v}
                    aria-invalid={issue ? true : undefined}
                    aria-describedby={issue ? `${uid}-${f.key}-issue` : undefined}
                    onChange={(e) => onNumber(f.key, e.currentTarget.value)}
                  />
                  {issue ? (
                    <span id={`${uid}-${f.key}-issue`} className="check-issue" role="status">
                      {issue.message}
                    </span>
                  ) : null}
                </label>
              );
            })}
            <ClaimTextField
              id={`${uid}-basehw`}
              label="baseline hardware"
              value={inputs.basehw}
              onChange={(basehw) => update({ ...inputs, basehw }, issues)}
            />
          </form>
          {issues
            .filter((x) => !NUMBER_FIELDS.some((f) => f.key === x.key))
            .map((x) => (
              <p key={x.key} className="check-issue" role="status">
                {x.key}: {x.message}
              </p>
            ))}

          <h2>Scorecard</h2>
          <ol className="check-card" data-check-card>
            {items.map((it) => (
              <li key={it.id} data-item={it.id} data-verdict={it.verdict}>
                <strong>{it.ask}</strong>{' '}
                <span className={`check-verdict check-verdict--${it.verdict}`}>{verdictLabel(it.verdict)}</span>
                <ul>
                  {it.lines.map((l, k) => (
                    <li key={k}>
                      {l.text}
                      {l.formula ? (
                        <>
                          {' '}
                          <span className="check-formula">[{l.formula}]</span>
                        </>
                      ) : null}
                      {l.source ? (
                        <>
                          {' '}
                          <span className="check-source">
                            Source: <Linked text={l.source} />
                          </span>
                        </>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
          <label htmlFor={`${uid}-text`} className="check-text">
            The scorecard as text, to paste into a review
            <textarea id={`${uid}-text`} readOnly rows={10} value={text} />
          </label>

          <h2>Worked examples</h2>
          <p>
            Each link opens the checker with the claim’s own numbers; fields the source does not give are left empty.
          </p>
          <ul className="check-examples">
            {WORKED_EXAMPLES.map((e) => (
              <li key={e.id} data-example={e.id}>
                <a href={pageHref(exampleHref(e, embed ? '/embed/check' : '/check'))}>{e.title}</a>. {e.note}{' '}
                {refHref(e.cite) ? <a href={refHref(e.cite)}>Source: {refs[e.cite]?.title}</a> : null}
              </li>
            ))}
          </ul>
        </article>
      </main>
      {embed ? null : <SiteFooter />}
    </>
  );
}

/** A free-text field of the claim (its name, the baseline's hardware), a full row of the form. */
function ClaimTextField({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <label htmlFor={id} className="check-field check-field--wide">
      {label}
      <input id={id} type="text" maxLength={200} value={value} onChange={(e) => onChange(e.currentTarget.value)} />
    </label>
  );
}
