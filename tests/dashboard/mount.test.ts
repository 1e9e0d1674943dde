// The dashboard inside the interactions server: /dashboard and below go to it (any method: the login form is
// a POST), everything else is the server's as before, and its requests are counted under their own route.
import { afterEach, describe, expect, it } from 'vitest';
import { createDashboard } from '../../src/dashboard/handler.ts';
import { createHttpServer, type HttpServer } from '../../src/discord/http/server.ts';
import { silentLogger } from '../../src/log.ts';
import { countingHandler, keyPair, send } from '../discord/http-support.ts';

const TOKEN = 'mounted-dashboard-token-123';
const keys = keyPair();
let servers: HttpServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function start(withDashboard: boolean): Promise<{ port: number; http: HttpServer }> {
  const dashboard = createDashboard({ token: TOKEN, questionLog: null, corpus: () => null, logger: silentLogger() });
  const http = createHttpServer({
    handle: countingHandler(),
    publicKey: keys.publicHex,
    logger: silentLogger(),
    ...(withDashboard ? { dashboard: (req) => dashboard.handle(req) } : {}),
  });
  servers.push(http);
  return { port: (await http.listen(0, '127.0.0.1')).port, http };
}

describe('dashboard mounted in the HTTP interactions server', () => {
  it('serves /dashboard, counts its requests, and leaves /healthz and /interactions as they were', async () => {
    const { port, http } = await start(true);
    expect((await send(port, { method: 'GET', path: '/dashboard' })).status).toBe(401);
    const page = await send(port, { method: 'GET', path: '/dashboard', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('The question log is off');
    const login = await send(port, { method: 'POST', path: '/dashboard/login', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `token=${TOKEN}` });
    expect(login.status).toBe(303);
    expect((await send(port, { method: 'GET', path: '/healthz' })).status).toBe(200);
    expect((await send(port, { method: 'GET', path: '/interactions' })).status).toBe(405);
    const metrics = await http.metrics.registry.getSingleMetricAsString('pactbot_http_requests_total');
    expect(metrics).toContain('route="dashboard",outcome="unauthorized"} 1');
    expect(metrics).toContain('route="dashboard",outcome="ok"} 2');
  });

  it('answers 404 at /dashboard when the dashboard is off', async () => {
    const { port } = await start(false);
    expect((await send(port, { method: 'GET', path: '/dashboard', headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
    expect((await send(port, { method: 'POST', path: '/dashboard/login' })).status).toBe(404);
  });
});
