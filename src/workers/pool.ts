/**
 * A pool of experiment workers. One request is split into contiguous sample ranges (one per worker, at most
 * the sample count), the parts' raw samples are merged exactly (the result equals a single-threaded run bit
 * for bit), progress is forwarded with partial data, and a new request with the same key cancels the
 * previous one. Workers are created lazily on first use; nothing here touches window/document/navigator at
 * import time (the page is pre-rendered in Node).
 */
import { AbortError } from '../experiments/abort';
import { getExperiment } from '../experiments/index';
import { finalize } from '../experiments/run';
import type { AnyExperimentDefinition, ExperimentResult } from '../experiments/types';
import type { FromWorker, WorkerLike } from './protocol';

export interface RunOptions<D> {
  /** Progress in work units summed over workers, with the data computed so far. */
  onProgress?(done: number, total: number, partial?: D): void;
  signal?: AbortSignal;
  /** Requests with the same key supersede each other (default: the experiment name). */
  key?: string;
}

export interface PoolOptions {
  /** Number of workers (default min(4, navigator.hardwareConcurrency || 2)). */
  size?: number;
  createWorker?: () => WorkerLike;
  lookup?: (name: string) => AnyExperimentDefinition;
}

export const MAX_POOL_SIZE = 4;

export function defaultPoolSize(): number {
  const hc = typeof navigator !== 'undefined' && navigator.hardwareConcurrency ? navigator.hardwareConcurrency : 2;
  return Math.max(1, Math.min(MAX_POOL_SIZE, hc));
}

export function createModuleWorker(): WorkerLike {
  return new Worker(new URL('./experiment.worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike;
}

/** Splits [0, count) into at most `parts` contiguous, non-empty ranges of near-equal size. */
export function splitRange(count: number, parts: number): Array<[number, number]> {
  const k = Math.max(1, Math.min(parts, count));
  const out: Array<[number, number]> = [];
  for (let i = 0; i < k; i++) {
    const a = Math.floor((i * count) / k), b = Math.floor(((i + 1) * count) / k);
    if (b > a) out.push([a, b]);
  }
  return out;
}

interface Task {
  id: number;
  request: Request;
  range: [number, number];
  worker: Slot | null;
  done: number;
  total: number;
  samples: unknown;
  finished: boolean;
}

interface Request {
  key: string;
  name: string;
  def: AnyExperimentDefinition;
  params: unknown;
  tasks: Task[];
  onProgress?: (done: number, total: number, partial?: unknown) => void;
  resolve(result: ExperimentResult<unknown, unknown>): void;
  reject(err: unknown): void;
  settled: boolean;
  cleanup(): void;
}

interface Slot {
  worker: WorkerLike;
  task: Task | null;
}

export class ExperimentPool {
  readonly size: number;
  private readonly createWorker: () => WorkerLike;
  private readonly lookup: (name: string) => AnyExperimentDefinition;
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private readonly tasksById = new Map<number, Task>();
  private readonly byKey = new Map<string, Request>();
  private nextId = 1;
  private disposed = false;

  constructor(options: PoolOptions = {}) {
    this.size = Math.max(1, Math.min(MAX_POOL_SIZE, Math.floor(options.size ?? defaultPoolSize())));
    this.createWorker = options.createWorker ?? createModuleWorker;
    this.lookup = options.lookup ?? getExperiment;
  }

  /** Runs an experiment across the pool. Rejects with an AbortError when cancelled or superseded. */
  run<P, D>(name: string, input: Partial<P>, options: RunOptions<D> = {}): Promise<ExperimentResult<D, P>> {
    if (this.disposed) return Promise.reject(new Error('the experiment pool has been disposed'));
    let def: AnyExperimentDefinition;
    let params: P;
    try {
      def = this.lookup(name);
      params = def.normalize(input);
    } catch (err) {
      return Promise.reject(err);
    }
    const key = options.key ?? name;
    const previous = this.byKey.get(key);
    if (previous) this.cancelRequest(previous, new AbortError(`superseded by a newer '${key}' request`));
    if (options.signal?.aborted) return Promise.reject(new AbortError());

    return new Promise<ExperimentResult<D, P>>((resolve, reject) => {
      const onAbort = () => this.cancelRequest(request, new AbortError());
      const request: Request = {
        key, name, def, params, tasks: [],
        onProgress: options.onProgress as Request['onProgress'],
        resolve: resolve as Request['resolve'],
        reject,
        settled: false,
        cleanup: () => options.signal?.removeEventListener('abort', onAbort),
      };
      options.signal?.addEventListener('abort', onAbort, { once: true });
      this.byKey.set(key, request);
      const ranges = splitRange(def.sampleCount(params), this.size);
      for (const range of ranges) {
        const task: Task = { id: this.nextId++, request, range, worker: null, done: 0, total: def.workPerSample(params) * (range[1] - range[0]), samples: null, finished: false };
        request.tasks.push(task);
        this.tasksById.set(task.id, task);
        this.queue.push(task);
      }
      this.pump();
    });
  }

  /** Cancels the running request for a key, if any. */
  cancel(key: string): void {
    const r = this.byKey.get(key);
    if (r) this.cancelRequest(r, new AbortError());
  }

  /** Terminates every worker and rejects pending requests. */
  dispose(): void {
    for (const r of [...this.byKey.values()]) this.cancelRequest(r, new AbortError('the experiment pool was disposed'));
    for (const s of this.slots) s.worker.terminate();
    this.slots.length = 0;
    this.disposed = true;
  }

  /** Number of workers created so far (they are created lazily). */
  get workerCount(): number {
    return this.slots.length;
  }

  private pump(): void {
    while (this.queue.length) {
      let slot = this.slots.find((s) => s.task === null);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      const task = this.queue.shift()!;
      slot.task = task;
      task.worker = slot;
      slot.worker.postMessage({ type: 'run', id: task.id, name: task.request.name, params: task.request.params, range: task.range });
    }
  }

  private spawn(): Slot {
    const slot: Slot = { worker: this.createWorker(), task: null };
    slot.worker.onmessage = (event) => this.onMessage(slot, event.data);
    slot.worker.onerror = (event) => this.onWorkerError(slot, event?.message ?? 'the experiment worker failed');
    this.slots.push(slot);
    return slot;
  }

  private onWorkerError(slot: Slot, message: string): void {
    const task = slot.task;
    slot.worker.terminate();
    this.slots.splice(this.slots.indexOf(slot), 1);
    if (task) this.failRequest(task.request, new Error(message));
    this.pump();
  }

  private onMessage(slot: Slot, msg: FromWorker): void {
    const task = this.tasksById.get(msg.id);
    if (!task || task.request.settled) {
      // A stale message from a cancelled run: free the slot once that run has ended.
      if ((msg.type === 'done' || msg.type === 'error') && slot.task?.id === msg.id) { slot.task = null; this.pump(); }
      return;
    }
    const request = task.request;
    if (msg.type === 'progress') {
      task.done = msg.done;
      task.total = msg.total;
      task.samples = msg.samples;
      this.reportProgress(request);
      return;
    }
    slot.task = null;
    task.worker = null;
    if (msg.type === 'error') {
      this.failRequest(request, msg.name === 'AbortError' ? new AbortError(msg.message) : Object.assign(new Error(msg.message), { name: msg.name }));
      this.pump();
      return;
    }
    task.samples = msg.samples;
    task.done = task.total;
    task.finished = true;
    this.tasksById.delete(task.id);
    if (request.tasks.every((t) => t.finished)) {
      try {
        const merged = request.def.merge(request.params, request.tasks.map((t) => t.samples));
        this.settle(request);
        request.resolve(finalize(request.def, request.params, merged));
      } catch (err) {
        this.failRequest(request, err);
      }
    }
    this.pump();
  }

  private reportProgress(request: Request): void {
    if (!request.onProgress) return;
    let done = 0, total = 0;
    const parts: unknown[] = [];
    for (const t of request.tasks) {
      done += t.done;
      total += t.total;
      if (t.samples !== null) parts.push(t.samples);
    }
    const partial = parts.length ? request.def.summarize(request.params, request.def.merge(request.params, parts)) : undefined;
    request.onProgress(done, total, partial);
  }

  private settle(request: Request): void {
    request.settled = true;
    request.cleanup();
    if (this.byKey.get(request.key) === request) this.byKey.delete(request.key);
    for (const t of request.tasks) this.tasksById.delete(t.id);
    for (let i = this.queue.length - 1; i >= 0; i--) if (this.queue[i].request === request) this.queue.splice(i, 1);
  }

  private failRequest(request: Request, err: unknown): void {
    if (request.settled) return;
    // Stop the request's other running parts.
    for (const t of request.tasks) {
      if (t.worker && !t.finished) {
        t.worker.worker.postMessage({ type: 'cancel', id: t.id });
        // The slot stays busy until the worker answers (done/error) for this id.
      }
    }
    this.settle(request);
    request.reject(err);
  }

  private cancelRequest(request: Request, err: AbortError): void {
    this.failRequest(request, err);
  }
}

let defaultPool: ExperimentPool | null = null;

/** The shared pool (created on first use, with module workers). */
export function getDefaultPool(): ExperimentPool {
  if (!defaultPool) defaultPool = new ExperimentPool();
  return defaultPool;
}

/** Runs a registered experiment on the shared pool. */
export function runExperiment<P = unknown, D = unknown>(name: string, params: Partial<P>, options: RunOptions<D> = {}): Promise<ExperimentResult<D, P>> {
  return getDefaultPool().run<P, D>(name, params, options);
}
