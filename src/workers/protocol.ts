/** Messages between the pool (main thread) and experiment workers. Everything is structured-cloneable. */

export interface RunMessage {
  type: 'run';
  id: number;
  name: string;
  /** Normalized parameters. */
  params: unknown;
  /** Sample indices [start, end) to compute: one chunk, sized by the pool to take a few milliseconds. */
  range: [number, number];
}

/** Stops a run: a queued one is dropped, a running one stops before its next slice. Answered by an
 * AbortError (or by 'done' when the run had already finished). */
export interface CancelMessage {
  type: 'cancel';
  id: number;
}

/** Loads an experiment's definition (its chunks) ahead of its first run: a figure nearing the viewport. */
export interface PrepareMessage {
  type: 'prepare';
  name: string;
}

export type ToWorker = RunMessage | CancelMessage | PrepareMessage;

/** Sent while a long run is under way: work done so far (also the pool's sign that the worker is alive). */
export interface ProgressMessage {
  type: 'progress';
  id: number;
  /** Work units done and total for this run's range. */
  done: number;
  total: number;
  /** Raw samples so far, when the handler was asked to include them. */
  samples?: unknown;
}

export interface DoneMessage {
  type: 'done';
  id: number;
  samples: unknown;
  /** Milliseconds the worker spent computing this range (the pool sizes later chunks from it). */
  ms: number;
}

export interface ErrorMessage {
  type: 'error';
  id: number;
  /** 'AbortError' when the run was cancelled. */
  name: string;
  message: string;
}

export type FromWorker = ProgressMessage | DoneMessage | ErrorMessage;

/** The part of the Worker interface the pool uses (a fake in tests, a real module Worker in the browser). */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  terminate(): void;
  onmessage: ((event: { data: FromWorker }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
}
