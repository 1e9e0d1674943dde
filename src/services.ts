// What every front end (gateway bot, HTTP server, console) runs beside its app: the question log, the
// per-user cooldown and the live corpus watcher, built from the configuration and closed together on
// shutdown (the log writes what is queued, so a SIGTERM loses nothing).
import type { App } from './app.ts';
import type { Config } from './config.ts';
import { createCooldown, type Cooldown } from './discord/cooldown.ts';
import type { InteractionHandlerOptions } from './discord/interactions.ts';
import { watchCorpus, type CorpusWatcher, type ReloadEvent } from './live-corpus.ts';
import type { Logger } from './log.ts';
import { disabledQuestionLog, openQuestionLog, type QuestionLog } from './store/question-log.ts';

export interface ServicesOptions {
  config: Pick<Config, 'corpusDir' | 'questionLog' | 'questionLogSalt' | 'cooldown'>;
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
  /** Spread into createInteractionHandler's options. */
  handler: Pick<InteractionHandlerOptions, 'questionLog' | 'cooldown' | 'source'>;
  /** Stops watching and closes the question log (writing what is queued). Idempotent. */
  close(): void;
}

export function startServices(options: ServicesOptions): Services {
  const { config, app, logger, source } = options;
  const questionLog = config.questionLog
    ? openQuestionLog({ path: config.questionLog, salt: config.questionLogSalt, logger })
    : disabledQuestionLog();
  const cooldown = createCooldown(config.cooldown);
  const watcher =
    options.watch === false
      ? null
      : watchCorpus({ app, dir: config.corpusDir, logger, cacheDir: options.cacheDir ?? null, ...(options.onReload ? { onReload: options.onReload } : {}) });
  let closed = false;
  return {
    questionLog,
    cooldown,
    watcher,
    handler: { questionLog, cooldown, source },
    close() {
      if (closed) return;
      closed = true;
      watcher?.stop();
      questionLog.close();
    },
  };
}
