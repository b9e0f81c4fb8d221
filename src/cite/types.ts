/** One entry of content/references.json (BibTeX-like). Authors are "Last, First" or "First Last". */
export interface Reference {
  type: string;
  author: string[];
  title: string;
  year: number | string;
  journal?: string;
  booktitle?: string;
  publisher?: string;
  institution?: string;
  volume?: string | number;
  number?: string | number;
  pages?: string;
  doi?: string;
  arxiv?: string;
  url?: string;
  note?: string;
}

export type References = Record<string, Reference>;

/** content/meta.json: the article's own bibliographic record. Only `title` is required. */
export interface ArticleMeta {
  title: string;
  subtitle?: string;
  description?: string;
  author?: string[] | string;
  authors?: (string | { name: string; url?: string; affiliation?: string })[];
  date?: string;
  published?: string;
  updated?: string;
  year?: number | string;
  url?: string;
  publisher?: string;
  bibtexKey?: string;
  [key: string]: unknown;
}
