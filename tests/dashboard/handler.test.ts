import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openQuestionLog } from '../../src/store/question-log.ts';
import { silentLogger } from '../../src/log.ts';
import { HOSTILE, startFixture, TOKEN, type Fixture } from './support.ts';

let f: Fixture;
beforeAll(async () => {
  f = await startFixture();
});
afterAll(() => f.stop());

const bearer = { authorization: `Bearer ${TOKEN}` };
const get = (path: string, headers: Record<string, string> = {}) => fetch(`${f.url}${path}`, { headers, redirect: 'manual' });
const login = (token: string, period = '30d') =>
  fetch(`${f.url}/dashboard/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token, period }).toString(),
  });

describe('dashboard access', () => {
  it('answers 401 with the login form and no data without the token', async () => {
    const res = await get('/dashboard');
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const body = await res.text();
    expect(body).toContain('<form method="post" action="/dashboard/login"');
    expect(body).not.toContain('Most asked');
  });

  it('refuses a wrong bearer token, and one that is the right token cut short', async () => {
    expect((await get('/dashboard', { authorization: 'Bearer nope' })).status).toBe(401);
    expect((await get('/dashboard', { authorization: `Bearer ${TOKEN.slice(0, -1)}` })).status).toBe(401);
    expect((await get('/dashboard', { authorization: `Basic ${TOKEN}` })).status).toBe(401);
  });

  it('shows the dashboard for the bearer token', async () => {
    const res = await get('/dashboard?period=all', bearer);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Most asked');
  });

  it('logs in through the form: an HttpOnly, SameSite=Strict cookie that does not contain the token', async () => {
    const res = await login(TOKEN, '24h');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/dashboard?period=24h');
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/dashboard/);
    expect(cookie).not.toContain(TOKEN);
    const session = cookie.split(';')[0]!;
    expect((await get('/dashboard', { cookie: session })).status).toBe(200);
    // A forged or altered session is refused.
    expect((await get('/dashboard', { cookie: session.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) })).status).toBe(401);
    expect((await get('/dashboard', { cookie: 'pactbot_dashboard=99999999999999.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' })).status).toBe(401);
  });

  it('refuses a wrong token in the form with 401 and says so', async () => {
    const res = await login('not-the-token');
    expect(res.status).toBe(401);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(await res.text()).toContain('not the right one');
  });

  it('logs out by clearing the cookie', async () => {
    const res = await fetch(`${f.url}/dashboard/logout`, { method: 'POST', redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('set-cookie')).toMatch(/^pactbot_dashboard=; Max-Age=0/);
  });

  it('refuses what is not a login form: wrong type, too big, wrong method, unknown path', async () => {
    const json = await fetch(`${f.url}/dashboard/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(json.status).toBe(415);
    const big = await fetch(`${f.url}/dashboard/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `token=${'x'.repeat(10_000)}`,
    });
    expect(big.status).toBe(413);
    expect((await fetch(`${f.url}/dashboard`, { method: 'POST' })).status).toBe(405);
    expect((await get('/dashboard/nothing', bearer)).status).toBe(404);
  });
});

describe('dashboard page', () => {
  it('sends a strict Content-Security-Policy: no script at all, nothing from elsewhere, no framing', async () => {
    for (const res of [await get('/dashboard', bearer), await get('/dashboard')]) {
      const csp = res.headers.get('content-security-policy')!;
      expect(csp).toContain("default-src 'none'");
      expect(csp).not.toContain('script-src');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('prints a hostile question as text', async () => {
    const body = await (await get('/dashboard?period=24h', bearer)).text();
    expect(body).toContain('&lt;img src=x onerror=alert(1)&gt; &lt;script&gt;');
    expect(body).not.toContain('<img src=x');
    expect(body).not.toContain("<script>document.title='pwned'");
    expect(body).not.toMatch(/<script/i);
    expect(HOSTILE).toContain('<script>');
  });

  it('never shows user hashes', async () => {
    const body = await (await get('/dashboard?period=all', bearer)).text();
    expect(body).not.toMatch(/[0-9a-f]{64}/);
  });

  it('marks the chosen period and falls back to 7 days for an unknown one', async () => {
    const body = await (await get('/dashboard?period=30d', bearer)).text();
    expect(body).toContain('<a href="/dashboard?period=30d" aria-current="page">');
    const fallback = await (await get('/dashboard?period=<x>', bearer)).text();
    expect(fallback).toContain('<a href="/dashboard?period=7d" aria-current="page">');
  });

  it('serves its stylesheet to anyone (the login page needs it), and nothing else without the token', async () => {
    const res = await get('/dashboard/style.css');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/css/);
  });

  it('redirects / to the dashboard and answers 404 elsewhere', async () => {
    const root = await get('/');
    expect(root.status).toBe(303);
    expect(root.headers.get('location')).toBe('/dashboard');
    expect((await get('/interactions')).status).toBe(404);
  });

  it('answers HEAD without a body', async () => {
    const res = await fetch(`${f.url}/dashboard`, { method: 'HEAD', headers: bearer });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
  });
});

describe('dashboard without a log to read', () => {
  it('says the question log is off', async () => {
    const off = await startFixture({ entries: 10, questionLog: 'off' });
    try {
      const body = await (await fetch(`${off.url}/dashboard`, { headers: bearer })).text();
      expect(body).toContain('The question log is off');
    } finally {
      await off.stop();
    }
  });
});

describe('dashboard before the first question', () => {
  it('answers 503 with a notice until the bot creates the log, then shows it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pactbot-dashboard-later-'));
    const later = join(dir, 'later.db');
    const fixture = await startFixture({ entries: 10, questionLog: later });
    try {
      const first = await fetch(`${fixture.url}/dashboard`, { headers: bearer });
      expect(first.status).toBe(503);
      expect(await first.text()).toContain('No question log yet');
      const log = openQuestionLog({ path: later, logger: silentLogger() });
      log.record({ id: 'first', kind: 'ask', question: 'Who signed?', answered: true, reason: null, topPassage: 'uk-france-pact#1', latencyMs: 3, userId: 'u' });
      log.close();
      const second = await fetch(`${fixture.url}/dashboard?period=24h`, { headers: bearer });
      expect(second.status).toBe(200);
      expect(await second.text()).toContain('Who signed?');
    } finally {
      await fixture.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
