// The HTTP interactions endpoint: Discord POSTs signed interactions, the body of our response is the
// answer. The signed route's checks are interactions-route.ts; /healthz, /metrics and /dashboard are routed
// here; closing without dropping a request is drain.ts. The server keeps no state beyond the
// replay window, so any number of instances can run side by side.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { KeyObject } from 'node:crypto';
import type { APIInteraction, APIInteractionResponse } from 'discord-api-types/v10';
import type { Logger } from '../../log.ts';
import { createFollowUpSender, type FollowUpSender } from './followup.ts';
import { clusterScrape } from './cluster-metrics.ts';
import { createMetrics, type HttpMetrics, type RequestOutcome, type Route } from './metrics.ts';
import { drainAndClose } from './drain.ts';
import { interactions, type InteractionRoute, type Routed } from './interactions-route.ts';
import { createReplayGuard, type ReplayGuard } from '../../core/replay-window.ts';
import { json, refuse, type Reply } from './reply.ts';
import { createVerifier } from './verify.ts';

/** What the shared interaction dispatch answers (src/discord/dispatch.ts); typed structurally here. */
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

/**
 * Writes a reply. A request whose body was not read to the end cannot share its connection with the next one.
 * While draining, the last response on a connection closes it (`lastWhileClosing`); one with requests already
 * read behind it (pipelined) keeps it open so they are answered too, instead of reset.
 */
function sendReply(req: IncomingMessage, res: ServerResponse, reply: Reply, lastWhileClosing: boolean, onSent?: () => void): void {
  if (res.headersSent || res.destroyed) return;
  const headers: Record<string, string | number> = { ...reply.headers, 'content-length': Buffer.byteLength(reply.body) };
  if (lastWhileClosing || !req.complete) headers.connection = 'close';
  res.writeHead(reply.status, headers);
  res.end(req.method === 'HEAD' ? undefined : reply.body, onSent);
}

/** Computes a deferred answer and PATCHes it; never rejects (a failure is counted and logged). */
async function deliverFollowUp(
  interaction: APIInteraction,
  followUp: () => Promise<unknown>,
  { metrics, sendFollowUp, logger }: { metrics: HttpMetrics; sendFollowUp: FollowUpSender; logger: Logger },
): Promise<void> {
  try {
    const body = await followUp();
    metrics.followUp((await sendFollowUp(interactionTarget(interaction), body)) ? 'sent' : 'failed');
  } catch (error) {
    metrics.followUp('failed');
    logger.error({ err: error, interaction: interaction.id }, 'http: follow-up failed');
  }
}

/** /healthz, /metrics, /dashboard and anything else. */
async function otherRoute(
  req: IncomingMessage,
  name: Exclude<Route, 'interactions'>,
  { dashboard, ready, metrics, scrapeAll }: Pick<HttpServerOptions, 'dashboard'> & { ready: () => boolean; metrics: HttpMetrics; scrapeAll: (() => Promise<string>) | null },
): Promise<Reply> {
  if (name === 'other') return refuse('not-found', 404);
  if (name === 'dashboard') {
    if (!dashboard) return refuse('not-found', 404);
    const { status, headers, body } = await dashboard(req);
    return { outcome: status < 400 ? 'ok' : status === 401 ? 'unauthorized' : 'refused', status, headers, body };
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return refuse('bad-method', 405, { allow: 'GET, HEAD' });
  if (name === 'healthz') return ready() ? json('ok', 200, { status: 'ok' }) : json('not-ready', 503, { status: 'starting' });
  const body = scrapeAll ? await scrapeAll() : await metrics.registry.metrics();
  return { outcome: 'ok', status: 200, body, headers: { 'content-type': metrics.registry.contentType } };
}

/** Binds the port; rejects if it cannot (in use, not allowed). */
function listenOn(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve(server.address() as AddressInfo);
    });
  });
}

/** Counts the requests read but not yet answered on the request's connection, until its response closes. */
function countOutstanding(outstanding: WeakMap<object, number>, req: IncomingMessage, res: ServerResponse): void {
  const socket = req.socket;
  outstanding.set(socket, (outstanding.get(socket) ?? 0) + 1);
  res.once('close', () => {
    const left = (outstanding.get(socket) ?? 1) - 1;
    if (left > 0) outstanding.set(socket, left);
    else outstanding.delete(socket);
  });
}

export function createHttpServer(options: HttpServerOptions): HttpServer {
  const opts = { ...DEFAULT_HTTP_OPTIONS, ...options };
  const { logger } = opts;
  const clock = opts.clock ?? Date.now;
  const ready = opts.ready ?? (() => true);
  const replay = opts.replay ?? createReplayGuard({ windowMs: opts.timestampToleranceMs, maxEntries: opts.replayMaxEntries, now: clock });
  const interactionRoute: InteractionRoute = { opts, verify: createVerifier(opts.publicKey), replay, clock, ready };
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

  const route = (req: IncomingMessage, name: Route): Promise<Routed> =>
    name === 'interactions' ? interactions(req, interactionRoute) : otherRoute(req, name, { dashboard: opts.dashboard, ready, metrics, scrapeAll });

  const send = (req: IncomingMessage, res: ServerResponse, reply: Reply, onSent?: () => void): void =>
    sendReply(req, res, reply, closing && (outstanding.get(req.socket) ?? 0) <= 1, onSent);
  const deliver = (interaction: APIInteraction, followUp: () => Promise<unknown>): void => {
    const task = deliverFollowUp(interaction, followUp, { metrics, sendFollowUp, logger });
    pending.add(task);
    void task.finally(() => pending.delete(task));
  };

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    countOutstanding(outstanding, req, res);
    const name = routeOf(req.url);
    const done = (outcome: RequestOutcome): void => metrics.observe(name, outcome, (performance.now() - started) / 1000);
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
    listen: (port = 0, host = '127.0.0.1') => listenOn(server, port, host),
    async close() {
      closing = true;
      await drainAndClose(server, pending, opts);
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


function interactionTarget(interaction: APIInteraction): { id: string; application_id: string; token: string } {
  return { id: interaction.id, application_id: interaction.application_id, token: interaction.token };
}
