// One HTTP server on 127.0.0.1 with a random port serves both halves: REST under
// /api/v10 and the gateway as a websocket upgrade on any path. Everything is
// created inside startFakeDiscord, so importing this module starts nothing.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIMessage } from 'discord.js';
import { FakeGateway } from './gateway.ts';
import { API_PREFIX, FakeRest, toRequestPredicate } from './rest.ts';
import type { KnownInteraction } from './rest-routes.ts';
import type {
  FailRule,
  GatewayOpFilter,
  RecordedConnection,
  RecordedGatewayOp,
  RecordedRequest,
  RequestFilter,
  SessionInfo,
} from './types.ts';
import { createWorld, type FakeWorld, type WorldOverrides } from './world.ts';

export interface FakeDiscordOptions {
  /** HELLO's heartbeat_interval. Discord uses ~41 250 ms; tests exercising heartbeats can go as low as ~50. */
  heartbeatIntervalMs?: number;
  /** If set, REST (except token-in-URL interaction routes) and IDENTIFY/RESUME require exactly this bot token. */
  token?: string;
  /** Send GUILD_CREATE for the world's guild after READY (default true). */
  sendGuildCreate?: boolean;
  world?: WorldOverrides;
}

export interface FakeDiscord {
  /** REST base without version, for `new Client({ rest: { api: apiBase } })` (discord.js appends /v10). */
  apiBase: string;
  /** What GET /gateway/bot returns: the initial gateway URL. */
  gatewayUrl: string;
  /** READY's resume_gateway_url (same server, path /resume). */
  resumeGatewayUrl: string;
  port: number;
  /** Ids and users of the fake guild/channel/application, for payload builders. */
  world: FakeWorld;

  requests(filter?: RequestFilter): RecordedRequest[];
  waitForRequest(filter: RequestFilter, timeoutMs?: number): Promise<RecordedRequest>;
  clearRequests(): void;
  failNext(rule: FailRule): void;
  clearFailures(): void;

  /** Dispatches to every live session; returns how many sessions got (or queued) it. */
  dispatch(t: string, d: unknown): number;
  gatewayOps(filter?: GatewayOpFilter): RecordedGatewayOp[];
  waitForGatewayOp(filter: GatewayOpFilter, timeoutMs?: number): Promise<RecordedGatewayOp>;
  connections(): RecordedConnection[];
  sessions(): SessionInfo[];

  closeWith(code: number, reason?: string): void;
  dropSocket(): void;
  sendReconnect(): void;
  sendInvalidSession(resumable: boolean): void;
  setHeartbeatAck(enabled: boolean): void;
  sendRaw(payload: Record<string, unknown>): void;

  close(): Promise<void>;
}

const DEFAULT_WAIT_MS = 5_000;

/** Extracts what the REST half needs to know about a dispatched INTERACTION_CREATE. */
function knownInteraction(d: unknown): KnownInteraction | null {
  if (typeof d !== 'object' || d === null) return null;
  const { id, type, token, message } = d as Record<string, unknown>;
  if (typeof id !== 'string' || typeof type !== 'number' || typeof token !== 'string') return null;
  // Component interactions carry the clicked message; it is whatever the test built, trusted as-is.
  const attached = typeof message === 'object' && message !== null ? (message as APIMessage) : undefined;
  return attached ? { id, type, token, message: attached } : { id, type, token };
}

export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const world = createWorld(options.world);
  // URLs depend on the port, known only after listen(); the halves read them lazily.
  let origin = '';
  const rest = new FakeRest(world, () => `ws://${origin}`, options.token);
  const gateway = new FakeGateway({
    world,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 45_000,
    resumeUrl: () => `ws://${origin}/resume`,
    token: options.token,
    sendGuildCreate: options.sendGuildCreate ?? true,
  });

  const server = createServer((request, response) => {
    rest.handle(request, response).catch((error: unknown) => {
      // A bug in the fake must fail loudly in the test, not hang the client.
      response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ message: `fake Discord error: ${String(error)}`, code: 0 }));
    });
  });
  server.on('upgrade', (request, socket, head) => gateway.handleUpgrade(request, socket, head));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `127.0.0.1:${port}`;

  return {
    apiBase: `http://${origin}${API_PREFIX}`,
    gatewayUrl: `ws://${origin}`,
    resumeGatewayUrl: `ws://${origin}/resume`,
    port,
    world,

    requests: (filter) => rest.recorder.list(toRequestPredicate(filter)),
    waitForRequest: (filter, timeoutMs = DEFAULT_WAIT_MS) =>
      rest.recorder.waitFor(toRequestPredicate(filter), timeoutMs, 'a matching REST request'),
    clearRequests: () => rest.recorder.clear(),
    failNext: (rule) => rest.failNext(rule),
    clearFailures: () => rest.clearFailures(),

    dispatch: (t, d) => {
      // Remember interactions so their callback can be answered like Discord would
      // (component updates edit the clicked message, with_response reports the type).
      const interaction = t === 'INTERACTION_CREATE' ? knownInteraction(d) : null;
      if (interaction) rest.routes.noteInteraction(interaction);
      return gateway.dispatch(t, d);
    },
    gatewayOps: (filter) => gateway.ops.list(filter),
    waitForGatewayOp: (filter, timeoutMs = DEFAULT_WAIT_MS) =>
      gateway.ops.waitFor(filter, timeoutMs, 'a matching gateway op'),
    connections: () => gateway.connections(),
    sessions: () => gateway.sessions(),

    closeWith: (code, reason) => gateway.closeWith(code, reason),
    dropSocket: () => gateway.dropSocket(),
    sendReconnect: () => gateway.sendReconnect(),
    sendInvalidSession: (resumable) => gateway.sendInvalidSession(resumable),
    setHeartbeatAck: (enabled) => gateway.setHeartbeatAck(enabled),
    sendRaw: (payload) => gateway.sendRaw(payload),

    close: async () => {
      gateway.close();
      rest.recorder.rejectAll('Fake Discord was closed');
      // undici keeps REST connections alive; without this close() would wait for them to idle out.
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
