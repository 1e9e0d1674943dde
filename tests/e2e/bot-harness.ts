// Boots the real gateway bot (startBot, a real discord.js Client) against the fake Discord, with the
// configuration read through loadConfig like `npm start` does, and captures its log lines.
import { Writable } from 'node:stream';
import type { APIInteraction } from 'discord-api-types/v10';
import { COMMANDS } from '../../src/commands/index.ts';
import { createApp, type App } from '../../src/core/app.ts';
import type { Command } from '../../src/commands/command.ts';
import { loadConfig } from '../../src/config.ts';
import { startBot, type BotHandle, type BotOverrides } from '../../src/discord/gateway.ts';
import { createLogger } from '../../src/log.ts';
import { fastClientOptions, startFakeDiscord, type FakeDiscord, type FakeDiscordOptions, type RecordedRequest } from './fake-discord/index.ts';

export const TOKEN = 'MTA5OTk5OTk5OTk5OTk5OTk5.fake.token-for-e2e';

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export interface BotUnderTest {
  fake: FakeDiscord;
  bot: BotHandle;
  /** Every log line the bot wrote, parsed; `raw` is the text as written. */
  logs: LogLine[];
  raw: string[];
  stop(): Promise<void>;
}

let sharedApp: App<Command> | undefined;
/** One corpus load per test file: the app holds read-only data. */
export function testApp(): App<Command> {
  sharedApp ??= createApp({ commands: COMMANDS, corpusDir: 'corpus' });
  return sharedApp;
}

/** `env` adds to (or overrides) the bot's configuration, e.g. REDIS_URL. */
export async function bootBot(options: { fake?: FakeDiscordOptions; bot?: Partial<BotOverrides>; env?: Record<string, string> } = {}): Promise<BotUnderTest> {
  const fake = await startFakeDiscord({ token: TOKEN, ...options.fake });
  const raw: string[] = [];
  const logs: LogLine[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      const text = String(chunk);
      raw.push(text);
      logs.push(JSON.parse(text) as LogLine);
      done();
    },
  });
  const config = loadConfig({
    mode: 'bot',
    dotenvPath: false,
    env: { DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: fake.world.applicationId, DISCORD_API_BASE: fake.apiBase, LOG_LEVEL: 'debug', QUESTION_LOG: 'off', COOLDOWN_USES: '1000', ...options.env },
  });
  try {
    const bot = await startBot(config, {
      app: testApp(),
      logger: createLogger('debug', sink),
      clientOptions: fastClientOptions(fake),
      processHandlers: false,
      ...options.bot,
    });
    return { fake, bot, logs, raw, stop: async () => { await bot.stop(); await fake.close(); } };
  } catch (error) {
    await fake.close();
    throw error;
  }
}

/** The interaction's first successful callback (after any injected failures). */
export function callbackOf(fake: FakeDiscord, interaction: APIInteraction, timeoutMs = 10_000): Promise<RecordedRequest> {
  return fake.waitForRequest((r) => r.route.startsWith(`/interactions/${interaction.id}/`) && r.status < 300, timeoutMs);
}

/** Dispatches an interaction and resolves with the body of the callback the bot sent for it. */
export async function send<T = { type: number; data?: Record<string, unknown> }>(fake: FakeDiscord, interaction: APIInteraction): Promise<T> {
  fake.dispatch('INTERACTION_CREATE', interaction);
  return (await callbackOf(fake, interaction)).body as T;
}

/** The message Discord (the fake) now holds as the interaction's original response. */
export async function originalMessage(fake: FakeDiscord, interaction: APIInteraction): Promise<import('discord-api-types/v10').APIMessage> {
  const response = await fetch(`${fake.apiBase}/v10/webhooks/${fake.world.applicationId}/${interaction.token}/messages/@original`);
  if (!response.ok) throw new Error(`no original message: ${response.status}`);
  return (await response.json()) as import('discord-api-types/v10').APIMessage;
}
