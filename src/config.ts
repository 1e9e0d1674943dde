// The only module that reads the environment. Values come from the process environment, then from `.env`
// (dotenv) for what the environment leaves unset. Every value is validated up front: a missing or malformed
// one stops start-up with one line that names it and says how to fix it. Secrets never appear in messages.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseDotenv } from 'dotenv';

export type Mode = 'console' | 'bot' | 'serve' | 'deploy' | 'cli' | 'dashboard';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  discord: {
    /** Bot token (gateway bot, deploy). Never log it. */
    token: string | null;
    clientId: string | null;
    guildId: string | null;
    /** REST base URL without version, as discord.js's `rest.api` takes it; null = Discord's own. */
    apiBase: string | null;
    /** Hex Ed25519 public key of the application (HTTP interactions). */
    publicKey: string | null;
  };
  http: { host: string; port: number };
  logLevel: LogLevel;
  corpusDir: string;
  /** Where the persisted search index is kept (never committed). */
  cacheDir: string;
  /** A corpus whose files add up to more than this is refused, at start and on a live reload (CORPUS_MAX_MB). */
  corpusMaxBytes: number;
  /** SQLite file for the question log; null when QUESTION_LOG=off or when it names a PostgreSQL database. */
  questionLog: string | null;
  /** QUESTION_LOG=postgres://…: the question log in PostgreSQL, its tables in `schema` (QUESTION_LOG_SCHEMA). Never log the URL. */
  questionLogPostgres: { url: string; schema: string } | null;
  /** REDIS_URL: cooldowns and the replay window shared by every instance; null: in-process. Never log the URL. */
  redis: { url: string; keyPrefix: string; commandTimeoutMs: number } | null;
  /** Salt for the question log's user hashes (QUESTION_LOG_SALT); null: a random salt kept in the file. */
  questionLogSalt: string | null;
  /** Per-user limit on /ask, /quote and the context menu. */
  cooldown: { uses: number; seconds: number };
  /** DASHBOARD_TOKEN: the operator's key to /dashboard; null: the dashboard is off. Never log it. */
  dashboardToken: string | null;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(`config: ${message}`);
    this.name = 'ConfigError';
  }
}

export const DEFAULTS = {
  host: '127.0.0.1',
  port: 8787,
  logLevel: 'info' as LogLevel,
  corpusDir: 'corpus',
  cacheDir: '.cache',
  /** A 50 MB article takes ~10 s and ~700 MB of worker heap to index; 64 MB leaves room for that and more. */
  corpusMaxMb: 64,
  questionLog: 'data/pactbot.db',
  questionLogSchema: 'public',
  redisKeyPrefix: 'pactbot:',
  /** Longest a request waits on Redis before answering from in-process state (loopback round trips ~0.1 ms). */
  redisTimeoutMs: 50,
  cooldownUses: 5,
  cooldownSeconds: 30,
};

/** What each mode cannot run without. */
const REQUIRED: Record<Mode, Array<keyof typeof HOW>> = {
  console: [],
  cli: [],
  bot: ['DISCORD_TOKEN', 'DISCORD_CLIENT_ID'],
  deploy: ['DISCORD_TOKEN', 'DISCORD_CLIENT_ID'],
  serve: ['DISCORD_PUBLIC_KEY', 'DISCORD_CLIENT_ID'],
  dashboard: ['DASHBOARD_TOKEN'],
};

/** A shorter dashboard token could be guessed; `openssl rand -hex 32` makes a good one. */
export const MIN_DASHBOARD_TOKEN_LENGTH = 16;

const HOW = {
  DISCORD_TOKEN: 'the bot token from the Developer Portal (Bot > Reset Token)',
  DISCORD_CLIENT_ID: "the application ID from the Developer Portal (General Information), 17–20 digits",
  DISCORD_PUBLIC_KEY: 'the public key from the Developer Portal (General Information), 64 hex characters',
  DASHBOARD_TOKEN: `the operator's dashboard key you choose, at least ${MIN_DASHBOARD_TOKEN_LENGTH} characters (e.g. the output of openssl rand -hex 32)`,
};

export interface LoadOptions {
  mode: Mode;
  /** Defaults to process.env; tests pass their own. */
  env?: Readonly<Record<string, string | undefined>>;
  /** A .env file to read for unset values; false to skip (tests). */
  dotenvPath?: string | false;
}

export function loadConfig({ mode, env = process.env, dotenvPath = '.env' }: LoadOptions): Config {
  const file = dotenvPath && existsSync(dotenvPath) ? parseDotenv(readFileSync(dotenvPath)) : {};
  const get = (name: string): string | null => {
    const v = env[name] ?? file[name];
    return v === undefined || v.trim() === '' ? null : v.trim();
  };
  const fix = `set it in the environment or in .env (see .env.example)`;

  for (const name of REQUIRED[mode]) {
    if (!get(name)) throw new ConfigError(`${name} is missing: ${fix}; it is ${HOW[name]}.`);
  }

  const token = get('DISCORD_TOKEN');
  // Three base64url parts joined by dots; the message never echoes the value.
  if (token && !/^[\w-]{10,}\.[\w-]{4,}\.[\w-]{10,}$/.test(token)) {
    throw new ConfigError(`DISCORD_TOKEN is malformed (expected three dot-separated parts): copy it again from ${HOW.DISCORD_TOKEN}.`);
  }
  const clientId = snowflake(get('DISCORD_CLIENT_ID'), 'DISCORD_CLIENT_ID');
  const guildId = snowflake(get('DISCORD_GUILD_ID'), 'DISCORD_GUILD_ID');
  const publicKey = get('DISCORD_PUBLIC_KEY');
  if (publicKey && !/^[0-9a-fA-F]{64}$/.test(publicKey)) {
    throw new ConfigError(`DISCORD_PUBLIC_KEY is malformed: expected ${HOW.DISCORD_PUBLIC_KEY}.`);
  }
  const apiBase = get('DISCORD_API_BASE');
  if (apiBase) {
    let url: URL | null = null;
    try {
      url = new URL(apiBase);
    } catch {
      url = null;
    }
    if (!url || !/^https?:$/.test(url.protocol) || /\/v\d+\/?$/.test(url.pathname)) {
      throw new ConfigError(`DISCORD_API_BASE "${apiBase}" is not an http(s) URL without version, e.g. http://127.0.0.1:8080/api.`);
    }
  }
  const logLevel = (get('LOG_LEVEL') ?? DEFAULTS.logLevel).toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL "${logLevel}" is not one of ${LOG_LEVELS.join(', ')}.`);
  }
  const port = integer(get('PORT'), 'PORT', DEFAULTS.port, 0, 65535);
  const host = get('HOST') ?? DEFAULTS.host;
  const log = get('QUESTION_LOG') ?? DEFAULTS.questionLog;
  const dashboardToken = get('DASHBOARD_TOKEN');
  if (dashboardToken && (dashboardToken.length < MIN_DASHBOARD_TOKEN_LENGTH || /\s/.test(dashboardToken))) {
    throw new ConfigError(`DASHBOARD_TOKEN is too weak: use ${HOW.DASHBOARD_TOKEN}, without spaces.`);
  }
  const postgres = /^postgres(ql)?:\/\//i.test(log) ? { url: checkedUrl(log, 'QUESTION_LOG', /^postgres(ql)?:$/, 'postgres://user@127.0.0.1:5432/pactbot'), schema: identifier(get('QUESTION_LOG_SCHEMA') ?? DEFAULTS.questionLogSchema, 'QUESTION_LOG_SCHEMA') } : null;
  const redisUrl = get('REDIS_URL');
  const redisKeyPrefix = get('REDIS_KEY_PREFIX') ?? DEFAULTS.redisKeyPrefix;
  if (!/^[\w:.-]{1,64}$/.test(redisKeyPrefix)) throw new ConfigError(`REDIS_KEY_PREFIX "${redisKeyPrefix}" must be 1–64 letters, digits, or _ : . -`);

  return {
    discord: { token, clientId, guildId, apiBase: apiBase ? apiBase.replace(/\/+$/, '') : null, publicKey: publicKey?.toLowerCase() ?? null },
    http: { host, port },
    logLevel: logLevel as LogLevel,
    corpusDir: resolve(get('CORPUS_DIR') ?? DEFAULTS.corpusDir),
    cacheDir: resolve(get('CACHE_DIR') ?? DEFAULTS.cacheDir),
    corpusMaxBytes: integer(get('CORPUS_MAX_MB'), 'CORPUS_MAX_MB', DEFAULTS.corpusMaxMb, 1, 4096) * 1024 * 1024,
    questionLog: log.toLowerCase() === 'off' || postgres ? null : resolve(log),
    questionLogPostgres: postgres,
    redis: redisUrl
      ? {
          url: checkedUrl(redisUrl, 'REDIS_URL', /^rediss?:$/, 'redis://127.0.0.1:6379'),
          keyPrefix: redisKeyPrefix,
          commandTimeoutMs: integer(get('REDIS_TIMEOUT_MS'), 'REDIS_TIMEOUT_MS', DEFAULTS.redisTimeoutMs, 1, 10_000),
        }
      : null,
    questionLogSalt: get('QUESTION_LOG_SALT'),
    cooldown: {
      uses: integer(get('COOLDOWN_USES'), 'COOLDOWN_USES', DEFAULTS.cooldownUses, 1, 1000),
      seconds: integer(get('COOLDOWN_SECONDS'), 'COOLDOWN_SECONDS', DEFAULTS.cooldownSeconds, 1, 86400),
    },
    dashboardToken,
  };
}

/** A connection URL of the given protocol; the message names the variable, never the value (it may hold a password). */
function checkedUrl(value: string, name: string, protocol: RegExp, example: string): string {
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {
    url = null;
  }
  if (!url || !protocol.test(url.protocol) || !url.hostname) throw new ConfigError(`${name} is not a valid URL: expected one like ${example}.`);
  return value;
}

function identifier(value: string, name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(value)) throw new ConfigError(`${name} "${value}" must be a lower-case SQL name (letters, digits, _; not starting with a digit).`);
  return value;
}

function snowflake(value: string | null, name: string): string | null {
  if (value && !/^\d{17,20}$/.test(value)) throw new ConfigError(`${name} "${value}" is not a Discord ID (17–20 digits).`);
  return value;
}

function integer(value: string | null, name: string, fallback: number, min: number, max: number): number {
  if (value === null) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`${name} "${value}" must be a whole number from ${min} to ${max}.`);
  return n;
}
