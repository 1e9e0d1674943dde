// A live corpus: add or edit an article in the corpus folder and the running bot answers from it without a
// restart. The folder is watched (fs.watch) and changes are debounced (editors save in bursts); then a new
// engine is built aside, from scratch, and swapped into `app.context.engine` in one assignment. A request
// runs synchronously against the engine it read, so none ever sees a half-built index. A file that does not
// parse (CorpusError) is reported and the previous engine keeps serving until the file is fixed.
// Used by the gateway bot, the HTTP server and the console alike: each calls watchCorpus on its own app.
import { createHash } from 'node:crypto';
import { watch, type FSWatcher } from 'node:fs';
import type { CommandContext } from './discord/commands/types.ts';
import { loadOrBuildIndex, loadOrExtract } from './domain/cache.ts';
import { CorpusError } from './domain/corpus.ts';
import { createEngine, type Engine, type EngineOptions } from './domain/engine.ts';
import { isArticleFile, loadCorpus, PEOPLE_FILE, SYNONYMS_FILE, type CorpusFiles } from './domain/load.ts';
import type { CorpusInfo } from './domain/types.ts';
import type { Logger } from './log.ts';

export type ReloadEvent =
  | { ok: true; info: CorpusInfo; ms: number; trigger: string | null }
  | { ok: false; error: Error; trigger: string | null }
  /** The files changed on disk but not in content (a touch, an editor's save without edits). */
  | { ok: 'unchanged'; trigger: string | null };

export interface WatchCorpusOptions {
  /** The app whose engine is swapped; only `context.engine` is touched. */
  app: { context: Pick<CommandContext, 'engine'> };
  dir: string;
  logger: Logger;
  /** Quiet time after the last change before rebuilding. */
  debounceMs?: number;
  /** How to build an engine from loaded files; defaults to createEngine (with the persisted cache if cacheDir). */
  build?: (corpus: CorpusFiles) => Engine;
  engineOptions?: Partial<EngineOptions>;
  /** Persist the new index and extracted quotes there too (as createApp does), so the next start loads them. */
  cacheDir?: string | null;
  /** Called after every reload attempt: the console prints it, tests wait on it. */
  onReload?: (event: ReloadEvent) => void;
}

export const DEFAULT_DEBOUNCE_MS = 300;

export interface CorpusWatcher {
  /** Reloads now (also what a change triggers). Never throws. */
  reload(trigger?: string | null): ReloadEvent;
  stop(): void;
}

/** Only files that make up the corpus trigger a reload; editors' swap and backup files do not. */
export function isCorpusFile(name: string): boolean {
  return (isArticleFile(name) && !name.startsWith('.')) || name === PEOPLE_FILE || name === SYNONYMS_FILE;
}

function signature(corpus: Pick<CorpusFiles, 'sources'>): string {
  const hash = createHash('sha256');
  for (const s of corpus.sources) hash.update(s.file).update('\0').update(s.text).update('\0');
  return hash.digest('hex');
}

export function watchCorpus(options: WatchCorpusOptions): CorpusWatcher {
  const { app, dir, debounceMs = DEFAULT_DEBOUNCE_MS, onReload } = options;
  const log = options.logger.child({ component: 'live-corpus', dir });
  const { cacheDir } = options;
  const build =
    options.build ??
    ((corpus: CorpusFiles) =>
      createEngine(
        corpus,
        cacheDir ? { ...options.engineOptions, index: loadOrBuildIndex(corpus, cacheDir).index, extracted: loadOrExtract(corpus, cacheDir).extracted } : options.engineOptions,
      ));
  // What the serving engine was built from, so a save without changes does not rebuild. Unknown (null) if
  // the folder cannot be read right now: then the first change rebuilds.
  let current: string | null = null;
  try {
    current = signature(loadCorpus(dir));
  } catch {
    current = null;
  }
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const changed = new Set<string>();

  const reload = (trigger: string | null = null): ReloadEvent => {
    let event: ReloadEvent;
    const t0 = performance.now();
    try {
      const corpus = loadCorpus(dir);
      const sig = signature(corpus);
      if (sig === current) {
        event = { ok: 'unchanged', trigger };
      } else {
        const engine = build(corpus);
        app.context.engine = engine; // the swap: one assignment, after the new engine is complete
        current = sig;
        event = { ok: true, info: engine.info(), ms: Math.round(performance.now() - t0), trigger };
        log.info({ articles: event.info.articles.length, passages: event.info.passages, ms: event.ms, trigger }, 'corpus reloaded');
      }
    } catch (error) {
      const err = error instanceof Error ? error : new Error(String(error));
      event = { ok: false, error: err, trigger };
      // A CorpusError is the operator's to fix (its message names file and line); anything else is a bug.
      if (error instanceof CorpusError) log.error({ problem: err.message, trigger }, 'corpus reload failed: the previous corpus keeps serving');
      else log.error({ err, trigger }, 'corpus reload crashed: the previous corpus keeps serving');
    }
    try {
      onReload?.(event);
    } catch (error) {
      log.error({ err: error }, 'onReload listener threw');
    }
    return event;
  };

  let watcher: FSWatcher | null = null;
  try {
    watcher = watch(dir, { persistent: false }, (_type, filename) => {
      const name = filename ? filename.toString() : null;
      if (stopped || (name !== null && !isCorpusFile(name))) return;
      changed.add(name ?? '(unknown)');
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        const trigger = [...changed].sort().join(', ');
        changed.clear();
        if (!stopped) reload(trigger);
      }, debounceMs);
    });
    watcher.on('error', (error) => log.error({ err: error }, 'corpus watch failed: changes are no longer picked up'));
    log.info({ debounceMs }, 'watching the corpus folder');
  } catch (error) {
    log.error({ err: error }, 'cannot watch the corpus folder: changes need a restart');
  }

  return {
    reload,
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      watcher?.close();
    },
  };
}
