/**
 * The content pipeline as Vite plugins:
 *  - `@mdx-js/rollup` with GFM, math (KaTeX rendered at build time) and the validating/annotating
 *    remark plugin, so a bad content file fails the build with `file:line:column: message`;
 *  - `virtual:article-index`, a generated module with the build-time article index (section ids, titles
 *    and figures, citation order and counts, cited references, meta) and, per section, a `load()` that
 *    imports the section's compiled MDX (its own chunk) and `virtual:article-refs:<id>` (the
 *    references it cites): a section embed fetches its one section; `virtual:article-figure:<id>` is a
 *    figure's `<Scrolly>` alone, with the references it cites, for a figure embed;
 *  - `virtual:article`, the whole article: the index, every section in order and every cited reference
 *    (the article, presentation and print pages render every section).
 * Runs in Node only (imported by vite.config.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import mdx from '@mdx-js/rollup';
import { compile, createProcessor, type CompileOptions } from '@mdx-js/mdx';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import type { Root } from 'mdast';
import { FIGURE_CATALOG, SECTION_IDS } from '../figures/catalog';
import { buildIndex, duplicateFigures, scanSection, type ArticleIndex, type SectionEntry } from './article-index';
import remarkContent, { displayPath } from './remark-content';
import remarkKeepScrolly from './figure-steps';
import { referenceProblems } from '../cite/format';
import { contentValues } from './values';

export const VIRTUAL_ARTICLE = 'virtual:article';
const RESOLVED_ARTICLE = '\0virtual:article';
export const VIRTUAL_ARTICLE_INDEX = 'virtual:article-index';
const RESOLVED_INDEX = '\0virtual:article-index';
/** `virtual:article-refs:<id>`: the references one section cites (its MDX is a chunk of its own). */
const VIRTUAL_REFS = 'virtual:article-refs:';
const RESOLVED_REFS = '\0virtual:article-refs:';
/** `virtual:article-figure:<id>`: only the figure's `<Scrolly>` (its steps), compiled, and the references it cites. */
const VIRTUAL_FIGURE = 'virtual:article-figure:';
const RESOLVED_FIGURE = '\0virtual:article-figure:';

export interface ArticlePluginOptions {
  /** Directory with `NN-<section>.mdx`, `references.json` and `meta.json`. */
  contentDir: string;
  /** Project root; paths in error messages are relative to it. */
  root: string;
  /** The site's absolute address (SITE_URL) becomes `meta.url`; without it the article has no `url`. */
  siteUrl?: string;
}

/** Reads and parses content files, caching parses by source text. */
export class ContentIndexer {
  private parsed = new Map<string, { source: string; entry: SectionEntry }>();
  private parser = createProcessor({ remarkPlugins: [remarkGfm, remarkMath] });

  constructor(readonly contentDir: string) {}

  files(): string[] {
    if (!existsSync(this.contentDir)) return [];
    return readdirSync(this.contentDir)
      .filter((f) => /^\d+[-_].+\.mdx$/i.test(f))
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
      .map((f) => path.join(this.contentDir, f));
  }

  index(): ArticleIndex {
    const entries = this.files().map((file) => {
      const source = readFileSync(file, 'utf8');
      const cached = this.parsed.get(file);
      if (cached && cached.source === source) return cached.entry;
      let entry: SectionEntry;
      try {
        entry = scanSection(file, this.parser.parse({ path: file, value: source }) as Root);
      } catch {
        // A syntax error is reported with its position when the file itself is compiled.
        entry = scanSection(file, { type: 'root', children: [] });
      }
      this.parsed.set(file, { source, entry });
      return entry;
    });
    return buildIndex(entries);
  }

  readJson(name: string): unknown {
    const file = path.join(this.contentDir, name);
    if (!existsSync(file)) return undefined;
    return JSON.parse(readFileSync(file, 'utf8'));
  }

  references(): Record<string, unknown> {
    const refs = this.readJson('references.json');
    return refs && typeof refs === 'object' ? (refs as Record<string, unknown>) : {};
  }
}

interface GeneratedModules {
  index: string;
  article: string;
  section: (id: string) => string | undefined;
  errors: string[];
  warnings: string[];
}

function articleModules(indexer: ContentIndexer, root: string, siteUrl = ''): GeneratedModules {
  const index = indexer.index();
  const references = indexer.references();
  const { url: _placeholder, ...meta } = (indexer.readJson('meta.json') ?? { title: 'Untitled' }) as Record<
    string,
    unknown
  >;
  if (siteUrl) meta.url = siteUrl;
  const errors: string[] = [];
  const warnings: string[] = [];
  const refsPath = displayPath(path.join(indexer.contentDir, 'references.json'), root);
  if (index.sections.length === 0)
    errors.push(`${displayPath(indexer.contentDir, root)}: no NN-<section>.mdx files found`);
  for (const key of index.citationOrder) {
    if (key in references) for (const p of referenceProblems(key, references[key])) errors.push(`${refsPath}: ${p}`);
  }
  for (const [figure, sections] of duplicateFigures(index)) {
    errors.push(`figure "${figure}" is used in more than one place: ${sections.join(', ')}`);
  }
  const ids = index.sections.map((s) => s.id);
  const missing = SECTION_IDS.filter((id) => !ids.includes(id));
  if (missing.length && missing.length < SECTION_IDS.length)
    warnings.push(`sections not written yet: ${missing.join(', ')}`);
  const cited = Object.fromEntries(index.citationOrder.filter((k) => k in references).map((k) => [k, references[k]]));
  const refsModule = (id: string) => JSON.stringify(VIRTUAL_REFS + id);
  const entries = index.sections
    .map(
      (s) =>
        `  { id: ${JSON.stringify(s.id)}, title: ${JSON.stringify(s.title)}, figures: ${JSON.stringify(s.figures)}, load: () => Promise.all([import(${JSON.stringify(s.file)}), import(${refsModule(s.id)})]).then(([m, r]) => ({ default: m.default, references: r.references })) }`,
    )
    .join(',\n');
  const figureLoaders = index.sections
    .flatMap((s) => s.figures)
    .map((f) => `  ${JSON.stringify(f)}: () => import(${JSON.stringify(VIRTUAL_FIGURE + f)})`)
    .join(',\n');
  const indexCode = `export const sections = [
${entries}
];
export const figureSteps = {
${figureLoaders}
};
export const citationOrder = ${JSON.stringify(index.citationOrder)};
export const citationCounts = ${JSON.stringify(index.citationCounts)};
export const footnoteCount = ${index.footnoteCount};
export const meta = ${JSON.stringify(meta)};
`;
  const section = (id: string) => {
    const s = index.sections.find((entry) => entry.id === id);
    if (!s) return undefined;
    const own = Object.fromEntries([...new Set(s.cites)].filter((k) => k in cited).map((k) => [k, cited[k]]));
    return `export const references = ${JSON.stringify(own)};\n`;
  };
  const imports = index.sections.map((s, i) => `import Section${i} from ${JSON.stringify(s.file)};`).join('\n');
  const contents = index.sections.map((_, i) => `Section${i}`).join(', ');
  const articleCode = `${imports}
import { sections as indexed } from ${JSON.stringify(VIRTUAL_ARTICLE_INDEX)};
export { citationOrder, citationCounts, footnoteCount, meta } from ${JSON.stringify(VIRTUAL_ARTICLE_INDEX)};
export const references = ${JSON.stringify(cited)};
const contents = [${contents}];
export const sections = indexed.map(({ id, title, figures }, i) => ({ id, title, figures, Content: contents[i] }));
`;
  return { index: indexCode, article: articleCode, section, errors, warnings };
}

export function articlePlugin(options: ArticlePluginOptions): Plugin[] {
  const contentDir = path.resolve(options.root, options.contentDir);
  const indexer = new ContentIndexer(contentDir);
  const referenceKeys = () => new Set(Object.keys(indexer.references()));
  const isContent = (file: string) => path.resolve(file).startsWith(contentDir + path.sep);

  const mdxOptions = {
    remarkPlugins: [
      remarkGfm,
      remarkMath,
      [
        remarkContent,
        {
          figures: FIGURE_CATALOG,
          referenceKeys,
          sectionIds: SECTION_IDS,
          index: () => indexer.index(),
          root: options.root,
          values: contentValues,
        },
      ],
    ],
    rehypePlugins: [[rehypeKatex, { output: 'htmlAndMathml', strict: 'error', throwOnError: true }]],
  } satisfies CompileOptions;
  const mdxPlugin = mdx(mdxOptions) as Plugin;

  /** One figure's steps: its section compiled as usual (validated, numbered), then cut to its Scrolly. */
  async function figureModule(figure: string): Promise<{ code: string; file: string } | undefined> {
    const section = indexer.index().sections.find((s) => s.figures.includes(figure));
    if (!section) return undefined;
    let cites: string[] = [];
    const compiled = await compile(
      { path: section.file, value: readFileSync(section.file, 'utf8') },
      {
        ...mdxOptions,
        remarkPlugins: [
          ...mdxOptions.remarkPlugins,
          [
            remarkKeepScrolly,
            {
              figure,
              onCites: (keys: string[]) => {
                cites = keys;
              },
            },
          ],
        ],
      },
    );
    const references = indexer.references();
    const own = Object.fromEntries([...new Set(cites)].filter((k) => k in references).map((k) => [k, references[k]]));
    return {
      code: `${String(compiled.value)}\nexport const references = ${JSON.stringify(own)};\n`,
      file: section.file,
    };
  }

  const virtual: Plugin = {
    name: 'qml:article',
    resolveId(id) {
      if (id === VIRTUAL_ARTICLE) return RESOLVED_ARTICLE;
      if (id === VIRTUAL_ARTICLE_INDEX) return RESOLVED_INDEX;
      return id.startsWith(VIRTUAL_REFS) || id.startsWith(VIRTUAL_FIGURE) ? '\0' + id : undefined;
    },
    async load(id) {
      if (id.startsWith(RESOLVED_FIGURE)) {
        const figure = id.slice(RESOLVED_FIGURE.length);
        const made = await figureModule(figure);
        if (!made) this.error(`${id.slice(1)}: no section has this figure`);
        this.addWatchFile(made.file);
        return made.code;
      }
      const isRefs = id.startsWith(RESOLVED_REFS);
      if (id !== RESOLVED_ARTICLE && id !== RESOLVED_INDEX && !isRefs) return undefined;
      for (const file of indexer.files()) this.addWatchFile(file);
      for (const name of ['references.json', 'meta.json']) {
        const file = path.join(contentDir, name);
        if (existsSync(file)) this.addWatchFile(file);
      }
      const generated = articleModules(indexer, options.root, options.siteUrl);
      if (id === RESOLVED_ARTICLE) return generated.article;
      if (isRefs) {
        const code = generated.section(id.slice(RESOLVED_REFS.length));
        if (code === undefined) this.error(`${id.slice(1)}: no such section`);
        return code;
      }
      // Problems are reported once, by the index (the whole article imports it).
      for (const w of generated.warnings) this.warn(w);
      if (generated.errors.length) this.error(generated.errors.join('\n'));
      return generated.index;
    },
    configureServer(server: ViteDevServer) {
      const reload = (file: string) => {
        if (!isContent(file)) return;
        const graph = server.environments.client.moduleGraph;
        for (const mod of graph.idToModuleMap.values()) {
          if (
            mod.id === RESOLVED_ARTICLE ||
            mod.id === RESOLVED_INDEX ||
            mod.id?.startsWith(RESOLVED_REFS) ||
            mod.id?.startsWith(RESOLVED_FIGURE)
          )
            graph.invalidateModule(mod);
        }
        for (const f of indexer.files()) for (const m of graph.getModulesByFile(f) ?? []) graph.invalidateModule(m);
        server.ws.send({ type: 'full-reload' });
      };
      server.watcher.add(contentDir);
      server.watcher.on('add', reload);
      server.watcher.on('unlink', reload);
      // Numbering is global, so editing one section can renumber citations in the others.
      server.watcher.on('change', reload);
    },
  };

  return [{ ...mdxPlugin, enforce: 'pre' }, virtual];
}
