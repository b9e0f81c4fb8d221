import { describe, expect, it } from 'vitest';
import { countTick } from '../../../src/charts/format';

describe('countTick', () => {
  it('writes counts below 10⁴ in full and decades from 10⁴ on as powers of ten', () => {
    expect(countTick(1)).toBe('1');
    expect(countTick(9999)).toBe('9,999');
    expect(countTick(1e4)).toBe('10⁴');
    expect(countTick(2e7)).toBe('10⁷');
    expect(countTick(1e12)).toBe('10¹²');
  });
});
