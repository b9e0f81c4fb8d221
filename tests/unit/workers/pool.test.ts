import { afterEach, describe, expect, it, vi } from 'vitest';
import { barrenPlateau } from '../../../src/experiments/barren-plateau';
import { runDefinition } from '../../../src/experiments/run';
import { createWorkerHandler } from '../../../src/workers/handler';
import { chunkSizeFor, ExperimentPool, WorkerLostError, type PoolOptions } from '../../../src/workers/pool';
import type { BarrenPlateauData, BarrenPlateauParams } from '../../../src/experiments/barren-plateau';
import type { FromWorker, ToWorker, WorkerLike } from '../../../src/workers/protocol';

type RunMsg = Extract<ToWorker, { type: 'run' }>;

/**
 * An in-process worker: the real handler, messages structured-cloned and delivered on a microtask (so
 * fake timers stay in control of the pool's own timers). `kill()` makes it die silently: no error
 * event, no answer, as a closed or crashed worker.
 */
class FakeWorker implements WorkerLike {
  onmessage: ((event: { data: FromWorker }) => void) | null = null;
  onerror: ((event: { message?: string }) => void) | null = null;
  terminated = false;
  silent = false;
  readonly received: ToWorker[] = [];
  private readonly handle = createWorkerHandler((msg) => {
    const data = structuredClone(msg);
    queueMicrotask(() => {
      if (!this.terminated && !this.silent) this.onmessage?.({ data });
    });
  });

  constructor(
    private readonly log: Array<{ worker: FakeWorker; msg: ToWorker }>,
    private readonly dieOnRun = false,
  ) {}

  postMessage(message: ToWorker): void {
    this.received.push(message);
    this.log.push({ worker: this, msg: message });
    if (this.dieOnRun && message.type === 'run') this.silent = true;
    const data = structuredClone(message);
    queueMicrotask(() => {
      if (!this.terminated && !this.silent) void this.handle(data);
    });
  }

  kill(): void {
    this.silent = true;
  }
  terminate(): void {
    this.terminated = true;
  }
}

function fakePool(options: PoolOptions & { dieOnRun?: (n: number) => boolean } = {}) {
  const workers: FakeWorker[] = [];
  const log: Array<{ worker: FakeWorker; msg: ToWorker }> = [];
  const pool = new ExperimentPool({
    size: 2,
    ...options,
    createWorker: () => {
      const w = new FakeWorker(log, options.dieOnRun?.(workers.length) ?? false);
      workers.push(w);
      return w;
    },
  });
  const runs = () => log.filter((e) => e.msg.type === 'run').map((e) => e.msg as RunMsg);
  return { pool, workers, runs };
}

/** A toy experiment: 12 samples, sample k = k²; run by the real handler in in-process workers. */
const TOY = {
  name: 'toy',
  version: 'toy@1',
  description: 'squares',
  normalize: (p: object) => p,
  sampleCount: () => 12,
  workPerSample: () => 1,
  merge: (_p: unknown, parts: readonly number[][]) => parts.flat().sort((a, b) => a - b),
  summarize: (_p: unknown, s: number[]) => s,
  method: () => '',
  seedOf: () => 0,
  runSamples: (_p: unknown, [a, b]: readonly [number, number]) => Array.from({ length: b - a }, (_, i) => (a + i) ** 2),
  cli: { usage: '', parseArgs: () => ({}), columns: [], rows: () => [] },
};

function toyPool(def: typeof TOY & { levelPrefixes?: () => number[] }, options: PoolOptions, sent: RunMsg[] = []) {
  return new ExperimentPool({
    chunkSamples: 1,
    lookup: () => def,
    permits: null,
    ...options,
    createWorker: () => {
      const w: WorkerLike = {
        onmessage: null,
        onerror: null,
        terminate: () => undefined,
        postMessage: (m) => {
          if (m.type === 'run') sent.push(m);
          queueMicrotask(() => void handle(structuredClone(m)));
        },
      };
      const handle = createWorkerHandler((msg) => queueMicrotask(() => w.onmessage?.({ data: structuredClone(msg) })), {
        lookup: () => def,
      });
      return w;
    },
  });
}

const PARAMS = { qubits: [2, 3, 4], layers: [3, 5], samples: 23, seed: 5 };

afterEach(() => {
  vi.useRealTimers();
});

describe('chunkSizeFor', () => {
  it('takes one sample while the cost is unknown, then fills the target time', () => {
    expect(chunkSizeFor(undefined, 8, 100)).toBe(1);
    expect(chunkSizeFor(0.5, 8, 100)).toBe(16);
    expect(chunkSizeFor(0.5, 8, 5)).toBe(5);
    expect(chunkSizeFor(50, 8, 100)).toBe(1);
    expect(chunkSizeFor(undefined, 8, 0)).toBe(0);
  });
});

describe('ExperimentPool', () => {
  it('hands out chunks in sample order and merges to the single-threaded result exactly', async () => {
    for (const size of [1, 3]) {
      const { pool, workers, runs } = fakePool({ size, chunkMs: 0.5 });
      expect(pool.workerCount).toBe(0);
      const progress: Array<[number, number, number]> = [];
      const result = await pool.run('barren-plateau', PARAMS, {
        onProgress: (done, total, partial) =>
          progress.push([done, total, (partial as { rows: Array<{ samples: number }> })?.rows[0].samples ?? 0]),
      });
      expect(workers.length).toBeLessThanOrEqual(size);
      const ranges = runs().map((m) => m.range);
      expect(ranges.length).toBeGreaterThan(1);
      // Dispatched in index order, covering [0, 23) once.
      expect(ranges[0][0]).toBe(0);
      for (let i = 1; i < ranges.length; i++) expect(ranges[i][0]).toBe(ranges[i - 1][1]);
      expect(ranges[ranges.length - 1][1]).toBe(23);
      expect(result).toEqual(runDefinition(barrenPlateau, PARAMS));
      for (let i = 1; i < progress.length; i++) expect(progress[i][0]).toBeGreaterThanOrEqual(progress[i - 1][0]);
      pool.dispose();
    }
  });

  it('a new request with the same key cancels the stale one', async () => {
    const { pool, workers } = fakePool();
    const first = pool.run('barren-plateau', { ...PARAMS, samples: 400 });
    const second = pool.run<BarrenPlateauParams, BarrenPlateauData>('barren-plateau', { ...PARAMS, samples: 6 });
    await expect(first).rejects.toMatchObject({ name: 'AbortError' });
    const result = await second;
    expect(result).toEqual(runDefinition(barrenPlateau, { ...PARAMS, samples: 6 }));
    expect(workers.flatMap((w) => w.received).some((m) => m.type === 'cancel')).toBe(true);
    pool.dispose();
  });

  it('different keys run side by side; an AbortSignal cancels', async () => {
    const { pool } = fakePool();
    const controller = new AbortController();
    const a = pool.run('barren-plateau', { ...PARAMS, samples: 5000 }, { key: 'a', signal: controller.signal });
    const b = pool.run('barren-plateau', { ...PARAMS, samples: 4 }, { key: 'b' });
    await expect(b).resolves.toMatchObject({ meta: { version: 'barren-plateau@1' } });
    controller.abort();
    await expect(a).rejects.toMatchObject({ name: 'AbortError' });
    pool.dispose();
  });

  it('rejects unknown experiments and bad parameters before starting workers', async () => {
    const { pool, workers } = fakePool();
    await expect(pool.run('nope', {})).rejects.toThrow(/unknown experiment 'nope'/);
    await expect(pool.run('barren-plateau', { qubits: [40] })).rejects.toThrow(/cap/);
    expect(workers).toHaveLength(0);
    pool.dispose();
  });

  it('serves the figure on screen first and re-orders queued work when priorities change', async () => {
    const { pool, runs } = fakePool({ size: 1, chunkMs: 0.05 });
    pool.setPriority('far', 2);
    pool.setPriority('view', 0);
    // Told apart in the dispatch log by their sample counts.
    const far = pool.run('barren-plateau', { ...PARAMS, samples: 60 }, { key: 'far', group: 'far' });
    const view = pool.run('barren-plateau', { ...PARAMS, samples: 61 }, { key: 'view', group: 'view' });
    const order: string[] = [];
    await Promise.all([view.then(() => order.push('view')), far.then(() => order.push('far'))]);
    expect(order).toEqual(['view', 'far']);
    const log = runs().map((m) => ((m.params as { samples: number }).samples === 60 ? 'far' : 'view'));
    const lastView = log.lastIndexOf('view');
    // 'far' got the idle worker first (its request came first); after that, nothing of it until 'view' is out.
    expect(log.slice(0, lastView + 1).filter((x) => x === 'far')).toHaveLength(1);

    // Now swap the ranks mid-run: the other request overtakes.
    const big = { ...PARAMS, samples: 60 };
    const a = pool.run('barren-plateau', big, { key: 'a', group: 'ga' });
    const b = pool.run('barren-plateau', big, { key: 'b', group: 'gb' });
    pool.setPriority('ga', 0);
    pool.setPriority('gb', 2);
    const done: string[] = [];
    const pa = a.then(() => done.push('a'));
    const pb = b.then(() => done.push('b'));
    // Let a few chunks of 'a' run, then demote it.
    for (let i = 0; i < 20; i++) await Promise.resolve();
    pool.setPriority('ga', 2);
    pool.setPriority('gb', 0);
    await Promise.all([pa, pb]);
    expect(done).toEqual(['b', 'a']);
    pool.dispose();
  });

  it('requests of equal rank share the workers in turn: a short one is not stuck behind a long one', async () => {
    const { pool } = fakePool({ size: 1, chunkMs: 0.05 });
    const done: string[] = [];
    const long = pool.run('barren-plateau', { ...PARAMS, samples: 200 }, { key: 'long' }).then(() => done.push('long'));
    const short = pool
      .run('barren-plateau', { ...PARAMS, samples: 4 }, { key: 'short' })
      .then(() => done.push('short'));
    await Promise.all([long, short]);
    expect(done).toEqual(['short', 'long']);
    pool.dispose();
  });

  it('a worker that dies silently is detected by the watchdog, replaced, and its chunk retried', async () => {
    vi.useFakeTimers();
    // The first worker dies on its first chunk without a word.
    const { pool, workers } = fakePool({ size: 1, dieOnRun: (n) => n === 0, firstChunkWatchdogMs: 1000 });
    const p = pool.run<BarrenPlateauParams, BarrenPlateauData>('barren-plateau', { ...PARAMS, samples: 5 });
    await vi.advanceTimersByTimeAsync(999);
    expect(workers).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2);
    expect(workers[0].terminated).toBe(true);
    await vi.advanceTimersByTimeAsync(10);
    await expect(p).resolves.toEqual(runDefinition(barrenPlateau, { ...PARAMS, samples: 5 }));
    expect(workers).toHaveLength(2);
    pool.dispose();
  });

  it('a chunk that loses its worker twice rejects the request with a clear error', async () => {
    vi.useFakeTimers();
    const { pool, workers } = fakePool({ size: 1, dieOnRun: () => true, firstChunkWatchdogMs: 500 });
    const p = pool.run('barren-plateau', PARAMS);
    const settled = p.then(
      () => 'resolved',
      (e: unknown) => e,
    );
    await vi.advanceTimersByTimeAsync(1100);
    const err = await settled;
    expect(err).toBeInstanceOf(WorkerLostError);
    expect((err as Error).message).toMatch(/stopped responding, twice/);
    expect(workers).toHaveLength(2);
    expect(workers.every((w) => w.terminated)).toBe(true);
    pool.dispose();
  });

  it('an error event also retries once, then rejects', async () => {
    const { pool, workers } = fakePool({ size: 1 });
    const p = pool.run('barren-plateau', { ...PARAMS, samples: 200 });
    const fail = (w: FakeWorker) => {
      w.kill();
      w.onerror?.({ message: 'worker script failed to load' });
    };
    await Promise.resolve();
    fail(workers[0]);
    await Promise.resolve();
    fail(workers[1]);
    await expect(p).rejects.toThrow(/failed \(worker script failed to load\), twice/);
    const ok = await pool.run<BarrenPlateauParams, BarrenPlateauData>('barren-plateau', { ...PARAMS, samples: 3 });
    expect(ok.data.rows[0].samples).toBe(3);
    expect(workers).toHaveLength(3);
    pool.dispose();
  });

  it('terminates idle workers after idleMs', async () => {
    vi.useFakeTimers();
    const { pool, workers } = fakePool({ size: 2, idleMs: 10_000 });
    const p = pool.run('barren-plateau', PARAMS);
    await vi.advanceTimersByTimeAsync(0);
    await p;
    expect(pool.workerCount).toBeGreaterThan(0);
    await vi.advanceTimersByTimeAsync(9_000);
    expect(pool.workerCount).toBeGreaterThan(0);
    await vi.advanceTimersByTimeAsync(1_001);
    expect(pool.workerCount).toBe(0);
    expect(workers.every((w) => w.terminated)).toBe(true);
    pool.dispose();
  });

  it('beyond its base size, grows only for work on screen', async () => {
    const { pool, workers } = fakePool({ size: 3, baseSize: 1, chunkMs: 0.05 });
    pool.setPriority('embed', 2);
    const p = pool.run('barren-plateau', { ...PARAMS, samples: 60 }, { group: 'embed' });
    for (let i = 0; i < 10; i++) await Promise.resolve();
    expect(workers).toHaveLength(1);
    pool.setPriority('embed', 0);
    expect(workers).toHaveLength(3);
    await p;
    pool.dispose();
  });

  it('workers beyond the first need a shared permit, returned when they terminate', async () => {
    vi.useFakeTimers();
    let free = 1;
    const permits = {
      tryAcquire: async () =>
        free > 0
          ? (free--,
            () => {
              free++;
            })
          : null,
    };
    const { pool, workers } = fakePool({ size: 3, baseSize: 1, chunkMs: 0.05, idleMs: 5_000, permits });
    pool.setPriority('g', 0);
    const p = pool.run('barren-plateau', { ...PARAMS, samples: 60 }, { group: 'g' });
    await vi.advanceTimersByTimeAsync(0);
    await p;
    // One worker of its own plus the one permit there was: two, not three.
    expect(workers).toHaveLength(2);
    expect(free).toBe(0);
    await vi.advanceTimersByTimeAsync(5_001);
    expect(pool.workerCount).toBe(0);
    expect(free).toBe(1);
    pool.dispose();
  });

  it('throttles partial results: fewer reports than chunks, the last one complete', async () => {
    vi.useFakeTimers();
    const { pool, runs } = fakePool({ size: 1, chunkMs: 0.05, progressMs: 150 });
    const reports: number[] = [];
    const p = pool.run('barren-plateau', { ...PARAMS, samples: 40 }, { onProgress: (done) => reports.push(done) });
    await vi.advanceTimersByTimeAsync(0);
    await p;
    expect(runs().length).toBeGreaterThan(5);
    expect(reports.length).toBeLessThan(3);
    pool.dispose();
  });
  it('reports a partial result out of turn when the finished samples complete a level prefix', async () => {
    vi.useFakeTimers();
    const reportsWith = async (levels: number[] | undefined) => {
      const def = { ...TOY, levelPrefixes: levels ? () => levels : undefined };
      const pool = toyPool(def, { size: 1, progressMs: 60_000 });
      const reports: number[][] = [];
      const p = pool.run('toy', {}, { onProgress: (_d, _t, partial) => reports.push(partial as number[]) });
      await vi.advanceTimersByTimeAsync(0);
      const result = await p;
      pool.dispose();
      return { reports: reports.map((r) => r.length), data: result.data };
    };
    const plain = await reportsWith(undefined);
    const levelled = await reportsWith([4, 8]);
    // Throttled: the first partial only; with levels, also each level's complete prefix, at once.
    expect(plain.reports).toEqual([1]);
    expect(levelled.reports).toEqual([1, 4, 8]);
    expect(levelled.data).toEqual(plain.data);
    expect(levelled.data).toHaveLength(12);
  });
  it('a request leaves spare workers to others (one worker of two here) until the spare is lifted', async () => {
    const sent: RunMsg[] = [];
    const spared = toyPool(TOY, { size: 2 }, sent);
    const all = await spared.run('toy', {}, { spareWorkers: 1 });
    // Every chunk went to the one worker it may use; the pool of two never made a second.
    expect(all.data).toHaveLength(12);
    expect(sent).toHaveLength(12);
    expect(spared.workerCount).toBe(1);
    spared.dispose();

    const lifted = toyPool(TOY, { size: 2 });
    const p = lifted.run('toy', {}, { key: 'k', spareWorkers: 1 });
    expect(lifted.workerCount).toBe(1);
    lifted.setSpareWorkers('k', 0);
    expect(lifted.workerCount).toBe(2);
    expect((await p).data).toEqual(all.data);
    lifted.dispose();
  });
  it('prepare starts the workers a run would start, each loading the experiments; the run then uses them', async () => {
    const { pool, workers, runs } = fakePool({ size: 2, permits: null });
    pool.prepare(['barren-plateau']);
    expect(pool.workerCount).toBe(2);
    for (const w of workers) expect(w.received).toEqual([{ type: 'prepare', name: 'barren-plateau' }]);
    const result = await pool.run<BarrenPlateauParams, BarrenPlateauData>('barren-plateau', PARAMS);
    expect(result.data).toEqual(runDefinition(barrenPlateau, barrenPlateau.normalize(PARAMS)).data);
    expect(pool.spawnedCount).toBe(2);
    expect(new Set(runs().map((m) => m.name))).toEqual(new Set(['barren-plateau']));
    pool.dispose();
    // A disposed pool starts nothing.
    const { pool: gone, workers: none } = fakePool({ size: 2, permits: null });
    gone.dispose();
    gone.prepare(['barren-plateau']);
    expect(none).toHaveLength(0);
  });
  it('a request at its worker limit queues its next chunk behind its own, never on the spared worker', async () => {
    const sent: RunMsg[] = [];
    const pool = toyPool(TOY, { size: 2 }, sent);
    const p = pool.run('toy', {}, { spareWorkers: 1 });
    // Two chunks out at once, both on the one worker it may use: no round trip between them.
    expect(sent.map((m) => m.range)).toEqual([
      [0, 1],
      [1, 2],
    ]);
    expect(pool.workerCount).toBe(1);
    expect((await p).data).toHaveLength(12);
    expect(pool.workerCount).toBe(1);
    pool.dispose();
  });
  it("sizes chunks from warm measurements: a worker's first chunk of a request (set-up included) only stands in", async () => {
    const sizes: number[] = [];
    const pool = new ExperimentPool({
      size: 1,
      chunkMs: 8,
      lookup: () => ({ ...TOY, sampleCount: () => 200 }),
      permits: null,
      createWorker: () => {
        let first = true;
        const w: WorkerLike = {
          onmessage: null,
          onerror: null,
          terminate: () => undefined,
          postMessage: (m) => {
            if (m.type !== 'run') return;
            const n = m.range[1] - m.range[0];
            sizes.push(n);
            // The first chunk pays 400 ms of set-up; every sample then costs 0.1 ms.
            const ms = (first ? 400 : 0) + 0.1 * n;
            first = false;
            queueMicrotask(() => w.onmessage?.({ data: { type: 'done', id: m.id, samples: [], ms } }));
          },
        };
        return w;
      },
    });
    await pool.run('toy', {});
    pool.dispose();
    // Cold: one sample, then one more (the estimate is the cold one); the first warm chunk sets it: 80 samples.
    expect(sizes.slice(0, 3)).toEqual([1, 1, 80]);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(200);
  });
});
