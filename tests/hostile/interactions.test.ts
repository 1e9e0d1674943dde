// Signed is not well-formed: Discord's signature proves who sent a body, not what is in it. For any body that
// is JSON, the HTTP server answers 200 (handled) or 400 (refused at the edge), never 500, and the handler
// never throws on what the edge lets through.
import fc from 'fast-check';
import { InteractionResponseType, type APIInteraction } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/commands/index.ts';
import { createApp } from '../../src/core/app.ts';
import { createHttpServer, type HttpServer } from '../../src/discord/http/server.ts';
import { signedRequest } from '../../src/discord/http/sign.ts';
import { checkInteractionShape } from '../../src/discord/interaction-shape.ts';
import { createInteractionHandler } from '../../src/discord/dispatch.ts';
import { silentLogger } from '../../src/log.ts';
import { autocompleteInteraction, buttonInteraction, chatInputInteraction, createWorld, messageContextMenuInteraction, snowflake } from '../e2e/fake-discord/index.ts';
import { keyPair, send } from '../discord/http-support.ts';

const world = createWorld();
const app = createApp({ commands: COMMANDS, corpusDir: 'corpus' });
const handle = createInteractionHandler({ app, logger: silentLogger() });
const keys = keyPair();
let http: HttpServer;
let port: number;
beforeAll(async () => {
  http = createHttpServer({ handle, publicKey: keys.publicHex, logger: silentLogger() });
  port = (await http.listen(0, '127.0.0.1')).port;
});
afterAll(() => http.close());

/** Real interactions of every kind the bot answers, each with a fresh id. */
const base = fc.constantFrom(
  () => chatInputInteraction(world, { name: 'ask', options: { question: 'Who signed the declaration?' } }),
  () => chatInputInteraction(world, { name: 'quote', options: { speaker: 'Starmer' } }),
  () => chatInputInteraction(world, { name: 'help' }),
  () => autocompleteInteraction(world, { name: 'quote', focused: { name: 'speaker', value: 'St' } }),
  () => buttonInteraction(world, { customId: 'pactbot:page:2' }),
  () => buttonInteraction(world, { customId: 'pactbot:share' }),
  () => messageContextMenuInteraction(world, { name: 'Check against the article' }),
);

/** Values an attacker with a signing key might put anywhere: prototype keys, wrong types, nesting. */
const nasty = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '', 'fr', 'en-US', null, 0, -1, true, [], {}),
  fc.jsonValue({ maxDepth: 4 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

/** A path into the interaction where a nasty value goes. */
const where = fc.constantFrom(
  ['locale'], ['guild_locale'], ['data'], ['data', 'name'], ['data', 'type'], ['data', 'options'], ['data', 'options', 0, 'value'],
  ['data', 'options', 0, 'name'], ['data', 'custom_id'], ['data', 'component_type'], ['data', 'target_id'], ['data', 'resolved'],
  ['message'], ['message', 'embeds'], ['message', 'embeds', 0, 'footer'], ['message', 'components'], ['member'], ['member', 'user'],
  ['user'], ['type'], ['token'], ['application_id'],
);

function mutate(interaction: APIInteraction, path: readonly (string | number)[], value: unknown): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(interaction)) as Record<string, unknown>;
  let at: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    if (typeof at[key] !== 'object' || at[key] === null) at[key] = typeof key === 'number' ? [] : {};
    at = at[key] as Record<string | number, unknown>;
  }
  // defineProperty: `__proto__` becomes an own key, as JSON.parse makes it.
  Object.defineProperty(at, path.at(-1)!, { value, enumerable: true, writable: true, configurable: true });
  return { ...copy, id: snowflake() };
}

const RESPONSE_TYPES = [
  InteractionResponseType.Pong,
  InteractionResponseType.ChannelMessageWithSource,
  InteractionResponseType.DeferredChannelMessageWithSource,
  InteractionResponseType.UpdateMessage,
  InteractionResponseType.ApplicationCommandAutocompleteResult,
];

describe('hostile input: signed interactions', () => {
  it('the handler answers every interaction the edge admits, and never throws', async () => {
    await fc.assert(
      fc.asyncProperty(base, where, nasty, async (make, path, value) => {
        const check = checkInteractionShape(mutate(make(), path, value));
        if (!check.ok) return;
        const reply = await handle(check.interaction);
        expect(RESPONSE_TYPES).toContain(reply.response.type);
        if (reply.followUp) expect(await reply.followUp()).toBeTypeOf('object');
      }),
      { numRuns: 1000 },
    );
  });

  it('over HTTP, any signed JSON body is answered 200 or 400, never 500', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.tuple(base, where, nasty).map(([make, path, value]) => mutate(make(), path, value)), fc.jsonValue({ maxDepth: 3 })), async (body) => {
        const res = await send(port, signedRequest(keys.privateKey, JSON.stringify(body)));
        expect([200, 400]).toContain(res.status);
      }),
      { numRuns: 300 },
    );
  });
});
