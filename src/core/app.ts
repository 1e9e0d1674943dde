// The application factory: loads the corpus, builds the engine and the command context. The runtime
// (runtime.ts), the console, the command line and the tests each construct their own app; nothing here runs at
// import time. The commands are given (src/commands/index.ts lists them), so the core knows no transport.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createEngine, type EngineOptions } from '../domain/engine.ts';
import { loadCorpus } from '../domain/load.ts';
import { loadOrBuildIndex, loadOrExtract, type CachedIndex } from '../store/index-cache.ts';
import type { AppInfo, CommandContext, CommandDefinition } from './command.ts';

export interface AppOptions<C extends CommandDefinition = CommandDefinition> {
  corpusDir: string;
  /**
   * Where the search index and the extracted quotes and commitments are persisted (keyed by corpus contents and
   * code); none: built in memory.
   */
  cacheDir?: string;
  engine?: Partial<EngineOptions>;
  /** Refuse a corpus larger than this (CorpusError); default: no limit. */
  maxCorpusBytes?: number;
  /** What the app answers (src/commands/index.ts: COMMANDS). */
  commands: readonly C[];
}

export interface App<C extends CommandDefinition = CommandDefinition> {
  /** Commands read `context.engine` on every call, so swapping it (live reload) takes effect at once. */
  context: CommandContext;
  commands: readonly C[];
  /** With a cacheDir: whether the index was loaded or built, how long it took, any cache problem (worth a log line). */
  index?: Omit<CachedIndex, 'index'>;
  /** The same for the extracted quotes and commitments. */
  extracted?: Omit<CachedIndex, 'index'>;
}

export function readAppInfo(): AppInfo {
  const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as { name: string; version: string };
  return { name: pkg.name, version: pkg.version };
}

/** A log line's fields about the persisted cache (none without one): where index and quotes came from, and how fast. */
export function cacheReport(app: App): Record<string, unknown> {
  if (!app.index && !app.extracted) return { cache: 'none' };
  const brief = (c: App['index']) => c && { source: c.source, ms: Math.round(c.ms), ...(c.error ? { error: c.error } : {}) };
  return { index: brief(app.index), extracted: brief(app.extracted) };
}

export function createApp<C extends CommandDefinition>(options: AppOptions<C>): App<C> {
  const { commands } = options;
  const corpus = loadCorpus(options.corpusDir, options.maxCorpusBytes ? { maxBytes: options.maxCorpusBytes } : {});
  const cached = options.cacheDir && !options.engine?.index ? loadOrBuildIndex(corpus, options.cacheDir) : undefined;
  const extracted = options.cacheDir && !options.engine?.extracted ? loadOrExtract(corpus, options.cacheDir) : undefined;
  const engine = createEngine(corpus, {
    ...options.engine,
    ...(cached ? { index: cached.index } : {}),
    ...(extracted ? { extracted: extracted.extracted } : {}),
  });
  const app: App<C> = { commands, context: { engine, app: readAppInfo(), commands } };
  if (cached) {
    const { index: _, ...info } = cached;
    app.index = info;
  }
  if (extracted) {
    const { extracted: _, ...info } = extracted;
    app.extracted = info;
  }
  return app;
}
