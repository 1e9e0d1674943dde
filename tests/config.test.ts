// Specification of the configuration: each mode requires what it cannot run without; a missing or malformed
// value stops start-up with one line naming the variable; the token never appears in a message.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, DEFAULTS, loadConfig, type Mode } from '../src/config.ts';

// Made-up values in the documented formats.
const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.aaaaaaaaaabbbbbbbbbbccccccccccdddddddd';
const CLIENT_ID = '123456789012345678';
const PUBLIC_KEY = 'ab'.repeat(32);

const load = (mode: Mode, env: Record<string, string> = {}) => loadConfig({ mode, env, dotenvPath: false });

/** The ConfigError a load throws (fails the test if it loads). */
function configError(mode: Mode, env: Record<string, string>): ConfigError {
  try {
    load(mode, env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('test: expected a ConfigError, the configuration loaded');
}

describe('loadConfig: modes', () => {
  it('runs the console and the command line with nothing set, on documented defaults', () => {
    for (const mode of ['console', 'cli'] as const) {
      const c = load(mode);
      expect(c.discord).toEqual({ token: null, clientId: null, guildId: null, apiBase: null, publicKey: null });
      expect(c.http).toEqual({ host: DEFAULTS.host, port: DEFAULTS.port });
      expect(c.logLevel).toBe(DEFAULTS.logLevel);
      expect(c.corpusDir).toBe(resolve(DEFAULTS.corpusDir));
      expect(c.cacheDir).toBe(resolve(DEFAULTS.cacheDir));
      expect(c.questionLog).toBe(resolve(DEFAULTS.questionLog));
      expect(c.cooldown).toEqual({ uses: DEFAULTS.cooldownUses, seconds: DEFAULTS.cooldownSeconds });
    }
  });

  it('keeps the dashboard off without DASHBOARD_TOKEN, and `npm run dashboard` needs it', () => {
    expect(load('serve', { DISCORD_PUBLIC_KEY: PUBLIC_KEY, DISCORD_CLIENT_ID: CLIENT_ID }).dashboardToken).toBeNull();
    expect(configError('dashboard', {}).message).toMatch(/^config: DASHBOARD_TOKEN is missing/);
    expect(load('dashboard', { DASHBOARD_TOKEN: 'x'.repeat(16) }).dashboardToken).toBe('x'.repeat(16));
  });

  it('listens on 127.0.0.1:8787 by default', () => {
    expect(load('serve', { DISCORD_PUBLIC_KEY: PUBLIC_KEY, DISCORD_CLIENT_ID: CLIENT_ID }).http).toEqual({ host: '127.0.0.1', port: 8787 });
  });

  const required: Array<[Mode, string[], Record<string, string>]> = [
    ['bot', ['DISCORD_TOKEN', 'DISCORD_CLIENT_ID'], { DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: CLIENT_ID }],
    ['deploy', ['DISCORD_TOKEN', 'DISCORD_CLIENT_ID'], { DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: CLIENT_ID }],
    ['serve', ['DISCORD_PUBLIC_KEY', 'DISCORD_CLIENT_ID'], { DISCORD_PUBLIC_KEY: PUBLIC_KEY, DISCORD_CLIENT_ID: CLIENT_ID }],
  ];
  for (const [mode, names, full] of required) {
    it(`${mode} needs ${names.join(' and ')}, and names the one missing`, () => {
      expect(() => load(mode, full)).not.toThrow();
      for (const name of names) {
        const env = { ...full };
        delete env[name];
        const error = configError(mode, env);
        expect(error.message).toMatch(new RegExp(`^config: ${name} is missing`));
        expect(error.message).not.toContain('\n');
        expect(error.message).not.toContain(TOKEN);
      }
    });
  }

  it('treats an empty or blank value as unset', () => {
    expect(configError('bot', { DISCORD_TOKEN: '   ', DISCORD_CLIENT_ID: CLIENT_ID }).message).toMatch(/DISCORD_TOKEN is missing/);
    expect(load('console', { DISCORD_TOKEN: '' }).discord.token).toBeNull();
  });

  it('reads and normalises the values it is given', () => {
    const c = load('bot', {
      DISCORD_TOKEN: ` ${TOKEN} `,
      DISCORD_CLIENT_ID: CLIENT_ID,
      DISCORD_GUILD_ID: '876543210987654321',
      DISCORD_API_BASE: 'http://127.0.0.1:9999/api/',
      DISCORD_PUBLIC_KEY: PUBLIC_KEY.toUpperCase(),
      LOG_LEVEL: 'DEBUG',
      PORT: '0',
      HOST: '0.0.0.0',
      CORPUS_DIR: 'elsewhere',
      QUESTION_LOG: 'off',
      COOLDOWN_USES: '3',
      COOLDOWN_SECONDS: '60',
    });
    expect(c.discord).toEqual({ token: TOKEN, clientId: CLIENT_ID, guildId: '876543210987654321', apiBase: 'http://127.0.0.1:9999/api', publicKey: PUBLIC_KEY });
    expect(c).toMatchObject({ logLevel: 'debug', http: { host: '0.0.0.0', port: 0 }, corpusDir: resolve('elsewhere'), questionLog: null, cooldown: { uses: 3, seconds: 60 } });
  });
});

describe('loadConfig: malformed values', () => {
  const cases: Array<[string, string]> = [
    ['DISCORD_TOKEN', 'not-a-token'],
    ['DISCORD_CLIENT_ID', 'my-app'],
    ['DISCORD_GUILD_ID', '12'],
    ['DISCORD_PUBLIC_KEY', 'xyz'],
    ['DISCORD_API_BASE', 'ftp://example.org'],
    ['DISCORD_API_BASE', 'http://127.0.0.1:9999/api/v10'],
    ['LOG_LEVEL', 'loud'],
    ['PORT', '70000'],
    ['PORT', '80.5'],
    ['COOLDOWN_USES', '0'],
    ['COOLDOWN_SECONDS', 'soon'],
    ['DASHBOARD_TOKEN', 'guessable'],
    ['DASHBOARD_TOKEN', 'long enough but has spaces'],
  ];
  for (const [name, value] of cases) {
    it(`stops on ${name}=${value} with one line naming it, never echoing the token`, () => {
      const env: Record<string, string> = { DISCORD_TOKEN: TOKEN, [name]: value };
      const error = configError('console', env);
      expect(error.message).toMatch(new RegExp(`^config: ${name}\\b`));
      expect(error.message).not.toContain('\n');
      expect(error.message).not.toContain(TOKEN);
    });
  }

  it('does not echo a weak dashboard token', () => {
    const error = configError('serve', { DISCORD_PUBLIC_KEY: PUBLIC_KEY, DISCORD_CLIENT_ID: CLIENT_ID, DASHBOARD_TOKEN: 'secret-ish' });
    expect(error.message).toMatch(/^config: DASHBOARD_TOKEN is too weak/);
    expect(error.message).not.toContain('secret-ish');
  });

  it('does not echo a malformed token either', () => {
    const secret = 'very-secret-but-malformed-token-value';
    const error = configError('bot', { DISCORD_TOKEN: secret, DISCORD_CLIENT_ID: CLIENT_ID });
    expect(error.message).toMatch(/^config: DISCORD_TOKEN is malformed/);
    expect(error.message).not.toContain(secret);
  });
});

describe('loadConfig: .env', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pactbot-config-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fills what the environment leaves unset from .env; the environment wins', () => {
    const file = join(dir, '.env');
    writeFileSync(file, `DISCORD_TOKEN=${TOKEN}\nDISCORD_CLIENT_ID=${CLIENT_ID}\nPORT=9000\n`);
    const c = loadConfig({ mode: 'bot', env: { PORT: '9001' }, dotenvPath: file });
    expect(c.discord.token).toBe(TOKEN);
    expect(c.discord.clientId).toBe(CLIENT_ID);
    expect(c.http.port).toBe(9001);
  });

  it('works without a .env file', () => {
    expect(loadConfig({ mode: 'console', env: {}, dotenvPath: join(dir, 'absent.env') }).discord.token).toBeNull();
  });
});

describe('loadConfig: shared state', () => {
  const load = (env: Record<string, string>) => loadConfig({ mode: 'cli', env, dotenvPath: false });

  it('keeps everything in-process and in SQLite by default', () => {
    expect(load({})).toMatchObject({ redis: null, questionLogPostgres: null, questionLog: resolve(DEFAULTS.questionLog) });
  });

  it('REDIS_URL shares cooldowns and replays, under REDIS_KEY_PREFIX (default pactbot:)', () => {
    expect(load({ REDIS_URL: 'redis://127.0.0.1:6379' }).redis).toEqual({ url: 'redis://127.0.0.1:6379', keyPrefix: 'pactbot:', commandTimeoutMs: DEFAULTS.redisTimeoutMs });
    expect(load({ REDIS_URL: 'rediss://cache.internal:6380/2', REDIS_KEY_PREFIX: 'bot-b:', REDIS_TIMEOUT_MS: '200' }).redis).toEqual({
      url: 'rediss://cache.internal:6380/2',
      keyPrefix: 'bot-b:',
      commandTimeoutMs: 200,
    });
  });

  it('a postgres:// QUESTION_LOG moves the question log to PostgreSQL, tables in QUESTION_LOG_SCHEMA', () => {
    const c = load({ QUESTION_LOG: 'postgresql://bot:secret@db:5432/pactbot', QUESTION_LOG_SCHEMA: 'pactbot' });
    expect(c.questionLogPostgres).toEqual({ url: 'postgresql://bot:secret@db:5432/pactbot', schema: 'pactbot' });
    expect(c.questionLog).toBeNull();
    expect(load({ QUESTION_LOG: 'postgres://db/x' }).questionLogPostgres?.schema).toBe('public');
  });

  it('refuses malformed values in one line that never repeats a URL (it may hold a password)', () => {
    for (const [env, message] of [
      [{ REDIS_URL: 'http://user:hunter2@cache:6379' }, /REDIS_URL is not a valid URL: expected one like redis:\/\//],
      [{ REDIS_URL: 'redis://' }, /REDIS_URL/],
      [{ QUESTION_LOG: 'postgres://user:hunter2@' }, /QUESTION_LOG is not a valid URL/],
      [{ QUESTION_LOG: 'postgres://db/x', QUESTION_LOG_SCHEMA: 'Robert"; DROP' }, /QUESTION_LOG_SCHEMA/],
      [{ REDIS_URL: 'redis://cache', REDIS_KEY_PREFIX: 'has space' }, /REDIS_KEY_PREFIX/],
      [{ REDIS_URL: 'redis://cache', REDIS_TIMEOUT_MS: '0' }, /REDIS_TIMEOUT_MS "0" must be a whole number from 1 to 10000/],
    ] as const) {
      let error: unknown;
      try {
        load(env);
      } catch (e) {
        error = e;
      }
      expect(error, JSON.stringify(env)).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toContain('hunter2');
    }
  });
});
