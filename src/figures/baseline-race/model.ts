/**
 * The baseline-race figure's pure model: what each step shows, the experiment requests built from the
 * URL parameters, the datasets of step 0 (cheap: computed during render, so the pre-rendered page has
 * them), and the geometry and summaries drawn from the race and sweep data (decision-boundary shading
 * and its p = 0.5 contour, the accuracy-and-work ledger, the strip plot's rows).
 */
import { DEFAULT_NOISE, makeDataset, prepareData, type DatasetKind, type Point } from '../../ml/datasets';
import type { DecisionGrid, RaceData, RaceOverrides } from '../../experiments/baseline-race/race';
import type { ModelId } from '../../ml/runners';
import type { SweepData, SweepOverrides, SweepRun } from '../../experiments/baseline-race/sweep';
import devicesData from '../../../content/data/devices.json';
import { RACE_DATASETS, type baselineRaceParamSpec } from './meta';
import type { ParamsOf } from '../../story/params';
import { clampStep } from '../../story/steps';

export type BaselineRaceParams = ParamsOf<typeof baselineRaceParamSpec>;

export const STEP_COUNT = 4;
export const LAST_STEP = STEP_COUNT - 1;
/** Epochs per segment when training is animated (one worker request per segment). */
export const RACE_CHUNK = 4;
/** Epochs per segment at step 3, where the boundaries are small beside the strip plot and the sweep shares the workers. */
export const RACE_CHUNK_KNOBS = 10;
/** Points per dataset, training share and epochs of the race (the DEFAULT_RACE_PARAMS of src/ml). */
export const RACE_N = 120;
export const RACE_TRAIN_FRACTION = 0.7;
export const RACE_EPOCHS = 40;
export const MODEL_ORDER: readonly ModelId[] = ['vqc', 'logistic', 'mlp'];
export const MODEL_SHORT: Record<ModelId, string> = {
  vqc: 'Quantum (VQC)',
  logistic: 'Logistic regression',
  mlp: 'Neural net (MLP)',
};
export const DATASET_LABEL: Record<DatasetKind, string> = {
  moons: 'two moons',
  circles: 'concentric circles',
  linear: 'linearly separable',
};
export const ENCODING_LABEL: Record<string, string> = { angle: 'angle', zz: 'IQP (ZZ)' };

export type StepPanel = 'datasets' | 'training' | 'ledger' | 'knobs';

export interface StepState {
  step: number;
  panel: StepPanel;
  /** The race must run for this step (steps 1–3). */
  needsRace: boolean;
  /** The knob sweep must run for this step (step 3), or may start early (step 2 once the race is done). */
  needsSweep: boolean;
  prefetchSweep: boolean;
  /** Draw the decision boundaries (step 1, and small under the strip plot in step 3 where the controls act on them). */
  showBoundaries: boolean;
  showLedger: boolean;
  showStrip: boolean;
  /** Controls (dataset picker, seed, encoding, depth, shots, pause, reset) after the last step. */
  controls: boolean;
}

/** Step → what the figure shows (clamped to the figure's steps). */
export function stepState(rawStep: number): StepState {
  const step = clampStep(rawStep, LAST_STEP);
  const panel: StepPanel = (['datasets', 'training', 'ledger', 'knobs'] as const)[step];
  return {
    step,
    panel,
    needsRace: step >= 1,
    needsSweep: step === 3,
    prefetchSweep: step >= 2,
    showBoundaries: step === 1 || step === 3,
    showLedger: step === 2,
    showStrip: step === 3,
    controls: step === LAST_STEP,
  };
}

/**
 * Whether the knob sweep may run. On screen at step 3 always, beside the race: on a two-core machine the
 * sweep's first seed and the race then finish together instead of one after the other (the view has the
 * sweep leave one worker free while training runs, so a segment never waits behind a sweep run). From step 2
 * only once the race is finished or paused, so the animated race is not slowed where the reader watches it.
 * In print a frame is one finished state with nobody waiting for a first picture: the sweep follows the race.
 */
export function sweepEnabled(state: StepState, raceComplete: boolean, racePaused: boolean, print = false): boolean {
  if (state.needsSweep && !print) return true;
  return (state.needsSweep || state.prefetchSweep) && (raceComplete || racePaused);
}

/**
 * Epochs per race request: RACE_CHUNK where the reader watches training (steps 1 and 2), RACE_CHUNK_KNOBS at
 * step 3 (pause and reset still act between segments), and the whole run at once when motion is reduced or
 * the page is printed.
 */
export function raceSegment(state: StepState, reducedMotion: boolean, print: boolean): number {
  if (reducedMotion || print) return RACE_EPOCHS;
  return state.panel === 'knobs' ? RACE_CHUNK_KNOBS : RACE_CHUNK;
}

/**
 * Step 3's first complete picture: the strip plot at one seed per setting beside the boundaries after the
 * first training segment; both refine from there (more seeds, more epochs), and the progress line says how far.
 */
export function knobsPicture(state: StepState, epoch: number, sweep: SweepData | undefined): boolean {
  return state.panel === 'knobs' && epoch > 0 && (sweep?.refinement.level ?? 0) >= 1;
}

/** The race's parameters (src/ml RaceOverrides) for the figure's URL parameters. */
export function raceOverrides(p: BaselineRaceParams): RaceOverrides {
  const dataset = p.dataset as DatasetKind;
  return {
    dataset,
    n: RACE_N,
    noise: DEFAULT_NOISE[dataset],
    seed: p.seed,
    trainFraction: RACE_TRAIN_FRACTION,
    epochs: RACE_EPOCHS,
    vqc: { encoding: p.encoding, layers: p.layers, shots: p.shots },
  };
}

/** The knob sweep's parameters: seeds seed…seed+3 × encodings (angle, IQP) × depths (1, 3) × scalings (to [0, π], standardised). */
export function sweepOverrides(p: BaselineRaceParams): SweepOverrides {
  const dataset = p.dataset as DatasetKind;
  return {
    dataset,
    noise: DEFAULT_NOISE[dataset],
    seed: p.seed,
    replicates: 4,
    encodings: ['angle', 'zz'],
    depths: [1, 3],
    scalings: ['minmax-pi', 'standard'],
    vqc: { shots: p.shots },
  };
}

/** The next segment's last epoch: `segment` epochs on, at most the last. */
export function nextUntil(doneEpochs: number, epochs: number, segment: number): number {
  return Math.min(epochs, doneEpochs + segment);
}

// ------------------------------------------------------------------------------------------ datasets

export interface DatasetPreview {
  kind: DatasetKind;
  train: { points: Point[]; labels: number[] };
  test: { points: Point[]; labels: number[] };
}

/** The three datasets exactly as the race draws and splits them for this seed (raw coordinates). */
export function datasetPreviews(seed: number): DatasetPreview[] {
  return RACE_DATASETS.map((kind) => {
    const data = makeDataset({ kind, n: RACE_N, noise: DEFAULT_NOISE[kind], seed });
    const { raw } = prepareData(data, 'none', RACE_TRAIN_FRACTION, seed);
    return { kind, train: { points: raw.trainX, labels: raw.trainY }, test: { points: raw.testX, labels: raw.testY } };
  });
}

export function classCounts(labels: readonly number[]): [number, number] {
  let ones = 0;
  for (const y of labels) ones += y === 1 ? 1 : 0;
  return [labels.length - ones, ones];
}

// ------------------------------------------------------------------------------ decision boundaries

export interface ShadeRun {
  /** Grid-index extent (cell centres at integers; a run covers [i0 − ½, i1 + ½] clipped to the grid). */
  i0: number;
  i1: number;
  j: number;
  /** Band 0…bands−1 of P(class 1): below bands/2 leans to class 0. */
  band: number;
}

export function bandOf(p: number, bands: number): number {
  return Math.max(0, Math.min(bands - 1, Math.floor(p * bands)));
}

/** Run-length encoded bands of P(class 1) row by row: a few hundred rectangles instead of nx·ny. */
export function shadeRuns(grid: DecisionGrid, bands = 6): ShadeRun[] {
  const out: ShadeRun[] = [];
  for (let j = 0; j < grid.ny; j++) {
    let start = 0;
    let band = bandOf(grid.values[j * grid.nx], bands);
    for (let i = 1; i <= grid.nx; i++) {
      const b = i < grid.nx ? bandOf(grid.values[j * grid.nx + i], bands) : -1;
      if (b !== band) {
        out.push({ i0: start, i1: i - 1, j, band });
        start = i;
        band = b;
      }
    }
  }
  return out;
}

export type Segment = [number, number, number, number];

/**
 * Marching squares on the grid: segments (in grid-index coordinates) where P(class 1) crosses `level`.
 * Saddle cells are resolved by the cell's mean value.
 */
export function contourSegments(grid: DecisionGrid, level = 0.5): Segment[] {
  const { nx, ny, values } = grid;
  const v = (i: number, j: number) => values[j * nx + i] - level;
  const segs: Segment[] = [];
  const cross = (a: number, b: number) => a / (a - b);
  for (let j = 0; j < ny - 1; j++) {
    for (let i = 0; i < nx - 1; i++) {
      const a = v(i, j),
        b = v(i + 1, j),
        c = v(i + 1, j + 1),
        d = v(i, j + 1);
      const pts: Array<[number, number]> = [];
      // Edges in order: bottom (a→b), right (b→c), top (d→c), left (a→d).
      const bottom = a > 0 !== b > 0 ? ([i + cross(a, b), j] as [number, number]) : null;
      const right = b > 0 !== c > 0 ? ([i + 1, j + cross(b, c)] as [number, number]) : null;
      const top = d > 0 !== c > 0 ? ([i + cross(d, c), j + 1] as [number, number]) : null;
      const left = a > 0 !== d > 0 ? ([i, j + cross(a, d)] as [number, number]) : null;
      for (const p of [bottom, right, top, left]) if (p) pts.push(p);
      if (pts.length === 2) segs.push([pts[0][0], pts[0][1], pts[1][0], pts[1][1]]);
      else if (pts.length === 4 && bottom && right && top && left) {
        const centre = (a + b + c + d) / 4;
        // a and c share a sign (saddle): join the edges around the corners whose sign differs from the centre.
        if (centre > 0 === a > 0) {
          segs.push([bottom[0], bottom[1], right[0], right[1]], [top[0], top[1], left[0], left[1]]);
        } else {
          segs.push([bottom[0], bottom[1], left[0], left[1]], [top[0], top[1], right[0], right[1]]);
        }
      }
    }
  }
  return segs;
}

// ----------------------------------------------------------------------------------------- ledger

interface DeviceShotRate {
  id: string;
  name: string;
  shotRate: number | null;
  date: string;
  notes?: string[];
}

/** The device whose shot rate converts shots to time (content/data/devices.json). */
export const SHOT_RATE_DEVICE = (() => {
  const d = (devicesData as { devices: DeviceShotRate[] }).devices.find((x) => x.id === 'ibm_boston');
  if (!d || !d.shotRate) throw new Error('devices.json: ibm_boston has no shotRate');
  return { id: d.id, name: d.name, shotRate: d.shotRate, date: d.date };
})();

export interface LedgerRow {
  model: ModelId;
  label: string;
  parameters: number;
  epoch: number;
  loss: number;
  trainAccuracy: number;
  testAccuracy: number;
  /** Wall-clock ms in the worker (simulation time for the VQC). */
  ms: number;
  circuits: number;
  shots: number;
  flops: number;
  /** Shots ÷ the device's shot rate (seconds of pure sampling on hardware, no queue or compilation). */
  deviceSeconds: number | null;
}

/** One row per model at the latest epoch of the data. */
export function ledgerRows(data: RaceData): LedgerRow[] {
  const last = data.epochs[data.epochs.length - 1];
  if (!last) return [];
  return MODEL_ORDER.map((m) => {
    const r = last.models[m];
    const circuits = r.cost.trainCircuits + r.cost.evalCircuits;
    return {
      model: m,
      label: MODEL_SHORT[m],
      parameters: data.models[m].parameters,
      epoch: last.epoch,
      loss: r.loss,
      trainAccuracy: r.trainAccuracy,
      testAccuracy: r.testAccuracy,
      ms: r.ms,
      circuits,
      shots: r.cost.shots,
      flops: r.cost.trainFlops + r.cost.evalFlops,
      deviceSeconds: m === 'vqc' ? r.cost.shots / SHOT_RATE_DEVICE.shotRate : null,
    };
  });
}

// ------------------------------------------------------------------------------------------ strip

export interface StripRow {
  key: string;
  label: string;
  model: ModelId;
  encoding: string | null;
  depth: number | null;
  parameters: number | null;
  runs: SweepRun[];
  min: number;
  median: number;
  max: number;
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function stripKey(r: Pick<SweepRun, 'model' | 'encoding' | 'depth'>): string {
  return r.model === 'vqc' ? `vqc-${r.encoding}-${r.depth}` : r.model;
}

/** The strip plot's rows in a fixed order (classical first, then the VQC by encoding and depth), for every planned setting. */
export function stripRows(
  sweep: SweepData | undefined,
  encodings: readonly string[] = ['angle', 'zz'],
  depths: readonly number[] = [1, 3],
): StripRow[] {
  const specs: Array<Omit<StripRow, 'runs' | 'min' | 'median' | 'max' | 'parameters'>> = [
    { key: 'logistic', label: 'Logistic regression', model: 'logistic', encoding: null, depth: null },
    { key: 'mlp', label: 'Neural net (MLP)', model: 'mlp', encoding: null, depth: null },
  ];
  for (const e of encodings) {
    for (const d of depths)
      specs.push({
        key: `vqc-${e}-${d}`,
        label: `VQC, ${ENCODING_LABEL[e] ?? e}, ${d} layer${d === 1 ? '' : 's'}`,
        model: 'vqc',
        encoding: e,
        depth: d,
      });
  }
  const runs = sweep?.runs ?? [];
  return specs.map((s) => {
    const mine = runs.filter((r) => stripKey(r) === s.key);
    const acc = mine.map((r) => r.testAccuracy);
    return {
      ...s,
      runs: mine,
      parameters: mine[0]?.parameters ?? null,
      min: acc.length ? Math.min(...acc) : NaN,
      median: median(acc),
      max: acc.length ? Math.max(...acc) : NaN,
    };
  });
}

/** Runs per (seed, scaling) in the figure's sweep: 2 classical + 2 encodings × 2 depths. */
export const RUNS_PER_CASE = 6;

export interface Verdicts {
  /** (seed, scaling) cases with every run finished. */
  cases: number;
  /** Cases where the VQC's best setting beat both classical models' test accuracy. */
  bestVqcWins: number;
  /** Cases where the VQC's worst setting beat both. */
  worstVqcWins: number;
  /** Cases where the best classical model was at least as accurate as every VQC setting. */
  classicalAhead: number;
}

/** For each seed × scaling: does the VQC win? Depends on which setting one picks — the point of the step. */
export function verdicts(sweep: SweepData | undefined, perCase = RUNS_PER_CASE): Verdicts {
  const byCase = new Map<string, SweepRun[]>();
  for (const r of sweep?.runs ?? []) {
    const k = `${r.seed}|${r.scaling}`;
    if (!byCase.has(k)) byCase.set(k, []);
    byCase.get(k)!.push(r);
  }
  let cases = 0,
    bestVqcWins = 0,
    worstVqcWins = 0,
    classicalAhead = 0;
  for (const runs of byCase.values()) {
    const classical = runs.filter((r) => r.model !== 'vqc').map((r) => r.testAccuracy);
    const vqc = runs.filter((r) => r.model === 'vqc').map((r) => r.testAccuracy);
    if (classical.length < 2 || vqc.length === 0) continue;
    if (runs.length < perCase) continue;
    cases++;
    const bestC = Math.max(...classical);
    if (Math.max(...vqc) > bestC) bestVqcWins++;
    if (Math.min(...vqc) > bestC) worstVqcWins++;
    if (bestC >= Math.max(...vqc)) classicalAhead++;
  }
  return { cases, bestVqcWins, worstVqcWins, classicalAhead };
}
