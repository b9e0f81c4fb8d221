import { describe, expect, it } from 'vitest';
import { mapInTurns } from '../../../scripts/audit/turns';

const later = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('mapInTurns', () => {
  it('keeps the order of the items while calls finish out of order, with never more than the limit in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const delays = [40, 5, 25, 5, 5];
    const out = await mapInTurns(delays, 2, async (ms, i) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await later(ms);
      inFlight -= 1;
      return `${i}:${ms}`;
    });
    expect(out).toEqual(['0:40', '1:5', '2:25', '3:5', '4:5']);
    expect(most).toBe(2);
  });

  it('returns an empty list for no items and refuses a limit below one', async () => {
    await expect(mapInTurns([], 3, async () => 1)).resolves.toEqual([]);
    await expect(mapInTurns([1], 0, async () => 1)).rejects.toThrow(RangeError);
  });

  it('rejects when a call rejects', async () => {
    await expect(
      mapInTurns([1, 2, 3], 2, async (n) => {
        if (n === 2) throw new Error('two');
        return n;
      }),
    ).rejects.toThrow('two');
  });
});
