/**
 * cost-of-an-answer: every cost against a hand calculation from the sourced inputs (devices.json,
 * cloud.json, gpus.json), the crossovers at the defaults, the browser extrapolation, and a fuzz of the
 * rendered view (no NaN or Infinity on screen).
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  browserCost,
  circuitsPerAnswer,
  crossover,
  gpuCost,
  gpusFor,
  lastAvailable,
  qpuCost,
  sweep,
  type CostInputs,
} from '../../../src/figures/cost-of-an-answer/model';
import {
  ROUNDS,
  runTimingUnits,
  startTimer,
  TIMED_SIZES,
  timeRound,
  timerResult,
  UNITS_PER_SIZE,
  type TimingProgress,
} from '../../../src/figures/cost-of-an-answer/timing';
import { ANSWERS, costParamSpec } from '../../../src/figures/cost-of-an-answer/meta';
import { PLAN_IDS, TIMED_DEVICE_IDS } from '../../../src/costs/profiles';
import View from '../../../src/figures/cost-of-an-answer/view';
import { defaultParams } from '../../../src/story/params';
import { hostProps } from './host-props';

const base = defaultParams(costParamSpec) as CostInputs;

describe('cost-of-an-answer model', () => {
  it('defaults are the sourced values', () => {
    expect(base).toMatchObject({
      answer: 'expectation',
      qubits: 20,
      layers: 10,
      eps: 0.01,
      device: 'ibm_boston',
      plan: 'ibm-payg',
      latency: 15,
      gpuPrice: 12.29,
      qpuPower: 25,
    });
  });

  it('QPU, one expectation value on 20 qubits of ibm_boston, by hand', () => {
    // shot = 10 layers × (32 ns + 2 × 68 ns) + 2,200 ns measurement + 250 µs repetition delay = 253,880 ns
    const q = qpuCost(base, 20);
    expect(q.shots).toBe(10_000);
    expect(q.shotSeconds).toBeCloseTo(253_880e-9, 15);
    expect(q.execution).toBeCloseTo(2.5388, 10);
    expect(q.seconds).toBeCloseTo(17.5388, 10); // + 15 s latency, one job
    expect(q.usd).toBeCloseTo(2.5388 * 1.6, 10); // $1.60 per QPU-second
    expect(q.kWh).toBeCloseTo((25 * 17.5388) / 3600, 10); // 25 kW over execution and loading
    // λ = 200 RY × 1.4e-4 + 190 CZ × 1.27e-3 = 0.2693
    expect(q.faults).toBeCloseTo(0.2693, 10);
    expect(q.fidelity).toBeCloseTo(Math.exp(-0.2693), 10);
    expect(q.available).toBe(true);
    expect(qpuCost(base, 60).available).toBe(true); // 156 qubits
    expect(qpuCost({ ...base, device: 'ionq_aria' }, 26).available).toBe(false); // 25 qubits
  });

  it('circuits per answer: 1, 3, 2P, 2P · examples', () => {
    expect(circuitsPerAnswer({ ...base, answer: 'expectation' }, 20)).toBe(1);
    expect(circuitsPerAnswer({ ...base, answer: 'vqe' }, 20)).toBe(3);
    expect(circuitsPerAnswer({ ...base, answer: 'gradient' }, 20)).toBe(400);
    expect(circuitsPerAnswer({ ...base, answer: 'epoch' }, 20)).toBe(40_000);
    const g = qpuCost({ ...base, answer: 'gradient' }, 20);
    expect(g.jobs).toBe(2); // ⌈400 / 200⌉
    expect(g.seconds).toBeCloseTo(400 * 2.5388 + 2 * 15, 8);
  });

  it('per-shot plans: IonQ Forte on Braket, $0.08 a shot + $0.30 a task', () => {
    expect(qpuCost({ ...base, plan: 'braket-ionq-forte' }, 20).usd).toBeCloseTo(10_000 * 0.08 + 0.3, 10);
  });

  it('GPU simulation by hand: one H100 to 33 qubits, 8 to 36, none beyond', () => {
    // 8 bytes × 2²⁰ read and written once per gate at 3.35 TB/s; 391 passes (390 gates + the expectation)
    const g20 = gpuCost(base, 20);
    expect(g20.gpus).toBe(1);
    expect(g20.passSeconds).toBeCloseTo((2 * 8 * 2 ** 20) / 3.35e12, 18);
    expect(g20.passes).toBe(391);
    expect(g20.seconds).toBeCloseTo(1.9581766e-3, 9); // 391 × 5.0081242 µs
    expect(g20.usd).toBeCloseTo((g20.seconds * 12.29) / 3600, 14);
    expect(g20.kWh).toBeCloseTo((g20.seconds * 700) / 3.6e6, 14);
    expect(gpusFor(33)).toBe(1); // 68.7 GB ≤ 80 GB
    expect(gpusFor(34)).toBe(2);
    expect(gpusFor(36)).toBe(8); // 550 GB over 8 × 80 GB
    expect(gpusFor(37)).toBeNull();
    // n = 34 on 2 GPUs: each holds 68.72 GB; 1 of 34 qubits is global and its gates cross NVLink at 900 GB/s
    const share = (8 * 2 ** 34) / 2;
    expect(gpuCost(base, 34).passSeconds).toBeCloseTo((2 * share) / 3.35e12 + (1 / 34) * (share / 900e9), 12);
    expect(gpuCost(base, 37).available).toBe(false);
  });

  it('crossovers at the defaults: time from 33 qubits, dollars and energy from 37 (GPU out of memory)', () => {
    // QPU time is flat at 17.54 s; GPU at 32 qubits: 631 passes × 2·8·2³² / 3.35e12 = 12.9 s; at 33: 651 × 0.0410 = 26.7 s
    const rows = sweep(base, new Map());
    expect(rows.find((r) => r.n === 32)!.gpu.seconds).toBeCloseTo(631 * ((2 * 8 * 2 ** 32) / 3.35e12), 8);
    expect(crossover(rows, 'gpu', 'seconds')).toEqual({ n: 33, why: 'cheaper' });
    expect(crossover(rows, 'gpu', 'usd')).toEqual({ n: 37, why: 'only' });
    expect(crossover(rows, 'gpu', 'kWh')).toEqual({ n: 37, why: 'only' });
    expect(lastAvailable(rows, 'gpu')).toBe(36);
  });

  it('browser: measured sizes as timed, 2× per qubit beyond 20 up to 30, nothing else', () => {
    const t = new Map([
      [10, 2e-6],
      [20, 1e-3],
    ]);
    expect(browserCost(base, 10, t)).toMatchObject({ available: true, measured: true, seconds: (10 * 19 + 1) * 2e-6 });
    const b22 = browserCost(base, 22, t);
    expect(b22.measured).toBe(false);
    expect(b22.seconds).toBeCloseTo((10 * 43 + 1) * 4e-3, 12);
    expect(b22.kWh).toBeCloseTo((15 * b22.seconds) / 3.6e6, 15);
    expect(browserCost(base, 30, t).available).toBe(true);
    expect(browserCost(base, 31, t).available).toBe(false);
    expect(browserCost(base, 15, t).available).toBe(false); // not timed
    // with the browser at 1 ms a pass at 20 qubits: 391 ms there, so the QPU (17.5 s) leads from 26 (26: 64 × 631... )
    const rows = sweep(
      base,
      new Map(Array.from({ length: 19 }, (_, k) => [k + 2, 1e-3 * 2 ** (k + 2 - 20)] as [number, number])),
    );
    // n = 25: 32 ms × 511 = 16.4 s < 17.54? no — 0.032 × 511 = 16.35 s, still faster; n = 26: 0.064 × 531 = 34 s
    expect(crossover(rows, 'browser', 'seconds')).toEqual({ n: 26, why: 'cheaper' });
  });

  it('a timer counts passes against an injected clock', () => {
    let t = 0;
    const timer = startTimer(3);
    // Every pass 0.5 ms: each round stops after 3 passes (1.33 ms target).
    for (let r = 0; r < ROUNDS; r++) timeRound(timer, () => (t += 0.5));
    const r = timerResult(timer);
    expect(r.seconds).toBeCloseTo(0.5e-3, 12);
    expect(r.passes).toBe(9);
  });

  it('timing units record every size once its last round is done, however the units are split', () => {
    const total = TIMED_SIZES.length * UNITS_PER_SIZE;
    expect(total).toBe(19 * 4);
    const acc: TimingProgress = { seconds: new Map() };
    runTimingUnits(acc, 0, 5); // 2 qubits done, 3 qubits started
    expect([...acc.seconds.keys()]).toEqual([2]);
    expect(acc.timer?.sv.numQubits).toBe(3);
    runTimingUnits(acc, 5, 7); // two of 3 qubits' rounds: not recorded yet
    expect([...acc.seconds.keys()]).toEqual([2]);
    runTimingUnits(acc, 7, total);
    expect([...acc.seconds.keys()]).toEqual(TIMED_SIZES);
    expect([...acc.seconds.values()].every((s) => s > 0 && Number.isFinite(s))).toBe(true);
    expect(acc.timer).toBeUndefined();
    expect(() => runTimingUnits({ seconds: new Map() }, 1, 2)).toThrow(/has not started/);
  });

  it('fuzz: every setting renders without NaN or Infinity', () => {
    fc.assert(
      fc.property(
        fc.record({
          answer: fc.constantFrom(...ANSWERS),
          qubits: fc.integer({ min: 2, max: 60 }),
          layers: fc.integer({ min: 1, max: 1000 }),
          eps: fc.double({ min: 0.0001, max: 1, noNaN: true }),
          examples: fc.integer({ min: 1, max: 1e7 }),
          device: fc.constantFrom(...TIMED_DEVICE_IDS),
          plan: fc.constantFrom(...PLAN_IDS),
          latency: fc.double({ min: 0, max: 1e6, noNaN: true }),
          queue: fc.double({ min: 0, max: 1e7, noNaN: true }),
          perJob: fc.integer({ min: 1, max: 1e9 }),
          gpuPrice: fc.double({ min: 0, max: 1e4, noNaN: true }),
          qpuPower: fc.double({ min: 0, max: 1e5, noNaN: true }),
          laptopW: fc.double({ min: 0, max: 5000, noNaN: true }),
        }),
        fc.integer({ min: 0, max: 2 }),
        (params, step) => {
          const html = renderToStaticMarkup(
            createElement(View, {
              id: 'cost-of-an-answer',
              ...hostProps('cost-of-an-answer', step),
              progress: 0,
              params,
              setParams: () => {},
              paramIssues: [],
              mode: 'article',
              reducedMotion: true,
            }),
          );
          expect(html.replace(/<[^>]*>/g, ' ')).not.toMatch(/NaN|Infinity/);
          expect(html).not.toMatch(/="[^"]*NaN/);
        },
      ),
      { numRuns: 30, seed: 5 },
    );
  });

  it('the pre-rendered view carries QPU and GPU numbers and says the browser is being timed', () => {
    const html = renderToStaticMarkup(
      createElement(View, {
        id: 'cost-of-an-answer',
        ...hostProps('cost-of-an-answer', 0),
        progress: 0,
        params: base,
        setParams: () => {},
        paramIssues: [],
        mode: 'article',
        reducedMotion: true,
      }),
    );
    expect(html).toMatch(/QPU 17.5 seconds, \$4.06/);
    expect(html).toMatch(/your browser: being timed/);
  });
});
