// The application factory: loads the corpus, builds the engine and the command context. main, the console,
// the HTTP server and the tests each construct their own app; nothing here runs at import time.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { COMMANDS } from './discord/commands/index.ts';
import type { AppInfo, CommandContext, SlashCommand } from './discord/commands/types.ts';
import { createEngine, type EngineOptions } from './domain/engine.ts';
import { loadCorpus } from './domain/load.ts';

export interface AppOptions {
  corpusDir: string;
  engine?: Partial<EngineOptions>;
  commands?: readonly SlashCommand[];
}

export interface App {
  /** Commands read `context.engine` on every call, so swapping it (live reload) takes effect at once. */
  context: CommandContext;
  commands: readonly SlashCommand[];
}

export function readAppInfo(): AppInfo {
  const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8')) as { name: string; version: string };
  return { name: pkg.name, version: pkg.version };
}

export function createApp(options: AppOptions): App {
  const commands = options.commands ?? COMMANDS;
  const engine = createEngine(loadCorpus(options.corpusDir), options.engine);
  return { commands, context: { engine, app: readAppInfo(), commands } };
}
