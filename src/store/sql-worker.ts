// Runs SQL against a database file in a worker thread, for one-time work too slow for the event loop (building
// the dashboard's indexes on a log of a million questions takes seconds, and the server must keep answering
// Discord meanwhile). The worker is plain CommonJS passed as a string: workers do not inherit tsx's loader, and
// the code is three statements, so it needs no file of its own.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const DRIVER = createRequire(import.meta.url).resolve('better-sqlite3');

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true, timeout: workerData.timeoutMs });
try { db.exec(workerData.sql); } finally { db.close(); }
parentPort.postMessage('done');
`;

/** Resolves once `sql` has run in its own connection; rejects with the database's error. */
export function execInWorker(path: string, sql: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { driver: DRIVER, path, sql, timeoutMs } });
    let done = false;
    worker.once('message', () => {
      done = true;
      resolve();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!done) reject(new Error(`sql worker exited with code ${code} before finishing`));
    });
  });
}
