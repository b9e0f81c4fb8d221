import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  activeStep,
  nextLayoutSize,
  samePosition,
  stepProgress,
  triggerOffset,
  WIDE_LAYOUT_MIN_WIDTH,
  type StepBounds,
} from '../../../src/story/steps';

/** Steps laid out top to bottom with a gap between them. */
function layoutSteps(heights: number[], start = 1000, gap = 200): StepBounds[] {
  let y = start;
  return heights.map((h) => {
    const b = { top: y, bottom: y + h };
    y += h + gap;
    return b;
  });
}

describe('stepProgress', () => {
  it('is exactly 0 at the top edge and exactly 1 at the bottom edge', () => {
    const b = { top: 300, bottom: 700 };
    expect(stepProgress(b, 300)).toBe(0);
    expect(stepProgress(b, 700)).toBe(1);
    expect(stepProgress(b, 500)).toBe(0.5);
  });

  it('clamps outside the step', () => {
    const b = { top: 300, bottom: 700 };
    expect(stepProgress(b, -1e9)).toBe(0);
    expect(stepProgress(b, 299.999)).toBe(0);
    expect(stepProgress(b, 700.001)).toBe(1);
    expect(stepProgress(b, 1e9)).toBe(1);
  });

  it('reaches exact 0 and 1 for steps taller than 1000 px', () => {
    for (const h of [1001, 1500, 4321.5, 20_000]) {
      const b = { top: 12_345, bottom: 12_345 + h };
      expect(stepProgress(b, b.top)).toBe(0);
      expect(stepProgress(b, b.bottom)).toBe(1);
      expect(stepProgress(b, b.top + h / 4)).toBeCloseTo(0.25, 12);
    }
  });

  it('handles a zero-height step without dividing by zero', () => {
    expect(stepProgress({ top: 10, bottom: 10 }, 9)).toBe(0);
    expect(stepProgress({ top: 10, bottom: 10 }, 10)).toBe(1);
    expect(stepProgress({ top: 10, bottom: 10 }, 11)).toBe(1);
  });

  it('is monotone and within [0, 1] (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -5000, max: 5000 }),
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: -20_000, max: 20_000 }),
        fc.integer({ min: 0, max: 100 }),
        (top, h, y, dy) => {
          const b = { top, bottom: top + h };
          const p = stepProgress(b, y);
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(1);
          expect(stepProgress(b, y + dy)).toBeGreaterThanOrEqual(p);
        },
      ),
    );
  });
});

describe('activeStep', () => {
  const bounds = layoutSteps([400, 1500, 300, 800]);

  it('before the first step: step 0, progress 0', () => {
    expect(activeStep(bounds, 0)).toEqual({ index: 0, progress: 0 });
    expect(activeStep(bounds, bounds[0].top - 50)).toEqual({ index: 0, progress: 0 });
  });

  it('after the last step: last step, progress 1', () => {
    expect(activeStep(bounds, bounds[3].bottom)).toEqual({ index: 3, progress: 1 });
    expect(activeStep(bounds, 1e7)).toEqual({ index: 3, progress: 1 });
  });

  it('each step is active from its top edge (progress 0) to its bottom edge (progress 1)', () => {
    bounds.forEach((b, i) => {
      expect(activeStep(bounds, b.top)).toEqual({ index: i, progress: 0 });
      expect(activeStep(bounds, b.bottom)).toEqual({ index: i, progress: 1 });
    });
  });

  it('in the gap between steps, the previous step stays active at progress 1', () => {
    const y = (bounds[1].bottom + bounds[2].top) / 2;
    expect(activeStep(bounds, y)).toEqual({ index: 1, progress: 1 });
  });

  it('a tall step (1500 px) runs its progress linearly', () => {
    const b = bounds[1];
    expect(activeStep(bounds, b.top + 750)).toEqual({ index: 1, progress: 0.5 });
  });

  it('absorbs sub-pixel rounding just above a top edge (hash jumps) with progress 0', () => {
    expect(activeStep(bounds, bounds[2].top - 0.6)).toEqual({ index: 2, progress: 0 });
    expect(activeStep(bounds, bounds[2].top - 0.6, 0).index).toBe(1);
  });

  it('with contiguous steps the lower step wins at the shared edge', () => {
    const contiguous = layoutSteps([100, 100, 100], 0, 0);
    expect(activeStep(contiguous, 100)).toEqual({ index: 1, progress: 0 });
  });

  it('with no steps still names one step', () => {
    expect(activeStep([], 123)).toEqual({ index: 0, progress: 0 });
  });

  it('always gives exactly one valid step, and the step never decreases as y grows (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 400 }),
        fc.array(fc.integer({ min: -1000, max: 60_000 }), { minLength: 2, maxLength: 20 }),
        (heights, gap, ys) => {
          const bs = layoutSteps(heights, 500, gap);
          const sorted = [...ys].sort((a, b) => a - b);
          let prev = -1;
          for (const y of sorted) {
            const pos = activeStep(bs, y);
            expect(Number.isInteger(pos.index)).toBe(true);
            expect(pos.index).toBeGreaterThanOrEqual(0);
            expect(pos.index).toBeLessThan(bs.length);
            expect(pos.progress).toBeGreaterThanOrEqual(0);
            expect(pos.progress).toBeLessThanOrEqual(1);
            expect(pos.index).toBeGreaterThanOrEqual(prev);
            prev = pos.index;
          }
        },
      ),
    );
  });
});

describe('layout size and trigger line', () => {
  it('ignores height-only changes (mobile address bar) and adopts width changes', () => {
    const first = nextLayoutSize(null, { width: 375, height: 667 });
    expect(first).toEqual({ width: 375, height: 667 });
    const barHidden = nextLayoutSize(first, { width: 375, height: 747 });
    expect(barHidden).toBe(first);
    expect(triggerOffset(barHidden)).toBe(triggerOffset(first));
    const rotated = nextLayoutSize(barHidden, { width: 667, height: 375 });
    expect(rotated).toEqual({ width: 667, height: 375 });
  });

  it('puts the line mid-viewport on wide screens and lower on narrow ones, in whole px, capped', () => {
    expect(triggerOffset({ width: 1280, height: 800 })).toBe(400);
    expect(triggerOffset({ width: 375, height: 667 })).toBe(Math.round(0.65 * 667));
    expect(triggerOffset({ width: WIDE_LAYOUT_MIN_WIDTH, height: 3000 })).toBe(560);
    expect(triggerOffset({ width: 1280, height: 801 })).toBe(401);
    expect(Number.isInteger(triggerOffset({ width: 500, height: 333 }))).toBe(true);
    expect(triggerOffset({ width: 1280, height: 800 }, { wideFraction: 0.3 })).toBe(240);
  });

  it('samePosition compares index and progress', () => {
    expect(samePosition({ index: 1, progress: 0.5 }, { index: 1, progress: 0.5 })).toBe(true);
    expect(samePosition({ index: 1, progress: 0.5 }, { index: 2, progress: 0.5 })).toBe(false);
    expect(samePosition({ index: 1, progress: 0.5 }, { index: 1, progress: 0.51 })).toBe(false);
  });
});
