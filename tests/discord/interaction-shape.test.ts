// The edge check on interactions: every shape the fake Discord (and Discord) sends passes; bodies the handler
// could not read are refused with a short problem naming the field, over HTTP with 400, never a 500.
import { InteractionType } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/commands/index.ts';
import { createApp } from '../../src/core/app.ts';
import { createHttpServer, type HttpServer } from '../../src/discord/http/server.ts';
import { signedRequest } from '../../src/discord/http/sign.ts';
import { checkInteractionShape } from '../../src/discord/interaction-shape.ts';
import { createInteractionHandler } from '../../src/discord/dispatch.ts';
import { silentLogger } from '../../src/log.ts';
import { autocompleteInteraction, buttonInteraction, chatInputInteraction, createWorld, messageContextMenuInteraction, snowflake } from '../e2e/fake-discord/index.ts';
import { keyPair, send } from './http-support.ts';

const world = createWorld();
const ask = () => chatInputInteraction(world, { name: 'ask', options: { question: 'Who signed the declaration?' } });

/** JSON text with `locale` nested `depth` arrays deep (built as text: JSON.stringify would run out of stack). */
const deepLocale = (depth: number) => JSON.stringify({ ...ask(), locale: '@' }).replace('"@"', `${'['.repeat(depth)}${']'.repeat(depth)}`);

/** Interactions the handler could not read (JSON text): each must be refused at the edge. */
export const MALFORMED: Array<[string, string]> = ([
  ['a command without data', { ...ask(), data: undefined }],
  ['an autocomplete without data', { ...autocompleteInteraction(world, { name: 'quote', focused: { name: 'speaker', value: 'St' } }), data: undefined }],
  ['a button without message', { ...buttonInteraction(world, { customId: 'pactbot:share' }), message: undefined }],
  ['a non-string locale', { ...ask(), locale: 42 }],
  ['a nested locale', { ...ask(), locale: { a: { b: { c: ['en-US'] } } } }],
  ['options that are not an array', { ...ask(), data: { ...ask().data, options: { question: 'x' } } }],
  ['an option value that is an object', { ...ask(), data: { ...ask().data, options: [{ name: 'question', type: 3, value: { toString: 1 } }] } }],
  ['options nested deeper than Discord allows', { ...ask(), data: { ...ask().data, options: [{ name: 'a', type: 2, options: [{ name: 'b', type: 1, options: [{ name: 'c', type: 3, options: [{}] }] }] }] } }],
  ['a message command whose target is not resolved', { ...messageContextMenuInteraction(world, { name: 'Check against the article' }), data: { name: 'Check against the article', type: 3, target_id: snowflake(), resolved: { messages: {} } } }],
  ['a member without a user', { ...ask(), member: {} }],
] as Array<[string, unknown]>)
  .map(([name, value]): [string, string] => [name, JSON.stringify(value)])
  // 30,000 levels fit in the 64 KiB body limit.
  .concat([['a locale nested 30,000 arrays deep', deepLocale(30_000)]]);

describe('checkInteractionShape', () => {
  it('accepts every kind of interaction the bot answers', () => {
    const valid = [
      { id: snowflake(), type: InteractionType.Ping, application_id: world.applicationId },
      ask(),
      autocompleteInteraction(world, { name: 'quote', focused: { name: 'speaker', value: 'St' } }),
      buttonInteraction(world, { customId: 'pactbot:page:2' }),
      messageContextMenuInteraction(world, { name: 'Check against the article' }),
      { ...ask(), locale: '__proto__' },
    ];
    for (const interaction of valid) expect(checkInteractionShape(interaction), JSON.stringify(interaction).slice(0, 80)).toMatchObject({ ok: true });
  });

  it.each(MALFORMED)('refuses %s, naming the field', (_name, body) => {
    const check = checkInteractionShape(JSON.parse(body));
    expect(check.ok).toBe(false);
    expect(!check.ok && check.problem).toMatch(/^[\w.]+: /);
  });
});

describe('signed hostile interactions over HTTP (the real handler)', () => {
  const keys = keyPair();
  const app = createApp({ commands: COMMANDS, corpusDir: 'corpus' });
  const servers: HttpServer[] = [];
  afterEach(async () => Promise.all(servers.splice(0).map((s) => s.close())));

  async function start() {
    const handle = createInteractionHandler({ app, logger: silentLogger() });
    const http = createHttpServer({ handle, publicKey: keys.publicHex, logger: silentLogger() });
    servers.push(http);
    return (await http.listen(0, '127.0.0.1')).port;
  }

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '__proto__-x', 'constructor-FR'])(
    'a locale of %s is answered 200 in English, like any unknown locale',
    async (locale) => {
      const port = await start();
      const res = await send(port, signedRequest(keys.privateKey, { ...chatInputInteraction(world, { name: 'help' }), locale }));
      expect(res.status).toBe(200);
      const body = JSON.parse(res.body) as { type: number; data: { embeds?: Array<{ title?: string }> } };
      expect(body.type).toBe(4);
      expect(body.data.embeds?.[0]?.title).toMatch(/pactbot/);
    },
  );

  it.each(MALFORMED)('%s is refused with 400, never 500', async (_name, body) => {
    const port = await start();
    const res = await send(port, signedRequest(keys.privateKey, body));
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toEqual({ error: 'bad-interaction' });
  });
});
