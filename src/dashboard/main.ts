// Entry point of `npm run dashboard`: the operator's dashboard alone, on PORT/HOST as for `npm run serve`.
// Without DASHBOARD_TOKEN it does not start, and says so in one line. SIGTERM/SIGINT close it.
import { ConfigError, loadConfig } from '../config.ts';
import { CorpusError } from '../domain/corpus.ts';
import { createLogger } from '../log.ts';
import { startDashboardServer } from './server.ts';

async function main(): Promise<void> {
  const config = loadConfig({ mode: 'dashboard' });
  const logger = createLogger(config.logLevel);
  const started = await startDashboardServer({ config, logger });
  const stop = (signal: NodeJS.Signals): void => {
    logger.info({ signal }, 'dashboard: shutting down');
    started.stop().then(
      () => logger.info('dashboard: stopped'),
      (error: unknown) => {
        logger.error({ err: error }, 'dashboard: unclean shutdown');
        process.exitCode = 1;
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof CorpusError) console.error(`pactbot: ${error.message}`);
  else console.error('pactbot: dashboard start-up failed:', error);
  process.exitCode = 1;
});
