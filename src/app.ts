// The application factory: loads the corpus, builds the engine and the command context. main, the console,
// the HTTP server and the tests each construct their own app; nothing here runs at import time.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { COMMANDS } from './discord/commands/index.ts';
import type { AppInfo, CommandContext, SlashCommand } from './discord/commands/types.ts';
import { createEngine, type EngineOptions } from './domain/engine.ts';
import { loadCorpus } from './domain/load.ts';
import { loadOrBuildIndex, type CachedIndex } from './domain/cache.ts';

export interface AppOptions {
  corpusDir: string;
  /** Where the search index is persisted (keyed by corpus contents and indexing code); none: built in memory. */
  cacheDir?: string;
  engine?: Partial<EngineOptions>;
  commands?: readonly SlashCommand[];
}

export interface App {
  /** Commands read `context.engine` on every call, so swapping it (live reload) takes effect at once. */
  context: CommandContext;
  commands: readonly SlashCommand[];
  /** With a cacheDir: whether the index was loaded or built, how long it took, any cache problem (worth a log line). */
  index?: Omit<CachedIndex, 'index'>;
}

export function readAppInfo(): AppInfo {
  const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8')) as { name: string; version: string };
  return { name: pkg.name, version: pkg.version };
}

export function createApp(options: AppOptions): App {
  const commands = options.commands ?? COMMANDS;
  const corpus = loadCorpus(options.corpusDir);
  const cached = options.cacheDir && !options.engine?.index ? loadOrBuildIndex(corpus, options.cacheDir) : undefined;
  const engine = createEngine(corpus, cached ? { ...options.engine, index: cached.index } : options.engine);
  const app: App = { commands, context: { engine, app: readAppInfo(), commands } };
  if (cached) {
    const { index: _, ...info } = cached;
    app.index = info;
  }
  return app;
}
