/**
 * The figure catalogue: stable ids (they name embed URLs, CSV files and test selectors), titles,
 * the section each figure lives in, and the meaning of each scroll step. The MDX `<Scrolly figure="…">`
 * for a figure must contain exactly `steps.length` `<Step>`s, in this order (checked at build time).
 * Pure data: safe to import from Node, workers and the browser.
 */
export interface CatalogEntry {
  id: string;
  title: string;
  section: string;
  /** One short label per scroll step, in order. */
  steps: string[];
}

export const FIGURE_CATALOG = [
  {
    id: 'shot-noise',
    title: 'Every number is an average of coin flips',
    section: 'opening',
    steps: ['1 shot', '10 shots', '100 shots', '10,000 shots', 'One more digit costs 100× the shots'],
  },
  {
    id: 'noise-vs-depth',
    title: 'Noise eats depth',
    section: 'noise',
    steps: ['Ideal circuit', 'Gate errors', 'Decoherence (T1, T2)', 'Readout error', 'All together on a real device'],
  },
  {
    id: 'calibration-drift',
    title: 'Same circuit, another day',
    section: 'noise',
    steps: ['One run', 'Monday to Friday', 'The paper that reported only its best day'],
  },
  {
    id: 'error-correction',
    title: 'What error correction costs',
    section: 'noise',
    steps: ['One logical qubit', 'A 100-logical-qubit machine', 'A learning-sized workload'],
  },
  {
    id: 'encoding-cost',
    title: 'The encoding bill',
    section: 'data-loading',
    steps: ['One MNIST image', 'One ImageNet image', 'A training set of circuits'],
  },
  {
    id: 'pipeline-cost',
    title: 'The pipeline bill',
    section: 'data-loading',
    steps: [
      'Shots per expectation value',
      'Circuits per gradient',
      'Latency and queue',
      'Dollars and energy',
      'The GPU beside it',
      'MNIST and ImageNet totals',
    ],
  },
  {
    id: 'speedup-erosion',
    title: 'Where the speedup goes',
    section: 'data-loading',
    steps: ['The claimed speedup', 'Minus encoding', 'Minus shots', 'Minus latency and queue', 'Break-even, or none'],
  },
  {
    id: 'barren-plateau',
    title: 'Gradients vanish as circuits grow',
    section: 'variational',
    steps: [
      'Two qubits',
      'Growing the register',
      'The fit: halving per qubit',
      'Global against local cost',
      'Noise flattens everything',
    ],
  },
  {
    id: 'landscape',
    title: 'The landscape goes flat',
    section: 'variational',
    steps: ['Two qubits', 'Six qubits', 'Ten qubits'],
  },
  {
    id: 'measurement-marathon',
    title: 'The measurement marathon',
    section: 'variational',
    steps: ['Shots to see a gradient', 'One training run, counted'],
  },
  {
    id: 'baseline-race',
    title: 'The baseline race',
    section: 'variational',
    steps: ['The datasets', 'Training side by side', 'Accuracy and work', 'Turn the knobs'],
  },
  {
    id: 'cost-of-an-answer',
    title: 'What one answer costs',
    section: 'niches',
    steps: ['One answer, three ways', 'The sweep in qubits', 'The crossover'],
  },
  {
    id: 'accelerator-check',
    title: 'When is the accelerator worth calling?',
    section: 'hybrid',
    steps: ['Cheap encoding', 'Few outputs', 'Tolerable noise', 'A large speedup', 'A baseline that holds'],
  },
] as const satisfies readonly CatalogEntry[];

export type FigureId = (typeof FIGURE_CATALOG)[number]['id'];

export const FIGURE_IDS: readonly FigureId[] = FIGURE_CATALOG.map((f) => f.id);

export function catalogEntry(id: string): CatalogEntry | undefined {
  return FIGURE_CATALOG.find((f) => f.id === id);
}

/** Article sections, in reading order; `content/NN-<id>.mdx` holds each. */
export const SECTION_IDS = ['opening', 'noise', 'data-loading', 'variational', 'niches', 'hybrid', 'faq'] as const;
