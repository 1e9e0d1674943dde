// The HTTP interactions endpoint: Discord POSTs signed interactions, the body of our response is the
// answer. Order of checks (each one cheap before the next): route, method, content type, body size,
// signature headers, timestamp window, Ed25519 signature, JSON, replay. Nothing is parsed before the
// signature holds, and no handler runs for a refused request. The server keeps no state beyond the
// replay window, so any number of instances can run side by side.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Server as NetServer, type AddressInfo } from 'node:net';
import type { KeyObject } from 'node:crypto';
import { InteractionResponseType, InteractionType, type APIInteraction, type APIInteractionResponse } from 'discord-api-types/v10';
import type { Logger } from '../../log.ts';
import { readBody } from './body.ts';
import { createFollowUpSender, type FollowUpSender } from './followup.ts';
import { clusterScrape } from './cluster-metrics.ts';
import { createMetrics, type HttpMetrics, type Outcome, type Route } from './metrics.ts';
import { createReplayGuard, type ReplayGuard } from './replay.ts';
import { createVerifier, wellFormedSignatureHeaders } from './verify.ts';
import { checkInteractionShape } from '../interaction-shape.ts';

/** What the shared interaction core answers (src/discord/interactions.ts); typed structurally here. */
export interface InteractionReply {
  response: APIInteractionResponse;
  /** Present when the response is a deferral: computes the message that replaces the original. */
  followUp?: () => Promise<unknown>;
}
export type InteractionHandle = (interaction: APIInteraction) => Promise<InteractionReply>;

export const DEFAULT_HTTP_OPTIONS = {
  maxBodyBytes: 64 * 1024,
  /** Discord's own guidance: refuse timestamps more than 5 minutes off. Also the replay window. */
  timestampToleranceMs: 5 * 60_000,
  /** Holds the full replay window at 3,300 requests a second (about 80 MB at the cap). */
  replayMaxEntries: 1_000_000,
  /** Slow clients (slowloris) lose their connection once these run out. */
  headersTimeoutMs: 5_000,
  requestTimeoutMs: 10_000,
  keepAliveTimeoutMs: 5_000,
  /** How often Node checks the two timeouts above (its default, 30 s, lets slow clients linger). */
  connectionsCheckingIntervalMs: 1_000,
  /** close(): how long in-flight requests and follow-ups get before connections are cut. */
  shutdownGraceMs: 10_000,
  /**
   * close(): how long idle keep-alive connections stay open, so a request already sent on one is answered (with
   * Connection: close) instead of reset. Part of the grace period; a connection closed by its client ends it early.
   */
  drainIdleMs: 1_000,
  /** Process metrics (CPU, memory, event loop lag) on /metrics; off in tests. */
  defaultMetrics: false,
  apiBase: null as string | null,
};

export interface HttpServerOptions extends Partial<typeof DEFAULT_HTTP_OPTIONS> {
  handle: InteractionHandle;
  /** The application's Ed25519 public key: 64 hex characters or a KeyObject. */
  publicKey: string | KeyObject;
  logger: Logger;
  /** Milliseconds since the epoch; tests move it. */
  clock?: () => number;
  /** False until the index is built: /healthz answers 503 and interactions (except PING) 503. */
  ready?: () => boolean;
  /** Delivers deferred answers; defaults to a PATCH of @original through the webhook at apiBase. */
  followUp?: FollowUpSender;
  /** Serves /dashboard and below (src/dashboard); absent: those paths are 404 like any other. */
  dashboard?: (req: IncomingMessage) => Promise<{ status: number; headers: Record<string, string>; body: string }>;
  /** Remembers interaction ids (e.g. shared through Redis); defaults to an in-process window. */
  replay?: ReplayGuard;
}

export interface HttpServer {
  server: Server;
  metrics: HttpMetrics;
  listen(port?: number, host?: string): Promise<AddressInfo>;
  /** Stops accepting, lets in-flight requests and follow-ups finish (bounded), then cuts what remains. */
  close(): Promise<void>;
}

const JSON_TYPE = /^application\/json\s*(;|$)/i;

interface Reply {
  outcome: Outcome;
  status: number;
  body: string;
  headers?: Record<string, string>;
}

const json = (outcome: Outcome, status: number, value: unknown, headers?: Record<string, string>): Reply => ({
  outcome,
  status,
  body: JSON.stringify(value),
  headers: { 'content-type': 'application/json', ...headers },
});

/** Refusals carry a short machine-readable reason and nothing else. */
const refuse = (outcome: Outcome, status: number, headers?: Record<string, string>): Reply => json(outcome, status, { error: outcome }, headers);

export function createHttpServer(options: HttpServerOptions): HttpServer {
  const opts = { ...DEFAULT_HTTP_OPTIONS, ...options };
  const { handle, logger } = opts;
  const clock = opts.clock ?? Date.now;
  const ready = opts.ready ?? (() => true);
  const verify = createVerifier(opts.publicKey);
  const replay = opts.replay ?? createReplayGuard({ windowMs: opts.timestampToleranceMs, maxEntries: opts.replayMaxEntries, now: clock });
  const metrics = createMetrics({ defaultMetrics: opts.defaultMetrics, replaySize: () => replay.size });
  // Under --workers: a scrape answers for every worker (aggregated by the primary), not just the one it reached.
  const scrapeAll = clusterScrape(metrics.registry);
  const sendFollowUp = opts.followUp ?? createFollowUpSender({ apiBase: opts.apiBase, logger });
  const pending = new Set<Promise<void>>();
  /** Requests read but not yet answered, per connection (more than one when a client pipelines). */
  const outstanding = new WeakMap<object, number>();
  let closing = false;

  const server = createServer({
    headersTimeout: opts.headersTimeoutMs,
    requestTimeout: opts.requestTimeoutMs,
    keepAliveTimeout: opts.keepAliveTimeoutMs,
    connectionsCheckingInterval: opts.connectionsCheckingIntervalMs,
  });

  async function interactions(req: IncomingMessage): Promise<Reply | { deferred: InteractionReply; interaction: APIInteraction }> {
    if (req.method !== 'POST') return refuse('bad-method', 405, { allow: 'POST' });
    if (!JSON_TYPE.test(req.headers['content-type'] ?? '')) return refuse('bad-content-type', 415);
    const read = await readBody(req, opts.maxBodyBytes);
    if (!read.ok) return read.reason === 'too-large' ? refuse('too-large', 413, { connection: 'close' }) : refuse('aborted', 400);

    // Exactly one of each header: duplicates are refused, not joined or picked from.
    const signature = single(req, 'x-signature-ed25519');
    const timestamp = single(req, 'x-signature-timestamp');
    if (signature === null || timestamp === null || !wellFormedSignatureHeaders(signature, timestamp)) return refuse('bad-signature', 401);
    const signedAt = Number(timestamp) * 1000;
    if (Math.abs(clock() - signedAt) > opts.timestampToleranceMs) return refuse('stale-timestamp', 401);
    if (!verify(signature, timestamp, read.body)) return refuse('bad-signature', 401);

    // Authentic from here on: Discord sent these bytes.
    let parsed: unknown;
    try {
      parsed = JSON.parse(read.body.toString('utf8'));
    } catch {
      return refuse('bad-json', 400);
    }
    // Signed is not well-formed: a body the handler could not read is refused here, before it runs.
    const shape = checkInteractionShape(parsed);
    if (!shape.ok) {
      logger.warn({ problem: shape.problem }, 'http: signed interaction of unknown shape refused');
      return refuse('bad-interaction', 400);
    }
    const interaction = shape.interaction;
    if (!(await replay.admit(interaction.id, signedAt))) return refuse('replay', 401);
    if (interaction.type === InteractionType.Ping) return json('ping', 200, { type: InteractionResponseType.Pong });
    if (!ready()) return refuse('not-ready', 503, { 'retry-after': '1' });

    const reply = await handle(interaction);
    if (reply.followUp) return { deferred: reply, interaction };
    return json('answered', 200, reply.response);
  }

  async function route(req: IncomingMessage, name: Route): Promise<Reply | { deferred: InteractionReply; interaction: APIInteraction }> {
    if (name === 'interactions') return interactions(req);
    if (name === 'other') return refuse('not-found', 404);
    if (name === 'dashboard') {
      if (!opts.dashboard) return refuse('not-found', 404);
      const { status, headers, body } = await opts.dashboard(req);
      return { outcome: status < 400 ? 'ok' : status === 401 ? 'unauthorized' : 'refused', status, headers, body };
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse('bad-method', 405, { allow: 'GET, HEAD' });
    if (name === 'healthz') return ready() ? json('ok', 200, { status: 'ok' }) : json('not-ready', 503, { status: 'starting' });
    const body = scrapeAll ? await scrapeAll() : await metrics.registry.metrics();
    return { outcome: 'ok', status: 200, body, headers: { 'content-type': metrics.registry.contentType } };
  }

  function send(req: IncomingMessage, res: ServerResponse, reply: Reply, onSent?: () => void): void {
    if (res.headersSent || res.destroyed) return;
    const headers: Record<string, string | number> = { ...reply.headers, 'content-length': Buffer.byteLength(reply.body) };
    // A request whose body was not read to the end cannot share its connection with the next one. While
    // draining, the last response on a connection closes it; one with requests already read behind it
    // (pipelined) keeps it open so they are answered too, instead of reset.
    if ((closing && (outstanding.get(req.socket) ?? 0) <= 1) || !req.complete) headers.connection = 'close';
    res.writeHead(reply.status, headers);
    res.end(req.method === 'HEAD' ? undefined : reply.body, onSent);
  }

  function deliver(interaction: APIInteraction, followUp: () => Promise<unknown>): void {
    const task = (async () => {
      try {
        const body = await followUp();
        metrics.followUp((await sendFollowUp(interactionTarget(interaction), body)) ? 'sent' : 'failed');
      } catch (error) {
        metrics.followUp('failed');
        logger.error({ err: error, interaction: interaction.id }, 'http: follow-up failed');
      }
    })();
    pending.add(task);
    void task.finally(() => pending.delete(task));
  }

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    const socket = req.socket;
    outstanding.set(socket, (outstanding.get(socket) ?? 0) + 1);
    res.once('close', () => {
      const left = (outstanding.get(socket) ?? 1) - 1;
      if (left > 0) outstanding.set(socket, left);
      else outstanding.delete(socket);
    });
    const name = routeOf(req.url);
    const done = (outcome: Outcome): void => metrics.observe(name, outcome, (performance.now() - started) / 1000);
    route(req, name).then(
      (result) => {
        if ('deferred' in result) {
          // Answer "thinking…" now, then replace it once the slow part is done, after the 200 has gone out.
          const { deferred, interaction } = result;
          const followUp = deferred.followUp!;
          send(req, res, json('deferred', 200, deferred.response), () => deliver(interaction, followUp));
          done('deferred');
        } else {
          if (result.status >= 400) logger.debug({ status: result.status, outcome: result.outcome, url: name }, 'http: refused');
          send(req, res, result);
          done(result.outcome);
        }
      },
      (error: unknown) => {
        // One catch per request: the handler is expected to catch its own errors; this is the last resort.
        logger.error({ err: error }, 'http: request failed');
        send(req, res, refuse('handler-error', 500));
        done('handler-error');
      },
    );
  });

  return {
    server,
    metrics,
    listen(port = 0, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        const onError = (error: Error): void => reject(error);
        server.once('error', onError);
        server.listen(port, host, () => {
          server.off('error', onError);
          resolve(server.address() as AddressInfo);
        });
      });
    },
    async close() {
      closing = true;
      // Stop accepting, but do not cut idle keep-alive connections yet: a client may have a request on the wire
      // to one of them, and closing a socket with unread bytes sends a reset (no reply, no log row). For a short
      // window, such a request is answered (with Connection: close); then what is still idle is closed.
      // (http.Server#close would close idle connections at once, hence net.Server's own close first.)
      const closed = new Promise<void>((resolve) => NetServer.prototype.close.call(server, () => resolve()));
      let idleTimer: NodeJS.Timeout | undefined;
      await Promise.race([closed, new Promise<void>((resolve) => (idleTimer = setTimeout(resolve, opts.drainIdleMs)))]);
      clearTimeout(idleTimer);
      // Now http.Server#close: closes the connections still idle and stops its connection checks.
      server.close(() => undefined);
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, opts.shutdownGraceMs);
      });
      await Promise.race([Promise.all([closed, Promise.allSettled([...pending])]), grace]);
      clearTimeout(timer);
      server.closeAllConnections();
      await closed;
    },
  };
}

function routeOf(url: string | undefined): Route {
  const path = (url ?? '/').split('?', 1)[0];
  if (path === '/interactions') return 'interactions';
  if (path === '/healthz') return 'healthz';
  if (path === '/metrics') return 'metrics';
  if (path === '/dashboard' || path?.startsWith('/dashboard/')) return 'dashboard';
  return 'other';
}

function single(req: IncomingMessage, name: string): string | null {
  const values = req.headersDistinct[name];
  return values?.length === 1 ? values[0]! : null;
}

function interactionTarget(interaction: APIInteraction): { id: string; application_id: string; token: string } {
  return { id: interaction.id, application_id: interaction.application_id, token: interaction.token };
}
