/** Messages between the pool (main thread) and experiment workers. Everything is structured-cloneable. */

export interface RunMessage {
  type: 'run';
  id: number;
  name: string;
  /** Normalized parameters. */
  params: unknown;
  /** Sample indices [start, end) this worker computes. */
  range: [number, number];
}

export interface CancelMessage {
  type: 'cancel';
  id: number;
}

export type ToWorker = RunMessage | CancelMessage;

export interface ProgressMessage {
  type: 'progress';
  id: number;
  /** Work units done and total for this worker's range. */
  done: number;
  total: number;
  /** Raw samples computed so far (the experiment's S type). */
  samples: unknown;
}

export interface DoneMessage {
  type: 'done';
  id: number;
  samples: unknown;
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
