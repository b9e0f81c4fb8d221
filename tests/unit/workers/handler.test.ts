import { describe, expect, it } from 'vitest';
import { barrenPlateau } from '../../../src/experiments/barren-plateau';
import { runRaw } from '../../../src/experiments/run';
import { createWorkerHandler } from '../../../src/workers/handler';
import type { FromWorker } from '../../../src/workers/protocol';

describe('worker handler', () => {
  it('runs a range in chunks, posts progress with partial samples, then done', async () => {
    const posted: FromWorker[] = [];
    const handle = createWorkerHandler((m) => posted.push(m), { progressIntervalMs: 0, chunkSize: 2 });
    const params = { qubits: [2, 3], layers: [4], samples: 10, seed: 2 };
    await handle({ type: 'run', id: 1, name: 'barren-plateau', params, range: [3, 9] });
    const done = posted.find((m) => m.type === 'done')!;
    expect(done).toBeDefined();
    const expected = runRaw(barrenPlateau, barrenPlateau.normalize(params), [3, 9]);
    expect((done as Extract<FromWorker, { type: 'done' }>).samples).toEqual(expected);
    const progress = posted.filter((m) => m.type === 'progress') as Array<Extract<FromWorker, { type: 'progress' }>>;
    expect(progress.map((p) => p.done / p.total)).toEqual([1 / 3, 2 / 3, 1]);
  });

  it('stops at the next chunk when cancelled and reports an AbortError', async () => {
    const posted: FromWorker[] = [];
    const handle = createWorkerHandler((m) => posted.push(m), { progressIntervalMs: 0 });
    const running = handle({ type: 'run', id: 7, name: 'barren-plateau', params: { qubits: [3], layers: [5], samples: 5000 }, range: [0, 5000] });
    await new Promise((r) => setTimeout(r, 5));
    await handle({ type: 'cancel', id: 7 });
    await running;
    const last = posted[posted.length - 1];
    expect(last).toMatchObject({ type: 'error', id: 7, name: 'AbortError' });
    expect(posted.some((m) => m.type === 'done')).toBe(false);
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
