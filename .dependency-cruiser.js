/**
 * The layers of src/, enforced by `npm run lint:layers` (part of `npm run lint`). ARCHITECTURE.md
 * ("Layers") explains the order; each folder's README says what it may import.
 *
 * A folder may import its own files and folders of LOWER layers only. Folders that share a layer do not
 * import each other, except in the top layer (pages, islands and the entries are one application).
 * Type-only imports count: a type is a dependency too.
 */

/** Low → high. Each entry is one layer; a layer lists its folders (or top-level files) under src/. */
const LAYERS = [
  ['format', 'site', 'load'],
  ['sim'],
  ['encoding'],
  ['costs', 'ml'],
  ['experiments'],
  ['workers', 'cli'],
  ['cite', 'reading'],
  ['story'],
  ['charts'],
  ['figures'],
  ['mdx', 'check'],
  ['pages', 'islands', 'entry-client.tsx', 'entry-server.tsx'],
];
const APP = LAYERS.length - 1;

const pathOf = (name) => (name.includes('.') ? `^src/${name.replace(/\./g, '\\.')}$` : `^src/${name}/`);
const anyOf = (names) => `(${names.map(pathOf).join('|')})`;

const layerRules = LAYERS.flatMap((layer, rank) =>
  layer.map((name) => {
    const above = LAYERS.slice(rank + 1).flat();
    const siblings = rank === APP ? [] : layer.filter((other) => other !== name);
    const forbidden = [...above, ...siblings];
    return {
      name: `layer-${name}`,
      comment: `src/${name} (layer ${rank}) may import only from lower layers: not from ${forbidden.join(', ') || 'nothing'}`,
      severity: 'error',
      from: { path: pathOf(name) },
      to: { path: anyOf(forbidden) },
    };
  }),
).filter((rule) => rule.to.path !== '()');

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    ...layerRules,
    {
      name: 'unlayered-folder',
      comment: 'every folder under src/ belongs to a layer: add a new one to LAYERS in .dependency-cruiser.js',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^src/', pathNot: anyOf([...LAYERS.flat(), 'styles']) },
    },
    {
      name: 'figure-to-figure',
      comment:
        'a figure folder never imports another figure folder: what two figures share lives in src/charts or below',
      severity: 'error',
      from: { path: '^src/figures/([^/]+)/' },
      to: { path: '^src/figures/[^/]+/', pathNot: '^src/figures/$1/' },
    },
    {
      name: 'figure-to-registry',
      comment: 'a figure folder does not import the registry, which imports every figure (the catalogue is plain data)',
      severity: 'error',
      from: { path: '^src/figures/[^/]+/' },
      to: { path: '^src/figures/registry\\.ts$' },
    },
    {
      name: 'no-circular',
      comment: 'no import cycles (a cycle made only of type imports is allowed: it has no run-time order)',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'no-orphans',
      comment:
        'a module nothing imports is dead code (entries, the worker, declaration files and the AssemblyScript source compiled by scripts/wasm-kernel.ts excepted)',
      severity: 'error',
      from: {
        orphan: true,
        pathNot: [
          '\\.d\\.ts$',
          '^src/entry-(client|server)\\.tsx$',
          '^src/workers/experiment\\.worker\\.ts$',
          '^src/cli/(sim|experiment)\\.ts$',
          '^src/sim/wasm/assembly/',
          // resolved by vite.config.ts for d3-scale's own import of d3-interpolate
          '^src/charts/d3-scale-interpolate\\.ts$',
          '\\.(css|md|json)$',
        ],
      },
      to: {},
    },
  ],
  options: {
    includeOnly: '^src/',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
