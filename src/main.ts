// Entry point of `npm start`: with DISCORD_TOKEN set it runs the gateway bot, otherwise the local console.
// Start-up errors (configuration, corpus) end the process with one clear line; nothing else may.
import { ConfigError, loadConfig } from './config.ts';
import { CorpusError } from './domain/corpus.ts';
import { silentLogger } from './log.ts';
import { onStopSignals } from './stop-signals.ts';

async function main(): Promise<void> {
  const probe = loadConfig({ mode: 'console' });
  if (probe.discord.token) {
    const { startBot } = await import('./discord/gateway.ts');
    await startBot(loadConfig({ mode: 'bot' }));
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

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof CorpusError) {
    console.error(`pactbot: ${error.message}`);
  } else {
    console.error('pactbot: start-up failed:', error);
  }
  process.exitCode = 1;
});
