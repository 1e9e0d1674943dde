// What every front end starts with: the app (corpus, engine and its persisted cache, reported in one log line),
// its services (question log, cooldown, live corpus; shared through Redis when configured, connected before the
// first request) and the handler the front end answers with. The gateway bot and the HTTP server build the
// Discord dispatch here; the console builds its read-eval loop. Closing the runtime closes the services.
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import { cacheReport, createApp, type App } from './app.ts';
import type { CommandDefinition } from './command.ts';
import type { ReloadEvent } from './live-corpus.ts';
import { startServices, type Services, type ServicesOptions, type SharedState } from './services.ts';

export interface RuntimeOptions<C extends CommandDefinition, H> {
  config: ServicesOptions['config'] & Partial<Pick<Config, 'cacheDir'>>;
  logger: Logger;
  /** "gateway", "http", "console": recorded with each question. */
  source: string;
  commands: readonly C[];
  /** A prebuilt app (tests share one); default: built from the config's corpus and cache folders. */
  app?: App<C>;
  /** Opened beforehand (the HTTP server needs the replay window before the app is built). */
  shared?: SharedState;
  /** Watch the corpus folder and swap the engine on changes (default true). */
  watch?: boolean;
  onReload?: (event: ReloadEvent) => void;
  /** The front end's handler, given the app and its services. */
  handler: (wiring: { app: App<C>; services: Services }) => H;
}

export interface Runtime<C extends CommandDefinition, H> {
  app: App<C>;
  services: Services;
  handler: H;
  /** Closes the services (the question log writes what is queued). Idempotent. */
  close(): Promise<void>;
}

/** The app from the config's corpus, with the persisted index and extracted quotes (built and saved on a miss). */
export function buildApp<C extends CommandDefinition>(config: RuntimeOptions<C, unknown>['config'], commands: readonly C[], logger: Logger): App<C> {
  const app = createApp({ corpusDir: config.corpusDir, commands, ...(config.cacheDir ? { cacheDir: config.cacheDir } : {}), ...(config.corpusMaxBytes ? { maxCorpusBytes: config.corpusMaxBytes } : {}) });
  logger.info(cacheReport(app), 'search index ready');
  return app;
}

export async function startRuntime<C extends CommandDefinition, H>(options: RuntimeOptions<C, H>): Promise<Runtime<C, H>> {
  const { config, logger, source } = options;
  const app = options.app ?? buildApp(config, options.commands, logger);
  // Reloads persist to the cache too, so every front end starts from it next time.
  const services = startServices({
    config,
    app,
    logger,
    source,
    cacheDir: config.cacheDir ?? null,
    ...(options.shared ? { shared: options.shared } : {}),
    ...(options.watch === false ? { watch: false } : {}),
    ...(options.onReload ? { onReload: options.onReload } : {}),
  });
  // With REDIS_URL, answer once Redis is connected (or its connect timeout passed), so cooldowns and replays are
  // shared from the first interaction; then the in-process state answers.
  await services.shared.connected();
  return { app, services, handler: options.handler({ app, services }), close: () => services.close() };
}
