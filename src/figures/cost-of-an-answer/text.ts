/** Words for the cost-of-an-answer figure: method, sources, readouts, alt text and downloads. */
import { tableOf, type DataTable } from '../../story/data';
import { fmtBill, fmtCount, fmtDuration, fmtEnergy, fmtNumber, fmtUsd } from '../../format';
import { GPU_UTILISATION, JOB_LATENCY, QPU_POWER, deviceTiming, gpuProfile, pricePlan } from '../../costs/profiles';
import { ANSWER_LABEL } from './meta';
import {
  BROWSER_EXTRAPOLATED_MAX,
  BROWSER_MEASURED_MAX,
  GPUS_PER_NODE,
  crossover,
  lastAvailable,
  type CostInputs,
  type Crossover,
  type Metric,
  type Row,
} from './model';

export const METRIC_LABEL: Record<Metric, string> = { seconds: 'wall-clock time', usd: 'dollars', kWh: 'energy' };
export const METRIC_FMT: Record<Metric, (v: number) => string> = { seconds: fmtDuration, usd: fmtUsd, kWh: fmtEnergy };

export function describeCrossover(c: Crossover, side: 'gpu' | 'browser', metric: Metric): string {
  const who = side === 'gpu' ? 'a GPU simulation' : 'your browser';
  if (c.n === null) return `the QPU never beats ${who} on ${METRIC_LABEL[metric]} within its qubits`;
  return c.why === 'only'
    ? `from n = ${c.n} the QPU is the only option (${who} runs out of memory)`
    : `from n = ${c.n} the QPU beats ${who} on ${METRIC_LABEL[metric]}`;
}

export function costMethod(i: CostInputs) {
  const d = deviceTiming(i.device);
  const plan = pricePlan(i.plan);
  const g = gpuProfile('h100-sxm');
  return {
    text:
      'An explicit model for the QPU and the GPU, and a live measurement for the browser; no sampling. ' +
      `The answer (${ANSWER_LABEL[i.answer]}) is computed by a hardware-efficient ansatz of L = ${i.layers} layers (n RY rotations and n − 1 CZs each). ` +
      `QPU: ⌈1/ε²⌉ shots per circuit, each lasting L·(t₁q + 2·t₂q) plus measurement and the repetition delay of ${d.name}; one job per ${fmtCount(i.perJob)} circuits, each paying ` +
      `${fmtDuration(i.latency)} latency and ${fmtDuration(i.queue)} queue; dollars at the ${plan.label} list price; energy at ${fmtNumber(i.qpuPower)} kW during execution and loading. ` +
      `The QPU's answer is worth e^(−λ) of the ideal signal, λ the expected gate faults per run. GPU: an exact state-vector simulation in complex64 on ${g.name}s; ` +
      `every gate reads and writes the 2ⁿ amplitudes once at ${fmtNumber(g.memoryBandwidthBytes / 1e12)} TB/s, one more pass gives the expectation value exactly (no shots); ` +
      `above one GPU's memory the state is split over 2, 4 or ${GPUS_PER_NODE} GPUs of one node (gates on the split qubits also cross NVLink); beyond one node the figure stops ` +
      '(supercomputer-scale runs exist but are not priced here). Kernel-launch overheads (microseconds per gate) are not counted. ' +
      `Browser: our StateVector timed live per gate pass for n ≤ ${BROWSER_MEASURED_MAX} (the browser cap), then extrapolated as t(${BROWSER_MEASURED_MAX})·2^(n−${BROWSER_MEASURED_MAX}) up to ` +
      `${BROWSER_EXTRAPOLATED_MAX} qubits (dashed); energy at ${fmtNumber(i.laptopW)} W, an assumption the reader sets. Crossover: the smallest n from which the QPU stays ahead.`,
    params: {
      answer: ANSWER_LABEL[i.answer],
      layers: i.layers,
      ε: i.eps,
      examples: i.examples,
      device: d.name,
      plan: plan.label,
      'latency (s)': i.latency,
      'queue (s)': i.queue,
      'circuits per job': i.perJob,
      'GPU $/h': i.gpuPrice,
      'QPU kW': i.qpuPower,
      'computer W': i.laptopW,
    },
    seed: 0,
    sources: [
      { label: `${d.name}: ${d.source} (${d.date})` },
      { label: `${plan.label}: ${plan.source} (${plan.date})` },
      { label: `${g.name}: ${g.source} (${g.date})` },
      ...(g.priceSource ? [{ label: `GPU price: ${g.priceSource.source} (${g.priceSource.date})` }] : []),
      {
        label: `QPU power: ${QPU_POWER.system}, ${QPU_POWER.source} (${QPU_POWER.date}) — an annealer figure, the only primary one we found`,
      },
      { label: `Latency anchor: ${JOB_LATENCY.source} (${JOB_LATENCY.date})` },
      {
        label: `Utilisation is not used here (a state-vector simulation is bandwidth-bound); see ${GPU_UTILISATION.source} for the training figures`,
      },
    ],
  };
}

/** One side's figure for a size, or an empty cell where that side cannot run it. */
function ifAvailable<C extends { available: boolean }>(side: C, figure: (side: C) => number | null): number | null {
  return side.available ? figure(side) : null;
}

export function costDownload(rows: readonly Row[]): DataTable {
  return tableOf(rows, [
    { key: 'n', label: 'qubits' },
    { key: 'qpuS', label: 'QPU seconds', value: (r) => ifAvailable(r.qpu, (c) => c.seconds) },
    { key: 'qpuUsd', label: 'QPU $', value: (r) => ifAvailable(r.qpu, (c) => c.usd) },
    { key: 'qpuKWh', label: 'QPU kWh', value: (r) => ifAvailable(r.qpu, (c) => c.kWh) },
    { key: 'qpuF', label: 'QPU fault-free probability', value: (r) => ifAvailable(r.qpu, (c) => c.fidelity) },
    { key: 'gpuS', label: 'GPU seconds', value: (r) => ifAvailable(r.gpu, (c) => c.seconds) },
    { key: 'gpuUsd', label: 'GPU $', value: (r) => ifAvailable(r.gpu, (c) => c.usd) },
    { key: 'gpuKWh', label: 'GPU kWh', value: (r) => ifAvailable(r.gpu, (c) => c.kWh) },
    { key: 'gpus', label: 'GPUs', value: (r) => ifAvailable(r.gpu, (c) => c.gpus) },
    { key: 'brS', label: 'browser seconds', value: (r) => ifAvailable(r.browser, (c) => c.seconds) },
    { key: 'brKWh', label: 'browser kWh', value: (r) => ifAvailable(r.browser, (c) => c.kWh) },
    { key: 'brKind', label: 'browser', value: (r) => (r.browser.available ? browserKind(r) : 'beyond the simulator') },
  ]);
}

const browserKind = (r: Row) => (r.browser.measured ? 'measured' : 'extrapolated');

export function costAltTable(rows: readonly Row[], sizes: readonly number[]): DataTable {
  return tableOf(
    rows.filter((r) => sizes.includes(r.n)),
    [
      { key: 'n', label: 'qubits' },
      {
        key: 'qpu',
        label: 'QPU time / $ / energy',
        value: (r) => (r.qpu.available ? fmtBill(r.qpu, ' / ') : 'more qubits than the device'),
      },
      {
        key: 'gpu',
        label: 'GPU time / $ / energy',
        value: (r) => (r.gpu.available ? fmtBill(r.gpu, ' / ') : 'beyond one 8-GPU node'),
      },
      {
        key: 'browser',
        label: 'browser time',
        value: (r) =>
          r.browser.available
            ? `${fmtDuration(r.browser.seconds)} (${browserKind(r)})`
            : `not timed yet, or beyond ${BROWSER_EXTRAPOLATED_MAX} qubits`,
      },
    ],
  );
}

export function costSummary(step: number, i: CostInputs, rows: readonly Row[], browserReady: boolean): string {
  const at = rows.find((r) => r.n === i.qubits)!;
  const head = `${ANSWER_LABEL[i.answer]} on ${i.qubits} qubits (L = ${i.layers}, ε = ${fmtNumber(i.eps)})`;
  const q = at.qpu.available ? `QPU ${fmtBill(at.qpu)}` : 'QPU: more qubits than the device has';
  const g = at.gpu.available ? `GPU simulation ${fmtBill(at.gpu)}` : 'GPU simulation: beyond one 8-GPU node';
  const b = !browserReady
    ? 'your browser: being timed'
    : at.browser.available
      ? `your browser ${fmtDuration(at.browser.seconds)} (${browserKind(at)})`
      : 'your browser: beyond the simulator';
  if (step === 0) return `${head}: ${q}; ${g}; ${b}.`;
  const cg = crossover(rows, 'gpu', 'seconds');
  const cb = crossover(rows, 'browser', 'seconds');
  const lastGpu = lastAvailable(rows, 'gpu');
  const sweepText =
    `Sweeping n from 2 to 60: the GPU simulation ends at ${lastGpu ?? '–'} qubits; on time, ${describeCrossover(cg, 'gpu', 'seconds')}` +
    (browserReady ? `, and ${describeCrossover(cb, 'browser', 'seconds')}.` : '.');
  if (step === 1) return `${head}. ${sweepText}`;
  const money = `On dollars, ${describeCrossover(crossover(rows, 'gpu', 'usd'), 'gpu', 'usd')}; on energy, ${describeCrossover(crossover(rows, 'gpu', 'kWh'), 'gpu', 'kWh')}.`;
  return `${head}. ${sweepText} ${money} ${worthText(rows, cg)}`;
}

/** What the noise model says the QPU's answer is worth where it becomes the only option. */
export function worthText(rows: readonly Row[], c: Crossover): string {
  const r = rows.find((x) => x.n === c.n);
  if (!r || r.qpu.fidelity === null) return '';
  const F = r.qpu.fidelity;
  return `At n = ${r.n} a run is fault-free with probability ${fmtNumber(F)}${F < r.qpu.shots ** -0.5 ? ', below the precision asked for: the answer is noise unless error mitigation pays a factor 1/F² in shots' : `, so resolving the ideal value needs 1/F² = ${fmtNumber(1 / (F * F))} times the shots`}.`;
}
