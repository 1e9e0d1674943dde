// The bot as a process, the way `npm start` and `npm run deploy-commands` run it:
// configuration errors stop it with one line, and SIGTERM lets in-flight replies finish and exits 0.
import { afterEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/commands/index.ts';
import { TOKEN } from './bot-harness.ts';
import { botEnv, killChildren, run } from './bot-spawn.ts';
import { chatInputInteraction, startFakeDiscord, type FakeDiscord } from './fake-discord/index.ts';

let fake: FakeDiscord | undefined;
afterEach(async () => {
  await killChildren();
  await fake?.close();
  fake = undefined;
});

describe('npm start (gateway bot process)', () => {
  it('prints the invite URL, answers, and on SIGTERM finishes the in-flight reply and exits 0', async () => {
    fake = await startFakeDiscord({ token: TOKEN });
    const bot = run('src/main.ts', [], botEnv(fake));
    const invite = await bot.waitForLog((l) => typeof l.inviteUrl === 'string');
    expect(invite.inviteUrl).toContain(`client_id=${fake.world.applicationId}`);
    await bot.waitForLog((l) => l.msg === 'ready');

    // A 1 s rate limit on the callback keeps the reply in flight when the signal arrives.
    fake.failNext({ method: 'POST', pathIncludes: '/callback', status: 429, body: { message: 'You are being rate limited.', retry_after: 1, global: false } });
    const interaction = chatInputInteraction(fake.world, { name: 'ask', options: { question: 'Who signed the declaration?' } });
    fake.dispatch('INTERACTION_CREATE', interaction);
    await fake.waitForRequest((r) => r.route.startsWith(`/interactions/${interaction.id}/`) && r.status === 429, 20_000);
    bot.child.kill('SIGTERM');

    expect(await bot.exit).toBe(0);
    const attempts = fake.requests((r) => r.route.startsWith(`/interactions/${interaction.id}/`));
    expect(attempts.map((r) => r.status)).toEqual([429, 204]);
    expect((attempts[1]?.body as { type: number }).type).toBe(4);
    expect(bot.stdout.some((l) => l.includes('"msg":"stopped"'))).toBe(true);
    expect(bot.stdout.join('\n')).not.toContain(TOKEN);
    expect(bot.stdout.join('\n')).not.toContain(interaction.token);
  }, 60_000);

  it.each([
    ['a malformed token', { DISCORD_TOKEN: 'not-a-token', DISCORD_CLIENT_ID: '123456789012345678' }, 'DISCORD_TOKEN'],
    ['a missing client id', { DISCORD_TOKEN: TOKEN }, 'DISCORD_CLIENT_ID'],
    ['a versioned API base', { DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: '123456789012345678', DISCORD_API_BASE: 'http://127.0.0.1:1/api/v10' }, 'DISCORD_API_BASE'],
  ])('stops with one clear line on %s', async (_name, env, variable) => {
    const bot = run('src/main.ts', [], env);
    expect(await bot.exit).toBe(1);
    const lines = bot.stderr.join('').trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(variable);
    expect(lines[0]).not.toContain(TOKEN);
  }, 30_000);
});

describe('npm run deploy-commands -- --dry-run', () => {
  it('prints the commands as JSON without a token', async () => {
    const deploy = run('src/discord/deploy.ts', ['--dry-run'], {});
    expect(await deploy.exit).toBe(0);
    const printed = JSON.parse(deploy.stdout.join('\n')) as { commands: unknown };
    expect(printed.commands).toEqual(COMMANDS.map((c) => c.data));
  }, 30_000);
});

