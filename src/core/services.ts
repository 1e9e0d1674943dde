// What every front end (gateway bot, HTTP server, console) runs beside its app: the question log (SQLite,
// PostgreSQL or off), the per-user cooldown and the HTTP replay window (in-process, or shared by every
// instance through REDIS_URL) and the live corpus watcher, built from the configuration and closed together
// on shutdown (the log writes what is queued, so a SIGTERM loses nothing).
import type { App } from './app.ts';
import type { Config } from '../config.ts';
import { createCooldown, type Cooldown } from './cooldown.ts';
import { DEFAULT_REPLAY_OPTIONS, type ReplayGuard } from './replay-window.ts';
import { watchCorpus, type CorpusWatcher, type ReloadEvent } from './live-corpus.ts';
import type { Logger } from '../log.ts';
import type { QuestionLog } from '../store/question-log.ts';
import { openQuestionLogFor, questionStoreOf } from '../store/question-store.ts';
import { connectRedis, type SharedRedis } from '../store/redis-connection.ts';
import { createRedisCooldown } from '../store/redis-cooldown.ts';
import { createRedisReplayGuard } from '../store/redis-replay.ts';

/** State that must agree across instances when there are several: through Redis if configured. */
export interface SharedState {
  cooldown: Cooldown;
  /** The HTTP server's replay window through Redis; null: the server keeps its own, in-process. */
  replay: ReplayGuard | null;
  /** The connection behind both, or null when they are in-process. */
  redis: SharedRedis | null;
  /** Resolves once Redis is connected or its connect timeout has passed (at once when in-process). */
  connected(): Promise<void>;
  close(): Promise<void>;
}

export function openSharedState(
  config: Pick<Config, 'redis' | 'cooldown'>,
  logger: Logger,
  replay: { windowMs?: number; now?: () => number } = {},
): SharedState {
  if (!config.redis) return { cooldown: createCooldown(config.cooldown), replay: null, redis: null, connected: async () => {}, close: async () => {} };
  const redis = connectRedis(config.redis, logger);
  return {
    cooldown: createRedisCooldown(redis, config.cooldown),
    replay: createRedisReplayGuard(redis, { windowMs: replay.windowMs ?? DEFAULT_REPLAY_OPTIONS.windowMs, ...(replay.now ? { now: replay.now } : {}) }),
    redis,
    connected: async () => {
      await redis.connected();
    },
    close: () => redis.close(),
  };
}

export interface ServicesOptions {
  config: Pick<Config, 'corpusDir' | 'questionLog' | 'questionLogPostgres' | 'questionLogSalt' | 'cooldown' | 'redis'> & Partial<Pick<Config, 'corpusMaxBytes'>>;
  /** Opened beforehand (the HTTP server needs the replay window before the app is built); closed with the rest. */
  shared?: SharedState;
  app: App;
  logger: Logger;
  /** "gateway", "http", "console": recorded with each question. */
  source: string;
  /** Watch the corpus folder and swap the engine on changes (default true). */
  watch?: boolean;
  /** Persist rebuilt indexes and extracted quotes here (every front end loads them from this cache at start). */
  cacheDir?: string | null;
  onReload?: (event: ReloadEvent) => void;
}

export interface Services {
  questionLog: QuestionLog;
  cooldown: Cooldown;
  watcher: CorpusWatcher | null;
  /** Spread into the interaction dispatch's options (src/discord/dispatch.ts). */
  handler: { questionLog: QuestionLog; cooldown: Cooldown; source: string };
  shared: SharedState;
  /** Stops watching, closes the question log (writing what is queued) and the shared state. Idempotent. */
  close(): Promise<void>;
}

export function startServices(options: ServicesOptions): Services {
  const { config, app, logger, source } = options;
  const questionLog = openQuestionLogFor(questionStoreOf(config), { salt: config.questionLogSalt, logger });
  const shared = options.shared ?? openSharedState(config, logger);
  const cooldown = shared.cooldown;
  const watcher =
    options.watch === false
      ? null
      : watchCorpus({
          app,
          dir: config.corpusDir,
          logger,
          cacheDir: options.cacheDir ?? null,
          ...(config.corpusMaxBytes ? { maxCorpusBytes: config.corpusMaxBytes } : {}),
          ...(options.onReload ? { onReload: options.onReload } : {}),
        });
  let closing: Promise<void> | null = null;
  return {
    questionLog,
    cooldown,
    watcher,
    shared,
    handler: { questionLog, cooldown, source },
    close() {
      closing ??= (async () => {
        watcher?.stop();
        await questionLog.close();
        await shared.close();
      })();
      return closing;
    },
  };
}
