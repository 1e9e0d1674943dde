// What the gateway bot needs from its configuration, and how it reports what is wrong: bot-mode config
// errors in one line naming the variable, .env.example documenting every variable, the invite URL, and
// REST failures summarised for the logs without the tokens they carry.
import { readFileSync } from 'node:fs';
import { DiscordAPIError, HTTPError } from 'discord.js';
import { parse } from 'dotenv';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, type Config } from '../../src/config.ts';
import { inviteUrl, restFailure, startBot } from '../../src/discord/gateway.ts';

const TOKEN = 'MTA5OTk5OTk5OTk5OTk5OTk5.Gx1234.abcdefghijklmnopqrstuvwxyz';
const CLIENT_ID = '109999999999999999';

function botError(env: Record<string, string>): ConfigError {
  try {
    loadConfig({ mode: 'bot', env, dotenvPath: false });
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('bot-mode configuration', () => {
  it.each([
    ['DISCORD_TOKEN', { DISCORD_CLIENT_ID: CLIENT_ID }],
    ['DISCORD_TOKEN', { DISCORD_TOKEN: 'not-a-token', DISCORD_CLIENT_ID: CLIENT_ID }],
    ['DISCORD_CLIENT_ID', { DISCORD_TOKEN: TOKEN }],
    ['DISCORD_CLIENT_ID', { DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: 'my-bot' }],
    ['DISCORD_GUILD_ID', { DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: CLIENT_ID, DISCORD_GUILD_ID: '12' }],
    ['DISCORD_API_BASE', { DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: CLIENT_ID, DISCORD_API_BASE: 'http://127.0.0.1:8080/api/v10' }],
    ['DISCORD_API_BASE', { DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: CLIENT_ID, DISCORD_API_BASE: 'ftp://example.com' }],
    ['LOG_LEVEL', { DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: CLIENT_ID, LOG_LEVEL: 'loud' }],
  ])('stops on a missing or malformed %s with one line naming it', (name, env) => {
    const error = botError(env);
    expect(error.message).toContain(name);
    expect(error.message).not.toContain('\n');
    expect(error.message).not.toContain(TOKEN);
  });

  it('accepts the REST base without version that a proxy or the fake Discord serves', () => {
    const config = loadConfig({ mode: 'bot', dotenvPath: false, env: { DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: CLIENT_ID, DISCORD_API_BASE: 'http://127.0.0.1:8080/api/' } });
    expect(config.discord.apiBase).toBe('http://127.0.0.1:8080/api');
  });

  it('documents in .env.example every variable src/config.ts reads, and the file loads as it is', () => {
    const source = readFileSync('src/config.ts', 'utf8');
    const read = [...source.matchAll(/get\('([A-Z_]+)'\)/g)].map((m) => m[1]);
    const documented = Object.keys(parse(readFileSync('.env.example')));
    expect(read.length).toBeGreaterThan(5);
    expect(documented).toEqual(expect.arrayContaining(read));
    expect(() => loadConfig({ mode: 'console', env: parse(readFileSync('.env.example')), dotenvPath: false })).not.toThrow();
  });

  it('refuses to start a bot from a config without credentials (a programmer error, prefixed)', async () => {
    const config = loadConfig({ mode: 'console', env: {}, dotenvPath: false }) satisfies Config;
    await expect(startBot(config, { processHandlers: false })).rejects.toThrow(/^startBot: /);
  });
});

describe('invite URL', () => {
  it('asks for the bot and applications.commands scopes and no permissions', () => {
    const url = new URL(inviteUrl(CLIENT_ID));
    expect(url.origin + url.pathname).toBe('https://discord.com/oauth2/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({ client_id: CLIENT_ID, scope: 'bot applications.commands', permissions: '0' });
  });
});

describe('restFailure', () => {
  const interactionToken = 'aW50ZXJhY3Rpb246c2VjcmV0LXRva2Vu';
  const url = `https://discord.com/api/v10/interactions/1/${interactionToken}/callback`;

  it('keeps the status and code of a Discord error but not its URL or body', () => {
    const error = new DiscordAPIError({ code: 10062, message: 'Unknown interaction' }, 10062, 404, 'POST', url, { body: { token: interactionToken } });
    const summary = restFailure(error);
    expect(summary).toMatchObject({ status: 404, code: 10062 });
    expect(JSON.stringify(summary)).not.toContain(interactionToken);
  });

  it('keeps the status of an HTTP error but not its URL', () => {
    const summary = restFailure(new HTTPError(502, 'Bad Gateway', 'PATCH', url, { body: {} }));
    expect(summary).toMatchObject({ status: 502, method: 'PATCH' });
    expect(JSON.stringify(summary)).not.toContain(interactionToken);
  });

  it('redacts a token-bearing route that appears in any other error message', () => {
    expect(JSON.stringify(restFailure(new Error(`fetch failed for ${url}`)))).not.toContain(interactionToken);
  });
});
