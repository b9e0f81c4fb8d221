/** Words for the encoding-cost figure: method, alt text and downloads, all built from the current data. */
import { formatAsNumber, tableOf, type DataTable, type RecordColumn } from '../../story/data';
import { fmtCount, fmtDuration, fmtNumber, fmtSci } from '../../format';
import type { DeviceTiming } from '../../costs/profiles';
import {
  ENCODING_LABEL,
  ENCODING_ORDER,
  LAST_STEP,
  cnotBudget,
  depthCeiling,
  sizes,
  type Highlight,
  type TrainingMultiplier,
} from './model';
import { encodingCounts } from '../../encoding/counts';

export function encodingMethod(device: DeviceTiming, mult: TrainingMultiplier, params: number) {
  const c = depthCeiling(device);
  return {
    text:
      'Gate counts of the circuits that load d features: basis (an X per 1-bit; worst case), angle (an RY per feature, one qubit each), ' +
      'amplitude (Möttönen et al. 2004: uniformly controlled RY rotations decomposed into CNOTs and RY; d padded to a power of two, real ' +
      'amplitudes) and the ZZ feature map (Havlíček et al. 2019; full entanglement, 2 repetitions). Counts come from closed forms that the ' +
      'unit tests check against the built circuits up to d = 4,096 (128 for the ZZ map), and simulated states match the normalised input ' +
      'with fidelity > 1 − 10⁻⁹. Depth is the ASAP depth with all-to-all connectivity. The ceiling is the depth a device runs within T2, ' +
      `each layer timed at the mean of its 1q and 2q gate durations (${fmtDuration(c.layerTime)} on ${device.name}). The training-set step ` +
      `multiplies the gates of one load by the shots per expectation value (⌈1/ε²⌉ = ${fmtCount(mult.shots)}), the circuits per example ` +
      `(2P = ${fmtCount(2 * params)}, parameter shift) and the ${fmtCount(mult.examples)} training examples of one epoch: the state is ` +
      'destroyed by each measurement, so it is loaded again for every shot.',
    params: {
      device: device.name,
      'T2 (µs)': Math.round(device.t2_s * 1e6 * 10) / 10,
      'depth ceiling': Math.round(c.depth),
      'shots per expectation': mult.shots,
      'parameters P': params,
      'examples per epoch': mult.examples,
    },
    seed: 0,
    sources: [
      { label: `${device.name}: ${device.source} (${device.date})` },
      ...device.notes.map((n) => ({ label: n })),
      {
        label:
          'Möttönen, Vartiainen, Bergholm, Salomaa (2004), quant-ph/0407010; Havlíček et al. (2019), arXiv:1804.11313',
      },
    ],
  };
}

export function encodingDownload(): DataTable {
  const circuits = ENCODING_ORDER.flatMap((encoding) => sizes().map((features) => encodingCounts(encoding, features)));
  return tableOf(circuits, [
    { key: 'encoding' },
    { key: 'features' },
    { key: 'qubits' },
    { key: 'cnots' },
    { key: 'single_qubit_gates', value: (c) => c.singleQubitGates },
    { key: 'depth' },
  ]);
}

const encodingColumn: RecordColumn<Highlight> = {
  key: 'encoding',
  label: 'encoding',
  value: (h) => ENCODING_LABEL[h.encoding],
};

export function highlightTable(step: number, hs: readonly Highlight[]): DataTable {
  if (step >= LAST_STEP) {
    return tableOf(hs, [
      encodingColumn,
      {
        key: 'gates',
        label: 'gates per load',
        format: formatAsNumber(fmtCount),
        value: (h) => h.counts.cnots + h.counts.singleQubitGates,
      },
      { key: 'total', label: 'gates per epoch', format: formatAsNumber(fmtSci), value: (h) => h.trainingGates },
    ]);
  }
  return tableOf(hs, [
    encodingColumn,
    { key: 'qubits', format: formatAsNumber(fmtCount), value: (h) => h.counts.qubits },
    { key: 'cnots', label: 'CNOTs', format: formatAsNumber(fmtCount), value: (h) => h.counts.cnots },
    { key: 'depth', format: formatAsNumber(fmtCount), value: (h) => h.counts.depth },
    {
      key: 'fits',
      label: 'fits the device?',
      value: (h) =>
        h.fitsQubits && h.fitsDepth
          ? 'yes'
          : [!h.fitsQubits ? 'too many qubits' : '', !h.fitsDepth ? 'too deep' : ''].filter(Boolean).join(', '),
    },
  ]);
}

export function encodingAlt(
  step: number,
  d: number,
  datasetName: string,
  hs: readonly Highlight[],
  device: DeviceTiming,
  mult: TrainingMultiplier,
) {
  const c = depthCeiling(device);
  const budget = cnotBudget(device);
  const amp = hs.find((h) => h.encoding === 'amplitude')!;
  const zz = hs.find((h) => h.encoding === 'zz')!;
  const angle = hs.find((h) => h.encoding === 'angle')!;
  let summary: string;
  if (step < LAST_STEP) {
    summary =
      `One ${datasetName} example has ${fmtCount(d)} features. Amplitude encoding pads it to ${fmtCount(2 ** amp.counts.qubits)} amplitudes on ` +
      `${amp.counts.qubits} qubits with ${fmtCount(amp.counts.cnots)} CNOTs and depth ${fmtCount(amp.counts.depth)} (${fmtDuration(amp.duration)}); ` +
      `angle encoding needs ${fmtCount(angle.counts.qubits)} qubits at depth 1; the ZZ feature map needs ${fmtCount(zz.counts.qubits)} qubits and ` +
      `${fmtCount(zz.counts.cnots)} CNOTs. ${device.name} has ${device.qubits} qubits and runs about ${fmtCount(Math.round(c.depth))} layers within ` +
      `its T2 of ${fmtNumber(device.t2_s * 1e6)} µs${budget ? `; with its two-qubit error, about ${fmtCount(Math.round(budget))} CNOTs in sequence leave a fidelity of 1/e` : ''}.`;
  } else {
    summary =
      `One epoch over ${fmtCount(mult.examples)} ${datasetName} images loads the data ${fmtSci(mult.loads)} times (${fmtCount(mult.shots)} shots × ` +
      `${fmtCount(mult.circuitsPerExample)} circuits per example × ${fmtCount(mult.examples)} examples). Amplitude encoding executes ` +
      `${fmtSci(amp.trainingGates)} gates just to load the data; the ZZ feature map ${fmtSci(zz.trainingGates)}.`;
  }
  return {
    summary,
    table: highlightTable(step, hs),
    caption: step < LAST_STEP ? `Encodings of d = ${fmtCount(d)}` : 'Gates executed to load one epoch',
  };
}
