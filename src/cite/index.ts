export { Cite, type CiteProps } from './Cite';
export { Footnote, type FootnoteProps } from './Footnote';
export { Bibliography } from './Bibliography';
export { CiteThis } from './CiteThis';
export { CitationProvider, useCitations, type CitationData } from './context';
export type { ArticleMeta, Reference, References } from './types';
