// The dashboard on its own (`npm run dashboard`), for operators of the gateway bot, who run no HTTP server:
// a plain node:http server with the same slow-client limits as the interactions server, serving /dashboard
// and below, `/` as a redirect there, 404 for the rest. It loads the corpus (from the persisted cache) only
// to list the documents and quote the passages answers gave, and follows corpus edits like the bot does.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, type App } from '../core/app.ts';
import type { Config } from '../config.ts';
import { watchCorpus, type CorpusWatcher } from '../core/live-corpus.ts';
import type { Logger } from '../log.ts';
import { DEFAULT_HTTP_OPTIONS } from '../discord/http/server.ts';
import { DASHBOARD_PATH, isDashboardPath, type DashboardReply } from './handler.ts';
import { mountDashboard } from './mount.ts';

const TO_DASHBOARD: DashboardReply = { status: 303, headers: { location: DASHBOARD_PATH }, body: '' };
const NOT_FOUND: DashboardReply = { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Not found.' };

export interface DashboardServer {
  server: Server;
  address: AddressInfo;
  stop(): Promise<void>;
}

export interface DashboardServerOptions {
  config: Config;
  logger: Logger;
  /** A prebuilt app (tests); default: the corpus folder with the persisted cache, watched for edits. */
  app?: App;
  /** The clock periods end at (tests fix it). */
  now?: () => Date;
}

export async function startDashboardServer({ config, logger, app: given, now }: DashboardServerOptions): Promise<DashboardServer> {
  const app = given ?? createApp({ corpusDir: config.corpusDir, cacheDir: config.cacheDir, commands: [] });
  const watcher: CorpusWatcher | null = given ? null : watchCorpus({ app, dir: config.corpusDir, logger, cacheDir: config.cacheDir });
  const dashboard = mountDashboard({ config, logger, app: () => app, ...(now ? { now } : {}) });
  if (!dashboard) throw new Error('dashboard server: no DASHBOARD_TOKEN (loadConfig({ mode: "dashboard" }) requires it)');

  const server = createServer({
    headersTimeout: DEFAULT_HTTP_OPTIONS.headersTimeoutMs,
    requestTimeout: DEFAULT_HTTP_OPTIONS.requestTimeoutMs,
    keepAliveTimeout: DEFAULT_HTTP_OPTIONS.keepAliveTimeoutMs,
    connectionsCheckingInterval: DEFAULT_HTTP_OPTIONS.connectionsCheckingIntervalMs,
  });
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?', 1)[0]!;
    const reply: Promise<DashboardReply> = isDashboardPath(path)
      ? dashboard.handle(req)
      : Promise.resolve(path === '/' ? TO_DASHBOARD : NOT_FOUND);
    // dashboard.handle never rejects (it answers 500 itself).
    void reply.then((r) => {
      if (res.headersSent || res.destroyed) return;
      const headers: Record<string, string | number> = { ...r.headers, 'content-length': Buffer.byteLength(r.body) };
      if (!req.complete) headers.connection = 'close';
      res.writeHead(r.status, headers);
      res.end(req.method === 'HEAD' ? undefined : r.body);
    });
  });
  const address = await new Promise<AddressInfo>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.http.port, config.http.host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
  logger.info({ url: `http://${address.address}:${address.port}${DASHBOARD_PATH}` }, 'dashboard: listening');
  return {
    server,
    address,
    async stop() {
      watcher?.stop();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      dashboard.close();
      logger.info('dashboard: stopped');
    },
  };
}
