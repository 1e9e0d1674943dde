// `npm run serve -- --workers 2` without Redis: it says at start-up that cooldowns and the replay window are
// per worker, and /metrics counts the requests of every worker whichever one answers the scrape.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { signedRequest } from '../../src/discord/http/sign.ts';
import { keyPair, send } from '../discord/http-support.ts';
import { killChildren, run } from './bot-spawn.ts';
import { createWorld, snowflake } from './fake-discord/index.ts';

const keys = keyPair();
const world = createWorld();
const cacheDir = mkdtempSync(join(tmpdir(), 'pactbot-workers-metrics-'));
afterEach(() => killChildren());
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

/** The value of pactbot_http_requests_total for PINGs in an exposition text (0 when absent). */
function pings(exposition: string): number {
  const line = exposition.split('\n').find((l) => l.startsWith('pactbot_http_requests_total{') && l.includes('outcome="ping"'));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}

describe('serve --workers 2 without Redis', () => {
  it('warns that state is per worker, and /metrics adds up every worker', async () => {
    const env = { DISCORD_PUBLIC_KEY: keys.publicHex, DISCORD_CLIENT_ID: world.applicationId, PORT: '0', CACHE_DIR: cacheDir, LOG_LEVEL: 'info' };
    const proc = run('src/serve.ts', ['--workers', '2'], env);
    const warning = await proc.waitForLog((l) => typeof l.msg === 'string' && l.msg.includes('each worker keeps its own cooldowns and replay window'), 60_000);
    expect(warning.level).toBe(40);
    await proc.waitForLog((l) => l.msg === 'http: ready' && proc.stdout.filter((x) => x.includes('"msg":"http: ready"')).length === 2, 60_000);
    const port = (JSON.parse(proc.stdout.find((l) => l.includes('"msg":"http: listening"'))!) as { port: number }).port;

    // Each on its own connection, so the primary hands them out to both workers.
    const sent = 8;
    for (let i = 0; i < sent; i++) {
      const ping = { id: snowflake(), type: 1, application_id: world.applicationId, token: 'x', version: 1 };
      expect((await send(port, signedRequest(keys.privateKey, ping))).status).toBe(200);
    }
    for (let scrape = 0; scrape < 2; scrape++) {
      const res = await send(port, { method: 'GET', path: '/metrics' });
      expect(res.status).toBe(200);
      expect(pings(res.body)).toBe(sent);
    }
    proc.child.kill('SIGTERM');
    expect(await proc.exit).toBe(0);
  }, 120_000);
});
