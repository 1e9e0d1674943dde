// A live corpus: add or edit an article in the corpus folder and the running bot answers from it without a
// restart. The folder is watched (src/core/folder-watch.ts: it survives the folder being deleted or replaced) and
// changes are debounced (editors save in bursts). Then the slow part, reading the files and building the index
// and the quotes, runs in a worker thread (src/core/corpus-worker.ts), so requests keep being answered from the old
// engine; the main thread parses the texts again, loads the index in chunks that yield, and swaps the new
// engine into `app.context.engine` in one assignment. A request runs synchronously against the engine it
// read, so none ever sees a half-built index. A file that does not parse, is not UTF-8, or a corpus over the
// size limit (or one whose build runs out of the worker's memory limit) is reported and the previous engine
// keeps serving. Used by the gateway bot, the HTTP server and the console alike.
import { Worker } from 'node:worker_threads';
import type { CommandContext } from './command.ts';
import { buildCorpus, corpusSignature, type BuildReply, type BuildRequest } from './corpus-worker.ts';
import { CorpusError, restorePassage } from '../domain/corpus.ts';
import { parseCurated } from '../domain/curated.ts';
import { createEngine, type Engine, type EngineOptions } from '../domain/engine.ts';
import { isArticleFile, loadCorpus, loadMeaning, PEOPLE_FILE, readCorpusSources, SYNONYMS_FILE, type CorpusFiles } from '../domain/load.ts';
import { fromChunks, indexFromChunks } from './thread-transfer.ts';
import type { Article, CorpusInfo } from '../domain/types.ts';
import { watchFolder } from './folder-watch.ts';
import type { Logger } from '../log.ts';

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
  /** Build in this thread with this function instead of the worker (tests that count or fail builds). */
  build?: (corpus: CorpusFiles) => Engine;
  engineOptions?: Partial<EngineOptions>;
  /** Persist the new index and extracted quotes there too (as createApp does), so the next start loads them. */
  cacheDir?: string | null;
  /** A corpus whose files add up to more than this is refused (CORPUS_MAX_MB). */
  maxCorpusBytes?: number;
  /** The worker's heap limit: a build that needs more is stopped and refused, the bot unharmed. */
  maxBuildHeapMb?: number;
  /**
   * Where the build runs: 'worker' (default) or 'main', blocking (tests that compare cache keys with their own
   * process: the index key hashes the indexing code as the running transpiler prints it).
   */
  thread?: 'worker' | 'main';
  /** Called after every reload attempt: the console prints it, tests wait on it. */
  onReload?: (event: ReloadEvent) => void;
}

export const DEFAULT_DEBOUNCE_MS = 300;
/** Building and handing over the index of a 50 MB article needs about 2 GB of worker heap (bench:reload). */
export const DEFAULT_BUILD_HEAP_MB = 3072;

export interface CorpusWatcher {
  /** Reloads now (also what a change triggers); reloads queue behind one in progress. Never rejects. */
  reload(trigger?: string | null): Promise<ReloadEvent>;
  stop(): void;
}

/** Only files that make up the corpus trigger a reload; editors' swap and backup files do not. */
export function isCorpusFile(name: string): boolean {
  return (isArticleFile(name) && !name.startsWith('.')) || name === PEOPLE_FILE || name === SYNONYMS_FILE;
}

const WORKER_BOOT = new URL('./corpus-worker-boot.mjs', import.meta.url);
const WORKER_ENTRY = new URL('./corpus-worker.ts', import.meta.url).href;

/** Runs one build in a fresh worker (its memory is returned when it exits); never rejects. */
function buildInWorker(request: BuildRequest, maxHeapMb: number): { reply: Promise<BuildReply>; stop: () => void } {
  const worker = new Worker(WORKER_BOOT, { workerData: { entry: WORKER_ENTRY, request }, resourceLimits: { maxOldGenerationSizeMb: maxHeapMb } });
  const reply = new Promise<BuildReply>((resolve) => {
    // The worker's heap is returned before the main thread restores the corpus: the two peaks do not add up.
    let replied = false;
    worker.once('message', (message: BuildReply) => {
      replied = true;
      void worker.terminate().then(() => resolve(message));
    });
    worker.once('error', (error: Error & { code?: string }) =>
      resolve({
        kind: 'failed',
        corpusError: error.code === 'ERR_WORKER_OUT_OF_MEMORY',
        message:
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? `corpus: ${request.dir}: building it needs more than the ${maxHeapMb} MB the reload may use: refused`
            : (error.stack ?? error.message),
      }),
    );
    worker.once('exit', (code) => {
      if (!replied) resolve({ kind: 'failed', corpusError: false, message: `corpus worker exited (${code}) without a result` });
    });
  });
  void reply.finally(() => void worker.terminate());
  return { reply, stop: () => void worker.terminate() };
}

/** The corpus from a worker's reply, restored a chunk per turn (a 50 MB article has 350k passages). */
async function restoreCorpus(reply: Extract<BuildReply, { kind: 'built' }>): Promise<CorpusFiles> {
  const articles: Article[] = [];
  for (const { meta, passages } of reply.articles) articles.push({ ...meta, passages: await fromChunks(passages, restorePassage) });
  // The engine reads articles and curated data; the sources (texts for cache keys) stay with the worker.
  return { articles, curated: parseCurated(reply.curated.people, reply.curated.synonyms), sources: [] };
}

function failure(reply: Extract<BuildReply, { kind: 'failed' }>): Error {
  if (!reply.corpusError) return new Error(reply.message);
  const error = new CorpusError(reply.file ?? '', reply.line ?? 0, '');
  error.message = reply.message;
  return error;
}

/** The signature of what is in the folder now, or null when it cannot be read (then the first change rebuilds). */
function currentSignature(dir: string, maxBytes: number): string | null {
  try {
    const s = readCorpusSources(dir, { maxBytes });
    return corpusSignature({ sources: [...s.articles, s.people, s.synonyms] });
  } catch {
    return null;
  }
}

/** A worker build in progress, so stop() can end it. */
interface RunningBuild {
  stop: (() => void) | null;
}

/** The new engine built from the folder and its signature, or null when the content is what `current` already serves. */
async function buildEngine(options: WatchCorpusOptions, current: string | null, running: RunningBuild): Promise<{ engine: Engine; signature: string } | null> {
  const { dir, cacheDir = null } = options;
  const maxBytes = options.maxCorpusBytes ?? Infinity;
  if (options.build) {
    const corpus = loadCorpus(dir, { maxBytes });
    const signature = corpusSignature(corpus);
    return signature === current ? null : { engine: options.build(corpus), signature };
  }
  const request = { dir, cacheDir, maxBytes, current };
  let reply: BuildReply;
  if (options.thread === 'main') {
    reply = buildCorpus(request);
  } else {
    const run = buildInWorker(request, options.maxBuildHeapMb ?? DEFAULT_BUILD_HEAP_MB);
    running.stop = run.stop;
    reply = await run.reply;
    running.stop = null;
  }
  if (reply.kind === 'unchanged') return null;
  if (reply.kind === 'failed') throw failure(reply);
  // Word meaning (optional files) is read here: the worker's build does not need it, the engine does.
  const corpus = { ...(await restoreCorpus(reply)), meaning: loadMeaning(dir) };
  const index = await indexFromChunks(reply.index);
  const x = reply.extracted;
  const extracted = { quotes: await fromChunks(x.quotes), discovered: await fromChunks(x.discovered), commitments: await fromChunks(x.commitments) };
  return { engine: createEngine(corpus, { ...options.engineOptions, index, extracted }), signature: reply.signature };
}

/** One reload at a time; calls made meanwhile share the one queued after it. */
function oneAtATime(reloadOnce: (trigger: string | null) => Promise<ReloadEvent>): (trigger?: string | null) => Promise<ReloadEvent> {
  let running: Promise<ReloadEvent> = Promise.resolve({ ok: 'unchanged', trigger: null });
  let queued: Promise<ReloadEvent> | null = null;
  return (trigger = null) => {
    if (queued) return queued;
    const next = running.then(() => {
      queued = null;
      return reloadOnce(trigger);
    });
    queued = next;
    running = next;
    return next;
  };
}

export function watchCorpus(options: WatchCorpusOptions): CorpusWatcher {
  const { app, dir, debounceMs = DEFAULT_DEBOUNCE_MS, onReload } = options;
  const log = options.logger.child({ component: 'live-corpus', dir });
  // What the serving engine was built from, so a save without changes does not rebuild.
  let current = currentSignature(dir, options.maxCorpusBytes ?? Infinity);
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const running: RunningBuild = { stop: null };
  const changed = new Set<string>();

  async function attempt(trigger: string | null): Promise<ReloadEvent> {
    const t0 = performance.now();
    const built = await buildEngine(options, current, running);
    if (!built || stopped) return { ok: 'unchanged', trigger };
    app.context.engine = built.engine; // the swap: one assignment, after the new engine is complete
    current = built.signature;
    const event = { ok: true as const, info: built.engine.info(), ms: Math.round(performance.now() - t0), trigger };
    log.info({ articles: event.info.articles.length, passages: event.info.passages, ms: event.ms, trigger }, 'corpus reloaded');
    return event;
  }

  async function reloadOnce(trigger: string | null): Promise<ReloadEvent> {
    let event: ReloadEvent;
    try {
      event = await attempt(trigger);
    } catch (error) {
      // Stopped mid-build (shutdown): the worker was ended on purpose, nothing to report.
      if (stopped) return { ok: 'unchanged', trigger };
      const err = error instanceof Error ? error : new Error(String(error));
      event = { ok: false, error: err, trigger };
      // A CorpusError is the operator's to fix (its message names file and line); anything else is a bug.
      if (err instanceof CorpusError) log.error({ problem: err.message, trigger }, 'corpus reload failed: the previous corpus keeps serving');
      else log.error({ err, trigger }, 'corpus reload crashed: the previous corpus keeps serving');
    }
    try {
      onReload?.(event);
    } catch (error) {
      log.error({ err: error }, 'onReload listener threw');
    }
    return event;
  }

  const reload = oneAtATime(reloadOnce);
  const schedule = (name: string): void => {
    changed.add(name);
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      const trigger = [...changed].sort().join(', ');
      changed.clear();
      if (!stopped) void reload(trigger);
    }, debounceMs);
  };

  const watcher = watchFolder(dir, {
    change(name) {
      if (stopped || (name !== null && name !== '(folder)' && !isCorpusFile(name))) return;
      schedule(name ?? '(unknown)');
    },
    gone: () => log.warn('corpus folder is gone: the previous corpus keeps serving; watching for it to come back'),
    back: () => log.info('corpus folder is back: reloading'),
    error: (error) => log.error({ err: error }, 'corpus watch failed: changes may need a restart'),
  });
  log.info({ debounceMs }, 'watching the corpus folder');

  return {
    reload,
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      running.stop?.();
      watcher.close();
    },
  };
}
