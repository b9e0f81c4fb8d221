/** The claim checker: parsing bad input, the arithmetic by hand, the worked examples' verdicts. */
import { describe, expect, it } from 'vitest';
import { NUMBER_FIELDS, computeCheck, parseNumber, parseQuery, toQuery } from '../../src/check/model';
import { WORKED_EXAMPLES, exampleHref } from '../../src/check/examples';
import { scorecard, scorecardText } from '../../src/check/scorecard';

const field = (k: string) => NUMBER_FIELDS.find((f) => f.key === k)!;

describe('claim checker input', () => {
  it('refuses empty-looking, negative, NaN, absurd and unit-mixed values with a message', () => {
    expect(parseNumber('-3', field('qubits'))).toEqual({ error: '“-3” is below 1 qubits.' });
    expect(parseNumber('NaN', field('qubits'))).toMatchObject({ error: expect.stringMatching(/letters/) });
    expect(parseNumber('1e100', field('qubits'))).toMatchObject({
      error: expect.stringMatching(/beyond 1e\+7 qubits/),
    });
    expect(parseNumber('1e400', field('base'))).toMatchObject({ error: expect.stringMatching(/too large/) });
    expect(parseNumber('5 ms', field('qtime'))).toMatchObject({
      error: expect.stringMatching(/plain number in seconds/),
    });
    expect(parseNumber('2.5', field('qubits'))).toMatchObject({ error: expect.stringMatching(/whole number/) });
    expect(parseNumber('1,000,000', field('shots'))).toEqual({ value: 1e6 });
  });

  it('a query keeps defaults where values are refused, and round-trips', () => {
    const { inputs, issues } = parseQuery('qubits=-1&layers=20&device=nope&shots=1e6');
    expect(inputs.num.qubits).toBeUndefined();
    expect(inputs.device).toBe('ibm_boston');
    expect(issues.map((x) => x.key).sort()).toEqual(['device', 'qubits']);
    expect(parseQuery(toQuery(inputs)).inputs).toEqual(inputs);
  });
});

describe('claim checker arithmetic', () => {
  it('end-to-end, fidelity, dollars and energy by hand on ibm_boston', () => {
    // 10 qubits, depth 5, 1,000 shots, 1 circuit: shot = 5 × (32 + 68)/2 ns + 2,200 ns + 250 µs = 252,450 ns
    const { inputs } = parseQuery('qubits=10&layers=5&shots=1000&base=1');
    const r = computeCheck(inputs);
    expect(r.shotSeconds).toBeCloseTo(252_450e-9, 15);
    expect(r.execution).toBeCloseTo(0.25245, 12);
    expect(r.endToEnd).toBeCloseTo(15.25245, 10); // + one job of 15 s latency
    expect(r.twoQubitGates).toBe(25); // 5 per layer × 5
    expect(r.fidelity).toBeCloseTo(Math.exp(-(25 * 1.27e-3 + 50 * 1.4e-4)), 12);
    expect(r.usd).toBeCloseTo(0.25245 * 1.6, 12);
    expect(r.kWh).toBeCloseTo((25 * 15.25245) / 3600, 12);
    expect(r.ratio).toBeCloseTo(15.25245, 10);
    const items = scorecard(inputs, r);
    expect(items.map((x) => x.verdict)).toEqual([
      'must-state',
      'must-state',
      'computed',
      'computed',
      'computed',
      'fail',
    ]);
  });

  it('precision instead of shots: ⌈1/ε²⌉', () => {
    expect(computeCheck(parseQuery('eps=0.01').inputs).shots).toBe(10_000);
  });

  it('absurd but valid sizes stay finite (formulas, no simulation)', () => {
    const r = computeCheck(
      parseQuery(
        'qubits=10000000&layers=1000000000000&shots=1000000000000000&circuits=1000000000000000&data=1000000000000',
      ).inputs,
    );
    for (const v of [r.endToEnd, r.usd, r.kWh]) expect(Number.isFinite(v)).toBe(true);
    expect(
      scorecardText(
        parseQuery('').inputs,
        scorecard(parseQuery('').inputs, computeCheck(parseQuery('').inputs)),
        '/check',
      ),
    ).not.toMatch(/NaN|Infinity/);
  });
});

describe('worked examples', () => {
  const verdicts = Object.fromEntries(
    WORKED_EXAMPLES.map((e) => [e.id, scorecard(e.inputs, computeCheck(e.inputs)).map((x) => x.verdict)]),
  );

  it('each is a plain /check link that parses back to its inputs', () => {
    for (const e of WORKED_EXAMPLES) {
      const href = exampleHref(e);
      expect(href.startsWith('/check?')).toBe(true);
      const back = parseQuery(href.slice('/check'.length));
      expect(back.issues).toEqual([]);
      expect(back.inputs).toEqual(e.inputs);
    }
  });

  it('Sycamore: 10⁶ samples × (20 × 18.5 ns + 200 µs) = 200.37 s, below both the Summit estimate and 15 h on 512 GPUs', () => {
    const syc = WORKED_EXAMPLES.find((e) => e.id === 'sycamore-summit')!;
    const r = computeCheck(syc.inputs);
    expect(r.endToEnd).toBeCloseTo(1e6 * (20 * 18.5e-9 + 200e-6), 6);
    // λ = 430 × 0.0062 × 4/5 + 53 × 20 × 0.0016 × 2/3 = 2.1328 + 1.13067
    expect(r.fidelity).toBeCloseTo(Math.exp(-(2.1328 + 1.1306667)), 8);
    expect(verdicts['sycamore-summit']).toEqual(['fail', 'must-state', 'computed', 'computed', 'computed', 'pass']);
    expect(verdicts['sycamore-pan']).toEqual(['fail', 'must-state', 'computed', 'computed', 'computed', 'pass']);
    expect(computeCheck(WORKED_EXAMPLES.find((e) => e.id === 'sycamore-pan')!.inputs).ratio).toBeCloseTo(
      200.37 / 54_000,
      6,
    );
  });

  it('Willow, IBM utility, the kernel classifier: mostly what the claim must state', () => {
    expect(verdicts['willow-rcs']).toEqual(['fail', 'must-state', 'must-state', 'must-state', 'must-state', 'pass']);
    expect(verdicts['ibm-utility']).toEqual([
      'must-state',
      'must-state',
      'must-state',
      'must-state',
      'must-state',
      'must-state',
    ]);
    expect(verdicts['havlicek-kernel']).toEqual([
      'fail',
      'must-state',
      'must-state',
      'must-state',
      'must-state',
      'must-state',
    ]);
  });
});
