import { describe, expect, it } from 'vitest';
import {
  calibrationDrift,
  DRIFT,
  driftedProfile,
  runDay,
  spreadStats,
  trainModel,
} from '../../../src/experiments/calibration-drift';
import { familyCircuit } from '../../../src/experiments/noise-vs-depth/circuits';
import { runDefinition, runRaw } from '../../../src/experiments/run';
import {
  CD_DEFAULTS,
  LAST_STEP,
  experimentParams,
  highlightedDay,
  stepReady,
  visibleDays,
} from '../../../src/figures/calibration-drift/model';
import { cdDownload, cdSummary, cdTable } from '../../../src/figures/calibration-drift/text';
import { simulateDensity } from '../../../src/sim/density';
import { deviceNoiseModel, getDevice } from '../../../src/sim/noise';

const params = experimentParams(CD_DEFAULTS);
const result = runDefinition(calibrationDrift, params);
const data = result.data;

describe('calibration-drift: the drift model', () => {
  it('day 0 and zero drift are the profile medians', () => {
    const dev = getDevice('ibm_kingston');
    expect(driftedProfile(dev, 0, 1, 1)).toBe(dev);
    expect(driftedProfile(dev, 3, 1, 0)).toBe(dev);
  });

  it('log-factors are centred on the medians with the stated spread', () => {
    const dev = getDevice('ibm_kingston');
    const logs: number[] = [];
    for (let k = 1; k <= 3000; k++) logs.push(Math.log(driftedProfile(dev, k, 7, 1).t1_us! / dev.t1_us!));
    const mean = logs.reduce((a, b) => a + b, 0) / logs.length;
    const sd = Math.sqrt(logs.reduce((a, v) => a + (v - mean) ** 2, 0) / (logs.length - 1));
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(sd).toBeGreaterThan(DRIFT.relativeSpread.t1 * 0.93);
    expect(sd).toBeLessThan(DRIFT.relativeSpread.t1 * 1.07);
  });

  it('unpublished figures stay unpublished; readout stays a probability', () => {
    const helios = driftedProfile(getDevice('quantinuum_helios'), 2, 1, 4);
    expect(helios.t1_us).toBeNull();
    expect(helios.readoutError!.p01).toBeLessThanOrEqual(0.5);
  });
});

describe('calibration-drift: the experiment', () => {
  it('the median-calibration reference equals a from-scratch density-matrix run', () => {
    const rho = simulateDensity(familyCircuit('ghz', 4, 10, params.seed), deviceNoiseModel(getDevice('ibm_kingston')));
    const ref = data.reference!;
    expect(ref.index).toBe(0);
    // the measured value includes noisy basis change and readout, so it is below the pre-measurement ⟨XXXX⟩
    expect(ref.exact).toBeLessThan(rho.expectation('XXXX'));
    expect(ref.exact).toBeGreaterThan(rho.expectation('XXXX') * 0.9);
    expect(runDay(params, 0)).toEqual(ref);
  });

  it('five days, each with a shot estimate within 5 standard errors of its exact value', () => {
    expect(data.days.map((d) => d.label)).toEqual(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']);
    for (const d of data.days) {
      expect(Math.abs(d.estimate - d.exact)).toBeLessThan(5 * d.stderr);
      expect(d.stderr).toBeCloseTo(Math.sqrt((1 - d.estimate ** 2) / params.shots), 12);
      expect(Math.abs(d.loss - d.lossExact)).toBeLessThan(5 * d.lossStderr + 1e-3);
    }
  });

  it('drift, not shot noise, dominates the circuit’s day-to-day spread (the prose’s claim)', () => {
    expect(data.expectation!.ratio).toBeGreaterThan(2);
    expect(data.expectation!.disjointPairs).toBeGreaterThan(data.expectation!.pairs / 2);
  });

  it('no drift: the days differ by shot noise only', () => {
    const flat = runDefinition(calibrationDrift, { ...params, drift: 0 }).data;
    for (const d of flat.days) expect(d.exact).toBeCloseTo(flat.reference!.exact, 12);
    expect(flat.expectation!.ratio).toBeLessThan(2.5);
  });

  it('the model is trained: its noiseless test loss is well below ln 2', () => {
    expect(trainModel(params.seed).idealLoss).toBeLessThan(0.5);
    expect(data.idealLoss).toBe(trainModel(params.seed).idealLoss);
  });

  it('splits across workers and merges exactly', () => {
    const p = calibrationDrift.normalize({ ...params, days: 3, shots: 500, evalShots: 200 });
    const whole = runRaw(calibrationDrift, p, undefined);
    const merged = calibrationDrift.merge(p, [
      runRaw(calibrationDrift, p, [2, 4]),
      runRaw(calibrationDrift, p, [0, 2]),
    ]);
    expect(merged).toEqual(whole);
  });

  it('spread statistics', () => {
    const s = spreadStats([1, 2, 3], [0.1, 0.1, 0.1])!;
    expect(s.mean).toBe(2);
    expect(s.sd).toBeCloseTo(1, 12);
    expect(s.ratio).toBeCloseTo(10, 12);
    expect(s.disjointPairs).toBe(3);
    expect(spreadStats([1], [0.1])).toBeNull();
    expect(spreadStats([1, 1.1], [0.1, 0.1])!.disjointPairs).toBe(0);
  });

  it('validates its parameters', () => {
    expect(() => calibrationDrift.normalize({ device: 'nope' })).toThrow(/unknown device/);
    expect(() => calibrationDrift.normalize({ qubits: 9 })).toThrow(/qubits/);
    expect(() => calibrationDrift.normalize({ drift: -1 })).toThrow(/drift/);
  });
});

describe('calibration-drift: steps and text', () => {
  it('step 0 shows Monday only, then the week, then the best day highlighted', () => {
    expect(visibleDays(0, data).map((d) => d.index)).toEqual([1]);
    expect(visibleDays(1, data)).toHaveLength(5);
    expect(highlightedDay(1, data)).toBeNull();
    const best = highlightedDay(LAST_STEP, data)!;
    expect(best).toBe(data.days.reduce((a, b) => (b.loss < a.loss ? b : a)).index);
    expect(stepReady(0, { ...data, days: data.days.slice(0, 1) }, false)).toBe(true);
    expect(stepReady(1, { ...data, days: data.days.slice(0, 1) }, false)).toBe(false);
  });

  it('the text alternative states the spread from the data', () => {
    const dev = getDevice('ibm_kingston');
    const s0 = cdSummary(0, CD_DEFAULTS, dev, data);
    expect(s0).toContain("On Monday's simulated calibration");
    expect(s0).not.toContain('Tuesday');
    const s1 = cdSummary(1, CD_DEFAULTS, dev, data);
    expect(s1).toContain(`${data.expectation!.disjointPairs} of 10 pairs of days`);
    expect(s1).toContain(data.expectation!.sd.toFixed(3));
    const s2 = cdSummary(2, CD_DEFAULTS, dev, data);
    const best = data.days.find((d) => d.index === data.bestDay)!;
    expect(s2).toContain(`only its best day, ${best.label}`);
    expect(cdTable(visibleDays(1, data)).rows).toHaveLength(5);
    expect(cdDownload(data).rows).toHaveLength(6);
  });
});
