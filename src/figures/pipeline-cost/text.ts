/** The pipeline bill in words: inputs from URL params, the ledger lines per step, method, alt text, downloads. */
import type { DataTable } from '../../story/data';
import type { ParamsOf } from '../../story/params';
import type { pipelineParamSpec } from './meta';
import { computePipeline, withDataset, type PipelineBill, type PipelineInputs } from '../../costs/pipeline';
import {
  GPU_UTILISATION,
  JOB_LATENCY,
  QPU_POWER,
  QUEUE_NOTE,
  datasetPreset,
  type DatasetId,
} from '../../costs/profiles';
import { fmtBill, fmtCount, fmtDuration, fmtEnergy, fmtNumber, fmtRatio, fmtUsd, type Bill } from '../../format';
import { fmtFaultFree } from '../../charts/format';

export type PipelineParams = ParamsOf<typeof pipelineParamSpec>;
export const LAST_STEP = 5;

/** The model's inputs: the parameters as they are, but the dataset preset's id (it only fills in other fields). */
export function inputsFromParams(p: PipelineParams): PipelineInputs {
  const { dataset: _preset, perJob, ...inputs } = p;
  return { ...inputs, circuitsPerJob: perJob };
}

/** The quantum run's wall-clock time, dollars and energy. */
const quantumSide = (b: PipelineBill): Bill => ({ seconds: b.time.total, usd: b.dollars.total, kWh: b.energy.total });
/** The GPU's time, dollars and energy for the same training. */
const gpuSide = (b: PipelineBill): Bill => ({ seconds: b.gpu.seconds, usd: b.gpu.dollars, kWh: b.gpu.kWh });

/** The two datasets of the last step, with every other setting as chosen. */
export const TOTAL_DATASETS: readonly DatasetId[] = ['mnist', 'imagenet-1k'];

export function datasetTotals(inputs: PipelineInputs): Array<{ id: DatasetId; name: string; bill: PipelineBill }> {
  return TOTAL_DATASETS.map((id) => ({
    id,
    name: datasetPreset(id).name.replace(/ \(.*\)$/, ''),
    bill: computePipeline(withDataset(inputs, id)),
  }));
}

export interface LedgerLine {
  key: string;
  /** Step from which the line shows. */
  from: number;
  label: string;
  value: string;
  detail: string;
}

/** Above this many expected gate faults per run (F < e⁻⁵ ≈ 0.7 %) the circuit is treated as one that cannot run. */
export const UNRUNNABLE_FAULTS = 5;

/**
 * Why the bill is a lower bound, from its own circuit: the fault-free probability F ≈ e^(−λ) and the
 * circuit duration against T2. Empty when the circuit is short and clean enough for the 1/ε² count to stand.
 */
export function fidelityCaveat(b: PipelineBill): string {
  const c = b.circuit;
  const parts: string[] = [];
  if (b.durationOverT2 > 1)
    parts.push(
      `one run of the circuit lasts ${fmtDuration(c.duration)}, ${fmtNumber(b.durationOverT2)}× the device’s T2, so the loaded state decoheres before the model has run`,
    );
  const lambda = b.gateFaults;
  if (lambda !== null && lambda > UNRUNNABLE_FAULTS) {
    parts.push(`counting gate errors alone, a run is fault-free with probability ≈ ${fmtFaultFree(lambda)}`);
    return `Lower bound on a computation that could not run: ${parts.join('; ')}.`;
  }
  if (lambda !== null && lambda > 0.1) {
    const f = Math.exp(-lambda);
    parts.push(
      `counting gate errors alone, a run is fault-free with probability ≈ ${fmtFaultFree(lambda)}, and recovering the ideal signal by error mitigation would multiply the ⌈1/ε²⌉ shots by about 1/F² ≈ ${fmtNumber(1 / (f * f))}`,
    );
  }
  if (parts.length === 0) return '';
  return `Conservative: ${parts.join('; ')}.`;
}

export function ledger(b: PipelineBill): LedgerLine[] {
  const i = b.inputs;
  const c = b.circuit;
  const caveat = fidelityCaveat(b);
  const warnT2 = caveat ? ` ${caveat}` : '';
  return [
    {
      key: 'shots',
      from: 0,
      label: 'Shots per expectation value',
      value: fmtCount(b.shotsPerExpectation),
      detail: `⌈1/ε²⌉ for ε = ${fmtNumber(i.eps)}. One shot = ${i.encoding} encoding of ${fmtCount(i.features)} features (${fmtCount(c.qubits)} qubits, depth ${fmtCount(c.encodingDepth)}) + ${fmtCount(c.ansatzLayers)} ansatz layers, ${fmtDuration(c.duration)}, + measurement and repetition delay = ${fmtDuration(b.shotTime)}; one expectation value takes ${fmtDuration(b.expectationTime)}.${warnT2}`,
    },
    {
      key: 'circuits',
      from: 1,
      label: 'Circuits',
      value: fmtCount(b.circuits),
      detail: `2P = ${fmtCount(b.circuitsPerExample)} per example (parameter shift) × ${fmtCount(i.examples)} examples × ${fmtCount(i.epochs)} epoch${i.epochs === 1 ? '' : 's'}: ${fmtCount(b.shots)} shots, ${fmtDuration(b.time.execution)} of QPU execution.`,
    },
    {
      key: 'latency',
      from: 2,
      label: 'Jobs × (latency + queue)',
      value: fmtDuration(b.time.latency + b.time.queue),
      detail: `${fmtCount(b.jobs)} jobs of ${fmtCount(i.circuitsPerJob)} circuits × (${fmtDuration(i.latency)} load + ${fmtDuration(i.queue)} queue). The default load time is a 2018 figure. Wall-clock total ${fmtDuration(b.time.total)}.`,
    },
    {
      key: 'money',
      from: 3,
      label: 'Dollars and energy',
      value: `${fmtUsd(b.dollars.total)} · ${fmtEnergy(b.energy.total)}`,
      detail: `${b.plan.label}: ${planWords(b)}. Energy: ${fmtNumber(i.qpuPower)} kW while executing and loading (the default is a 2015 quantum-annealer system figure; no gate-model figure is published).`,
    },
    {
      key: 'gpu',
      from: 4,
      label: `${b.gpuProfile.name.replace('NVIDIA ', '')}`,
      value: fmtBill(gpuSide(b), ' · '),
      detail: `6·(P + d) = ${fmtCount(6 * (i.params + i.features))} FLOPs per example, ${fmtCount(b.gpu.flops)} in all, at ${fmtNumber(i.util * 100)} % of ${fmtNumber(b.gpuProfile.bf16DenseFlops / 1e12)} TFLOP/s${b.gpu.computeBound ? '' : ' (here reading the inputs from memory takes longer, so that time is used)'}. The quantum run takes ${fmtRatio(b.time.total / b.gpu.seconds)} the time.`,
    },
  ];
}

function planWords(b: PipelineBill): string {
  const p = b.plan;
  switch (p.kind) {
    case 'per-second':
      return `$${fmtNumber(p.usdPerSecond)} per QPU-second × ${fmtDuration(b.time.execution)}`;
    case 'per-task-shot':
      return `$${fmtNumber(p.usdPerTask)} per task × ${fmtCount(b.circuits)} tasks + $${fmtNumber(p.usdPerShot)} per shot × ${fmtCount(b.shots)} shots`;
    case 'per-gate-shot':
      return `$${fmtNumber(p.usdPer1qGateShot)} per 1q gate-shot and $${fmtNumber(p.usdPer2qGateShot)} per 2q gate-shot (${fmtCount(b.circuit.oneQubitGates)} and ${fmtCount(b.circuit.twoQubitGates)} gates per circuit), at least $${fmtNumber(p.usdMinimumPerJob)} per circuit`;
  }
}

export function pipelineMethodText(): string {
  return (
    'An explicit cost model, no sampling. Shots per expectation value S = ⌈1/ε²⌉ (the standard error of a ±1 observable is at most 1/√S). ' +
    'A gradient by the parameter-shift rule takes 2P circuits per training example; circuits = examples × 2P × epochs, shots = circuits × S. ' +
    'Each circuit is the encoding circuit (gate counts from src/encoding, verified against built circuits) followed by a hardware-efficient ansatz ' +
    'of P RY rotations in ⌈P/q⌉ layers, each with a CNOT brickwork (q − 1 CNOTs, depth 2). Its duration takes every layer of the encoding at the ' +
    'gate-weighted mean of the device’s 1q and 2q gate times (the loading circuits alternate rotations and CNOTs). A shot adds measurement and, ' +
    'on IBM devices, the backend’s default repetition delay (250 µs on Heron, 4,000 µs on Nighthawk). The fault-free probability of one run is ' +
    'estimated as e^(−λ), λ = the sum of the circuit’s average gate errors; the shot count assumes the ideal signal, so when that probability is ' +
    'well below one the bill is a lower bound. Jobs of a chosen number of circuits each pay a load latency and a queue wait. Dollars follow the ' +
    'price plan; energy is the QPU system power during execution and loading (queue time is not charged). The GPU does the classical ' +
    'equivalent: 6·(P + d) FLOPs per example (forward and backward pass of a model with P weights plus one per input) at the stated utilisation ' +
    'of its dense BF16 peak, or the time to read the inputs from memory once per epoch if longer; priced per GPU-hour and at its board power.'
  );
}

export function pipelineSources(b: PipelineBill) {
  const planSrc = b.plan.kind === 'per-task-shot' ? [b.plan, b.plan.taskSource] : [b.plan];
  const label = (what: string, s: { source: string; date: string }) => ({ label: `${what}: ${s.source} (${s.date})` });
  return [
    label('Device timings and repetition delay', b.device),
    ...planSrc.map((s) => label('Price', s)),
    label('Job latency anchor (a 2018 device; no current figure is published)', JOB_LATENCY),
    label('Queue', QUEUE_NOTE),
    label(`QPU power (${QPU_POWER.system}, a 2015 annealer figure)`, QPU_POWER),
    label('GPU', b.gpuProfile),
    ...(b.gpuProfile.priceSource ? [label('GPU price', b.gpuProfile.priceSource)] : []),
    label('GPU utilisation', GPU_UTILISATION),
  ];
}

export function pipelineMethodParams(b: PipelineBill): Record<string, string | number> {
  const i = b.inputs;
  return {
    examples: i.examples,
    features: i.features,
    encoding: i.encoding,
    'parameters P': i.params,
    epochs: i.epochs,
    ε: i.eps,
    device: b.device.name,
    plan: b.plan.label,
    'latency per job (s)': i.latency,
    'queue per job (s)': i.queue,
    'circuits per job': i.circuitsPerJob,
    GPU: b.gpuProfile.name,
    'GPU utilisation': i.util,
    'GPU $/h': i.gpuPrice,
    'QPU kW': i.qpuPower,
  };
}

/** Every line of the bill, with the GPU beside it: the CSV/JSON download. */
export function pipelineDownload(b: PipelineBill): DataTable {
  const rows = [
    {
      item: 'shots per expectation value',
      quantity: b.shotsPerExpectation,
      seconds: b.expectationTime,
      usd: null,
      kwh: null,
    },
    { item: 'circuits', quantity: b.circuits, seconds: null, usd: null, kwh: null },
    { item: 'shots', quantity: b.shots, seconds: null, usd: null, kwh: null },
    {
      item: 'QPU execution',
      quantity: null,
      seconds: b.time.execution,
      usd: b.dollars.execution,
      kwh: b.energy.execution,
    },
    {
      item: 'per-task fees / job minimums',
      quantity: b.plan.kind === 'per-second' ? 0 : b.circuits,
      seconds: null,
      usd: b.dollars.fees,
      kwh: null,
    },
    { item: 'job load latency', quantity: b.jobs, seconds: b.time.latency, usd: null, kwh: b.energy.latency },
    { item: 'queue', quantity: b.jobs, seconds: b.time.queue, usd: null, kwh: 0 },
    { item: 'quantum total', quantity: null, seconds: b.time.total, usd: b.dollars.total, kwh: b.energy.total },
    {
      item: `GPU (${b.gpuProfile.name})`,
      quantity: b.gpu.flops,
      seconds: b.gpu.seconds,
      usd: b.gpu.dollars,
      kwh: b.gpu.kWh,
    },
  ];
  return {
    columns: [
      { key: 'item', label: 'item' },
      { key: 'quantity', label: 'count', format: (v) => (v === null ? '' : fmtCount(Number(v))) },
      { key: 'seconds', label: 'seconds', format: (v) => (v === null ? '' : fmtDuration(Number(v))) },
      { key: 'usd', label: 'US$', format: (v) => (v === null ? '' : fmtUsd(Number(v))) },
      { key: 'kwh', label: 'kWh', format: (v) => (v === null ? '' : fmtEnergy(Number(v))) },
    ],
    rows,
  };
}

export function totalsTable(totals: ReturnType<typeof datasetTotals>): DataTable {
  return {
    columns: [
      { key: 'dataset', label: 'dataset' },
      { key: 'side', label: 'run on' },
      { key: 'seconds', label: 'wall-clock', format: (v) => fmtDuration(Number(v)) },
      { key: 'usd', label: 'dollars', format: (v) => fmtUsd(Number(v)) },
      { key: 'kwh', label: 'energy', format: (v) => fmtEnergy(Number(v)) },
      { key: 'caveat', label: 'caveat' },
    ],
    rows: totals.flatMap((t) => [
      {
        dataset: t.name,
        side: 'quantum',
        seconds: t.bill.time.total,
        usd: t.bill.dollars.total,
        kwh: t.bill.energy.total,
        caveat: fidelityCaveat(t.bill),
      },
      {
        dataset: t.name,
        side: 'GPU',
        seconds: t.bill.gpu.seconds,
        usd: t.bill.gpu.dollars,
        kwh: t.bill.gpu.kWh,
        caveat: '',
      },
    ]),
  };
}

export function pipelineAlt(step: number, b: PipelineBill, totals: ReturnType<typeof datasetTotals>) {
  const lines = ledger(b).filter((l) => l.from <= step);
  let summary =
    `For ${fmtCount(b.inputs.examples)} examples of ${fmtCount(b.inputs.features)} features: ` +
    lines.map((l) => `${l.label}: ${l.value}. ${l.detail}`).join(' ');
  if (step >= LAST_STEP) {
    summary +=
      ' ' +
      totals
        .map((t) => {
          const caveat = fidelityCaveat(t.bill);
          return `${t.name}, one run: quantum ${fmtBill(quantumSide(t.bill))}; GPU ${fmtBill(gpuSide(t.bill))}.${caveat ? ` ${caveat}` : ''}`;
        })
        .join(' ');
  }
  return {
    summary,
    table: step >= LAST_STEP ? totalsTable(totals) : pipelineDownload(b),
    caption: step >= LAST_STEP ? 'Totals of one training run' : 'The bill, item by item',
  };
}
