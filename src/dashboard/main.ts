// Entry point of `npm run dashboard`: the operator's dashboard alone, on PORT/HOST as for `npm run serve`.
// Without DASHBOARD_TOKEN it does not start, and says so in one line. SIGTERM/SIGINT close it and exit.
import { ConfigError, loadConfig } from '../config.ts';
import { CorpusError } from '../domain/corpus.ts';
import { createLogger } from '../log.ts';
import { onStopSignals } from '../stop-signals.ts';
import { startDashboardServer } from './server.ts';

async function main(): Promise<void> {
  const config = loadConfig({ mode: 'dashboard' });
  const logger = createLogger(config.logLevel);
  const starting = startDashboardServer({ config, logger });
  // The same signal handling as every entry (src/stop-signals.ts): graceful stop, exit; a second signal exits at once.
  onStopSignals({
    logger,
    stop: async () => {
      await (await starting).stop();
      logger.info('dashboard: stopped');
    },
  });
  await starting;
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof CorpusError) console.error(`pactbot: ${error.message}`);
  else console.error('pactbot: dashboard start-up failed:', error);
  process.exitCode = 1;
});
