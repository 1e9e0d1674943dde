// The gateway bot's edge: a dispatched interaction the handler could not read is dropped with a log line
// (it is not answered: it may carry no usable id or token), and the next one is answered as usual.
import { afterEach, describe, expect, it } from 'vitest';
import { bootBot, send, type BotUnderTest } from './bot-harness.ts';
import { chatInputInteraction } from './fake-discord/index.ts';

let env: BotUnderTest | undefined;
afterEach(async () => {
  await env?.stop();
  env = undefined;
});

describe('gateway: interactions of unknown shape', () => {
  it('drops a command without data and a non-string locale with a log line, then answers the next interaction', async () => {
    env = await bootBot();
    const { fake } = env;
    const ask = () => chatInputInteraction(fake.world, { name: 'ask', options: { question: 'Who signed the declaration?' } });
    const withoutData = { ...ask(), data: undefined };
    const objectLocale = { ...ask(), locale: { toString: 'en-US' } };
    fake.dispatch('INTERACTION_CREATE', withoutData as never);
    fake.dispatch('INTERACTION_CREATE', objectLocale as never);
    // Dispatches arrive in order: once this one is answered, the two before it have been handled.
    expect((await send(fake, ask())).type).toBe(4);
    const dropped = env.logs.filter((l) => l.msg === 'interaction of unknown shape dropped');
    expect(dropped.map((l) => l.problem)).toEqual([expect.stringMatching(/^data: /), expect.stringMatching(/^locale: /)]);
    expect(fake.requests((r) => r.route.startsWith(`/interactions/${withoutData.id}/`) || r.route.startsWith(`/interactions/${objectLocale.id}/`))).toEqual([]);
    expect(env.logs.filter((l) => l.level >= 50)).toEqual([]);
  }, 30_000);
});
