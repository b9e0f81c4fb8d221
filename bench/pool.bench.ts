/**
 * The worker pool in Node (worker_threads running the real handler), numbers only:
 * 1. Throughput: barren-plateau, 4 sizes × 1,000 samples, single-threaded against the pool with chunks
 *    of 1 sample, 64 samples and time-sized chunks (the default, ~8 ms), on 1 and 2 workers.
 * 2. Scheduling latency: a long request for a figure far away is running when a short request for the
 *    figure on screen arrives; time until the on-screen request's first chunk and its completion, with
 *    priorities (on screen = 0, far = 2) and with both at the same rank (they share the workers).
 * 3. Main-thread cost of partial results (merge + summarize) per request.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { buildSync } from 'esbuild';
import { barrenPlateau } from '../src/experiments/barren-plateau';
import { runRaw } from '../src/experiments/run';
import { ExperimentPool, type PoolOptions } from '../src/workers/pool';
import type { FromWorker, WorkerLike } from '../src/workers/protocol';

let bundled: string | undefined;

/** tsx's loader does not reach worker threads: the worker entry is bundled to one .mjs file once. */
function workerScript(): string {
  if (bundled) return bundled;
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'qml-pool-bench-')), 'worker.mjs');
  const result = buildSync({
    entryPoints: [fileURLToPath(new URL('./pool-node-worker.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  writeFileSync(out, result.outputFiles[0].text);
  bundled = out;
  return out;
}

function nodeWorker(): WorkerLike {
  const w = new Worker(workerScript());
  const like: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage: (m) => w.postMessage(m),
    terminate: () => {
      void w.terminate();
    },
  };
  w.on('message', (data: FromWorker) => like.onmessage?.({ data }));
  w.on('error', (e) => like.onerror?.({ message: e.message }));
  return like;
}

const THROUGHPUT = { qubits: [2, 3, 4, 5], layers: [5], samples: 1000, seed: 3 };

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const v = await fn();
  return [v, performance.now() - t0];
}

async function withPool<T>(options: PoolOptions, fn: (pool: ExperimentPool) => Promise<T>): Promise<T> {
  const pool = new ExperimentPool({ createWorker: nodeWorker, idleMs: 60_000, ...options });
  try {
    // Warm-up: workers started and their code compiled before anything is timed.
    const warm = Array.from({ length: pool.size }, (_, i) =>
      pool.run('barren-plateau', { ...THROUGHPUT, samples: 400 }, { key: `warm${i}`, group: 'warm' }),
    );
    pool.setPriority('warm', 0);
    await Promise.all(warm);
    return await fn(pool);
  } finally {
    pool.dispose();
  }
}

async function throughput(): Promise<void> {
  const params = barrenPlateau.normalize(THROUGHPUT);
  const singles: number[] = [];
  for (let i = 0; i < 4; i++) {
    const t0 = performance.now();
    runRaw(barrenPlateau, params, undefined);
    singles.push(performance.now() - t0);
  }
  const single = Math.min(...singles);
  console.log(
    `1. throughput: barren-plateau ${THROUGHPUT.qubits.length} sizes × ${THROUGHPUT.samples} samples; single-threaded ${single.toFixed(0)} ms`,
  );
  for (const size of [1, 2]) {
    for (const [label, opts] of [
      ['chunk 1', { chunkSamples: 1 }],
      ['chunk 64', { chunkSamples: 64 }],
      ['time-sized (8 ms)', {}],
    ] as const) {
      await withPool({ size, ...opts }, async (pool) => {
        // Best of three (the machine is shared; JIT warm-up shows in the first runs).
        const times: number[] = [];
        for (let i = 0; i < 3; i++) times.push((await timed(() => pool.run('barren-plateau', THROUGHPUT)))[1]);
        const ms = Math.min(...times);
        console.log(
          `   ${size} worker(s), ${label.padEnd(18)} ${ms.toFixed(0).padStart(5)} ms  (${(ms / single).toFixed(2)}× single-threaded; runs ${times.map((t) => t.toFixed(0)).join(', ')} ms)`,
        );
      });
    }
  }
}

async function latency(): Promise<void> {
  const far = { qubits: [6, 8, 10], layers: [60], samples: 400, seed: 1 };
  const view = { qubits: [2, 4, 6, 8], layers: [20], samples: 200, seed: 2 };
  const alone = await withPool({ size: 1 }, (pool) =>
    timed(() => pool.run('barren-plateau', view)).then(([, ms]) => ms),
  );
  console.log(`2. scheduling latency (1 worker): the on-screen request alone takes ${alone.toFixed(0)} ms`);
  for (const mode of ['priorities', 'same rank'] as const) {
    await withPool({ size: 1 }, async (pool) => {
      pool.setPriority('far', mode === 'priorities' ? 2 : 1);
      pool.setPriority('view', mode === 'priorities' ? 0 : 1);
      const background = pool.run('barren-plateau', far, { key: 'far', group: 'far' }).catch(() => undefined);
      await new Promise((r) => setTimeout(r, 300));
      let first: number | undefined;
      const t0 = performance.now();
      await pool.run('barren-plateau', view, {
        key: 'view',
        group: 'view',
        onProgress: () => {
          first ??= performance.now() - t0;
        },
      });
      const total = performance.now() - t0;
      console.log(
        `   ${mode.padEnd(10)}: first chunk of the on-screen figure after ${first?.toFixed(0) ?? '–'} ms (first partial result), done after ${total.toFixed(0)} ms`,
      );
      pool.cancel('far');
      await background;
    });
  }
}

async function mainThreadCost(): Promise<void> {
  await withPool({ size: 1 }, async (pool) => {
    let reports = 0;
    const params = { qubits: [2, 3, 4, 5, 6, 7, 8], layers: [10, 20], samples: 1000, seed: 4 };
    const [, ms] = await timed(() =>
      pool.run('barren-plateau', params, {
        onProgress: () => {
          reports++;
        },
      }),
    );
    // The pool's own merge+summarize time is not exposed; time the same work on the final samples instead.
    const p = barrenPlateau.normalize(params);
    const all = runRaw(barrenPlateau, p, undefined);
    const t0 = performance.now();
    barrenPlateau.summarize(p, barrenPlateau.merge(p, [all]));
    const cost = performance.now() - t0;
    console.log(
      `3. partial results: ${reports} in ${ms.toFixed(0)} ms of computing (one per ≥150 ms); merge + summarize of the full set costs ${cost.toFixed(1)} ms on the main thread`,
    );
  });
}

export async function run(): Promise<void> {
  await throughput();
  await latency();
  await mainThreadCost();
}
