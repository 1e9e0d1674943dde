// The user-installable app: every command is registered for guild and user install and every context, and
// an interaction from a DM (no guild, no member, only `user`) is answered, cooled down and logged like any
// other, through the gateway bot and through the HTTP endpoint.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ApplicationIntegrationType, InteractionContextType, InteractionResponseType, type APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { COMMANDS } from '../../src/commands/index.ts';
import { createCooldown } from '../../src/core/cooldown.ts';
import { deployCommands } from '../../src/discord/deploy.ts';
import { startHttp } from '../../src/discord/http/start.ts';
import { signedRequest } from '../../src/discord/http/sign.ts';
import { createInteractionHandler } from '../../src/discord/dispatch.ts';
import { renderCooldown } from '../../src/discord/render/reply.ts';
import { renderOutcome } from '../../src/commands/index.ts';
import { silentLogger } from '../../src/log.ts';
import { hashUser, openQuestionLog } from '../../src/store/question-log.ts';
import { keyPair, send as post } from '../discord/http-support.ts';
import { bootBot, send, testApp } from './bot-harness.ts';
import { createWorld, dmChatInputInteraction, startFakeDiscord } from './fake-discord/index.ts';

type Callback = { type: number; data: APIInteractionResponseCallbackData };
const question = 'Who signed the declaration?';
const expectedAnswer = () => renderOutcome({ kind: 'ask', result: testApp().context.engine.ask(question), page: 0, private: false });

const dir = mkdtempSync(join(tmpdir(), 'pactbot-user-install-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a user-installable app', () => {
  it('the deploy dry run registers every command for guild and user install, in servers, the bot DM and private channels', async () => {
    const lines: string[] = [];
    await deployCommands(loadConfig({ mode: 'cli', env: {}, dotenvPath: false }), { dryRun: true, out: (l) => lines.push(l) });
    const { commands } = JSON.parse(lines.join('\n')) as { commands: Array<{ name: string; integration_types: number[]; contexts: number[] }> };
    expect(commands.map((c) => c.name)).toEqual(COMMANDS.map((c) => c.data.name));
    for (const command of commands) {
      expect(command.integration_types, command.name).toEqual([ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall]);
      expect(command.contexts, command.name).toEqual([InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel]);
    }
  });

  it('answers /ask in a DM through the gateway bot', async () => {
    const bot = await bootBot();
    try {
      const interaction = dmChatInputInteraction(bot.fake.world, { name: 'ask', options: { question } });
      expect('guild_id' in interaction || 'member' in interaction).toBe(false);
      const callback = await send<Callback>(bot.fake, interaction);
      expect(callback).toEqual({ type: InteractionResponseType.ChannelMessageWithSource, data: expectedAnswer() });
      const line = bot.logs.find((l) => (l.interaction as { id?: string } | undefined)?.id === interaction.id);
      expect(line).toMatchObject({ command: 'ask', outcome: 'answered', interaction: { guildId: null } });
    } finally {
      await bot.stop();
    }
  });

  it('answers /ask in a DM through the HTTP endpoint', async () => {
    const fake = await startFakeDiscord();
    const keys = keyPair();
    const env = { DISCORD_PUBLIC_KEY: keys.publicHex, DISCORD_CLIENT_ID: fake.world.applicationId, PORT: '0', DISCORD_API_BASE: fake.apiBase, QUESTION_LOG: 'off' };
    const started = await startHttp({ config: loadConfig({ mode: 'serve', env, dotenvPath: false }), logger: silentLogger(), buildApp: () => testApp() });
    try {
      await started.ready;
      const res = await post(started.address.port, signedRequest(keys.privateKey, dmChatInputInteraction(fake.world, { name: 'ask', options: { question } })));
      expect(res.status, res.body).toBe(200);
      expect(JSON.parse(res.body)).toEqual({ type: InteractionResponseType.ChannelMessageWithSource, data: expectedAnswer() });
    } finally {
      await started.stop();
      await fake.close();
    }
  });

  it('cools down and logs a DM user like a server member: by their user id, hashed', async () => {
    const path = join(dir, 'dm.db');
    const log = openQuestionLog({ path, salt: 'pepper', logger: silentLogger() });
    const now = 1_767_225_600_000;
    const cooldown = createCooldown({ uses: 1, seconds: 30, now: () => now });
    const handle = createInteractionHandler({ app: testApp(), logger: silentLogger(), questionLog: log, cooldown, source: 'http' });
    const world = createWorld();
    const first = await handle(dmChatInputInteraction(world, { name: 'ask', options: { question } }));
    const second = await handle(dmChatInputInteraction(world, { name: 'ask', options: { question } }));
    expect(first.response.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(second.response).toEqual({ type: InteractionResponseType.ChannelMessageWithSource, data: renderCooldown('en-US', now + 30_000) });
    log.close();
    const db = new Database(path, { readonly: true });
    const rows = db.prepare('SELECT question, user_hash FROM questions').all();
    db.close();
    expect(rows).toEqual([{ question, user_hash: hashUser('pepper', world.user.id) }]);
  });
});
