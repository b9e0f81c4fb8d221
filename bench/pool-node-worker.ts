/** A Node worker thread running the experiment worker's handler (for bench/pool.bench.ts). */
import { parentPort } from 'node:worker_threads';
import { createWorkerHandler } from '../src/workers/handler';
import type { ToWorker } from '../src/workers/protocol';

const port = parentPort;
if (!port) throw new Error('pool-node-worker must run in a worker thread');
const handle = createWorkerHandler((message) => port.postMessage(message));
port.on('message', (message: ToWorker) => {
  void handle(message);
});
