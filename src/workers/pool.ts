/**
 * A pool of experiment workers that serves the figure in view first.
 *
 * - Chunks: a request's sample indices are handed out in index order, a chunk at a time, to whichever
 *   worker is free; a chunk is sized from the measured cost per sample to take about `chunkMs`, so the
 *   earliest indices finish first, cancelling or re-prioritising takes effect within a few milliseconds,
 *   and messaging costs little. A worker holds at most two chunks (the next one is queued in the worker so
 *   it never waits for a round trip through a busy main thread).
 * - Priority: each request may name a group (a figure instance); `setPriority(group, level)` ranks it
 *   (0 = on screen, 1 = just below / unknown, 2 = far). A free worker always takes the next chunk of the
 *   best-ranked request, so work for a figure that left the screen waits behind the one in view.
 * - Exact merge: the chunks' raw samples are merged with the experiment's exact merge; the result equals a
 *   single-threaded run bit for bit, whatever the chunking.
 * - Main-thread cost: partial results (merge + summarize) are computed at most every `progressMs`, and
 *   less often when they are expensive (at most ~5% of the main thread); except that a partial result that
 *   completes a refinement level (the spec's `levelPrefixes`, e.g. a first coarse picture) goes out at once.
 * - Reliability: a worker that errors, or says nothing for longer than its chunk can take (a watchdog per
 *   worker, fed by heartbeats), is terminated and replaced and its chunks are retried once; a chunk that
 *   loses its worker twice rejects its request with a readable error.
 * - Size: workers are created lazily up to `baseSize`, and beyond it (up to `size`) only for work on
 *   screen; a worker idle for `idleMs` is terminated. Every worker beyond a pool's first holds a permit
 *   shared by all the site's pages (Web Locks), so ten embeds on one page stay within one bound.
 *
 * Nothing here touches window/document/navigator at import time (the page is pre-rendered in Node).
 */
import { AbortError } from '../experiments/abort';
import { getLoadedExperimentSpec, loadedExperimentSpec, loadExperimentSpec } from '../experiments/registry';
import { finalize } from '../experiments/run';
import type { AnyExperimentSpec, ExperimentResult } from '../experiments/types';
import type { FromWorker, WorkerLike } from './protocol';

export interface RunOptions<D> {
  /** Progress in work units, with the data computed so far (throttled). */
  onProgress?(done: number, total: number, partial?: D): void;
  signal?: AbortSignal;
  /** Requests with the same key supersede each other (default: the experiment name). */
  key?: string;
  /** The figure instance the request serves; its rank is set with `setPriority`. */
  group?: string;
  /**
   * Workers this request leaves to others (default 0): it runs on at most `size − spareWorkers` workers, and
   * at least one (where it may queue its next chunk behind its own running one, so its worker never waits
   * for a round trip through the page's thread). A figure keeps a worker free this way for a request of its
   * own that comes back every few milliseconds (a chain of short segments) and should not wait behind long
   * chunks; see `setSpareWorkers`.
   */
  spareWorkers?: number;
}

export interface PoolOptions {
  /** Upper bound on workers (default `defaultPoolSize()`). */
  size?: number;
  /** Workers created for any work; more (up to `size`) only for work on screen (default `size`). */
  baseSize?: number;
  createWorker?: () => WorkerLike;
  /** The experiments' main-thread halves (default: the registry's, each loaded on first use). */
  lookup?: (name: string) => AnyExperimentSpec;
  /** Target duration of one chunk in ms (default 8). */
  chunkMs?: number;
  /** A fixed number of samples per chunk instead of the time target (benchmarks compare the two). */
  chunkSamples?: number;
  /** Minimum ms between partial results of one request (default 150). */
  progressMs?: number;
  /** A worker idle this long is terminated (default 15 000). */
  idleMs?: number;
  /** Silence after which a busy worker counts as dead: at least this (default 4 000) … */
  watchdogMs?: number;
  /** … or this while the request's cost per sample is still unknown (default 15 000). */
  firstChunkWatchdogMs?: number;
  /** Clock (default performance.now / Date.now). */
  now?: () => number;
  /**
   * Permits shared with other pages of the site (embeds on one host page, tabs): every worker beyond a
   * pool's first needs one, so all pools together stay within one bound. Default: Web Locks, size − 1.
   */
  permits?: WorkerPermits | null;
}

/** A shared budget of extra workers: `tryAcquire` resolves a release function, or null when none is free. */
export interface WorkerPermits {
  tryAcquire(): Promise<(() => void) | null>;
}

/** Permits as Web Locks `<prefix>0 … <prefix>(count − 1)`, shared by every same-origin page (and frame) in the browser. */
export function webLockPermits(prefix: string, count: number): WorkerPermits | null {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks || count <= 0) return null;
  const tryOne = (name: string) =>
    new Promise<(() => void) | null>((resolve) => {
      locks
        .request(name, { ifAvailable: true }, (lock) => {
          if (!lock) {
            resolve(null);
            return undefined;
          }
          // Held until released: the lock callback's promise settles then.
          return new Promise<void>((release) => resolve(() => release()));
        })
        .catch(() => resolve(null));
    });
  return {
    async tryAcquire() {
      for (let i = 0; i < count; i++) {
        const release = await tryOne(`${prefix}${i}`);
        if (release) return release;
      }
      return null;
    },
  };
}

export const MAX_POOL_SIZE = 4;
/** Rank of a request whose group has not reported (or that has no group). */
export const DEFAULT_PRIORITY = 1;

/**
 * min(4, hardwareConcurrency), at least 1. On a two-core laptop both cores compute: a reader waiting for
 * the figure in view has an idle main thread, and leaving one core to it (hardwareConcurrency − 1) doubled
 * the wait for the CPU-bound figures (baseline-race, measurement-marathon) without a measurable gain in
 * frame times. Embeds still start with one worker and grow only for work on screen (see `grow`).
 */
export function defaultPoolSize(): number {
  const hc = typeof navigator !== 'undefined' && navigator.hardwareConcurrency ? navigator.hardwareConcurrency : 2;
  return Math.max(1, Math.min(MAX_POOL_SIZE, hc));
}

/** An embed (`/embed/…`) starts with one worker; the article may use the whole pool. */
export function defaultBaseSize(size: number): number {
  const path = typeof location !== 'undefined' ? location.pathname : '';
  return /(^|\/)embed\//.test(path) ? 1 : size;
}

export function createModuleWorker(): WorkerLike {
  return new Worker(new URL('./experiment.worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike;
}

/** Chunk size for a target duration, from the measured ms per sample (1 while unknown). */
export function chunkSizeFor(msPerSample: number | undefined, targetMs: number, remaining: number): number {
  if (msPerSample === undefined || !(msPerSample > 0)) return Math.min(1, remaining);
  return Math.max(1, Math.min(remaining, Math.floor(targetMs / msPerSample)));
}

/** The message a request rejects with when its chunk lost its worker twice. */
export class WorkerLostError extends Error {
  constructor(detail: string) {
    super(`The computation stopped: its worker ${detail}, twice. Retry, or reload the page.`);
    this.name = 'WorkerLostError';
  }
}

interface Chunk {
  id: number;
  request: Request;
  range: [number, number];
  /** Times this range lost its worker while running. */
  failures: number;
  /** The first chunk of its request on its worker: its time includes the worker's set-up for the request
   * (compiling, caches), so it only stands in for the cost per sample until a warm chunk measures it. */
  cold: boolean;
}

interface Request {
  /** When it last got a chunk (a dispatch counter; 0 = never). */
  lastServed: number;
  key: string;
  name: string;
  group: string | undefined;
  /** Workers it may run on at once (from spareWorkers). */
  maxChunks: number;
  def: AnyExperimentSpec;
  params: unknown;
  count: number;
  workPerSample: number;
  /** Next sample index not yet handed out. */
  next: number;
  /** Ranges to hand out again (their worker died), before `next`. */
  retry: Chunk[];
  inFlight: Set<Chunk>;
  /** Raw samples of finished chunks (folded into one part at each partial result). */
  parts: unknown[];
  samplesDone: number;
  /** Samples [0, prefix) are all finished; `finished` holds the finished ranges beyond it. */
  prefix: number;
  finished: Array<[number, number]>;
  /** The spec's level prefixes not reached yet, ascending. */
  levels: number[];
  msPerSample: number | undefined;
  /** msPerSample comes from cold chunks only (see Chunk.cold). */
  msTentative: boolean;
  onProgress?: (done: number, total: number, partial?: unknown) => void;
  lastProgress: number;
  progressGap: number;
  progressTimer: ReturnType<typeof setTimeout> | undefined;
  resolve(result: ExperimentResult<unknown, unknown>): void;
  reject(err: unknown): void;
  settled: boolean;
  cleanup(): void;
}

interface Slot {
  worker: WorkerLike;
  /** Returns the shared permit this worker holds (workers beyond the pool's first). */
  release: (() => void) | undefined;
  /** Chunks sent and not yet answered, in the order the worker runs them. */
  chunks: Chunk[];
  watchdog: ReturnType<typeof setTimeout> | undefined;
  idle: ReturnType<typeof setTimeout> | undefined;
  dead: boolean;
  /** Requests this worker has run a chunk of (its later chunks of them are warm). */
  served: WeakSet<Request>;
}

export class ExperimentPool {
  readonly size: number;
  readonly baseSize: number;
  private readonly createWorker: () => WorkerLike;
  private readonly lookup: (name: string) => AnyExperimentSpec;
  private readonly chunkMs: number;
  private readonly chunkSamples: number | undefined;
  private readonly progressMs: number;
  private readonly idleMs: number;
  private readonly watchdogMs: number;
  private readonly firstChunkWatchdogMs: number;
  private readonly now: () => number;
  private readonly slots: Slot[] = [];
  private readonly requests: Request[] = [];
  private readonly byKey = new Map<string, Request>();
  private readonly priorities = new Map<string, number>();
  private nextId = 1;
  private dispatches = 0;
  private spawned = 0;
  private disposed = false;
  /** true with the default registry: specs are loaded on first use (experiments/registry.ts) */
  private readonly loadsDefinitions: boolean;
  private readonly permits: WorkerPermits | null;
  private readonly freePermits: Array<() => void> = [];
  private permitPending = false;
  private permitRetryAt = -Infinity;
  /** The experiments last announced by `prepare`: a worker loads them when it starts. */
  private prepared = new Set<string>();

  constructor(options: PoolOptions = {}) {
    this.size = Math.max(1, Math.min(MAX_POOL_SIZE, Math.floor(options.size ?? defaultPoolSize())));
    this.baseSize = Math.max(1, Math.min(this.size, Math.floor(options.baseSize ?? defaultBaseSize(this.size))));
    this.createWorker = options.createWorker ?? createModuleWorker;
    this.lookup = options.lookup ?? getLoadedExperimentSpec;
    this.loadsDefinitions = options.lookup === undefined;
    this.chunkMs = options.chunkMs ?? 8;
    this.chunkSamples = options.chunkSamples === undefined ? undefined : Math.max(1, Math.floor(options.chunkSamples));
    this.progressMs = options.progressMs ?? 150;
    this.idleMs = options.idleMs ?? 15_000;
    this.watchdogMs = options.watchdogMs ?? 4_000;
    this.firstChunkWatchdogMs = options.firstChunkWatchdogMs ?? 15_000;
    this.now = options.now ?? (() => (typeof performance !== 'undefined' ? performance.now() : Date.now()));
    this.permits =
      options.permits === undefined ? webLockPermits('qml-experiment-worker-', this.size - 1) : options.permits;
  }

  /** Runs an experiment across the pool. Rejects with an AbortError when cancelled or superseded. */
  run<P, D>(name: string, input: Partial<P>, options: RunOptions<D> = {}): Promise<ExperimentResult<D, P>> {
    if (this.disposed) return Promise.reject(new Error('the experiment pool has been disposed'));
    // The spec's chunk (normalize, merge, summarize: no simulator) loads on first use; the request then
    // starts as if just made (an older request for the same key is superseded then).
    if (this.loadsDefinitions && !loadedExperimentSpec(name)) {
      return loadExperimentSpec(name).then(() => this.run<P, D>(name, input, options));
    }
    let def: AnyExperimentSpec;
    let params: P;
    try {
      def = this.lookup(name);
      params = def.normalize(input);
    } catch (err) {
      return Promise.reject(err);
    }
    const key = options.key ?? name;
    const previous = this.byKey.get(key);
    if (previous) this.failRequest(previous, new AbortError(`superseded by a newer '${key}' request`));
    if (options.signal?.aborted) return Promise.reject(new AbortError());

    return new Promise<ExperimentResult<D, P>>((resolve, reject) => {
      const onAbort = () => this.failRequest(request, new AbortError());
      const request: Request = {
        lastServed: 0,
        key,
        name,
        group: options.group,
        maxChunks: this.chunkLimit(options.spareWorkers),
        def,
        params,
        count: def.sampleCount(params),
        workPerSample: def.workPerSample(params),
        next: 0,
        retry: [],
        inFlight: new Set(),
        parts: [],
        samplesDone: 0,
        prefix: 0,
        finished: [],
        levels: [...(def.levelPrefixes?.(params) ?? [])],
        msPerSample: undefined,
        msTentative: false,
        onProgress: options.onProgress as Request['onProgress'],
        lastProgress: -Infinity,
        progressGap: this.progressMs,
        progressTimer: undefined,
        resolve: resolve as Request['resolve'],
        reject,
        settled: false,
        cleanup: () => options.signal?.removeEventListener('abort', onAbort),
      };
      options.signal?.addEventListener('abort', onAbort, { once: true });
      this.byKey.set(key, request);
      this.requests.push(request);
      if (request.count === 0) {
        this.complete(request);
        return;
      }
      this.pump();
    });
  }

  /**
   * Gets ready for runs of these experiments before they are asked for (a figure's code is loading): loads
   * their specs here, and starts the workers a run would start (up to `baseSize`), each loading the
   * experiments' definitions. A run then finds its workers started and its code loaded.
   */
  prepare(names: readonly string[]): void {
    if (this.disposed) return;
    // Only the latest figure's: a worker started later (a replacement, more work) loads what it will run.
    this.prepared = new Set(names);
    for (const name of names) {
      // Loading is once per name, here and in a worker; a failed load is retried by the run that needs it.
      if (this.loadsDefinitions) void loadExperimentSpec(name).catch(() => undefined);
      for (const s of this.slots) s.worker.postMessage({ type: 'prepare', name });
    }
    this.warmUp();
  }

  /** Starts workers for prepared experiments, up to `baseSize` (beyond the first, with a shared permit). */
  private warmUp(): void {
    while (this.prepared.size > 0 && this.slots.length < this.baseSize) {
      if (!this.permits || this.slots.length === 0) this.armIdle(this.spawn(undefined));
      else {
        const permit = this.freePermits.pop();
        if (!permit) {
          this.requestPermit();
          return;
        }
        this.armIdle(this.spawn(permit));
      }
    }
  }

  /** Ranks a group's requests: 0 on screen, 1 next below, 2 far (lower runs first). `undefined` forgets it. */
  setPriority(group: string, level: number | undefined): void {
    if (level === undefined) this.priorities.delete(group);
    else this.priorities.set(group, level);
    this.pump();
  }

  /** Changes the workers the running request for a key leaves to others (see RunOptions.spareWorkers). */
  setSpareWorkers(key: string, spareWorkers: number | undefined): void {
    const r = this.byKey.get(key);
    if (!r) return;
    r.maxChunks = this.chunkLimit(spareWorkers);
    this.pump();
  }

  private chunkLimit(spareWorkers: number | undefined): number {
    return spareWorkers ? Math.max(1, this.size - Math.floor(spareWorkers)) : Infinity;
  }

  /** Cancels the running request for a key, if any. */
  cancel(key: string): void {
    const r = this.byKey.get(key);
    if (r) this.failRequest(r, new AbortError());
  }

  /** Terminates every worker and rejects pending requests. */
  dispose(): void {
    for (const r of [...this.requests]) this.failRequest(r, new AbortError('the experiment pool was disposed'));
    for (const s of [...this.slots]) this.removeSlot(s);
    for (const release of this.freePermits.splice(0)) release();
    this.disposed = true;
  }

  /** Workers alive now. */
  get workerCount(): number {
    return this.slots.length;
  }

  /** Workers created since the pool was made (replacements included). */
  get spawnedCount(): number {
    return this.spawned;
  }

  /**
   * Test hook: terminates the busy workers without telling the pool, as a worker that dies silently
   * (closed, crashed, killed by the browser) would. Returns how many were killed.
   */
  killBusyWorkersSilently(): number {
    let n = 0;
    for (const s of this.slots)
      if (s.chunks.length && !s.dead) {
        s.worker.onmessage = null;
        s.worker.onerror = null;
        s.worker.terminate();
        n++;
      }
    return n;
  }

  private levelOf(r: Request): number {
    return r.group === undefined ? DEFAULT_PRIORITY : (this.priorities.get(r.group) ?? DEFAULT_PRIORITY);
  }

  /** The request whose next chunk goes out first: best rank; at equal rank the one with fewer chunks
   * out, then the one served longest ago (requests of equal rank share the workers in turn). */
  private nextRequest(): Request | undefined {
    let best: Request | undefined;
    let bestLevel = Infinity;
    for (const r of this.requests) {
      if (r.settled || (r.retry.length === 0 && r.next >= r.count)) continue;
      if (r.inFlight.size >= r.maxChunks && !this.ownQueue(r)) continue;
      const level = this.levelOf(r);
      if (
        !best ||
        level < bestLevel ||
        (level === bestLevel &&
          (r.inFlight.size < best.inFlight.size ||
            (r.inFlight.size === best.inFlight.size && r.lastServed < best.lastServed)))
      ) {
        best = r;
        bestLevel = level;
      }
    }
    return best;
  }

  /** A worker running a chunk of `r` alone, where `r` (at its worker limit) may queue its next chunk. */
  private ownQueue(r: Request): Slot | undefined {
    if (r.maxChunks === Infinity) return undefined;
    return this.slots.find((s) => s.chunks.length === 1 && s.chunks[0].request === r);
  }

  private takeChunk(r: Request): Chunk {
    r.lastServed = ++this.dispatches;
    const retried = r.retry.shift();
    if (retried) return retried;
    const remaining = r.count - r.next;
    const size =
      this.chunkSamples !== undefined
        ? Math.min(this.chunkSamples, remaining)
        : chunkSizeFor(r.msPerSample, this.chunkMs, remaining);
    const chunk: Chunk = { id: this.nextId++, request: r, range: [r.next, r.next + size], failures: 0, cold: false };
    r.next += size;
    return chunk;
  }

  /** A slot for the next chunk of `r`: an idle worker, a new one if allowed, else a second place in a worker's queue. */
  private slotFor(r: Request): Slot | undefined {
    if (r.inFlight.size >= r.maxChunks) return this.ownQueue(r);
    const idle = this.slots.find((s) => s.chunks.length === 0);
    if (idle) return idle;
    const limit = this.levelOf(r) === 0 ? this.size : this.baseSize;
    if (this.slots.length < limit) {
      if (!this.permits || this.slots.length === 0) return this.spawn(undefined);
      const permit = this.freePermits.pop();
      if (permit) return this.spawn(permit);
      this.requestPermit();
    }
    // Queue a second chunk only when chunks are short: a long one queued behind another would hold back
    // a worker that frees up meanwhile.
    const short =
      r.msPerSample !== undefined &&
      (this.chunkSamples ?? chunkSizeFor(r.msPerSample, this.chunkMs, Infinity)) * r.msPerSample <= 2 * this.chunkMs;
    return short ? this.slots.find((s) => s.chunks.length === 1) : undefined;
  }

  private pump(): void {
    if (this.disposed) return;
    for (;;) {
      const r = this.nextRequest();
      if (!r) break;
      const slot = this.slotFor(r);
      if (!slot) break;
      const chunk = this.takeChunk(r);
      chunk.cold = !slot.served.has(r);
      slot.served.add(r);
      r.inFlight.add(chunk);
      slot.chunks.push(chunk);
      this.clearIdle(slot);
      if (slot.chunks.length === 1) this.armWatchdog(slot);
      slot.worker.postMessage({ type: 'run', id: chunk.id, name: r.name, params: r.params, range: chunk.range });
    }
    for (const s of this.slots) if (s.chunks.length === 0 && s.idle === undefined) this.armIdle(s);
    // Permits that arrived after the work ran out go back to the other pages.
    if (!this.nextRequest()) for (const release of this.freePermits.splice(0)) release();
  }

  /** Asks for a shared permit (at most one request at a time, and not again for a second after a refusal). */
  private requestPermit(): void {
    if (!this.permits || this.permitPending || this.now() < this.permitRetryAt) return;
    this.permitPending = true;
    void this.permits.tryAcquire().then((release) => {
      this.permitPending = false;
      if (!release) {
        this.permitRetryAt = this.now() + 1000;
        return;
      }
      if (this.disposed) {
        release();
        return;
      }
      this.freePermits.push(release);
      this.warmUp();
      this.pump();
    });
  }

  private spawn(release: (() => void) | undefined): Slot {
    const slot: Slot = {
      worker: this.createWorker(),
      release,
      chunks: [],
      watchdog: undefined,
      idle: undefined,
      dead: false,
      served: new WeakSet(),
    };
    this.spawned++;
    slot.worker.onmessage = (event) => this.onMessage(slot, event.data);
    slot.worker.onerror = (event) => this.onWorkerLost(slot, `failed (${event?.message ?? 'no message'})`);
    this.slots.push(slot);
    for (const name of this.prepared) slot.worker.postMessage({ type: 'prepare', name });
    return slot;
  }

  private removeSlot(slot: Slot): void {
    slot.dead = true;
    clearTimeout(slot.watchdog);
    this.clearIdle(slot);
    slot.worker.onmessage = null;
    slot.worker.onerror = null;
    slot.worker.terminate();
    slot.release?.();
    slot.release = undefined;
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
  }

  private armWatchdog(slot: Slot): void {
    clearTimeout(slot.watchdog);
    slot.watchdog = undefined;
    const running = slot.chunks[0];
    if (!running) return;
    const perSample = running.request.msPerSample;
    const expected = perSample === undefined ? undefined : perSample * (running.range[1] - running.range[0]);
    const limit = expected === undefined ? this.firstChunkWatchdogMs : Math.max(this.watchdogMs, 10 * expected);
    slot.watchdog = setTimeout(() => this.onWorkerLost(slot, 'stopped responding'), limit);
  }

  private armIdle(slot: Slot): void {
    slot.idle = setTimeout(() => {
      slot.idle = undefined;
      if (slot.chunks.length === 0) this.removeSlot(slot);
    }, this.idleMs);
  }

  private clearIdle(slot: Slot): void {
    if (slot.idle !== undefined) {
      clearTimeout(slot.idle);
      slot.idle = undefined;
    }
  }

  /** The worker died (error event or watchdog): replace it, retry its chunks once. */
  private onWorkerLost(slot: Slot, detail: string): void {
    if (slot.dead) return;
    const lost = slot.chunks.splice(0);
    this.removeSlot(slot);
    lost.forEach((chunk, i) => {
      const r = chunk.request;
      r.inFlight.delete(chunk);
      if (r.settled) return;
      // Only the running chunk (the first) may have caused the death; a queued one is simply re-sent.
      if (i === 0) chunk.failures++;
      if (chunk.failures >= 2) {
        this.failRequest(r, new WorkerLostError(detail));
        return;
      }
      const again: Chunk = { ...chunk, id: this.nextId++ };
      r.retry.push(again);
    });
    this.pump();
  }

  private onMessage(slot: Slot, msg: FromWorker): void {
    if (slot.dead) return;
    if (msg.type === 'progress') {
      this.armWatchdog(slot);
      return;
    }
    const at = slot.chunks.findIndex((c) => c.id === msg.id);
    if (at < 0) return;
    const [chunk] = slot.chunks.splice(at, 1);
    this.armWatchdog(slot);
    const r = chunk.request;
    r.inFlight.delete(chunk);
    if (!r.settled) {
      if (msg.type === 'error') {
        this.failRequest(
          r,
          msg.name === 'AbortError'
            ? new AbortError(msg.message)
            : Object.assign(new Error(msg.message), { name: msg.name }),
        );
      } else {
        const n = chunk.range[1] - chunk.range[0];
        if (n > 0 && msg.ms >= 0) {
          const measured = msg.ms / n;
          // A cold chunk's time includes set-up: it sets the estimate only while there is none, and the
          // first warm measurement replaces it (else one slow start keeps chunks at one sample for a while).
          if (r.msPerSample === undefined || (r.msTentative && !chunk.cold)) {
            r.msPerSample = measured;
            r.msTentative = chunk.cold;
          } else if (!chunk.cold) r.msPerSample = 0.5 * r.msPerSample + 0.5 * measured;
        }
        r.parts.push(msg.samples);
        r.samplesDone += n;
        if (r.samplesDone >= r.count) this.complete(r);
        else if (this.reachesLevel(r, chunk.range)) this.flushNow(r);
        else this.scheduleProgress(r);
      }
    }
    this.pump();
  }

  private complete(r: Request): void {
    try {
      const merged = r.def.merge(r.params, r.parts);
      const result = finalize(r.def, r.params, merged);
      this.settle(r);
      r.resolve(result);
    } catch (err) {
      this.failRequest(r, err);
    }
  }

  /** Records a finished range; true when the finished prefix now covers one of the spec's level prefixes. */
  private reachesLevel(r: Request, range: [number, number]): boolean {
    if (r.levels.length === 0) return false;
    r.finished.push(range);
    for (;;) {
      const i = r.finished.findIndex(([a]) => a === r.prefix);
      if (i < 0) break;
      r.prefix = r.finished[i][1];
      r.finished.splice(i, 1);
    }
    let reached = false;
    while (r.levels.length > 0 && r.levels[0] <= r.prefix) {
      r.levels.shift();
      reached = true;
    }
    return reached;
  }

  /** A partial result now: a new level of the picture is complete, which is worth a report out of turn. */
  private flushNow(r: Request): void {
    clearTimeout(r.progressTimer);
    r.progressTimer = undefined;
    this.flushProgress(r);
  }

  private scheduleProgress(r: Request): void {
    if (!r.onProgress || r.progressTimer !== undefined) return;
    const wait = r.lastProgress + r.progressGap - this.now();
    if (wait <= 0) {
      this.flushProgress(r);
      return;
    }
    r.progressTimer = setTimeout(() => {
      r.progressTimer = undefined;
      this.flushProgress(r);
    }, wait);
  }

  /** Merges what has arrived into one part and reports it; the cost sets the gap to the next report. */
  private flushProgress(r: Request): void {
    if (r.settled || !r.onProgress) return;
    const t0 = this.now();
    const merged = r.parts.length > 1 ? r.def.merge(r.params, r.parts) : r.parts[0];
    r.parts = merged === undefined ? [] : [merged];
    const partial = merged === undefined ? undefined : r.def.summarize(r.params, merged);
    const t1 = this.now();
    r.lastProgress = t1;
    // At most ~5% of the main thread on partial results, and never more often than progressMs.
    r.progressGap = Math.max(this.progressMs, 20 * (t1 - t0));
    r.onProgress(r.samplesDone * r.workPerSample, r.count * r.workPerSample, partial);
  }

  private settle(r: Request): void {
    r.settled = true;
    r.cleanup();
    clearTimeout(r.progressTimer);
    r.progressTimer = undefined;
    if (this.byKey.get(r.key) === r) this.byKey.delete(r.key);
    const i = this.requests.indexOf(r);
    if (i >= 0) this.requests.splice(i, 1);
    r.retry.length = 0;
    r.parts = [];
  }

  private failRequest(r: Request, err: unknown): void {
    if (r.settled) return;
    // Chunks already sent are cancelled; their workers stay busy until they answer for them.
    for (const chunk of r.inFlight) {
      const slot = this.slots.find((s) => s.chunks.includes(chunk));
      slot?.worker.postMessage({ type: 'cancel', id: chunk.id });
    }
    this.settle(r);
    r.reject(err);
  }
}

let defaultPool: ExperimentPool | null = null;

/** The shared pool (created on first use, with module workers). */
export function getDefaultPool(): ExperimentPool {
  if (!defaultPool) {
    // For end-to-end tests: shorter watchdogs (set by an init script before the page's code runs), so a
    // test of a dead worker waits seconds, not the 15 s a cold first chunk is allowed on a slow machine.
    const testOptions = (globalThis as { __qmlPoolOptions?: Pick<PoolOptions, 'firstChunkWatchdogMs'> })
      .__qmlPoolOptions;
    defaultPool = new ExperimentPool({ firstChunkWatchdogMs: testOptions?.firstChunkWatchdogMs });
    // For end-to-end tests: simulate a worker that dies without an error event.
    (globalThis as { __qmlPool?: { killBusyWorkers(): number } }).__qmlPool = {
      killBusyWorkers: () => defaultPool?.killBusyWorkersSilently() ?? 0,
    };
  }
  return defaultPool;
}
