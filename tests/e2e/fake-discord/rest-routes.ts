// The REST routes discord.js (and a typical bot) calls, with just enough state
// to answer like Discord: interaction callbacks create the "original" message
// that later webhook calls edit/fetch/delete, a second callback for the same
// interaction is refused like Discord does (40060), and command registrations
// are echoed back with ids.
import type { APIMessage } from 'discord.js';
import { messageObject, snowflake, type FakeWorld } from './world.ts';

export interface RouteRequest {
  method: string;
  route: string;
  query: Record<string, string>;
  body: unknown;
}

export interface RouteResponse {
  status: number;
  /** `undefined` → empty body (204-style). */
  body?: unknown;
  headers?: Record<string, string>;
}

/** What the fake remembers about a dispatched interaction, to answer its callback realistically. */
export interface KnownInteraction {
  id: string;
  type: number;
  token: string;
  message?: APIMessage;
}

type Handler = (match: string[], request: RouteRequest) => RouteResponse;

const MESSAGE_FLAG_EPHEMERAL = 1 << 6;
const MESSAGE_FLAG_LOADING = 1 << 7;

/** Callback types (InteractionResponseType) that produce or alter the original message. */
const CB_CHANNEL_MESSAGE = 4;
const CB_DEFERRED_CHANNEL_MESSAGE = 5;
const CB_DEFERRED_UPDATE = 6;
const CB_UPDATE_MESSAGE = 7;

export function discordError(status: number, code: number, message: string): RouteResponse {
  return { status, body: { message, code } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The message fields a create/edit body may set. Request-only keys (allowed_mentions,
 * attachments as upload descriptors, …) are dropped so the echoed message stays a valid
 * message object for discord.js.
 */
function messageFields(fields: Record<string, unknown>): Pick<Partial<APIMessage>, 'content' | 'embeds' | 'components' | 'flags'> {
  const picked: Pick<Partial<APIMessage>, 'content' | 'embeds' | 'components' | 'flags'> = {};
  if (typeof fields.content === 'string') picked.content = fields.content;
  if (Array.isArray(fields.embeds)) picked.embeds = fields.embeds as APIMessage['embeds'];
  if (Array.isArray(fields.components)) picked.components = fields.components as APIMessage['components'];
  if (typeof fields.flags === 'number') picked.flags = fields.flags;
  return picked;
}

export class RestRoutes {
  readonly #world: FakeWorld;
  readonly #gatewayUrl: () => string;
  readonly #interactions = new Map<string, KnownInteraction>();
  readonly #acknowledged = new Set<string>();
  /** token → (message id and '@original') → message. */
  readonly #webhookMessages = new Map<string, Map<string, APIMessage>>();
  /** 'global' or guild id → registered commands. */
  readonly #commands = new Map<string, Record<string, unknown>[]>();
  readonly #table: [method: string, pattern: RegExp, handler: Handler][];

  constructor(world: FakeWorld, gatewayUrl: () => string) {
    this.#world = world;
    this.#gatewayUrl = gatewayUrl;
    const id = '([^/]+)';
    this.#table = [
      ['GET', /^\/gateway\/bot$/, () => this.#gatewayBot()],
      ['GET', /^\/gateway$/, () => ({ status: 200, body: { url: this.#gatewayUrl() } })],
      ['GET', /^\/users\/@me$/, () => ({ status: 200, body: this.#world.bot })],
      ['GET', /^\/applications\/@me$/, () => this.#application()],
      ['POST', new RegExp(`^/interactions/${id}/${id}/callback$`), (m, r) => this.#callback(m[1]!, m[2]!, r)],
      ['POST', new RegExp(`^/webhooks/${id}/${id}$`), (m, r) => this.#followUp(m[2]!, r)],
      ['GET', new RegExp(`^/webhooks/${id}/${id}/messages/${id}$`), (m) => this.#getWebhookMessage(m[2]!, m[3]!)],
      ['PATCH', new RegExp(`^/webhooks/${id}/${id}/messages/${id}$`), (m, r) => this.#editWebhookMessage(m[2]!, m[3]!, r)],
      ['DELETE', new RegExp(`^/webhooks/${id}/${id}/messages/${id}$`), (m) => this.#deleteWebhookMessage(m[2]!, m[3]!)],
      ['PUT', new RegExp(`^/applications/${id}/commands$`), (m, r) => this.#putCommands(m[1]!, null, r)],
      ['PUT', new RegExp(`^/applications/${id}/guilds/${id}/commands$`), (m, r) => this.#putCommands(m[1]!, m[2]!, r)],
      ['GET', new RegExp(`^/applications/${id}/commands$`), () => this.#getCommands(null)],
      ['GET', new RegExp(`^/applications/${id}/guilds/${id}/commands$`), (m) => this.#getCommands(m[2]!)],
      ['POST', new RegExp(`^/channels/${id}/messages$`), (m, r) => this.#channelMessage(m[1]!, r)],
    ];
  }

  /** Called for every INTERACTION_CREATE the fake dispatches. */
  noteInteraction(interaction: KnownInteraction): void {
    this.#interactions.set(interaction.id, interaction);
  }

  handle(request: RouteRequest): RouteResponse {
    for (const [method, pattern, handler] of this.#table) {
      if (method !== request.method) continue;
      const match = pattern.exec(request.route);
      if (match) return handler([...match], request);
    }
    return discordError(404, 0, '404: Not Found');
  }

  #gatewayBot(): RouteResponse {
    return {
      status: 200,
      body: {
        // @discordjs/ws connects to `${url}?v=10&encoding=json` (no trailing slash needed).
        url: this.#gatewayUrl(),
        shards: 1,
        // reset_after doubles as the cache lifetime of this answer inside @discordjs/ws.
        session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
      },
    };
  }

  #application(): RouteResponse {
    const world = this.#world;
    return {
      status: 200,
      body: {
        id: world.applicationId,
        name: world.bot.username,
        icon: null,
        description: '',
        bot_public: false,
        bot_require_code_grant: false,
        verify_key: '0'.repeat(64),
        flags: 0,
        team: null,
        bot: world.bot,
        owner: world.user,
      },
    };
  }

  #messagesFor(token: string): Map<string, APIMessage> {
    let messages = this.#webhookMessages.get(token);
    if (!messages) {
      messages = new Map();
      this.#webhookMessages.set(token, messages);
    }
    return messages;
  }

  #webhookMessage(fields: Record<string, unknown>, extraFlags = 0): APIMessage {
    const picked = messageFields(fields);
    return messageObject(this.#world, {
      ...picked,
      flags: (picked.flags ?? 0) | extraFlags,
      webhookId: this.#world.applicationId,
      applicationId: this.#world.applicationId,
    });
  }

  #callback(interactionId: string, token: string, request: RouteRequest): RouteResponse {
    if (this.#acknowledged.has(interactionId)) {
      return discordError(400, 40060, 'Interaction has already been acknowledged.');
    }
    this.#acknowledged.add(interactionId);
    const body = isRecord(request.body) ? request.body : {};
    const type = typeof body.type === 'number' ? body.type : 0;
    const data = isRecord(body.data) ? body.data : {};
    const known = this.#interactions.get(interactionId);
    const messages = this.#messagesFor(token);

    let original: APIMessage | undefined;
    if (type === CB_CHANNEL_MESSAGE) original = this.#webhookMessage(data);
    else if (type === CB_DEFERRED_CHANNEL_MESSAGE) original = this.#webhookMessage(data, MESSAGE_FLAG_LOADING);
    else if (type === CB_DEFERRED_UPDATE) original = known?.message;
    else if (type === CB_UPDATE_MESSAGE && known?.message) {
      original = { ...known.message, ...messageFields(data), edited_timestamp: new Date().toISOString() };
    }
    if (original) {
      messages.set('@original', original);
      messages.set(original.id, original);
    }

    // discord.js always sends ?with_response=<bool>; only `true` expects a body.
    if (request.query.with_response !== 'true') return { status: 204 };
    const flags = original?.flags ?? 0;
    return {
      status: 200,
      body: {
        interaction: {
          id: interactionId,
          type: known?.type ?? 2,
          response_message_id: original?.id,
          response_message_loading: type === CB_DEFERRED_CHANNEL_MESSAGE,
          response_message_ephemeral: (flags & MESSAGE_FLAG_EPHEMERAL) !== 0,
        },
        resource: original ? { type, message: original } : { type },
      },
    };
  }

  #followUp(token: string, request: RouteRequest): RouteResponse {
    const message = this.#webhookMessage(isRecord(request.body) ? request.body : {});
    this.#messagesFor(token).set(message.id, message);
    return request.query.wait === 'true' ? { status: 200, body: message } : { status: 204 };
  }

  #getWebhookMessage(token: string, messageId: string): RouteResponse {
    const message = this.#webhookMessages.get(token)?.get(messageId);
    return message ? { status: 200, body: message } : discordError(404, 10008, 'Unknown Message');
  }

  #editWebhookMessage(token: string, messageId: string, request: RouteRequest): RouteResponse {
    const messages = this.#webhookMessages.get(token);
    const current = messages?.get(messageId);
    if (!messages || !current) return discordError(404, 10008, 'Unknown Message');
    const patch = messageFields(isRecord(request.body) ? request.body : {});
    const edited: APIMessage = {
      ...current,
      ...patch,
      // Editing a deferred reply resolves its "thinking…" state.
      flags: (patch.flags ?? current.flags ?? 0) & ~MESSAGE_FLAG_LOADING,
      edited_timestamp: new Date().toISOString(),
    };
    messages.set(current.id, edited);
    if (messages.get('@original')?.id === current.id) messages.set('@original', edited);
    return { status: 200, body: edited };
  }

  #deleteWebhookMessage(token: string, messageId: string): RouteResponse {
    const messages = this.#webhookMessages.get(token);
    const current = messages?.get(messageId);
    if (!messages || !current) return discordError(404, 10008, 'Unknown Message');
    messages.delete(current.id);
    if (messages.get('@original')?.id === current.id) messages.delete('@original');
    return { status: 204 };
  }

  #putCommands(applicationId: string, guildId: string | null, request: RouteRequest): RouteResponse {
    const key = guildId ?? 'global';
    const previous = this.#commands.get(key) ?? [];
    const input = Array.isArray(request.body) ? request.body.filter(isRecord) : [];
    const saved = input.map((command) => ({
      type: 1,
      description: '',
      default_member_permissions: null,
      nsfw: false,
      ...command,
      // Keep ids stable across re-registration, as Discord does for same-name commands.
      id: previous.find((old) => old.name === command.name)?.id ?? snowflake(),
      application_id: applicationId,
      version: snowflake(),
      ...(guildId ? { guild_id: guildId } : {}),
    }));
    this.#commands.set(key, saved);
    return { status: 200, body: saved };
  }

  #getCommands(guildId: string | null): RouteResponse {
    return { status: 200, body: this.#commands.get(guildId ?? 'global') ?? [] };
  }

  #channelMessage(channelId: string, request: RouteRequest): RouteResponse {
    const message = messageObject(this.#world, { channelId, ...messageFields(isRecord(request.body) ? request.body : {}) });
    return { status: 200, body: message };
  }
}
