// The gateway bot: a discord.js Client (intents: Guilds only) that receives INTERACTION_CREATE dispatches and
// answers them through the same dispatch as the HTTP server (src/discord/dispatch.ts).
//
// Why raw dispatches rather than discord.js Interaction objects: the core takes the API's own JSON
// (APIInteraction) and returns the API's own response; the raw dispatch is exactly that JSON, and the response
// is POSTed as-is to the callback route. Going through discord.js's objects would mean converting them back
// to API JSON (options, message embeds, locale) and re-expressing every response type with reply()/update()/
// respond(): a second, lossy translation of what the HTTP server gets for free. discord.js still does all the
// hard parts here: the gateway session (heartbeats, RESUME, reconnects, invalid sessions) and REST (rate
// limits, retries, the interaction-callback burst bucket).
//
// Commands are never registered here; that is `npm run deploy-commands` (src/discord/deploy.ts).
import {
  Client,
  DiscordAPIError,
  Events,
  GatewayDispatchEvents,
  GatewayIntentBits,
  HTTPError,
  RateLimitError,
  Routes,
  type ClientOptions,
} from 'discord.js';
import type { APIInteraction } from 'discord-api-types/v10';
import { OAuth2Scopes } from 'discord-api-types/v10';
import type { Command } from '../commands/command.ts';
import { COMMANDS } from '../commands/index.ts';
import type { Config } from '../config.ts';
import type { App } from '../core/app.ts';
import { startRuntime } from '../core/runtime.ts';
import { createLogger, type Logger } from '../log.ts';
import { createInteractionHandler, type HandleInteraction, type InteractionHandlerOptions } from './dispatch.ts';
import { checkInteractionShape } from './interaction-shape.ts';

export interface BotOverrides {
  /** Extra discord.js Client options (tests pass the fake's fast options); `rest` and `ws` are merged. */
  clientOptions: Partial<ClientOptions>;
  logger: Logger;
  /** A prebuilt app (tests share one); default: createApp with the config's corpus and cache folders. */
  app: App<Command>;
  handler: Partial<Omit<InteractionHandlerOptions, 'app' | 'logger'>>;
  /**
   * Install the unhandledRejection handler and, in a shard, stop when the parent process is gone (off in tests
   * that run several bots in one process). Signals are the entry's (src/main.ts, src/core/stop-signals.ts).
   */
  processHandlers: boolean;
  /** How long a shutdown waits for in-flight replies before destroying the client. */
  shutdownTimeoutMs: number;
  /** Called after the parent process is gone and the bot stopped; default: process.exit. */
  exit: (code: number) => void;
}

export const DEFAULT_BOT_OVERRIDES = {
  processHandlers: true,
  shutdownTimeoutMs: 10_000,
  exit: (code: number) => process.exit(code),
};

export interface BotHandle {
  client: Client;
  app: App<Command>;
  /** Time from login() to the client's ready event, in ms. */
  readyMs: number;
  /** Replies not yet sent (callback and, for deferred commands, the follow-up edit). */
  inFlight(): number;
  /** Finishes in-flight replies (up to shutdownTimeoutMs), then destroys the client. Idempotent. */
  stop(): Promise<void>;
}

/**
 * The invite link: scopes `bot applications.commands` and no permissions at all, because the bot only answers
 * interactions (through the interaction webhook), never posts on its own or reads channels. Built here rather
 * than with client.generateInvite(), which needs a logged-in client; it is printed before logging in.
 */
export function inviteUrl(clientId: string): string {
  const params = new URLSearchParams({ client_id: clientId, scope: [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands].join(' '), permissions: '0' });
  return `https://discord.com/oauth2/authorize?${params.toString()}`;
}

/**
 * Stops discord.js building Interaction objects from INTERACTION_CREATE (client.actions is private API, hence
 * the structural check: the gateway hostile-input test fails if a discord.js upgrade moves it).
 */
function disableInteractionObjects(client: Client): void {
  const actions = (client as unknown as { actions?: { InteractionCreate?: { handle?: unknown } } }).actions;
  if (actions?.InteractionCreate && typeof actions.InteractionCreate.handle === 'function') actions.InteractionCreate.handle = () => ({});
}

/**
 * What a REST failure looks like in a log line. Never the error itself: a DiscordAPIError's `url` and
 * `requestBody`, and an HTTPError's `url`, contain the interaction token.
 */
export function restFailure(error: unknown): Record<string, unknown> {
  if (error instanceof DiscordAPIError) return { name: error.name, status: error.status, code: error.code, message: error.message };
  if (error instanceof HTTPError) return { name: error.name, status: error.status, method: error.method };
  if (error instanceof RateLimitError) return { name: error.name, timeToReset: error.timeToReset, global: error.global };
  if (error instanceof Error) return { name: error.name, message: error.message.replace(/\/(interactions|webhooks)\/\S+/g, '/$1/[redacted]') };
  return { name: typeof error };
}

/** Wires the client's events to the log and the raw interaction dispatch to `answer`. */
function listen(client: Client, logger: Logger, answer: (interaction: APIInteraction) => Promise<void>, inFlight: Set<Promise<void>>): void {
  // discord.js also turns every INTERACTION_CREATE into its own Interaction object, which this bot never reads
  // (it answers the raw dispatch) and which throws, outside any catch, on a dispatch without `data`.
  // Turned off: the raw listener below is the only consumer, behind the shape check.
  disableInteractionObjects(client);
  client.ws.on(GatewayDispatchEvents.InteractionCreate, (raw: unknown) => {
    // The edge: a dispatch the handler could not read is dropped with a log line (there may be no valid id
    // or token to answer it with).
    const shape = checkInteractionShape(raw);
    if (!shape.ok) {
      logger.warn({ problem: shape.problem }, 'interaction of unknown shape dropped');
      return;
    }
    const task = answer(shape.interaction).catch((error: unknown) => logger.error({ error: restFailure(error) }, 'interaction task failed'));
    inFlight.add(task);
    void task.finally(() => inFlight.delete(task));
  });
  client.on(Events.Error, (error) => logger.error({ error: restFailure(error) }, 'client error'));
  client.on(Events.Warn, (message) => logger.warn({ message }, 'client warning'));
  client.on(Events.ShardError, (error, shardId) => logger.error({ shardId, error: restFailure(error) }, 'shard error'));
  client.on(Events.ShardDisconnect, (event, shardId) => logger.warn({ shardId, code: event.code }, 'shard disconnected'));
  client.on(Events.ShardReconnecting, (shardId) => logger.info({ shardId }, 'shard reconnecting'));
  client.on(Events.ShardResume, (shardId, replayed) => logger.info({ shardId, replayed }, 'shard resumed'));
  client.rest.on('rateLimited', (info) => logger.warn({ method: info.method, global: info.global, timeToReset: info.timeToReset, scope: info.scope }, 'rate limited'));
}

/** Answers one interaction: the dispatch's response to the callback route, then the deferred edit if any. */
function answerer(client: Client, logger: Logger, handle: HandleInteraction): (interaction: APIInteraction) => Promise<void> {
  return async (interaction) => {
    const started = performance.now();
    const reply = await handle(interaction);
    const step = reply.followUp ? 'callback' : 'reply';
    try {
      await client.rest.post(Routes.interactionCallback(interaction.id, interaction.token), { body: reply.response, auth: false });
      if (reply.followUp) {
        const body = await reply.followUp();
        await client.rest.patch(Routes.webhookMessage(interaction.application_id, interaction.token), { body, auth: false });
      }
      logger.debug({ interactionId: interaction.id, roundTripMs: Math.round(performance.now() - started) }, 'replied');
    } catch (error) {
      // 10062 Unknown interaction (too late, or already answered elsewhere), 5xx after retries, timeouts:
      // nothing to tell the user through this token any more. Log it and carry on.
      logger.warn({ interactionId: interaction.id, step, error: restFailure(error) }, 'could not deliver the reply');
    }
  };
}

/** Resolves once every promise in `inFlight` has settled, or after `timeoutMs`, whichever comes first. */
async function settled(inFlight: Set<Promise<void>>, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
  });
  await Promise.race([Promise.allSettled([...inFlight]), timeout]);
  clearTimeout(timer);
}

export async function startBot(config: Config, overrides: Partial<BotOverrides> = {}): Promise<BotHandle> {
  const opts = { ...DEFAULT_BOT_OVERRIDES, ...overrides };
  const token = config.discord.token;
  const clientId = config.discord.clientId;
  // loadConfig({ mode: 'bot' }) guarantees both; this guards programmatic callers.
  if (!token || !clientId) throw new Error('startBot: config.discord.token and config.discord.clientId are required (loadConfig mode "bot")');
  const logger = opts.logger ?? createLogger(config.logLevel);
  // App (from CACHE_DIR when it matches the corpus: a 100k archive starts in seconds), question log, cooldown and
  // live corpus; closed in stop(), after the last reply.
  const runtime = await startRuntime({
    config,
    logger,
    source: 'gateway',
    commands: COMMANDS,
    ...(opts.app ? { app: opts.app } : {}),
    handler: ({ app, services }) => createInteractionHandler({ app, logger: logger.child({ component: 'interactions' }), ...services.handler, ...opts.handler }),
  });
  const extra = opts.clientOptions ?? {};
  const client = new Client({
    ...extra,
    intents: [GatewayIntentBits.Guilds],
    rest: { ...(config.discord.apiBase ? { api: config.discord.apiBase } : {}), ...extra.rest },
    ws: { ...extra.ws },
  });
  const inFlight = new Set<Promise<void>>();
  listen(client, logger, answerer(client, logger, runtime.handler), inFlight);

  const onRejection = (reason: unknown) => logger.error({ error: restFailure(reason) }, 'unhandled rejection');
  // A shard forked by the ShardingManager (an IPC channel to its parent) stops with its manager instead of
  // living on as an orphan connected to the gateway.
  const onParentGone = () => {
    logger.warn('parent process gone: shutting down');
    void stop().finally(() => opts.exit(0));
  };
  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      logger.info({ inFlight: inFlight.size }, 'shutting down: finishing in-flight replies');
      await settled(inFlight, opts.shutdownTimeoutMs);
      await client.destroy();
      await runtime.close();
      if (opts.processHandlers) {
        process.off('unhandledRejection', onRejection);
        process.off('disconnect', onParentGone);
      }
      logger.info('stopped');
    })();
    return stopping;
  };
  if (opts.processHandlers) {
    process.on('unhandledRejection', onRejection);
    if (process.channel) process.once('disconnect', onParentGone);
  }

  logger.info({ inviteUrl: inviteUrl(clientId) }, 'invite the bot with this URL');
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  const t0 = performance.now();
  try {
    await client.login(token);
    await ready;
  } catch (error) {
    await stop();
    throw error;
  }
  const readyMs = performance.now() - t0;
  logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size, readyMs: Math.round(readyMs) }, 'ready');
  return { client, app: runtime.app, readyMs, inFlight: () => inFlight.size, stop };
}
