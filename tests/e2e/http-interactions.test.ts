// End to end over HTTP: the real app, the shared interaction handler and renderers behind the HTTP server,
// real signed requests on loopback, and the fake Discord receiving deferred answers through the webhook.
// The HTTP transport must answer exactly what the gateway's handler answers for the same interaction.
import { readFileSync } from 'node:fs';
import {
  InteractionResponseType,
  MessageFlags,
  type APIInteraction,
  type APIInteractionResponse,
  type APIInteractionResponseCallbackData,
  type APIMessage,
} from 'discord-api-types/v10';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/commands/index.ts';
import { createApp, type App } from '../../src/core/app.ts';
import type { Command } from '../../src/commands/command.ts';
import { loadConfig } from '../../src/config.ts';
import { quote } from '../../src/commands/quote/index.ts';
import { decodeCustomId, encodeCustomId, questionFooter } from '../../src/discord/components.ts';
import { startHttp, type StartedHttp } from '../../src/discord/http/start.ts';
import { createHttpServer, type HttpServer } from '../../src/discord/http/server.ts';
import { signedRequest } from '../../src/discord/http/sign.ts';
import { createInteractionHandler, type InteractionHandler } from '../../src/discord/dispatch.ts';
import { pageCount } from '../../src/commands/ask/definition.ts';
import { DEFAULT_PAGE_SIZE } from '../../src/core/command.ts';
import { renderChoices } from '../../src/discord/render/reply.ts';
import { renderOutcome } from '../../src/commands/index.ts';
import { silentLogger } from '../../src/log.ts';
import { keyPair, send } from '../discord/http-support.ts';
import { limitViolations } from '../discord/payload-checks.ts';
import {
  autocompleteInteraction,
  buttonInteraction,
  chatInputInteraction,
  messageObject,
  snowflake,
  startFakeDiscord,
  type FakeDiscord,
} from './fake-discord/index.ts';

const keys = keyPair();
let fake: FakeDiscord;
let app: App<Command>;
let started: StartedHttp;
/** The same handler the gateway bot uses, called in-process: the reference for every HTTP answer. */
let reference: InteractionHandler;

beforeAll(async () => {
  fake = await startFakeDiscord();
  app = createApp({ commands: COMMANDS, corpusDir: 'corpus' });
  reference = createInteractionHandler({ app, logger: silentLogger() });
  const env = { DISCORD_PUBLIC_KEY: keys.publicHex, DISCORD_CLIENT_ID: fake.world.applicationId, PORT: '0', DISCORD_API_BASE: fake.apiBase, QUESTION_LOG: 'off', COOLDOWN_USES: '1000' };
  const config = loadConfig({ mode: 'serve', env, dotenvPath: false });
  started = await startHttp({ config, logger: silentLogger(), buildApp: () => app, server: { defaultMetrics: false } });
  await started.ready;
});
afterAll(async () => {
  await started?.stop();
  await fake?.close();
});

async function post(payload: unknown, port = started.address.port): Promise<APIInteractionResponse> {
  const res = await send(port, signedRequest(keys.privateKey, payload));
  expect(res.status, res.body).toBe(200);
  return JSON.parse(res.body) as APIInteractionResponse;
}

const messageData = (response: APIInteractionResponse): APIInteractionResponseCallbackData => {
  if (!('data' in response) || !response.data) throw new Error(`no data in response type ${response.type}`);
  return response.data as APIInteractionResponseCallbackData;
};

const questions = readFileSync('tests/fixtures/holdout-ask.jsonl', 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => (JSON.parse(line) as { q: string }).q);

describe('HTTP interactions through the shared handler', () => {
  it('answers PING with PONG', async () => {
    expect(await post({ id: snowflake(), type: 1, application_id: fake.world.applicationId })).toEqual({ type: 1 });
  });

  it.each([
    ['ask', { question: 'Who signed the joint declaration?' }],
    ['ask', { question: 'What does the article say about the price of tea?' }],
    ['quote', { speaker: 'Starmer' }],
    ['commitments', {}],
    ['help', {}],
    ['about', {}],
  ] as const)('answers /%s %j as the HTTP body, exactly as the gateway handler does', async (name, options) => {
    const payload = chatInputInteraction(fake.world, { name, options: { ...options } });
    const response = await post(payload);
    expect(response.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(response).toEqual((await reference(payload)).response);
    expect(limitViolations(messageData(response))).toEqual([]);
  });

  it('renders /ask from the engine: the same answer the renderer makes of engine.ask', async () => {
    const question = questions[0]!;
    const response = await post(chatInputInteraction(fake.world, { name: 'ask', options: { question } }));
    const expected = renderOutcome({ kind: 'ask', result: app.context.engine.ask(question), page: 0, private: false });
    expect(messageData(response)).toEqual(expected);
  });

  it('answers autocomplete with the speakers the engine knows (type 8)', async () => {
    const prefix = app.context.engine.speakers('')[0]!.name.slice(0, 3);
    const response = await post(autocompleteInteraction(fake.world, { name: 'quote', focused: { name: 'speaker', value: prefix } }));
    expect(response.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    const choices = renderChoices(quote.autocomplete!(app.context, { name: 'speaker', value: prefix }));
    expect(choices.length).toBeGreaterThan(0);
    expect(response).toEqual({ type: 8, data: { choices } });
  });

  it('pages an /ask answer when its button is clicked (type 7), statelessly', async () => {
    const question = questions.find((q) => pageCount(app.context.engine.ask(q), DEFAULT_PAGE_SIZE) > 1);
    expect(question, 'a held-out question with more than one page').toBeDefined();
    const first = messageData(await post(chatInputInteraction(fake.world, { name: 'ask', options: { question: question! } })));
    const buttons = (first.components ?? []).flatMap((row) => ('components' in row ? (row.components as Array<{ custom_id?: string }>) : []));
    const customId = buttons.map((b) => b.custom_id).find((id) => id !== undefined && decodeCustomId(id)?.kind === 'page');
    expect(customId, 'a page button').toBeDefined();
    const message = messageObject(fake.world, { embeds: first.embeds, components: first.components as APIMessage['components'] });
    const click = buttonInteraction(fake.world, { customId: customId!, message });
    const response = await post(click);
    expect(response.type).toBe(InteractionResponseType.UpdateMessage);
    expect(response).toEqual((await reference(click)).response);
    expect(messageData(response).embeds).not.toEqual(first.embeds);
  });
});

describe('deferred answers over HTTP', () => {
  let deferring: HttpServer;
  let port: number;
  beforeAll(async () => {
    const handler = createInteractionHandler({ app, logger: silentLogger(), defer: () => true });
    deferring = createHttpServer({ handle: handler, publicKey: keys.publicKey, logger: silentLogger(), apiBase: fake.apiBase });
    ({ port } = await deferring.listen(0, '127.0.0.1'));
  });
  afterAll(() => deferring.close());

  /** Plays Discord's part: the HTTP response creates the original message, as Discord would. */
  async function relay(payload: APIInteraction, response: APIInteractionResponse): Promise<void> {
    const res = await fetch(`${fake.apiBase}/v10/interactions/${payload.id}/${payload.token}/callback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(response),
    });
    expect(res.status).toBe(204);
  }

  it.each([false, true])('acknowledges with type 5 (private: %s) and PATCHes the answer to @original', async (isPrivate) => {
    const question = questions[1]!;
    const payload = chatInputInteraction(fake.world, { name: 'ask', options: { question, private: isPrivate } });
    const response = await post(payload, port);
    expect(response.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    expect(isPrivate ? messageData(response).flags : undefined).toBe(isPrivate ? MessageFlags.Ephemeral : undefined);
    await relay(payload, response);
    // The first PATCH may beat the relay (404) and be retried, as it can on Discord: wait for the accepted one.
    const patch = await fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(payload.token) && r.status === 200);
    expect(patch.route).toBe(`/webhooks/${payload.application_id}/${payload.token}/messages/@original`);
    const { flags: _flags, ...expected } = renderOutcome({ kind: 'ask', result: app.context.engine.ask(question), page: 0, private: isPrivate });
    expect(patch.body).toEqual(expected);
    expect(limitViolations(patch.body as APIInteractionResponseCallbackData)).toEqual([]);
  });
});

// Hostile text as users could type it (and longer: Discord caps options, but the handler must not rely on it).
const HOSTILE_PIECES = [
  '@everyone', '@here', '<@&123456789012345678>', '<@123456789012345678>', '<@!123456789012345678>', '<#123456789012345678>',
  '**', '__', '~~', '*', '_', '`', '```', '||', '> ', '# ', '- ', '[link](https://example.com)', '\\', '\n', ' ',
  '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u202e', '\u202d', '\u2066', '\u2067', '\u2069', '\u061c',
  'Starmer', 'Macron', 'troops', 'Ukraine', 'ceasefire', 'the', '?',
];
const hostileText = fc.oneof(
  fc.constant(''),
  fc.array(fc.oneof(fc.constantFrom(...HOSTILE_PIECES), fc.string({ maxLength: 8 })), { maxLength: 40 }).map((a) => a.join('')),
  fc.array(fc.constantFrom(...HOSTILE_PIECES), { minLength: 600, maxLength: 2000 }).map((a) => a.join('').slice(0, 6000)),
  fc.string({ unit: 'grapheme', minLength: 6000, maxLength: 6000 }),
);

/** Checks a response: a message within every limit with no mentions, or choices within theirs. */
function expectWellFormed(response: APIInteractionResponse): void {
  if (response.type === InteractionResponseType.ApplicationCommandAutocompleteResult) {
    const choices = response.data.choices ?? [];
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const c of choices) {
      expect(c.name.length).toBeGreaterThan(0);
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(String(c.value).length).toBeLessThanOrEqual(100);
    }
    return;
  }
  expect([InteractionResponseType.ChannelMessageWithSource, InteractionResponseType.UpdateMessage]).toContain(response.type);
  expect(limitViolations(messageData(response))).toEqual([]);
}

describe('hostile input through the HTTP endpoint', () => {
  const property = (runs: number, build: (text: string, other: string) => unknown) =>
    fc.assert(
      fc.asyncProperty(hostileText, hostileText, async (text, other) => {
        expectWellFormed(await post(build(text, other)));
      }),
      { numRuns: runs },
    );

  it('keeps /ask within Discord limits with mentions suppressed', () =>
    property(60, (text, other) => chatInputInteraction(fake.world, { name: 'ask', options: { question: text, private: other.length % 2 === 0 } })));

  it('keeps /quote within limits', () =>
    // Speaker and topic capped at Discord's own option lengths (100, 200): /quote's cost grows with both.
    property(30, (text, other) => chatInputInteraction(fake.world, { name: 'quote', options: { speaker: text.slice(0, 100), topic: other.slice(0, 200) } })));

  it('keeps /commitments within limits', () =>
    property(40, (text) => chatInputInteraction(fake.world, { name: 'commitments', options: { party: text } })));

  it('keeps autocomplete choices within limits', () =>
    property(60, (text) => autocompleteInteraction(fake.world, { name: 'quote', focused: { name: 'speaker', value: text } })));

  it('keeps a page click within limits whatever question the clicked message carries', () =>
    property(40, (text, other) => {
      const message = messageObject(fake.world, { embeds: [{ description: other || 'x', footer: { text: questionFooter(text) } }] });
      return buttonInteraction(fake.world, { customId: encodeCustomId({ kind: other.length % 3 === 0 ? 'share' : 'page', page: text.length % 4 }), message });
    }));
});
