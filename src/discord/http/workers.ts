// `npm run serve -- --workers N`: N copies of the HTTP server on one machine, sharing one port through
// node:cluster (the primary accepts connections and hands them to the workers). Each worker is an ordinary
// `npm run serve` with its own index in memory; with REDIS_URL they share cooldowns and the replay window,
// without it each keeps its own (README, "Running at scale"). The primary forwards SIGTERM/SIGINT, lets
// every worker drain, and exits 0 once all have. A worker that dies after it was ready is started again;
// one that dies before (bad corpus, port taken) stops them all with exit code 1, like a single process.
import cluster, { type Worker } from 'node:cluster';
import { once } from 'node:events';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { ConfigError } from '../../config.ts';
import type { Logger } from '../../log.ts';
import { serveClusterMetrics } from './cluster-metrics.ts';

export const MAX_WORKERS = 64;

/** What a worker sends its primary once it answers interactions. */
export const WORKER_READY = 'pactbot:http-ready';

/** The worker count from `--workers N|auto` (auto: one per core); 1 when absent. */
export function workerCount(argv: string[]): number {
  let values: { workers?: string | undefined };
  try {
    values = parseArgs({ args: argv, options: { workers: { type: 'string' } }, strict: true }).values;
  } catch (error) {
    throw new ConfigError(`${(error as Error).message}; usage: npm run serve [-- --workers N|auto]`);
  }
  if (values.workers === undefined) return 1;
  if (values.workers === 'auto') return availableParallelism();
  const n = Number(values.workers);
  if (!/^\d+$/.test(values.workers) || n < 1 || n > MAX_WORKERS) throw new ConfigError(`--workers "${values.workers}" must be "auto" or a whole number from 1 to ${MAX_WORKERS}.`);
  return n;
}

/** Runs in the primary: forks `count` workers (this same script) and supervises them until a signal. */
export async function superviseWorkers(count: number, logger: Logger, options: { sharedState: boolean } = { sharedState: false }): Promise<void> {
  let stopping = false;
  let failedStart: (reason: string) => void = () => undefined;
  const startFailed = new Promise<string>((resolve) => (failedStart = resolve));
  const fork = (): Worker => {
    const worker = cluster.fork();
    let ready = false;
    worker.on('message', (message) => {
      if (message === WORKER_READY) ready = true;
    });
    worker.on('exit', (code, signal) => {
      if (stopping) return;
      if (!ready) return failedStart(`a worker exited before it was ready (code ${code}, signal ${signal})`);
      logger.warn({ worker: worker.process.pid, code, signal }, 'http: worker exited, starting another');
      fork();
    });
    return worker;
  };
  for (let i = 0; i < count; i++) fork();
  serveClusterMetrics();
  logger.info({ workers: count }, 'http: workers started');
  // Said at start-up, where an operator looks: N workers without Redis are N separate budgets and windows.
  if (!options.sharedState) {
    logger.warn(
      { workers: count },
      'http: without REDIS_URL each worker keeps its own cooldowns and replay window (a user gets each worker\'s budget; a replay reaching another worker is caught only by its timestamp)',
    );
  }

  const reason = await Promise.race([once(process, 'SIGTERM').then(() => 'SIGTERM'), once(process, 'SIGINT').then(() => 'SIGINT'), startFailed]);
  stopping = true;
  if (reason.startsWith('SIG')) logger.info({ signal: reason }, 'http: stopping workers');
  else {
    logger.error({ reason }, 'http: start-up failed, stopping workers');
    process.exitCode = 1;
  }
  // Each worker drains (in-flight requests and follow-ups) and exits on its own SIGTERM; a second signal here
  // ends the primary at once, as for a single process.
  process.once('SIGTERM', () => process.exit(1));
  process.once('SIGINT', () => process.exit(1));
  const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined && !w.isDead());
  await Promise.all(
    workers.map(async (worker) => {
      const exited = once(worker, 'exit');
      worker.process.kill('SIGTERM');
      await exited;
    }),
  );
  logger.info('http: all workers stopped');
}
