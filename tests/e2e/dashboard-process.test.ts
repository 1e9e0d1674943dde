// The dashboard as operators start it: `npm run dashboard` alone, and mounted in `npm run serve`, as real
// processes on 127.0.0.1 with their configuration from the environment.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateLog } from '../store/generated-log.ts';
import { keyPair } from '../discord/http-support.ts';
import { killChildren, run } from './bot-spawn.ts';

const TOKEN = 'process-test-dashboard-token';
let dir: string;
let log: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pactbot-dashboard-proc-'));
  log = join(dir, 'log.db');
  generateLog({ path: log, entries: 200, days: 10, now: new Date() });
});
afterEach(() => killChildren());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const common = { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', CORPUS_DIR: 'corpus' };
const bearer = { authorization: `Bearer ${TOKEN}` };

describe('npm run dashboard', () => {
  it('does not start without DASHBOARD_TOKEN, and says so in one line', async () => {
    const proc = run('src/dashboard/main.ts', [], { ...common, CACHE_DIR: join(dir, 'cache'), DASHBOARD_TOKEN: '' });
    expect(await proc.exit).toBe(1);
    const stderr = proc.stderr.join('').trim();
    expect(stderr.split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^pactbot: config: DASHBOARD_TOKEN is missing/);
  });

  it('refuses a token short enough to guess', async () => {
    const proc = run('src/dashboard/main.ts', [], { ...common, CACHE_DIR: join(dir, 'cache'), DASHBOARD_TOKEN: 'short' });
    expect(await proc.exit).toBe(1);
    expect(proc.stderr.join('')).toMatch(/DASHBOARD_TOKEN is too weak/);
    expect(proc.stderr.join('')).not.toContain('short');
  });

  it('serves the dashboard over the configured log and stops on SIGTERM', async () => {
    const proc = run('src/dashboard/main.ts', [], { ...common, CACHE_DIR: join(dir, 'cache'), DASHBOARD_TOKEN: TOKEN, QUESTION_LOG: log });
    const url = (await proc.waitForLog((l) => l.msg === 'dashboard: listening')).url as string;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/dashboard$/);
    expect((await fetch(url)).status).toBe(401);
    const page = await fetch(`${url}?period=all`, { headers: bearer });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Who signed the declaration?');
    proc.child.kill('SIGTERM');
    expect(await proc.exit).toBe(0);
    expect(proc.stdout.join('\n')).toContain('dashboard: stopped');
    expect(proc.stdout.join('\n')).not.toContain(TOKEN);
  });
});

describe('npm run serve', () => {
  const keys = keyPair();
  const serveEnv = { ...common, DISCORD_PUBLIC_KEY: keys.publicHex, DISCORD_CLIENT_ID: '123456789012345678' };

  it('mounts the dashboard at /dashboard when DASHBOARD_TOKEN is set', async () => {
    const proc = run('src/serve.ts', [], { ...serveEnv, CACHE_DIR: join(dir, 'cache'), DASHBOARD_TOKEN: TOKEN, QUESTION_LOG: log });
    await proc.waitForLog((l) => l.msg === 'dashboard: on');
    const port = (await proc.waitForLog((l) => l.msg === 'http: listening')).port as number;
    await proc.waitForLog((l) => l.msg === 'http: ready');
    expect((await fetch(`http://127.0.0.1:${port}/dashboard`)).status).toBe(401);
    const page = await fetch(`http://127.0.0.1:${port}/dashboard?period=7d`, { headers: bearer });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('UK and France Sign Pact');
  });

  it('says at start-up that the dashboard is off without a token, and /dashboard is 404', async () => {
    const proc = run('src/serve.ts', [], { ...serveEnv, CACHE_DIR: join(dir, 'cache'), DASHBOARD_TOKEN: '' });
    await proc.waitForLog((l) => l.msg === 'dashboard: off (set DASHBOARD_TOKEN to serve it at /dashboard)');
    const port = (await proc.waitForLog((l) => l.msg === 'http: listening')).port as number;
    expect((await fetch(`http://127.0.0.1:${port}/dashboard`, { headers: bearer })).status).toBe(404);
  });
});
