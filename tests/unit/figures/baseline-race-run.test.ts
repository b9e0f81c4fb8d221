/**
 * The baseline race's run state machine (src/figures/baseline-race/run.ts), transition by transition,
 * with hand-written expected states. Segment data is a stand-in: only its checkpoint epoch and
 * `complete` flag matter to the machine.
 */
import { describe, expect, it } from 'vitest';
import type { RaceData, RaceOverrides } from '../../../src/experiments/baseline-race/race';
import {
  epochOf,
  initialRaceRun,
  isComplete,
  raceRunReducer,
  runFor,
  segmentRequest,
  type RaceRun,
} from '../../../src/figures/baseline-race/run';

const segment = (epoch: number, complete = false) => ({ checkpoint: { epoch }, complete }) as unknown as RaceData;
const MOONS = '{"dataset":"moons"}';
const CIRCLES = '{"dataset":"circles"}';

describe('baseline-race run: transitions', () => {
  it('starts at epoch 0, not paused, attempt 0', () => {
    expect(initialRaceRun(MOONS)).toEqual({ key: MOONS, attempt: 0, data: null, paused: false });
    expect(epochOf(initialRaceRun(MOONS))).toBe(0);
    expect(isComplete(initialRaceRun(MOONS))).toBe(false);
  });

  it('a finished segment moves the run forward; an older or equal one changes nothing', () => {
    const s4 = segment(4);
    const at4 = raceRunReducer(initialRaceRun(MOONS), { type: 'segment', key: MOONS, attempt: 0, data: s4 });
    expect(at4).toEqual({ key: MOONS, attempt: 0, data: s4, paused: false });
    expect(epochOf(at4)).toBe(4);
    const s8 = segment(8);
    expect(raceRunReducer(at4, { type: 'segment', key: MOONS, attempt: 0, data: s8 }).data).toBe(s8);
    expect(raceRunReducer(at4, { type: 'segment', key: MOONS, attempt: 0, data: segment(4) })).toBe(at4);
    expect(raceRunReducer(at4, { type: 'segment', key: MOONS, attempt: 0, data: segment(2) })).toBe(at4);
  });

  it('the last segment completes the run', () => {
    const at36: RaceRun = { key: MOONS, attempt: 0, data: segment(36), paused: false };
    const done = raceRunReducer(at36, { type: 'segment', key: MOONS, attempt: 0, data: segment(40, true) });
    expect(epochOf(done)).toBe(40);
    expect(isComplete(done)).toBe(true);
  });

  it('pause holds the data; a second toggle resumes', () => {
    const at12: RaceRun = { key: MOONS, attempt: 0, data: segment(12), paused: false };
    const paused = raceRunReducer(at12, { type: 'togglePause', key: MOONS });
    expect(paused).toEqual({ key: MOONS, attempt: 0, data: at12.data, paused: true });
    expect(raceRunReducer(paused, { type: 'togglePause', key: MOONS })).toEqual(at12);
  });

  it('reset drops the data and the pause and bumps the attempt', () => {
    const paused: RaceRun = { key: MOONS, attempt: 2, data: segment(12), paused: true };
    expect(raceRunReducer(paused, { type: 'reset', key: MOONS })).toEqual({
      key: MOONS,
      attempt: 3,
      data: null,
      paused: false,
    });
  });

  it('a segment of an earlier attempt (before a reset) is ignored', () => {
    const afterReset: RaceRun = { key: MOONS, attempt: 1, data: null, paused: false };
    expect(raceRunReducer(afterReset, { type: 'segment', key: MOONS, attempt: 0, data: segment(16) })).toBe(afterReset);
  });

  it('other inputs see a fresh run with the same attempt count, without the stored run being touched', () => {
    const stored: RaceRun = { key: MOONS, attempt: 1, data: segment(20), paused: true };
    expect(runFor(stored, CIRCLES)).toEqual({ key: CIRCLES, attempt: 1, data: null, paused: false });
    expect(runFor(stored, MOONS)).toBe(stored);
    expect(stored).toEqual({ key: MOONS, attempt: 1, data: segment(20), paused: true });
  });

  it('an action under new inputs applies to the fresh run; a late segment of the old inputs is dropped', () => {
    const stored: RaceRun = { key: MOONS, attempt: 0, data: segment(20), paused: true };
    const s4 = segment(4);
    expect(raceRunReducer(stored, { type: 'segment', key: CIRCLES, attempt: 0, data: s4 })).toEqual({
      key: CIRCLES,
      attempt: 0,
      data: s4,
      paused: false,
    });
    expect(raceRunReducer(stored, { type: 'togglePause', key: CIRCLES })).toEqual({
      key: CIRCLES,
      attempt: 0,
      data: null,
      paused: true,
    });
    const circles: RaceRun = { key: CIRCLES, attempt: 0, data: null, paused: false };
    // Dispatched under the moons key after the switch: the run seen is the moons one again, from scratch.
    expect(raceRunReducer(circles, { type: 'segment', key: MOONS, attempt: 0, data: segment(24) }).key).toBe(MOONS);
  });
});

describe('baseline-race run: the next segment request', () => {
  const overrides = { dataset: 'moons', epochs: 40 } as RaceOverrides;

  it('animated: four epochs past the checkpoint, resuming from it, tagged with the attempt', () => {
    const run: RaceRun = { key: MOONS, attempt: 2, data: segment(12), paused: false };
    expect(segmentRequest(run, overrides, 4)).toEqual({
      dataset: 'moons',
      epochs: 40,
      untilEpoch: 16,
      resumeFrom: { epoch: 12 },
      attempt: 2,
    });
  });

  it('from scratch, and the whole run at once when the segment is all 40 epochs', () => {
    expect(segmentRequest(initialRaceRun(MOONS), overrides, 4)).toMatchObject({ untilEpoch: 4, resumeFrom: null });
    expect(segmentRequest(initialRaceRun(MOONS), overrides, 40)).toMatchObject({ untilEpoch: 40, resumeFrom: null });
    const at36: RaceRun = { key: MOONS, attempt: 0, data: segment(38), paused: false };
    expect(segmentRequest(at36, overrides, 4).untilEpoch).toBe(40);
    expect(segmentRequest(at36, overrides, 10).untilEpoch).toBe(40);
  });
});
