// The gateway bot under faults: gateway closes, drops, reconnect and invalid-session ops; REST rate limits,
// server errors and Unknown interaction. After each, the process is still up and the next interaction is
// answered. (An unhandled rejection would fail this file: vitest reports them as errors.)
import { Events } from 'discord.js';
import { InteractionResponseType } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { bootBot, callbackOf, send, type BotUnderTest } from './bot-harness.ts';
import { chatInputInteraction, type FakeDiscord } from './fake-discord/index.ts';

let env: BotUnderTest | undefined;
afterEach(async () => {
  await env?.stop();
  env = undefined;
});

const ask = (fake: FakeDiscord) => chatInputInteraction(fake.world, { name: 'ask', options: { question: 'Who signed the declaration?' } });

function nextClientEvent(env: BotUnderTest, event: Events.ShardResume | Events.ShardReady, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
    env.bot.client.once(event, () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

describe('gateway faults', () => {
  const faults = [
    { name: 'close code 4000', inject: (f: FakeDiscord) => f.closeWith(4000, 'unknown error'), recovery: Events.ShardResume },
    { name: 'an abrupt socket drop', inject: (f: FakeDiscord) => f.dropSocket(), recovery: Events.ShardResume },
    { name: 'op 7 RECONNECT', inject: (f: FakeDiscord) => f.sendReconnect(), recovery: Events.ShardResume },
    { name: 'op 9 INVALID_SESSION (resumable)', inject: (f: FakeDiscord) => f.sendInvalidSession(true), recovery: Events.ShardResume },
    { name: 'op 9 INVALID_SESSION (not resumable)', inject: (f: FakeDiscord) => f.sendInvalidSession(false), recovery: Events.ShardReady },
  ] as const;

  it.each(faults)('keeps answering after $name', async ({ inject, recovery }) => {
    env = await bootBot();
    const recovered = nextClientEvent(env, recovery);
    inject(env.fake);
    await recovered;
    const callback = await send(env.fake, ask(env.fake));
    expect(callback.type).toBe(InteractionResponseType.ChannelMessageWithSource);
  });

  it('answers an interaction dispatched while the socket was down, once it resumes', async () => {
    env = await bootBot();
    env.fake.dropSocket();
    const interaction = ask(env.fake);
    env.fake.dispatch('INTERACTION_CREATE', interaction);
    const callback = await callbackOf(env.fake, interaction);
    expect((callback.body as { type: number }).type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(env.fake.gatewayOps((op) => op.op === 6)).toHaveLength(1);
  });
});

describe('REST faults', () => {
  it.each([
    ['a 429 rate limit', 429],
    ['a 500 server error', 500],
  ])('retries the callback after %s and the reply lands', async (_name, status) => {
    env = await bootBot();
    env.fake.failNext({ method: 'POST', pathIncludes: '/callback', status });
    const interaction = ask(env.fake);
    await send(env.fake, interaction);
    const attempts = env.fake.requests((r) => r.route.startsWith(`/interactions/${interaction.id}/`));
    expect(attempts.map((r) => [r.status, r.injected])).toEqual([
      [status, true],
      [204, false],
    ]);
    expect(attempts[1]?.body).toEqual(attempts[0]?.body);
  });

  it('logs a 10062 Unknown interaction, stays up and answers the next interaction', async () => {
    env = await bootBot();
    env.fake.failNext({ pathIncludes: '/callback', status: 404, body: { message: 'Unknown interaction', code: 10062 } });
    const doomed = ask(env.fake);
    env.fake.dispatch('INTERACTION_CREATE', doomed);
    await expect.poll(() => env!.logs.find((l) => l.msg === 'could not deliver the reply'), { timeout: 5_000 }).toMatchObject({
      interactionId: doomed.id,
      error: { code: 10062, status: 404 },
    });
    const callback = await send(env.fake, ask(env.fake));
    expect(callback.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    // The failure is logged without the interaction's token.
    expect(env.raw.join('')).not.toContain(doomed.token);
  });

  it('survives a failing follow-up edit of a deferred reply, and answers the next one', async () => {
    env = await bootBot({ bot: { handler: { defer: () => true } } });
    env.fake.failNext({ method: 'PATCH', pathIncludes: '/messages/@original', status: 404, body: { message: 'Unknown Webhook', code: 10015 } });
    await send(env.fake, ask(env.fake));
    await expect.poll(() => env!.logs.find((l) => l.msg === 'could not deliver the reply'), { timeout: 5_000 }).toMatchObject({ step: 'callback' });
    const next = ask(env.fake);
    await send(env.fake, next);
    const edit = await env.fake.waitForRequest({ method: 'PATCH', pathIncludes: `${next.token}/messages/@original` });
    expect(edit.status).toBe(200);
  });
});

describe('shutdown', () => {
  it('finishes an in-flight reply before destroying the client', async () => {
    env = await bootBot();
    // A 0.3 s rate limit keeps the reply in flight while stop() is called.
    env.fake.failNext({ method: 'POST', pathIncludes: '/callback', status: 429, body: { message: 'You are being rate limited.', retry_after: 0.3, global: false } });
    const interaction = ask(env.fake);
    env.fake.dispatch('INTERACTION_CREATE', interaction);
    await env.fake.waitForRequest((r) => r.route.startsWith(`/interactions/${interaction.id}/`) && r.status === 429);
    expect(env.bot.inFlight()).toBe(1);
    await env.bot.stop();
    expect(env.fake.requests((r) => r.route.startsWith(`/interactions/${interaction.id}/`)).map((r) => r.status)).toEqual([429, 204]);
    expect(env.bot.inFlight()).toBe(0);
  });
});
