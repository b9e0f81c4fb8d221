import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { articlePlugin } from './src/mdx/vite-plugin';
import { themeBootScript } from './src/reading/theme';
import { parseSiteUrl, type SiteAddress } from './src/site/address';

const root = fileURLToPath(new URL('.', import.meta.url));

/** SITE_URL (README, "Deploy"): a bad value stops the build with one line, not a stack trace. */
function siteAddress(): SiteAddress {
  try {
    return parseSiteUrl(process.env.SITE_URL);
  } catch (error) {
    console.error(`error: ${(error as Error).message}`);
    process.exit(1);
  }
}
const site = siteAddress();

/** The theme script must run before first paint, so it is inlined at the top of <head>. */
function themeHead(): Plugin {
  return {
    name: 'qml:theme-head',
    transformIndexHtml: () => [{ tag: 'script', children: themeBootScript, injectTo: 'head-prepend' }],
  };
}

/**
 * d3-scale's interpolators without d3-color (≈ 4 kB gzipped on every figure): its `d3-interpolate`
 * import resolves to src/charts/d3-scale-interpolate.ts (why, and what differs: that file).
 */
function d3ScaleInterpolate(): Plugin {
  const shim = fileURLToPath(new URL('./src/charts/d3-scale-interpolate.ts', import.meta.url));
  return {
    name: 'qml:d3-scale-interpolate',
    enforce: 'pre',
    resolveId(source, importer) {
      return source === 'd3-interpolate' && importer && /[\\/]node_modules[\\/]d3-scale[\\/]/.test(importer)
        ? shim
        : null;
    },
  };
}

/**
 * Chunks merged on purpose (measured with `npm run audit -- --embeds-only`): by default every small
 * module shared by a different set of dynamic imports becomes its own file, and an embed fetched ~50,
 * each gzipped alone. The groups below hold modules that load together anyway. `figure-host`: what any
 * figure host needs, also a section embed's stepper with no figure in view (the shell, parameters,
 * registry, status); `figure-kit`: the chart parts most views use (d3's scales and formats, axes, the
 * settings form and its fields, number formats, the experiment hook). The rest of src/charts and src/format
 * (log bars, duration and money formats, …) split by who uses them, and is side-effect free
 * (`treeshake.moduleSideEffects`), so importing the charts or format barrel does not fetch them.
 * `embed-page`: an embed page's islands and stepper. In the worker (output options as the page's: top-level
 * `var`, no comments), `sim-base`: the helpers every experiment imports (not rng.ts: its chunk is the same
 * file on the page and in the worker, fetched once); `sim-density`: the density-matrix simulator with its
 * device data and the circuits of the two figures that use it. Dependencies stay where they are
 * (includeDependenciesRecursively: false), so React and the entry are untouched.
 */
const FIGURE_HOST = [
  /[\\/]node_modules[\\/]framer-motion[\\/]dist[\\/]es[\\/](utils[\\/]use-constant|context[\\/]MotionConfigContext|components[\\/]MotionConfig[\\/])/,
  /[\\/]node_modules[\\/]motion-dom[\\/]dist[\\/]es[\\/]animation[\\/]utils[\\/]resolve-transition/,
  /[\\/]src[\\/]story[\\/](useHydrated|motion|FigureShell|data|escape|mode-context|EmbedControl|figure-status|priority|useFigureParams|FigureHost|params|figure-registry|preloadable)\.tsx?$/,
];
const FIGURE_KIT = [
  /[\\/]src[\\/]charts[\\/](Axis|ChartSvg|layout|useContainerWidth|marks|SelectField|SettingsForm|RangeField|useDraft|useDebounced|useNearViewport|d3-scale-interpolate)\.tsx?$/,
  /[\\/]src[\\/]format[\\/]number\.ts$/,
  /[\\/]node_modules[\\/]d3-(array|scale|format)[\\/]/,
  /[\\/]src[\\/]story[\\/](useExperiment|lru)\.ts$/,
];
const EMBED_PAGE = [
  /[\\/]src[\\/]pages[\\/](EmbedIslands\.tsx|embed-frame\.ts)$/,
  /[\\/]src[\\/]story[\\/](Stepper|ModeFigure)\.tsx$|[\\/]src[\\/]story[\\/]deck\.ts$/,
];
const SIM_BASE = [/[\\/]src[\\/]sim[\\/]bits\.ts$/, /[\\/]src[\\/]experiments[\\/](args|run|samples)\.ts$/];
const SIM_DENSITY = [
  /[\\/]src[\\/]sim[\\/](channels|readout|density|noise|device-ids)\.ts$/,
  /[\\/]content[\\/]data[\\/]devices\.json$/,
  /[\\/]src[\\/]experiments[\\/]noise-vs-depth[\\/]circuits\.ts$/,
];
const group = (name: string, res: RegExp[]) => ({
  name,
  test: (id: string) => res.some((r) => r.test(id)),
  includeDependenciesRecursively: false,
});

export default defineConfig(({ isSsrBuild }) => ({
  root,
  // SITE_URL's path: assets, workers, page links, the service worker's scope all live under it.
  base: site.base,
  define: { __QML_SITE_URL__: JSON.stringify(site.url) },
  plugins: [
    // Content comes from content/ (QML_CONTENT_DIR points the build at fixtures in tests).
    ...articlePlugin({ contentDir: process.env.QML_CONTENT_DIR ?? 'content', root, siteUrl: site.url }),
    react({ include: /\.(mdx|js|jsx|ts|tsx)$/ }),
    themeHead(),
    d3ScaleInterpolate(),
  ],
  // MDX compiled from a content dir outside the project (test fixtures) still resolves React from here.
  resolve: { dedupe: ['react', 'react-dom'] },
  worker: {
    format: 'es',
    rolldownOptions: {
      output: {
        codeSplitting: { groups: [group('sim-base', SIM_BASE), group('sim-density', SIM_DENSITY)] },
        topLevelVar: true,
        generatedCode: { preset: 'es2015' },
        comments: { annotation: false, jsdoc: false, legal: false },
      },
    },
  },
  build: {
    target: 'es2022',
    // QML_DIST_DIR lets parallel builds (several checkouts or test runs) keep separate outputs.
    outDir: isSsrBuild ? undefined : (process.env.QML_DIST_DIR ?? 'dist'),
    // KaTeX fonts stay separate files (woff2 is all a modern browser fetches).
    assetsInlineLimit: 2048,
    // public/ (favicon) belongs in the client build only.
    copyPublicDir: !isSsrBuild,
    rolldownOptions: isSsrBuild
      ? undefined
      : {
          treeshake: {
            moduleSideEffects: [{ test: /[\\/]src[\\/](charts|format)[\\/][^\\/]+\.tsx?$/, sideEffects: false }],
          },
          output: {
            codeSplitting: {
              groups: [
                group('figure-host', FIGURE_HOST),
                group('figure-kit', FIGURE_KIT),
                group('embed-page', EMBED_PAGE),
              ],
            },
          },
        },
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
}));
