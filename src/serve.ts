// Entry point of `npm run serve`: the HTTP interactions endpoint (no bot token, no gateway). Start-up errors
// (configuration, corpus) end the process with one clear line. SIGTERM/SIGINT stop accepting, let in-flight
// requests and deferred follow-ups finish (bounded), then exit 0; a second signal exits at once (src/core/stop-signals.ts).
// `--workers N|auto` runs N such servers on one port through node:cluster (src/discord/http/workers.ts).
import cluster from 'node:cluster';
import { loadConfig } from './config.ts';
import { runEntry, stopOnSignals } from './core/stop-signals.ts';
import { startHttp } from './discord/http/start.ts';
import { superviseWorkers, WORKER_READY, workerCount } from './discord/http/workers.ts';
import { createLogger } from './log.ts';

async function main(): Promise<void> {
  const config = loadConfig({ mode: 'serve' });
  const logger = createLogger(config.logLevel);
  const workers = workerCount(process.argv.slice(2));
  if (workers > 1 && cluster.isPrimary) return superviseWorkers(workers, logger, { sharedState: config.redis !== null });
  const starting = startHttp({ config, logger });
  // Installed before the port opens: without a handler, a signal kills the process outright. The helper exits
  // after the stop (a cluster worker too: the primary is stopping and does not restart it).
  stopOnSignals(starting, logger);
  const started = await starting;

  // A corpus that cannot load is a start-up error: close the port and report it like a bad config.
  await started.ready.catch(async (error: unknown) => {
    await started.stop();
    throw error;
  });
  // Under --workers: the primary restarts a worker that dies from now on (before this, it stops them all).
  if (cluster.isWorker) process.send?.(WORKER_READY);
}

runEntry(main);
