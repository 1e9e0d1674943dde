// Boots the real gateway bot against the fake Discord with the services' settings under test: a question log
// file, a cooldown, a corpus folder (a temporary copy for the live-corpus tests), all read through
// loadConfig like `npm start` does. Log lines are captured and can be waited for (event-driven).
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import Database from 'better-sqlite3';
import { loadConfig, type Config } from '../../src/config.ts';
import { startBot, type BotHandle } from '../../src/discord/gateway.ts';
import { createLogger } from '../../src/log.ts';
import { TOKEN, type LogLine } from './bot-harness.ts';
import { fastClientOptions, startFakeDiscord, type FakeDiscord } from './fake-discord/index.ts';
import { waitFor } from './wait-for.ts';

export const CORPUS = join(import.meta.dirname, '../../corpus');

export interface ConfiguredBot {
  fake: FakeDiscord;
  bot: BotHandle;
  config: Config;
  logs: LogLine[];
  /** Resolves with the first log line (already written or to come) matching. */
  waitForLog(predicate: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
  stop(): Promise<void>;
}

/** A fresh temporary folder (the caller removes it). */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `pactbot-${prefix}-`));
}

/** A temporary copy of corpus/, for tests that change it. */
export function corpusCopy(): string {
  const dir = tempDir('corpus');
  cpSync(CORPUS, dir, { recursive: true });
  return dir;
}

export async function bootConfiguredBot(env: Record<string, string>): Promise<ConfiguredBot> {
  const fake = await startFakeDiscord({ token: TOKEN });
  const logs: LogLine[] = [];
  const waiters = new Set<() => void>();
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logs.push(JSON.parse(line) as LogLine);
      for (const w of [...waiters]) w();
      done();
    },
  });
  const config = loadConfig({
    mode: 'bot',
    dotenvPath: false,
    env: {
      DISCORD_TOKEN: TOKEN,
      DISCORD_CLIENT_ID: fake.world.applicationId,
      DISCORD_API_BASE: fake.apiBase,
      LOG_LEVEL: 'debug',
      QUESTION_LOG: 'off',
      CORPUS_DIR: CORPUS,
      ...env,
    },
  });
  let bot: BotHandle;
  try {
    bot = await startBot(config, { logger: createLogger('debug', sink), clientOptions: fastClientOptions(fake), processHandlers: false });
  } catch (error) {
    await fake.close();
    throw error;
  }
  return {
    fake,
    bot,
    config,
    logs,
    waitForLog(predicate, timeoutMs = 10_000) {
      return waitFor(waiters, () => logs.find(predicate), timeoutMs, () => `no matching log line within ${timeoutMs} ms`);
    },
    async stop() {
      await bot.stop();
      await fake.close();
    },
  };
}

/** The rows a query reads from a question log file (read-only). */
export function rows(path: string, sql: string): Array<Record<string, unknown>> {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all() as Array<Record<string, unknown>>;
  } finally {
    db.close();
  }
}
