// Wires the HTTP endpoint to the real app: listen first (so /healthz can say "starting"), then load the
// corpus and the search index (from the cache when it matches), then plug in the shared interaction handler
// the gateway bot uses. Until then interactions answer 503 and Discord retries; PING works at once.
import type { AddressInfo } from 'node:net';
import { cacheReport, createApp, type App } from '../../app.ts';
import type { Config } from '../../config.ts';
import type { Logger } from '../../log.ts';
import { openSharedState, startServices, type Services } from '../../services.ts';
import { mountDashboard } from '../../dashboard/mount.ts';
import { createInteractionHandler, type InteractionHandler } from '../interactions.ts';
import { createHttpServer, type HttpServer, type HttpServerOptions } from './server.ts';

export interface StartedHttp {
  http: HttpServer;
  address: AddressInfo;
  /** Resolves once the index is built and interactions are answered (rejects if the corpus cannot load). */
  ready: Promise<App>;
  stop(): Promise<void>;
}

export interface StartHttpOptions {
  config: Config;
  logger: Logger;
  /** Overrides for the server (timeouts, limits, clock), e.g. from tests. */
  server?: Partial<Omit<HttpServerOptions, 'handle' | 'logger'>>;
  /** Builds the app; defaults to the corpus folder with the cached index. */
  buildApp?: (config: Config) => App;
}

/** Loads the corpus once, with the persisted index and extracted quotes (built and saved on a miss). */
export function buildAppWithCachedIndex(config: Config, logger?: Logger): App {
  const app = createApp({ corpusDir: config.corpusDir, cacheDir: config.cacheDir, maxCorpusBytes: config.corpusMaxBytes });
  logger?.info(cacheReport(app), 'search index ready');
  return app;
}

export async function startHttp({ config, logger, server = {}, buildApp }: StartHttpOptions): Promise<StartedHttp> {
  const publicKey = server.publicKey ?? config.discord.publicKey;
  if (!publicKey) throw new Error('http: no public key (loadConfig({ mode: "serve" }) requires DISCORD_PUBLIC_KEY)');
  let handler: InteractionHandler | null = null;
  let services: Services | null = null;
  let app: App | null = null;
  const dashboard = mountDashboard({ config, logger, app: () => app });
  // Cooldowns and the replay window: in-process, or through Redis so every instance refuses a replay.
  const shared = openSharedState(config, logger, {
    ...(server.timestampToleranceMs !== undefined ? { windowMs: server.timestampToleranceMs } : {}),
    ...(server.clock ? { now: server.clock } : {}),
  });
  const http = createHttpServer({
    apiBase: config.discord.apiBase,
    defaultMetrics: true,
    ...(shared.replay ? { replay: shared.replay } : {}),
    ...server,
    publicKey,
    logger,
    handle: (interaction) => handler!(interaction),
    ready: () => handler !== null,
    ...(dashboard ? { dashboard: (req) => dashboard.handle(req) } : {}),
  });
  const address = await http.listen(config.http.port, config.http.host).catch(async (error: unknown) => {
    dashboard?.close();
    await shared.close();
    throw error;
  });
  logger.info({ host: address.address, port: address.port }, 'http: listening');

  // After listen, on a later turn: building the index blocks the loop, but the port is already bound.
  const ready = new Promise<App>((resolve, reject) => {
    setImmediate(() => {
      let built: App;
      try {
        built = buildApp ? buildApp(config) : buildAppWithCachedIndex(config, logger);
        // Question log, cooldown and live corpus (issue 6); closed after the server in stop().
        services = startServices({ config, app: built, logger, source: 'http', cacheDir: config.cacheDir, shared });
      } catch (error) {
        reject(error as Error);
        return;
      }
      const { handler: handlerOptions } = services;
      // With REDIS_URL, the first requests already share cooldowns and replays (the wait is bounded: an
      // unreachable Redis delays readiness by its connect timeout, then the in-process state answers).
      void shared.connected().then(() => {
        handler = createInteractionHandler({ app: built, logger, ...handlerOptions });
        app = built;
        logger.info({ commands: built.commands.map((c) => c.data.name) }, 'http: ready');
        resolve(built);
      });
    });
  });
  return {
    http,
    address,
    ready,
    stop: () =>
      http.close().finally(async () => {
        dashboard?.close();
        await (services ? services.close() : shared.close());
      }),
  };
}
