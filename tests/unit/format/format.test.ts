import { describe, expect, it } from 'vitest';
import {
  MISSING,
  fmtCompact,
  fmtCount,
  fmtDuration,
  fmtBill,
  fmtEnergy,
  fmtFixed,
  fmtInt,
  fmtMagnitude,
  fmtMilliseconds,
  fmtNumber,
  fmtPercent,
  fmtRatio,
  fmtSci,
  fmtSig,
  fmtUsd,
  pow10,
  timeTickLabel,
  timeTicks,
} from '../../../src/format';

describe('durations: the largest unit the value fills, words with plural rules from a second up', () => {
  it('one of a unit is singular, anything else plural', () => {
    expect(fmtDuration(1)).toBe('1 second');
    expect(fmtDuration(2)).toBe('2 seconds');
    expect(fmtDuration(60)).toBe('1 minute');
    expect(fmtDuration(90)).toBe('1.5 minutes');
    expect(fmtDuration(3600)).toBe('1 hour');
    expect(fmtDuration(7200)).toBe('2 hours');
    expect(fmtDuration(86400)).toBe('1 day');
    expect(fmtDuration(3 * 86400)).toBe('3 days');
    expect(fmtDuration(365.25 * 86400)).toBe('1 year');
  });

  it('3 significant digits, rounded before the unit is chosen', () => {
    expect(fmtDuration(400 * 86400)).toBe('1.1 years');
    expect(fmtDuration(2220)).toBe('37 minutes');
    expect(fmtDuration(12.34)).toBe('12.3 seconds');
    expect(fmtDuration(3599.9)).toBe('1 hour');
    expect(fmtDuration(59.99)).toBe('1 minute');
    expect(fmtDuration(5 * 3600 + 12 * 60)).toBe('5.2 hours');
    expect(fmtDuration(1234 * 365.25 * 86400)).toBe('1,230 years');
  });

  it('below a second, SI symbols', () => {
    expect(fmtDuration(0.025)).toBe('25 ms');
    expect(fmtDuration(0.5)).toBe('500 ms');
    expect(fmtDuration(1.2e-5)).toBe('12 µs');
    expect(fmtDuration(3e-9)).toBe('3 ns');
    expect(fmtDuration(4e-11)).toBe('40 ps');
    expect(fmtDuration(2e-14)).toBe('0.02 ps');
    expect(fmtMilliseconds(25)).toBe('25 ms');
    expect(fmtMilliseconds(1500)).toBe('1.5 seconds');
  });

  it('from ten thousand years, scientific notation', () => {
    expect(fmtDuration(2.4e6 * 365.25 * 86400)).toBe('2.4 × 10⁶ years');
    expect(fmtDuration(9999 * 365.25 * 86400)).toBe('1 × 10⁴ years');
  });

  it('zero is zero seconds; negative and non-finite values are refused as MISSING', () => {
    expect(fmtDuration(0)).toBe('0 seconds');
    for (const bad of [NaN, -1, Infinity, -Infinity]) expect(fmtDuration(bad)).toBe(MISSING);
    expect(MISSING).toBe('–');
  });

  it('time ticks are round values with the same words', () => {
    expect(timeTicks(1, 365.25 * 86400, 10).map((t) => t.label)).toEqual([
      '1 second',
      '1 minute',
      '1 hour',
      '1 day',
      '1 year',
    ]);
    expect(timeTicks(1e-12, 1, 3).map((t) => t.label)).toEqual(['1 ps', '1 µs', '1 second']);
    expect(timeTickLabel(365.25 * 86400 * 1e6)).toBe('10⁶ years');
    expect(timeTickLabel(7200)).toBe('2 hours');
  });
});

describe('counts and plain numbers', () => {
  it('integers with thousands separators', () => {
    expect(fmtInt(88800)).toBe('88,800');
    expect(fmtInt(8880000)).toBe('8,880,000');
    expect(fmtInt(2.6)).toBe('3');
    expect(fmtInt(0)).toBe('0');
    expect(fmtInt(NaN)).toBe(MISSING);
  });

  it('large counts: exact below a million, then words, then scientific', () => {
    expect(fmtCount(999_999)).toBe('999,999');
    expect(fmtCount(1_280_000)).toBe('1.28 million');
    expect(fmtCount(7.6e9)).toBe('7.6 billion');
    expect(fmtCount(3.21e12)).toBe('3.21 trillion');
    expect(fmtCount(1.23e18)).toBe('1.23 × 10¹⁸');
  });

  it('compact SI labels with B for billions', () => {
    expect(fmtCompact(8_880_000)).toBe('8.88M');
    expect(fmtCompact(12_345)).toBe('12.3k');
    expect(fmtCompact(999_999)).toBe('1M');
    expect(fmtCompact(2.5e9)).toBe('2.5B');
    expect(fmtCompact(9_999)).toBe('9,999');
  });

  it('significant digits, fixed decimals, magnitude words', () => {
    expect(fmtSig(1234)).toBe('1,230');
    expect(fmtSig(0.000123)).toBe('0.000123');
    expect(fmtSig(2.0)).toBe('2');
    expect(fmtSig(0.04567, 2)).toBe('0.046');
    expect(fmtSig(2.1, 3, true)).toBe('2.10');
    expect(fmtSci(1e-4, 2, true)).toBe('1.0 × 10⁻⁴');
    expect(fmtMagnitude(999_999, 2, true)).toBe('1.0 million');
    expect(fmtFixed(2.1, 2)).toBe('2.10');
    expect(fmtFixed(1457.25, 1)).toBe('1,457.3');
    expect(fmtMagnitude(145_700, 2)).toBe('150,000');
    expect(fmtMagnitude(1_281_167, 3)).toBe('1.28 million');
    expect(fmtMagnitude(999_999, 3)).toBe('1 million');
  });

  it('scientific notation with superscript exponents', () => {
    expect(pow10(-8)).toBe('10⁻⁸');
    expect(fmtSci(1.234e18)).toBe('1.23 × 10¹⁸');
    expect(fmtSci(7.9e-4, 2)).toBe('7.9 × 10⁻⁴');
    expect(fmtSci(5)).toBe('5');
    expect(fmtSci(0)).toBe('0');
    expect(fmtSci(5e-324)).toBe('4.94 × 10⁻³²⁴');
    expect(fmtNumber(0.5)).toBe('0.5');
    expect(fmtNumber(2e6)).toBe('2 × 10⁶');
    expect(fmtNumber(2e-4)).toBe('2 × 10⁻⁴');
  });

  it('percentages and ratios', () => {
    expect(fmtPercent(0.8333)).toBe('83.3%');
    expect(fmtPercent(1, 0)).toBe('100%');
    expect(fmtPercent(NaN)).toBe(MISSING);
    expect(fmtRatio(1234.5)).toBe('×1,230');
    expect(fmtRatio(1.2e9)).toBe('×1.2 × 10⁹');
    expect(fmtRatio(0)).toBe(MISSING);
  });
});

describe('money and energy', () => {
  it('dollars', () => {
    expect(fmtUsd(0)).toBe('$0');
    expect(fmtUsd(0.0042)).toBe('$0.0042');
    expect(fmtUsd(0.00001)).toBe('$1 × 10⁻⁵');
    expect(fmtUsd(12.345)).toBe('$12.3');
    expect(fmtUsd(1234)).toBe('$1,230');
    expect(fmtUsd(7.6e6)).toBe('$7.6 million');
    expect(fmtUsd(-1)).toBe(MISSING);
  });

  it('energy from kWh in the readable unit', () => {
    expect(fmtEnergy(0)).toBe('0 kWh');
    expect(fmtEnergy(0.35)).toBe('350 Wh');
    expect(fmtEnergy(1.2e-10)).toBe('1.2 × 10⁻⁷ Wh');
    expect(fmtEnergy(12.34)).toBe('12.3 kWh');
    expect(fmtEnergy(4500)).toBe('4.5 MWh');
    expect(fmtEnergy(1.2e6)).toBe('1.2 GWh');
    expect(fmtEnergy(3.4e10)).toBe('3.4 × 10⁴ GWh');
    expect(fmtEnergy(NaN)).toBe(MISSING);
  });

  it('a bill: time, dollars and energy in one phrase', () => {
    expect(fmtBill({ seconds: 7200, usd: 12.345, kWh: 0.35 })).toBe('2 hours, $12.3, 350 Wh');
    expect(fmtBill({ seconds: 3600, usd: 0, kWh: 0 }, ' / ')).toBe('1 hour / $0 / 0 kWh');
    expect(fmtBill({ seconds: NaN, usd: 1234, kWh: 4500 }, ' · ')).toBe(`${MISSING} · $1,230 · 4.5 MWh`);
  });
});
