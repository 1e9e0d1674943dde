// Entry point of `npm run serve`: the HTTP interactions endpoint (no bot token, no gateway). Start-up errors
// (configuration, corpus) end the process with one clear line. SIGTERM/SIGINT stop accepting, let in-flight
// requests and deferred follow-ups finish (bounded), then exit 0; a second signal exits at once.
import { ConfigError, loadConfig } from './config.ts';
import { CorpusError } from './domain/corpus.ts';
import { startHttp } from './discord/http/start.ts';
import { createLogger } from './log.ts';

async function main(): Promise<void> {
  const config = loadConfig({ mode: 'serve' });
  const logger = createLogger(config.logLevel);
  const started = await startHttp({ config, logger });

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info({ signal }, 'http: shutting down');
    started.stop().then(
      () => {
        logger.info('http: stopped');
        // A cluster worker (or any forked child) is kept alive by its IPC channel: let go of it to exit.
        if (process.connected) process.disconnect();
      },
      (error: unknown) => {
        logger.error({ err: error }, 'http: unclean shutdown');
        process.exitCode = 1;
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);

  // A corpus that cannot load is a start-up error: close the port and report it like a bad config.
  await started.ready.catch(async (error: unknown) => {
    await started.stop();
    throw error;
  });
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof CorpusError) console.error(`pactbot: ${error.message}`);
  else console.error('pactbot: start-up failed:', error);
  process.exitCode = 1;
});
