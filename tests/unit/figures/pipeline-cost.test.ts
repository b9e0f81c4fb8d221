/**
 * The pipeline calculator against hand-worked examples, its defaults against the sourced data, input
 * validation, and a fast-check fuzz: no NaN or Infinity ever reaches a displayed string.
 */
import fc from 'fast-check';
import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import cloud from '../../../content/data/cloud.json';
import gpus from '../../../content/data/gpus.json';
import { defaultParams } from '../../../src/story/params';
import { hostProps } from './host-props';
import { pipelineParamSpec, PIPELINE_ENCODINGS } from '../../../src/figures/pipeline-cost/meta';
import { circuitShape, computePipeline, shotsForPrecision, type PipelineInputs } from '../../../src/costs/pipeline';
import {
  deviceTiming,
  QPU_POWER,
  JOB_LATENCY,
  GPU_UTILISATION,
  gpuProfile,
  GPU_IDS,
  PLAN_IDS,
  TIMED_DEVICE_IDS,
} from '../../../src/costs/profiles';
import {
  datasetTotals,
  fidelityCaveat,
  inputsFromParams,
  ledger,
  pipelineAlt,
  pipelineDownload,
  type PipelineParams,
} from '../../../src/figures/pipeline-cost/text';
import devicesData from '../../../content/data/devices.json';
import { fmtCount, fmtDuration, fmtEnergy, fmtSci, fmtUsd } from '../../../src/format';
import { checkField } from '../../../src/charts/field-check';
import { displayCell } from '../../../src/story/data';
import PipelineCostView from '../../../src/figures/pipeline-cost/view';

const DEFAULTS = defaultParams(pipelineParamSpec) as PipelineParams;
const base: PipelineInputs = inputsFromParams(DEFAULTS);

describe('pipeline-cost: defaults are the sourced values', () => {
  it('latency, QPU power, GPU utilisation and price come from content/data', () => {
    expect(DEFAULTS.latency).toBe(cloud.items['ibm-2018-job-latency'].loadSeconds);
    expect(DEFAULTS.latency).toBe(JOB_LATENCY.seconds);
    expect(DEFAULTS.qpuPower).toBe(QPU_POWER.kilowatts);
    expect(DEFAULTS.util).toBe(GPU_UTILISATION.value);
    expect(DEFAULTS.gpuPrice).toBe(gpus.items['h100-sxm'].listPrice.usdPerGpuHour);
    const priced = cloud.items as Record<string, { kind?: string }>;
    for (const id of PLAN_IDS) expect(['per-second', 'per-shot', 'per-gate-shot'], id).toContain(priced[id]?.kind);
  });

  it('every device the cost figures offer has published gate and measurement times in devices.json', () => {
    expect(TIMED_DEVICE_IDS.length).toBe(6);
    for (const id of TIMED_DEVICE_IDS) {
      const t = deviceTiming(id);
      expect(t.oneQubitGate_s, id).toBeGreaterThan(0);
      expect(t.twoQubitGate_s, id).toBeGreaterThan(t.oneQubitGate_s * 0.99);
      expect(t.qubits, id).toBeGreaterThanOrEqual(20);
    }
  });
});

describe('pipeline-cost: hand-worked examples', () => {
  it('shots per expectation value = ⌈1/ε²⌉', () => {
    expect(shotsForPrecision(0.1)).toBe(100);
    expect(shotsForPrecision(0.03)).toBe(1112); // 1/0.0009 = 1111.1…
    expect(shotsForPrecision(0.01)).toBe(10_000);
    expect(shotsForPrecision(1)).toBe(1);
  });

  it('MNIST on ibm_boston, amplitude encoding, P = 100, ε = 0.1: every line by hand', () => {
    const b = computePipeline({ ...base, eps: 0.1 });
    // Circuit: amplitude encoding of 784 → 10 qubits: 1,022 CNOT + 1,023 RY, depth 2,036.
    // Mean layer time (1022·68 + 1023·32)/2045 ns; ansatz: ⌈100/10⌉ = 10 layers of 32 + 2·68 ns.
    const layer = (1022 * 68e-9 + 1023 * 32e-9) / 2045;
    const duration = 2036 * layer + 10 * (32e-9 + 136e-9);
    expect(b.circuit.duration).toBeCloseTo(duration, 15);
    const shot = duration + 2.2e-6 + 250e-6;
    expect(b.shotTime).toBeCloseTo(shot, 15);
    expect(b.shotsPerExpectation).toBe(100);
    expect(b.circuits).toBe(60_000 * 200);
    expect(b.shots).toBe(60_000 * 200 * 100);
    expect(b.time.execution).toBeCloseTo(1.2e9 * shot, 3);
    expect(b.jobs).toBe(60_000);
    expect(b.time.latency).toBe(900_000);
    expect(b.dollars.total).toBeCloseTo(1.6 * 1.2e9 * shot, 2);
    expect(b.energy.total).toBeCloseTo((25 * (1.2e9 * shot + 900_000)) / 3600, 6);
    // GPU: 6·(100 + 784) FLOPs × 60,000 = 3.1824e8 FLOPs at 0.38 × 989e12 → 0.85 µs; reading 2·784·60,000 bytes
    // at 3.35 TB/s → 28.1 µs, so memory-bound.
    expect(b.gpu.flops).toBe(6 * 884 * 60_000);
    expect(b.gpu.computeBound).toBe(false);
    expect(b.gpu.seconds).toBeCloseTo((2 * 784 * 60_000) / 3.35e12, 12);
    expect(b.gpu.dollars).toBeCloseTo((b.gpu.seconds / 3600) * 12.29, 15);
    expect(b.gpu.kWh).toBeCloseTo((b.gpu.seconds / 3600) * 0.7, 15);
  });

  it('Braket IonQ Forte at 1,000 shots: $80.30 per circuit, $16,060 per 100-parameter gradient (the prose’s ≈ $80 and ≈ $16,000)', () => {
    const b = computePipeline({
      ...base,
      plan: 'braket-ionq-forte',
      eps: 1 / Math.sqrt(1000) + 1e-12,
      examples: 1,
      epochs: 1,
    });
    expect(b.shotsPerExpectation).toBe(1000);
    expect(b.circuits).toBe(200);
    expect(b.dollars.fees).toBeCloseTo(200 * 0.3, 9);
    expect(b.dollars.execution).toBeCloseTo(200 * 1000 * 0.08, 9);
    expect(b.dollars.total).toBeCloseTo(16_060, 6);
  });

  it('Azure IonQ: gate-shots with the $25.79 per-job minimum', () => {
    const b = computePipeline({
      ...base,
      plan: 'azure-ionq-forte',
      encoding: 'angle',
      features: 4,
      params: 4,
      eps: 0.1,
      examples: 1,
    });
    const shape = circuitShape('angle', 4, 4, deviceTiming('ibm_boston'));
    // angle(4): 4 RY; ansatz 4 RY + 1 layer × 3 CNOTs → 8 one-qubit and 3 two-qubit gates.
    expect([shape.oneQubitGates, shape.twoQubitGates]).toEqual([8, 3]);
    const perCircuit = 100 * (8 * 0.0001645 + 3 * 0.001121);
    expect(perCircuit).toBeLessThan(25.79);
    expect(b.dollars.total).toBeCloseTo(8 * 25.79, 9);
  });

  it('queue time adds wall-clock but no energy; more circuits per job mean fewer jobs (12 million / 2,000 = 6,000)', () => {
    // 60,000 examples × 2·100 circuits = 12,000,000 circuits in jobs of 200: 60,000 jobs, each queued 60 s.
    const a = computePipeline({ ...base, queue: 60 });
    expect(a.time.queue).toBe(60 * 60_000);
    expect(a.energy.total).toBeCloseTo(computePipeline(base).energy.total, 9);
    const b = computePipeline({ ...base, circuitsPerJob: 2000 });
    expect(b.jobs).toBe(6000);
  });

  it('flags circuits longer than T2: ImageNet amplitude encoding on ibm_boston lasts 74.3 × T2', () => {
    const b = computePipeline({ ...base, examples: 1_281_167, features: 150_528 });
    // 150,528 ≤ 2¹⁸: 18 qubits, ASAP depth 2¹⁹ − 18 − 2 = 524,268 layers of ((2¹⁸ − 2)·68 + (2¹⁸ − 1)·32)/(2¹⁹ − 3)
    // = 50.0 ns, plus ⌈100/18⌉ = 6 ansatz layers of 32 + 136 ns: 26.214 ms, / 353 µs = 74.26.
    expect(b.circuit.qubits).toBe(18);
    expect(b.durationOverT2).toBeCloseTo(74.26, 2);
    expect(ledger(b)[0].detail).toMatch(/decoheres/);
  });

  it('repetition delay is each backend’s own default: 250 µs on Heron, 4,000 µs on Nighthawk (conf_miami.json)', () => {
    expect(deviceTiming('ibm_boston').repDelay_s).toBeCloseTo(250e-6, 15);
    expect(deviceTiming('ibm_miami').repDelay_s).toBeCloseTo(4000e-6, 15);
    expect(deviceTiming('google_willow').repDelay_s).toBe(0);
    for (const d of devicesData.devices) {
      const rep = (d as { repDelay_us?: number }).repDelay_us;
      if (rep !== undefined) expect(d.shotRate).toBe(Math.round(1e6 / rep));
    }
    const [mnist] = datasetTotals({ ...base, device: 'ibm_miami' });
    const shot = mnist.bill.circuit.duration + 2.4e-6 + 4000e-6;
    expect(mnist.bill.shotTime).toBeCloseTo(shot, 12);
    expect(fmtDuration(mnist.bill.time.total)).toBe('1.8 years');
  });

  it('states when the bill is a lower bound: MNIST’s fault-free probability, ImageNet’s circuit that could not run', () => {
    const [mnist, imagenet] = datasetTotals(base);
    // λ = (1,022 + 90) CNOTs × 1.27e-3 + (1,023 + 100) one-qubit gates × 1.4e-4
    expect(mnist.bill.gateFaults).toBeCloseTo(1112 * 1.27e-3 + 1123 * 1.4e-4, 9);
    expect(fidelityCaveat(mnist.bill)).toMatch(/^Conservative: .*fault-free with probability ≈ 0\.21.*1\/F² ≈ 23/);
    expect(fidelityCaveat(imagenet.bill)).toMatch(
      /^Lower bound on a computation that could not run: one run of the circuit lasts 26\.2 ms, 74\.3× the device’s T2.*≈ e⁻³⁷⁰/,
    );
    const alt = pipelineAlt(5, mnist.bill, [mnist, imagenet]);
    expect(alt.summary).toMatch(
      /ImageNet-1k, one run: quantum 240 years.*Lower bound on a computation that could not run/,
    );
    expect(alt.table.rows.find((r) => r.dataset === 'ImageNet-1k' && r.side === 'quantum')?.caveat).toMatch(
      /could not run/,
    );
  });

  it('MNIST and ImageNet totals with the default profiles: MNIST 65.3 days and $7.59 million by hand', () => {
    const [mnist, imagenet] = datasetTotals(base);
    // As in the ε = 0.1 ledger, with ⌈1/0.03²⌉ = 1,112 shots: a shot takes 103.46 µs + 2.2 µs + 250 µs = 355.66 µs;
    // 60,000 × 200 circuits × 1,112 shots × 355.66 µs = 4.746 × 10⁶ s, plus 60,000 jobs × 15 s = 5.646 × 10⁶ s
    // = 65.35 days; $1.60 a second of execution = $7.594 million.
    expect(mnist.bill.time.total).toBeCloseTo(5.646e6, -3);
    expect(mnist.bill.dollars.total).toBeCloseTo(7.5935e6, -2);
    expect(mnist.bill.inputs.examples).toBe(60_000);
    expect(imagenet.bill.inputs.features).toBe(150_528);
    expect(fmtDuration(mnist.bill.time.total)).toBe('65.3 days');
    expect(fmtUsd(mnist.bill.dollars.total)).toBe('$7.59 million');
    expect(fmtDuration(imagenet.bill.time.total)).toBe('240 years');
    expect(imagenet.bill.time.total / imagenet.bill.gpu.seconds).toBeGreaterThan(1e9);
  });
});

describe('pipeline-cost: formatting and validation', () => {
  it('formats magnitudes as written by hand (1,234; 12 million; 2.85 × 10²³; 30 µs; 39.2 MWh)', () => {
    expect(fmtCount(1234)).toBe('1,234');
    expect(fmtCount(12_000_000)).toBe('12 million');
    expect(fmtSci(2.85e23)).toBe('2.85 × 10²³');
    expect(fmtSci(9.999e5)).toBe('1 × 10⁶');
    expect(fmtDuration(3e-5)).toBe('30 µs');
    expect(fmtDuration(86400 * 365.25 * 2e5)).toBe('2 × 10⁵ years');
    expect(fmtEnergy(39_200)).toBe('39.2 MWh');
    expect(fmtUsd(NaN)).toBe('–');
    expect(fmtDuration(Infinity)).toBe('–');
  });

  it('refuses empty, non-numeric, negative, zero, fractional and absurd values with a sentence', () => {
    const spec = pipelineParamSpec;
    expect(checkField(spec.examples, '')).toEqual({ ok: false, message: 'Enter a number.' });
    expect(checkField(spec.examples, 'abc')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not a number/),
    });
    expect(checkField(spec.examples, 'NaN')).toMatchObject({ ok: false });
    expect(checkField(spec.examples, '-5')).toEqual({ ok: false, message: 'Cannot be negative.' });
    expect(checkField(spec.examples, '0')).toEqual({ ok: false, message: 'Must be greater than zero.' });
    expect(checkField(spec.params, '2.5')).toEqual({ ok: false, message: 'Must be a whole number.' });
    expect(checkField(spec.examples, '1e300')).toMatchObject({ ok: false, message: expect.stringMatching(/At most/) });
    expect(checkField(spec.examples, '1e999')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/too large/),
    });
    expect(checkField(spec.queue, '0')).toEqual({ ok: true, value: 0 });
    expect(checkField(spec.examples, '60,000')).toEqual({ ok: true, value: 60_000 });
  });
});

const BAD = /NaN|Infinity|undefined|null/;

function inputsArb() {
  const num = (k: keyof typeof pipelineParamSpec) => {
    const s = pipelineParamSpec[k] as { min: number; max: number; type: string };
    const f = fc.double({ min: s.min, max: s.max, noNaN: true, noDefaultInfinity: true });
    return s.type === 'int' ? f.map((v) => Math.max(s.min, Math.min(s.max, Math.round(v)))) : f;
  };
  return fc.record({
    examples: num('examples'),
    features: fc.integer({ min: 1, max: 16_777_216 }),
    encoding: fc.constantFrom(...PIPELINE_ENCODINGS),
    params: fc.integer({ min: 1, max: 1_000_000 }),
    epochs: fc.integer({ min: 1, max: 10_000 }),
    eps: num('eps'),
    device: fc.constantFrom(...TIMED_DEVICE_IDS),
    plan: fc.constantFrom(...PLAN_IDS),
    latency: num('latency'),
    queue: num('queue'),
    circuitsPerJob: fc.integer({ min: 1, max: 1e9 }),
    gpu: fc.constantFrom(...GPU_IDS),
    util: num('util'),
    gpuPrice: num('gpuPrice'),
    qpuPower: num('qpuPower'),
  });
}

describe('pipeline-cost: fuzzed inputs never show NaN or Infinity', () => {
  it('every ledger line, alt text and table cell is finite text', () => {
    fc.assert(
      fc.property(inputsArb(), fc.integer({ min: 0, max: 5 }), (inputs, step) => {
        const b = computePipeline(inputs as PipelineInputs);
        for (const v of [b.time.total, b.dollars.total, b.energy.total, b.gpu.seconds, b.gpu.dollars, b.gpu.kWh]) {
          expect(Number.isFinite(v) && v >= 0).toBe(true);
        }
        const totals = datasetTotals(inputs as PipelineInputs);
        const alt = pipelineAlt(step, b, totals);
        const strings = [
          ...ledger(b).flatMap((l) => [l.label, l.value, l.detail]),
          alt.summary,
          ...alt.table.rows.flatMap((r) => alt.table.columns.map((c) => displayCell(c, r[c.key] ?? null))),
          ...pipelineDownload(b).rows.flatMap((r) =>
            pipelineDownload(b).columns.map((c) => displayCell(c, r[c.key] ?? null)),
          ),
        ];
        for (const s of strings) expect(s).not.toMatch(BAD);
      }),
      { numRuns: 300, seed: 20_260_405 },
    );
  });

  it('the rendered figure (every step, random inputs) contains no NaN or Infinity', () => {
    fc.assert(
      fc.property(inputsArb(), fc.integer({ min: 0, max: 5 }), (inputs, step) => {
        const params: PipelineParams = { ...DEFAULTS, ...inputs, perJob: inputs.circuitsPerJob, dataset: 'custom' };
        const html = renderToStaticMarkup(
          createElement(PipelineCostView, {
            id: 'pipeline-cost',
            ...hostProps('pipeline-cost', step),
            progress: 0,
            params,
            setParams: () => {},
            paramIssues: [],
            mode: 'article',
            reducedMotion: true,
          }),
        );
        const text = html.replace(/<[^>]*>/g, ' ');
        expect(text).not.toMatch(/NaN|Infinity/);
        expect(html).not.toMatch(/="[^"]*NaN[^"]*"/);
      }),
      { numRuns: 60, seed: 7 },
    );
  });

  it('the GPU profiles are complete', () => {
    for (const g of GPU_IDS) expect(gpuProfile(g).bf16DenseFlops).toBeGreaterThan(1e14);
  });
});
