/** Words and tables built from the baseline-race data: method, text alternative and downloads. Pure. */
import { DEFAULT_RACE_PARAMS, RACE_METHOD, type RaceData } from '../../experiments/baseline-race/race';
import { DEFAULT_SWEEP_PARAMS, SWEEP_METHOD, type SweepData } from '../../experiments/baseline-race/sweep';
import { DEFAULT_NOISE, type DatasetKind } from '../../ml/datasets';
import { formatAsNumber, tableOf, type Cell, type DataTable } from '../../story/data';
import {
  DATASET_LABEL,
  ENCODING_LABEL,
  MODEL_ORDER,
  MODEL_SHORT,
  RACE_EPOCHS,
  RACE_N,
  RACE_TRAIN_FRACTION,
  SHOT_RATE_DEVICE,
  classCounts,
  ledgerRows,
  stripRows,
  verdicts,
  type BaselineRaceParams,
  type DatasetPreview,
  type StepState,
} from './model';
import { fmtCompact, fmtDuration, fmtInt, fmtMilliseconds, fmtPercent } from '../../format';

export function baselineRaceMethod(p: BaselineRaceParams, state: StepState) {
  const dataset = p.dataset as DatasetKind;
  const v = DEFAULT_RACE_PARAMS.vqc;
  const text = [
    `Datasets: ${RACE_N} points (two moons, concentric circles or two linearly separable clusters, Gaussian jitter σ = ${DEFAULT_NOISE.moons}, ${DEFAULT_NOISE.circles}, ${DEFAULT_NOISE.linear}), ` +
      `stratified split ${Math.round(RACE_TRAIN_FRACTION * 100)}/${Math.round((1 - RACE_TRAIN_FRACTION) * 100)} (train/test), all from the seed.`,
    state.needsRace
      ? `${RACE_METHOD} ${RACE_EPOCHS} epochs, mini-batches of ${DEFAULT_RACE_PARAMS.batchSize}; the VQC's features are scaled to [0, π], the classical models' standardised. ` +
        `Training runs in a Web Worker in segments of a few epochs, each resuming from the previous segment's checkpoint (same numbers as one run); ` +
        `decision boundaries use the exact expectation ⟨Z₀⟩ of the current parameters. Device time = shots ÷ ${fmtInt(SHOT_RATE_DEVICE.shotRate)} shots/s (${SHOT_RATE_DEVICE.name}, derived in devices.json, ${SHOT_RATE_DEVICE.date}); training time is wall-clock time in your browser.`
      : '',
    state.showStrip
      ? `Knob sweep: ${SWEEP_METHOD} ${DEFAULT_SWEEP_PARAMS.n} points, ${DEFAULT_SWEEP_PARAMS.epochs} epochs per run, seeds ${p.seed}…${p.seed + 3}, encodings angle and IQP (ZZ feature map), 1 and 3 layers, features scaled to [0, π] or standardised.`
      : '',
  ]
    .filter(Boolean)
    .join(' ');
  return {
    text,
    params: {
      dataset: DATASET_LABEL[dataset],
      points: RACE_N,
      'train share': RACE_TRAIN_FRACTION,
      epochs: RACE_EPOCHS,
      'VQC qubits': v.qubits,
      'VQC layers': p.layers,
      'VQC encoding': ENCODING_LABEL[p.encoding],
      'shots per circuit': p.shots,
      'VQC learning rate': v.learningRate,
      'logistic degree': DEFAULT_RACE_PARAMS.logistic.degree,
      'MLP hidden units': DEFAULT_RACE_PARAMS.mlp.hidden,
    } as Record<string, Cell>,
    seed: p.seed,
  };
}

// ------------------------------------------------------------------------------------- downloads

export function datasetTable(previews: readonly DatasetPreview[]): DataTable {
  const points = previews.flatMap((d) =>
    (['train', 'test'] as const).flatMap((split) =>
      d[split].points.map((pt, i) => ({ kind: d.kind, split, pt, label: d[split].labels[i] })),
    ),
  );
  return tableOf(points, [
    { key: 'dataset', value: (p) => p.kind },
    { key: 'split' },
    { key: 'x', value: (p) => p.pt[0] },
    { key: 'y', value: (p) => p.pt[1] },
    { key: 'label', label: 'class' },
  ]);
}

export function historyTable(data: RaceData | undefined): DataTable {
  const records = (data?.epochs ?? []).flatMap((e) => MODEL_ORDER.map((m) => ({ epoch: e.epoch, m, r: e.models[m] })));
  return tableOf(records, [
    { key: 'epoch' },
    { key: 'model', value: (x) => x.m },
    { key: 'loss', label: 'training loss', value: (x) => x.r.loss },
    { key: 'trainAccuracy', label: 'train accuracy', value: (x) => x.r.trainAccuracy },
    { key: 'testAccuracy', label: 'test accuracy', value: (x) => x.r.testAccuracy },
    { key: 'circuits', label: 'circuits (cumulative)', value: (x) => x.r.cost.trainCircuits + x.r.cost.evalCircuits },
    { key: 'shots', label: 'shots (cumulative)', value: (x) => x.r.cost.shots },
    { key: 'flops', label: 'FLOPs (cumulative)', value: (x) => x.r.cost.trainFlops + x.r.cost.evalFlops },
    { key: 'ms', label: 'wall-clock ms (cumulative)', value: (x) => x.r.ms },
  ]);
}

export function sweepTable(sweep: SweepData | undefined): DataTable {
  return tableOf(sweep?.runs ?? [], [
    { key: 'model' },
    { key: 'encoding' },
    { key: 'depth', label: 'layers' },
    { key: 'scaling', label: 'feature scaling' },
    { key: 'seed' },
    { key: 'parameters' },
    { key: 'trainAccuracy', label: 'train accuracy' },
    { key: 'testAccuracy', label: 'test accuracy' },
    { key: 'shots', value: (r) => r.cost.shots },
    { key: 'flops', label: 'FLOPs', value: (r) => r.cost.trainFlops + r.cost.evalFlops },
  ]);
}

// ------------------------------------------------------------------------------------ text alternative

/** Class `c`'s points in the training and the test split, as `train/test`. */
function classSplit(d: DatasetPreview, c: 0 | 1): string {
  return `${classCounts(d.train.labels)[c]}/${classCounts(d.test.labels)[c]}`;
}

export interface AltInput {
  state: StepState;
  params: BaselineRaceParams;
  previews: readonly DatasetPreview[];
  race: RaceData | undefined;
  sweep: SweepData | undefined;
  paused: boolean;
}

export function baselineRaceAlt({ state, params, previews, race, sweep, paused }: AltInput): {
  summary: string;
  table: DataTable;
  caption: string;
} {
  const dataset = params.dataset as DatasetKind;
  if (state.panel === 'datasets') {
    const parts = previews.map((d) => {
      const [a, b] = classCounts(d.train.labels);
      return `${DATASET_LABEL[d.kind]}: ${d.train.points.length} training points (${a} and ${b} per class) and ${d.test.points.length} test points`;
    });
    return {
      summary: `Three seeded datasets (seed ${params.seed}), each split the same way for every model: ${parts.join('; ')}. The race uses ${DATASET_LABEL[dataset]}.`,
      caption: 'Datasets and their train/test split',
      table: tableOf(previews, [
        { key: 'dataset', value: (d) => DATASET_LABEL[d.kind] },
        { key: 'train', label: 'training points', value: (d) => d.train.points.length },
        { key: 'test', label: 'test points', value: (d) => d.test.points.length },
        { key: 'c0', label: 'class 0 (train/test)', value: (d) => classSplit(d, 0) },
        { key: 'c1', label: 'class 1 (train/test)', value: (d) => classSplit(d, 1) },
      ]),
    };
  }

  const rows = race ? ledgerRows(race) : [];
  const epoch = rows[0]?.epoch ?? 0;
  const status =
    !race || epoch === 0
      ? 'Training has not produced an epoch yet.'
      : race.complete
        ? `After all ${epoch} epochs on ${DATASET_LABEL[dataset]}`
        : `${paused ? 'Paused' : 'Training'} at epoch ${epoch} of ${RACE_EPOCHS} on ${DATASET_LABEL[dataset]}`;
  const accSentence = rows.length
    ? `${status}, test accuracy: ${rows.map((r) => `${r.label} ${fmtPercent(r.testAccuracy)} (${r.parameters} parameters)`).join(', ')}.`
    : status;
  const ledgerTable = tableOf(rows, [
    { key: 'model', value: (r) => r.label },
    { key: 'parameters' },
    { key: 'epoch' },
    { key: 'trainAccuracy', label: 'train accuracy', format: formatAsNumber(fmtPercent) },
    { key: 'testAccuracy', label: 'test accuracy', format: formatAsNumber(fmtPercent) },
    { key: 'circuits', format: formatAsNumber(fmtInt) },
    { key: 'shots', format: formatAsNumber(fmtInt) },
    { key: 'flops', label: 'FLOPs', format: formatAsNumber(fmtInt) },
    { key: 'ms', label: 'time in this browser', format: formatAsNumber(fmtMilliseconds) },
  ]);

  if (state.panel === 'training') {
    return {
      summary: `${accSentence} The decision boundaries are drawn where each model's P(class 1) = 0.5.`,
      table: ledgerTable,
      caption: 'Models after the latest epoch',
    };
  }
  if (state.panel === 'ledger') {
    const q = rows.find((r) => r.model === 'vqc');
    const c = rows.filter((r) => r.model !== 'vqc');
    const work = q
      ? ` Work: the quantum classifier ran ${fmtInt(q.circuits)} circuits and ${fmtCompact(q.shots)} shots (${fmtDuration(q.deviceSeconds ?? NaN)} of sampling at ${fmtInt(SHOT_RATE_DEVICE.shotRate)} shots/s on ${SHOT_RATE_DEVICE.name}, before any queue); ` +
        c.map((r) => `${r.label.toLowerCase()} used ${fmtCompact(r.flops)} floating-point operations`).join(', ') +
        '.'
      : '';
    return { summary: accSentence + work, table: ledgerTable, caption: 'Accuracy and work per model' };
  }

  // knobs
  const strip = stripRows(sweep);
  const v = verdicts(sweep);
  const done = sweep ? `${sweep.runs.length} of ${sweep.total} training runs` : 'no training runs yet';
  const rowText = strip
    .filter((r) => r.runs.length)
    .map((r) => `${r.label} ${fmtPercent(r.min)}–${fmtPercent(r.max)} (median ${fmtPercent(r.median)})`);
  const verdict = v.cases
    ? ` Picking the VQC's best setting for each seed and scaling, it beats both classical models in ${v.bestVqcWins} of ${v.cases} cases; picking its worst, in ${v.worstVqcWins}.`
    : '';
  return {
    summary: `Knob sweep on ${DATASET_LABEL[dataset]} (${done}): test accuracy across 4 seeds and 2 feature scalings: ${rowText.join('; ')}.${verdict}`,
    caption: 'Spread of test accuracy by model and setting',
    table: tableOf(strip, [
      { key: 'label', label: 'model and setting' },
      { key: 'parameters' },
      { key: 'runs', value: (r) => r.runs.length },
      { key: 'min', label: 'lowest', format: formatAsNumber(fmtPercent) },
      { key: 'median', format: formatAsNumber(fmtPercent) },
      { key: 'max', label: 'highest', format: formatAsNumber(fmtPercent) },
    ]),
  };
}

export { MODEL_SHORT };
