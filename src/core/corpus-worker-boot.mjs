// Worker-thread entry for src/core/corpus-worker.ts: a worker does not inherit the parent's `--import tsx`, so it
// registers tsx itself before importing the TypeScript module.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
