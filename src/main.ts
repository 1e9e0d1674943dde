// Entry point of `npm start`: with DISCORD_TOKEN set it runs the gateway bot, otherwise the local console.
// Start-up errors (configuration, corpus) end the process with one clear line; nothing else may.
import { ConfigError, loadConfig } from './config.ts';
import { CorpusError } from './domain/corpus.ts';

async function main(): Promise<void> {
  const probe = loadConfig({ mode: 'console' });
  if (probe.discord.token) {
    const { startBot } = await import('./discord/gateway.ts');
    await startBot(loadConfig({ mode: 'bot' }));
  } else {
    const { runConsole } = await import('./cli/console.ts');
    await runConsole({ config: probe, input: process.stdin, output: process.stdout });
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
