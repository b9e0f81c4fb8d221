/**
 * Module worker entry: runs any registered experiment by name on a range of sample indices, posts progress
 * with partial raw samples, and stops on 'cancel'. Created by pool.ts with
 * `new Worker(new URL('./experiment.worker.ts', import.meta.url), { type: 'module' })`.
 */
import { createWorkerHandler } from './handler';
import type { FromWorker, ToWorker } from './protocol';

interface WorkerScope {
  postMessage(message: FromWorker): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
}

const scope = globalThis as unknown as WorkerScope;
const handle = createWorkerHandler((message) => scope.postMessage(message));
scope.onmessage = (event) => {
  void handle(event.data);
};
