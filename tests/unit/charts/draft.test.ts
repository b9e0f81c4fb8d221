import { describe, expect, it } from 'vitest';
import { settleDraft, type DraftState } from '../../../src/charts/useDraft';

const log10 = Math.log10;

describe('settleDraft', () => {
  it('keeps the same state object while the committed value is the one the draft started from', () => {
    const s: DraftState<number, number> = { of: 0.001, draft: -2.5 };
    expect(settleDraft(s, 0.001, log10, false)).toBe(s);
  });

  it('starts over from a new committed value, converted', () => {
    const s: DraftState<number, number> = { of: 0.001, draft: -2.5 };
    expect(settleDraft(s, 0.01, log10, false)).toEqual({ of: 0.01, draft: -2 });
  });

  it('does not start over while held, and does once released', () => {
    // A slider at θ = 1.1 was moved to 1.05 (committed) and then on to 1.03 (pending): the render that
    // brings 1.05 must keep 1.03 on screen.
    const s: DraftState<number, number> = { of: 1.1, draft: 1.03 };
    expect(settleDraft(s, 1.05, (c) => c, true)).toBe(s);
    expect(settleDraft(s, 1.03, (c) => c, false)).toEqual({ of: 1.03, draft: 1.03 });
  });

  it('NaN committed twice is the same value (Object.is), so it does not loop', () => {
    const s: DraftState<number, string> = { of: NaN, draft: 'x' };
    expect(settleDraft(s, NaN, String, false)).toBe(s);
  });
});
