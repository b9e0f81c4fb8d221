/** The baseline race's command line: its flags (the VQC's gathered under `vqc`) and its CSV columns. */
import { describe, expect, it } from 'vitest';
import { baselineRace, baselineRaceSweep } from '../../../src/experiments/baseline-race';

describe('baseline race command line', () => {
  it('reads the VQC flags into vqc and the others at the top, refusing out-of-range values', () => {
    expect(baselineRace.cli.parseArgs(['--seed', '3', '--layers', '2', '--encoding', 'zz', '--until', '5'])).toEqual({
      seed: 3,
      untilEpoch: 5,
      vqc: { encoding: 'zz', layers: 2 },
    });
    expect(baselineRace.cli.parseArgs(['--epochs', '9'])).toEqual({ epochs: 9 });
    expect(() => baselineRace.cli.parseArgs(['--shots', '-1'])).toThrow('--shots: -1 is below the minimum 0');
    expect(baselineRaceSweep.cli.parseArgs(['--encodings', 'zz, angle', '--depths', '1:3'])).toEqual({
      encodings: ['zz', 'angle'],
      depths: [1, 2, 3],
    });
  });

  it('prints the documented columns, the cost fields and the time last', () => {
    expect(baselineRace.cli.columns).toEqual([
      'epoch',
      'model',
      'loss',
      'trainAccuracy',
      'testAccuracy',
      'trainCircuits',
      'evalCircuits',
      'shots',
      'trainFlops',
      'evalFlops',
      'ms',
    ]);
    expect(baselineRaceSweep.cli.columns.slice(-6)).toEqual([
      'trainCircuits',
      'evalCircuits',
      'shots',
      'trainFlops',
      'evalFlops',
      'ms',
    ]);
  });
});
