import { describe, expect, it, vi } from 'vitest';
import { loadedExperiment } from '../../../src/experiments/definitions';
import { barrenPlateau } from '../../../src/experiments/barren-plateau';
import { runRaw } from '../../../src/experiments/run';
import { createWorkerHandler } from '../../../src/workers/handler';
import type { FromWorker } from '../../../src/workers/protocol';

type Done = Extract<FromWorker, { type: 'done' }>;

describe('worker handler', () => {
  it('computes a chunk and answers with its raw samples and the time it took', async () => {
    const posted: FromWorker[] = [];
    // A clock that jumps by a different amount on every reading: the reported time must be the last
    // reading minus the first.
    const readings: number[] = [];
    const now = () => {
      readings.push(readings.length === 0 ? 1000 : readings[readings.length - 1] + 3 + readings.length);
      return readings[readings.length - 1];
    };
    const handle = createWorkerHandler((m) => posted.push(m), { now });
    const params = { qubits: [2, 3], layers: [4], samples: 10, seed: 2 };
    await handle({ type: 'run', id: 1, name: 'barren-plateau', params, range: [3, 9] });
    expect(posted.map((m) => [m.type, m.id])).toEqual([['done', 1]]);
    const done = posted[0] as Done;
    expect(done.samples).toEqual(runRaw(barrenPlateau, barrenPlateau.normalize(params), [3, 9]));
    expect(readings.length).toBeGreaterThan(2);
    expect(done.ms).toBe(readings[readings.length - 1] - readings[0]);
  });

  it('posts heartbeats during a long chunk', async () => {
    const posted: FromWorker[] = [];
    let t = 0;
    // A clock that advances 100 ms per reading: every few samples count as a long pause.
    const handle = createWorkerHandler((m) => posted.push(m), { heartbeatMs: 250, now: () => (t += 100) });
    await handle({
      type: 'run',
      id: 4,
      name: 'barren-plateau',
      params: { qubits: [2], layers: [2], samples: 12 },
      range: [0, 12],
    });
    const beats = posted.filter((m) => m.type === 'progress') as Array<Extract<FromWorker, { type: 'progress' }>>;
    expect(beats.length).toBeGreaterThan(1);
    for (let i = 1; i < beats.length; i++) expect(beats[i].done).toBeGreaterThan(beats[i - 1].done);
    expect(posted[posted.length - 1].type).toBe('done');
  });

  it("'prepare' loads an experiment's definition ahead of its first run, and answers nothing", async () => {
    const posted: FromWorker[] = [];
    const handle = createWorkerHandler((m) => posted.push(m));
    expect(loadedExperiment('calibration-drift')).toBeUndefined();
    await handle({ type: 'prepare', name: 'calibration-drift' });
    await handle({ type: 'prepare', name: 'no-such-experiment' });
    await vi.waitFor(() => expect(loadedExperiment('calibration-drift')).toBeDefined(), { timeout: 10_000 });
    expect(posted).toEqual([]);
  });

  it('runs chunks in arrival order and drops a queued chunk when cancelled', async () => {
    const posted: FromWorker[] = [];
    const handle = createWorkerHandler((m) => posted.push(m));
    const params = { qubits: [2], layers: [3], samples: 30 };
    const a = handle({ type: 'run', id: 1, name: 'barren-plateau', params, range: [0, 10] });
    const b = handle({ type: 'run', id: 2, name: 'barren-plateau', params, range: [10, 20] });
    const c = handle({ type: 'run', id: 3, name: 'barren-plateau', params, range: [20, 30] });
    await handle({ type: 'cancel', id: 3 });
    await Promise.all([a, b, c]);
    expect(posted.map((m) => [m.type, m.id])).toEqual([
      ['done', 1],
      ['error', 3],
      ['done', 2],
    ]);
    expect(posted[1]).toMatchObject({ name: 'AbortError' });
  });

  it('reports unknown experiments and bad parameters as errors', async () => {
    const posted: FromWorker[] = [];
    const handle = createWorkerHandler((m) => posted.push(m));
    await handle({ type: 'run', id: 2, name: 'nope', params: {}, range: [0, 1] });
    await handle({ type: 'run', id: 3, name: 'barren-plateau', params: { samples: 0 }, range: [0, 1] });
    expect(posted).toEqual([
      expect.objectContaining({ type: 'error', id: 2, message: expect.stringMatching(/unknown experiment/) }),
      expect.objectContaining({ type: 'error', id: 3, message: expect.stringMatching(/samples/) }),
    ]);
  });
});
