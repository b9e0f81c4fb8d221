/**
 * Pure formatting of references and of the article's own citation (BibTeX). Shared by the popovers,
 * the bibliography and the "Cite this article" block, so server and client produce the same text.
 */
import type { ArticleMeta, Reference } from './types';

/** "Preskill, John" → "John Preskill"; "Ada Lovelace" stays. Corporate names in braces lose them. */
export function displayName(author: string): string {
  const trimmed = author.trim().replace(/^\{(.*)\}$/, '$1');
  const comma = trimmed.indexOf(',');
  if (comma < 0) return trimmed;
  const last = trimmed.slice(0, comma).trim();
  const first = trimmed.slice(comma + 1).trim();
  return first ? `${first} ${last}` : last;
}

/** "A", "A and B", "A, B and C"; more than `max` authors become "A, B, C et al.". */
export function formatAuthors(authors: readonly string[], max = 6): string {
  const names = authors.map(displayName).filter(Boolean);
  if (names.length === 0) return '';
  if (names.length > max) return `${names.slice(0, 3).join(', ')} et al.`;
  if (names.length === 1) return names[0];
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** "Nature 549, 195–202" / "Proc. STOC" / "Fixture Press"; empty when the entry has no venue. */
export function formatVenue(ref: Reference): string {
  const where = ref.journal ?? ref.booktitle ?? ref.publisher ?? ref.institution ?? '';
  const volume = ref.volume !== undefined && ref.volume !== '' ? ` ${ref.volume}` : '';
  const issue = ref.number !== undefined && ref.number !== '' ? `(${ref.number})` : '';
  const pages = ref.pages ? `, ${ref.pages}` : '';
  if (!where) return ref.pages ? `pp. ${ref.pages}` : '';
  return `${where}${volume}${issue}${pages}`;
}

export interface ReferenceLink {
  label: string;
  href: string;
}

/** DOI, arXiv and URL links for an entry, in that order, without duplicates. */
export function referenceLinks(ref: Reference): ReferenceLink[] {
  const links: ReferenceLink[] = [];
  if (ref.doi) links.push({ label: `doi:${ref.doi}`, href: `https://doi.org/${ref.doi}` });
  if (ref.arxiv) links.push({ label: `arXiv:${ref.arxiv}`, href: `https://arxiv.org/abs/${ref.arxiv}` });
  if (ref.url && !links.some((l) => l.href === ref.url)) links.push({ label: hostOf(ref.url), href: ref.url });
  return links;
}

function hostOf(url: string): string {
  const match = /^https?:\/\/([^/]+)/i.exec(url);
  return match ? match[1].replace(/^www\./, '') : url;
}

export function stripBraces(text: string): string {
  return text.replace(/[{}]/g, '');
}

/** Names of the article's authors from meta.json, whichever shape it uses. */
export function metaAuthors(meta: ArticleMeta): string[] {
  if (Array.isArray(meta.authors)) return meta.authors.map((a) => (typeof a === 'string' ? a : a.name));
  if (Array.isArray(meta.author)) return meta.author;
  if (typeof meta.author === 'string') return [meta.author];
  return [];
}

export function metaYear(meta: ArticleMeta): string {
  if (meta.year !== undefined) return String(meta.year);
  const date = meta.published ?? meta.date ?? meta.updated;
  const match = date ? /\d{4}/.exec(date) : null;
  return match ? match[0] : '';
}

function bibtexEscape(value: string): string {
  return value.replace(/([&%$#_])/g, '\\$1');
}

/** BibTeX name: "Last, First" as is; a group name ("The X authors", "Google Quantum AI") in braces. */
export function bibtexName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.includes(',') || /^\{.*\}$/.test(trimmed)) return bibtexEscape(trimmed);
  const words = trimmed.split(/\s+/);
  const corporate = words.length >= 4 || /\b(authors|team|collaboration|group|project|inc|ltd|ai)\b/i.test(trimmed);
  return corporate ? `{${bibtexEscape(trimmed)}}` : bibtexEscape(trimmed);
}

/** A BibTeX @misc record for the article, built from content/meta.json. */
export function articleBibtex(meta: ArticleMeta): string {
  const authors = metaAuthors(meta);
  const year = metaYear(meta);
  const firstLast = authors[0] ? (displayName(authors[0]).split(/\s+/).pop() ?? '') : '';
  const key =
    meta.bibtexKey ??
    `${(firstLast || 'article').toLowerCase().replace(/[^a-z0-9]/g, '')}${year}${(meta.title.match(/[A-Za-z]+/)?.[0] ?? '').toLowerCase()}`;
  const fields: [string, string | undefined][] = [
    ['author', authors.length ? authors.map(bibtexName).join(' and ') : undefined],
    ['title', `{${bibtexEscape(meta.title)}${meta.subtitle ? `: ${bibtexEscape(meta.subtitle)}` : ''}}`],
    ['year', year || undefined],
    ['howpublished', meta.url ? `\\url{${meta.url}}` : undefined],
    ['publisher', meta.publisher ? bibtexEscape(meta.publisher) : undefined],
    ['note', meta.updated ? `Updated ${meta.updated}` : undefined],
  ];
  const body = fields
    .filter((f): f is [string, string] => f[1] !== undefined)
    .map(([k, v]) => `  ${k.padEnd(12)} = {${v}}`)
    .join(',\n');
  return `@misc{${key},\n${body}\n}`;
}

/** Problems with a cited entry (missing title, authors or year), as readable sentences. */
export function referenceProblems(key: string, ref: unknown): string[] {
  if (typeof ref !== 'object' || ref === null) return [`"${key}" is not an object`];
  const r = ref as Partial<Reference>;
  const problems: string[] = [];
  if (typeof r.title !== 'string' || !r.title.trim()) problems.push(`"${key}" has no title`);
  if (!Array.isArray(r.author) || r.author.length === 0 || !r.author.every((a) => typeof a === 'string'))
    problems.push(`"${key}" needs author: a non-empty list of names`);
  if (r.year === undefined || r.year === '') problems.push(`"${key}" has no year`);
  return problems;
}
