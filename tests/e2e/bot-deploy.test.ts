// deploy-commands against the fake Discord: one bulk PUT of every command definition, to the guild when
// DISCORD_GUILD_ID is set, else global; a dry run sends nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/commands/index.ts';
import { loadConfig } from '../../src/config.ts';
import { deployCommands } from '../../src/discord/deploy.ts';
import { TOKEN } from './bot-harness.ts';
import { startFakeDiscord, type FakeDiscord } from './fake-discord/index.ts';

let fake: FakeDiscord | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function setup(guild: boolean) {
  fake = await startFakeDiscord({ token: TOKEN });
  const env = { DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: fake.world.applicationId, DISCORD_API_BASE: fake.apiBase, ...(guild ? { DISCORD_GUILD_ID: fake.world.guild.id } : {}) };
  return { fake, config: loadConfig({ mode: 'deploy', env, dotenvPath: false }) };
}

describe('deployCommands', () => {
  it('registers every command to the guild when DISCORD_GUILD_ID is set', async () => {
    const { fake, config } = await setup(true);
    const lines: string[] = [];
    const result = await deployCommands(config, { out: (l) => lines.push(l) });
    const puts = fake.requests({ method: 'PUT' });
    expect(puts.map((r) => r.route)).toEqual([`/applications/${fake.world.applicationId}/guilds/${fake.world.guild.id}/commands`]);
    expect(puts[0]?.body).toEqual(COMMANDS.map((c) => c.data));
    expect(puts[0]?.headers.authorization).toBe(`Bot ${TOKEN}`);
    expect(result).toMatchObject({ scope: 'guild', sent: true, count: COMMANDS.length });
    expect(lines.join('\n')).toContain('/ask, /quote, /commitments');
    expect(lines.join('\n')).toContain('“Check against the article” (message menu)');
    expect(lines.join('\n')).not.toContain('/Check');
  });

  it('registers globally without a guild, and again idempotently', async () => {
    const { fake, config } = await setup(false);
    await deployCommands(config, { out: () => undefined });
    await deployCommands(config, { out: () => undefined });
    const puts = fake.requests({ method: 'PUT' });
    expect(puts.map((r) => r.route)).toEqual([0, 1].map(() => `/applications/${fake.world.applicationId}/commands`));
    const registered = (await (await fetch(`${fake.apiBase}/v10/applications/${fake.world.applicationId}/commands`, { headers: { authorization: `Bot ${TOKEN}` } })).json()) as { name: string }[];
    expect(registered.map((c) => c.name)).toEqual(COMMANDS.map((c) => c.data.name));
  });

  it('prints the JSON and sends nothing on a dry run, even without a token', async () => {
    fake = await startFakeDiscord({ token: TOKEN });
    const config = loadConfig({ mode: 'cli', env: { DISCORD_API_BASE: fake.apiBase }, dotenvPath: false });
    const lines: string[] = [];
    const result = await deployCommands(config, { dryRun: true, out: (l) => lines.push(l) });
    expect(result.sent).toBe(false);
    expect(JSON.parse(lines.join('\n'))).toEqual({ method: 'PUT', route: '/applications/{DISCORD_CLIENT_ID}/commands', commands: COMMANDS.map((c) => c.data) });
    expect(fake.requests()).toEqual([]);
  });
});
