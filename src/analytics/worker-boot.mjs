// Run from source (tsx, tests), the analytics worker thread needs TypeScript:
// register tsx in this thread, then load the worker. The built server starts
// its bundled worker (dist/server/analytics-worker.js) directly instead.
import { workerData } from 'node:worker_threads';

const { register } = await import('tsx/esm/api');
register();
await import(workerData.entry);
