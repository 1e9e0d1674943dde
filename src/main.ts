// Entry point of `npm start`: with DISCORD_TOKEN set it runs the gateway bot, otherwise the local console.
// Start-up errors (configuration, corpus) end the process with one clear line; nothing else may.
import { loadConfig } from './config.ts';
import { onStopSignals, runEntry, stopOnSignals } from './core/stop-signals.ts';
import { createLogger, silentLogger } from './log.ts';

async function main(): Promise<void> {
  const probe = loadConfig({ mode: 'console' });
  if (probe.discord.token) {
    const { startBot } = await import('./discord/gateway.ts');
    const config = loadConfig({ mode: 'bot' });
    const logger = createLogger(config.logLevel);
    const starting = startBot(config, { logger });
    // Installed before the bot logs in: a signal stops it (in-flight replies finished, question log written), then
    // the process exits; a second signal exits at once.
    stopOnSignals(starting, logger);
    await starting;
  } else {
    const { runConsole } = await import('./cli/console.ts');
    const aborted = new AbortController();
    let session: Promise<void> = Promise.resolve();
    // Installed before the session starts: a signal ends it like /exit (the question log writes what is
    // queued), then the process exits. Without a handler a signal kills the process outright.
    const removeHandlers = onStopSignals({
      logger: silentLogger(),
      stop: () => {
        aborted.abort();
        return session;
      },
    });
    session = runConsole({ config: probe, input: process.stdin, output: process.stdout, signal: aborted.signal });
    await session;
    removeHandlers();
  }
}

runEntry(main);
