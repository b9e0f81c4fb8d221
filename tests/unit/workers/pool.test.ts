import { describe, expect, it } from 'vitest';
import { barrenPlateau } from '../../../src/experiments/barren-plateau';
import { runDefinition } from '../../../src/experiments/run';
import { createWorkerHandler } from '../../../src/workers/handler';
import { ExperimentPool, splitRange } from '../../../src/workers/pool';
import type { BarrenPlateauData, BarrenPlateauParams } from '../../../src/experiments/barren-plateau';
import type { FromWorker, ToWorker, WorkerLike } from '../../../src/workers/protocol';

/** An in-process worker: the real handler, with messages delivered asynchronously and structured-cloned. */
class FakeWorker implements WorkerLike {
  onmessage: ((event: { data: FromWorker }) => void) | null = null;
  onerror: ((event: { message?: string }) => void) | null = null;
  terminated = false;
  readonly received: ToWorker[] = [];
  private readonly handle = createWorkerHandler((msg) => {
    const data = structuredClone(msg);
    setTimeout(() => { if (!this.terminated) this.onmessage?.({ data }); }, 0);
  }, { progressIntervalMs: 0 });

  postMessage(message: ToWorker): void {
    this.received.push(message);
    const data = structuredClone(message);
    setTimeout(() => { if (!this.terminated) void this.handle(data); }, 0);
  }

  terminate(): void { this.terminated = true; }
}

function fakePool(size: number) {
  const workers: FakeWorker[] = [];
  const pool = new ExperimentPool({ size, createWorker: () => { const w = new FakeWorker(); workers.push(w); return w; } });
  return { pool, workers };
}

const PARAMS = { qubits: [2, 3, 4], layers: [3, 5], samples: 23, seed: 5 };

describe('splitRange', () => {
  it('covers [0, n) with contiguous non-empty ranges', () => {
    for (const [n, k] of [[23, 4], [3, 4], [1, 1], [100, 3]]) {
      const r = splitRange(n, k);
      expect(r.length).toBe(Math.min(n, k));
      expect(r[0][0]).toBe(0);
      expect(r[r.length - 1][1]).toBe(n);
      for (let i = 1; i < r.length; i++) expect(r[i][0]).toBe(r[i - 1][1]);
      for (const [a, b] of r) expect(b).toBeGreaterThan(a);
    }
  });
});

describe('ExperimentPool', () => {
  it('creates workers lazily, splits across them and merges to the single-threaded result exactly', async () => {
    const { pool, workers } = fakePool(3);
    expect(pool.workerCount).toBe(0);
    const progress: Array<[number, number, number]> = [];
    const result = await pool.run('barren-plateau', PARAMS, {
      onProgress: (done, total, partial) => progress.push([done, total, (partial as { rows: Array<{ samples: number }> })?.rows[0].samples ?? 0]),
    });
    expect(workers).toHaveLength(3);
    const ranges = workers.map((w) => (w.received[0] as Extract<ToWorker, { type: 'run' }>).range);
    expect(ranges).toEqual([[0, 7], [7, 15], [15, 23]]);
    const single = runDefinition(barrenPlateau, PARAMS);
    expect(result).toEqual(single);
    expect(progress.length).toBeGreaterThan(3);
    const totals = new Set(progress.map((p) => p[1]));
    expect(totals.size).toBe(1);
    for (let i = 1; i < progress.length; i++) expect(progress[i][0]).toBeGreaterThanOrEqual(progress[i - 1][0]);
    expect(progress[progress.length - 1][0]).toBe(progress[0][1]);
    expect(progress[progress.length - 1][2]).toBe(23);
    pool.dispose();
  });

  it('a new request with the same key cancels the stale one', async () => {
    const { pool, workers } = fakePool(2);
    const first = pool.run('barren-plateau', { ...PARAMS, samples: 400 });
    const second = pool.run<BarrenPlateauParams, BarrenPlateauData>('barren-plateau', { ...PARAMS, samples: 6 });
    await expect(first).rejects.toMatchObject({ name: 'AbortError' });
    const result = await second;
    expect(result.data.rows[0].samples).toBe(6);
    expect(result).toEqual(runDefinition(barrenPlateau, { ...PARAMS, samples: 6 }));
    expect(workers.flatMap((w) => w.received).some((m) => m.type === 'cancel')).toBe(true);
    pool.dispose();
  });

  it('different keys run side by side; an AbortSignal cancels', async () => {
    const { pool } = fakePool(2);
    const controller = new AbortController();
    const a = pool.run('barren-plateau', { ...PARAMS, samples: 5000 }, { key: 'a', signal: controller.signal });
    const b = pool.run('barren-plateau', { ...PARAMS, samples: 4 }, { key: 'b' });
    setTimeout(() => controller.abort(), 5);
    await expect(a).rejects.toMatchObject({ name: 'AbortError' });
    await expect(b).resolves.toMatchObject({ meta: { version: 'barren-plateau@1' } });
    pool.dispose();
  });

  it('rejects unknown experiments and bad parameters before starting workers', async () => {
    const { pool, workers } = fakePool(2);
    await expect(pool.run('nope', {})).rejects.toThrow(/unknown experiment 'nope'/);
    await expect(pool.run('barren-plateau', { qubits: [40] })).rejects.toThrow(/cap/);
    expect(workers).toHaveLength(0);
    pool.dispose();
  });

  it('a crashed worker rejects its request and is replaced', async () => {
    const workers: FakeWorker[] = [];
    const pool = new ExperimentPool({ size: 1, createWorker: () => { const w = new FakeWorker(); workers.push(w); return w; } });
    const p = pool.run('barren-plateau', { ...PARAMS, samples: 200 });
    setTimeout(() => workers[0].onerror?.({ message: 'worker script failed to load' }), 1);
    await expect(p).rejects.toThrow(/failed to load/);
    expect(workers[0].terminated).toBe(true);
    const ok = await pool.run<BarrenPlateauParams, BarrenPlateauData>('barren-plateau', { ...PARAMS, samples: 3 });
    expect(ok.data.rows[0].samples).toBe(3);
    expect(workers).toHaveLength(2);
    pool.dispose();
  });
});
