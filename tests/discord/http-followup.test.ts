// Deferred answers reach Discord as a PATCH of the original message through the interaction webhook,
// authorised by the interaction token alone; retries follow what Discord asks for.
import { afterEach, describe, expect, it } from 'vitest';
import { createFollowUpSender } from '../../src/discord/http/followup.ts';
import { silentLogger } from '../../src/log.ts';
import { startFakeDiscord, type FakeDiscord } from '../e2e/fake-discord/index.ts';

let fake: FakeDiscord | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const target = (f: FakeDiscord, token: string) => ({ id: '1', application_id: f.world.applicationId, token });

/** Discord creates the original message when it receives our type 5; the test plays that part. */
let interactionId = 123456789012345678n;
async function deferOn(f: FakeDiscord, token: string): Promise<void> {
  const res = await fetch(`${f.apiBase}/v10/interactions/${interactionId++}/${token}/callback`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 5 }),
  });
  expect(res.status).toBe(204);
}

describe('createFollowUpSender', () => {
  it('PATCHes @original on the webhook with the body, without a bot token', async () => {
    fake = await startFakeDiscord({ token: 'bot.token.required-elsewhere' });
    await deferOn(fake, 'tok-a');
    const send = createFollowUpSender({ apiBase: fake.apiBase, logger: silentLogger() });
    expect(await send(target(fake, 'tok-a'), { content: 'the answer', allowed_mentions: { parse: [] } })).toBe(true);
    const patch = await fake.waitForRequest({ method: 'PATCH' });
    expect(patch.route).toBe(`/webhooks/${fake.world.applicationId}/tok-a/messages/@original`);
    expect(patch.body).toEqual({ content: 'the answer', allowed_mentions: { parse: [] } });
    expect(patch.headers.authorization).toBeUndefined();
  });

  it('retries a rate limit and a server error, then succeeds', async () => {
    fake = await startFakeDiscord();
    await deferOn(fake, 'tok-b');
    fake.failNext({ method: 'PATCH', status: 429 });
    fake.failNext({ method: 'PATCH', status: 502 });
    const send = createFollowUpSender({ apiBase: fake.apiBase, logger: silentLogger(), maxRetryWaitMs: 50 });
    expect(await send(target(fake, 'tok-b'), { content: 'x' })).toBe(true);
    expect(fake.requests({ method: 'PATCH' }).map((r) => r.status)).toEqual([429, 502, 200]);
  });

  it('retries a PATCH that reaches Discord before the message its deferral creates', async () => {
    fake = await startFakeDiscord();
    const send = createFollowUpSender({ apiBase: fake.apiBase, logger: silentLogger(), maxRetryWaitMs: 100 });
    const sent = send(target(fake, 'tok-race'), { content: 'x' });
    await fake.waitForRequest({ method: 'PATCH' });
    await deferOn(fake, 'tok-race');
    expect(await sent).toBe(true);
    expect(fake.requests({ method: 'PATCH' }).map((r) => r.status)).toEqual([404, 200]);
  });

  it('gives up at once on a client error, and after its attempts on repeated failures', async () => {
    fake = await startFakeDiscord();
    const send = createFollowUpSender({ apiBase: fake.apiBase, logger: silentLogger(), maxRetryWaitMs: 10, attempts: 3 });
    await deferOn(fake, 'tok-d');
    fake.failNext({ method: 'PATCH', status: 400, body: { code: 50035, message: 'Invalid Form Body' } });
    expect(await send(target(fake, 'tok-d'), { content: 'x' })).toBe(false);
    expect(fake.requests({ method: 'PATCH' })).toHaveLength(1);
    fake.clearRequests();
    await deferOn(fake, 'tok-c');
    fake.failNext({ method: 'PATCH', status: 500, times: 5 });
    expect(await send(target(fake, 'tok-c'), { content: 'x' })).toBe(false);
    expect(fake.requests({ method: 'PATCH' })).toHaveLength(3);
  });

  it('resolves false when Discord is unreachable', async () => {
    const send = createFollowUpSender({ apiBase: 'http://127.0.0.1:9/api', logger: silentLogger(), maxRetryWaitMs: 10, attempts: 2 });
    expect(await send({ id: '1', application_id: '2', token: 't' }, {})).toBe(false);
  });
});
