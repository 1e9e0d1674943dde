// Wires the HTTP endpoint to the real app: listen first (so /healthz can say "starting"), then start the runtime
// (src/core/runtime.ts: the corpus and the search index, from the cache when it matches, and the services), then
// plug in the interaction dispatch the gateway bot uses. Until then interactions answer 503 and Discord retries;
// PING works at once.
import type { AddressInfo } from 'node:net';
import type { Command } from '../../commands/command.ts';
import { COMMANDS } from '../../commands/index.ts';
import type { Config } from '../../config.ts';
import type { App } from '../../core/app.ts';
import { startRuntime, type Runtime } from '../../core/runtime.ts';
import { openSharedState } from '../../core/services.ts';
import { mountDashboard } from '../../dashboard/mount.ts';
import type { Logger } from '../../log.ts';
import { createInteractionHandler, type InteractionHandler } from '../dispatch.ts';
import { createHttpServer, type HttpServer, type HttpServerOptions } from './server.ts';

export interface StartedHttp {
  http: HttpServer;
  address: AddressInfo;
  /** Resolves once the index is built and interactions are answered (rejects if the corpus cannot load). */
  ready: Promise<App<Command>>;
  stop(): Promise<void>;
}

export interface StartHttpOptions {
  config: Config;
  logger: Logger;
  /** Overrides for the server (timeouts, limits, clock), e.g. from tests. */
  server?: Partial<Omit<HttpServerOptions, 'handle' | 'logger'>>;
  /** Builds the app; defaults to the corpus folder with the cached index. */
  buildApp?: (config: Config) => App<Command>;
}

export async function startHttp({ config, logger, server = {}, buildApp }: StartHttpOptions): Promise<StartedHttp> {
  const publicKey = server.publicKey ?? config.discord.publicKey;
  if (!publicKey) throw new Error('http: no public key (loadConfig({ mode: "serve" }) requires DISCORD_PUBLIC_KEY)');
  let runtime: Runtime<Command, InteractionHandler> | null = null;
  const dashboard = mountDashboard({ config, logger, app: () => runtime?.app ?? null });
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
    handle: (interaction) => runtime!.handler(interaction),
    ready: () => runtime !== null,
    ...(dashboard ? { dashboard: (req) => dashboard.handle(req) } : {}),
  });
  const address = await http.listen(config.http.port, config.http.host).catch(async (error: unknown) => {
    dashboard?.close();
    await shared.close();
    throw error;
  });
  logger.info({ host: address.address, port: address.port }, 'http: listening');

  // After listen, on a later turn: building the index blocks the loop, but the port is already bound.
  const starting = new Promise<void>((resolve) => setImmediate(resolve)).then(() =>
    startRuntime({
      config,
      logger,
      source: 'http',
      commands: COMMANDS,
      shared,
      ...(buildApp ? { app: buildApp(config) } : {}),
      handler: ({ app, services }) => createInteractionHandler({ app, logger, ...services.handler }),
    }),
  );
  const ready = starting.then((started) => {
    runtime = started;
    logger.info({ commands: started.app.commands.map((c) => c.data.name) }, 'http: ready');
    return started.app;
  });
  return {
    http,
    address,
    ready,
    stop: () =>
      http.close().finally(async () => {
        dashboard?.close();
        // The runtime closes the shared state with its services; before it started, the shared state alone.
        const started = await starting.catch(() => null);
        await (started ? started.close() : shared.close());
        logger.info('http: stopped');
      }),
  };
}
