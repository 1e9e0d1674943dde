// End to end: the real gateway bot (discord.js Client + the interaction core) logged in to the fake Discord.
// Tests dispatch INTERACTION_CREATE and assert on the callback and webhook requests that arrive. Expected
// content is derived from the engine and the renderer, never hard-coded.
import { InteractionResponseType, MessageFlags, type APIEmbed, type APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeCustomId } from '../../src/discord/components.ts';
import { renderOutcome } from '../../src/commands/index.ts';
import { t } from '../commands/all-strings.ts';
import { customIds, expectWithinLimits, readMarkdown } from '../discord/payload-checks.ts';
import { bootBot, originalMessage, send, testApp, TOKEN, type BotUnderTest } from './bot-harness.ts';
import { autocompleteInteraction, buttonInteraction, chatInputInteraction, messageObject } from './fake-discord/index.ts';

type Callback = { type: number; data: APIInteractionResponseCallbackData & { choices?: { name: string; value: string }[] } };

let env: BotUnderTest;
beforeAll(async () => {
  env = await bootBot();
});
afterAll(async () => {
  await env?.stop();
});

const engine = () => testApp().context.engine;
const slash = (name: string, options?: Record<string, string | boolean>) => chatInputInteraction(env.fake.world, { name, ...(options ? { options } : {}) });

describe('the gateway bot against the fake Discord', () => {
  it('logs in with intents Guilds only, prints the invite URL and registers no commands', () => {
    const identify = env.fake.gatewayOps((op) => op.op === 2)[0]?.d as { intents: number };
    expect(identify.intents).toBe(1);
    const invite = env.logs.find((l) => typeof l.inviteUrl === 'string')?.inviteUrl as string;
    const url = new URL(invite);
    expect(url.searchParams.get('client_id')).toBe(env.fake.world.applicationId);
    expect(url.searchParams.get('scope')).toBe('bot applications.commands');
    expect(url.searchParams.get('permissions')).toBe('0');
    expect(env.fake.requests({ pathIncludes: '/commands' })).toEqual([]);
  });

  it('answers /ask with the best passage, cited, publicly, mentions suppressed', async () => {
    const question = 'Who signed the declaration?';
    const interaction = slash('ask', { question });
    const callback = await send<Callback>(env.fake, interaction);
    expect(callback.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(callback.data).toEqual(renderOutcome({ kind: 'ask', result: engine().ask(question), page: 0, private: false }));
    expect(callback.data.flags).toBeUndefined();
    expect(callback.data.allowed_mentions).toEqual({ parse: [] });
    expectWithinLimits(callback.data);
    const line = env.logs.find((l) => (l.interaction as { id?: string } | undefined)?.id === interaction.id);
    expect(line).toMatchObject({ command: 'ask', outcome: 'answered', latencyMs: expect.any(Number) });
  });

  it('declines a question the article does not cover, with the reason and suggestions', async () => {
    const question = 'What is the weather in Paris?';
    const result = engine().ask(question);
    expect(result.answered).toBe(false);
    if (result.answered) return;
    const callback = await send<Callback>(env.fake, slash('ask', { question }));
    const text = readMarkdown(callback.data.embeds![0]!.description!).text;
    expect(text).toContain(t('en', `decline.${result.reason}`));
    for (const s of result.suggestions) expect(text).toContain(s.label);
  });

  it('answers privately when asked (ephemeral flag) with a "Share in channel" button', async () => {
    const callback = await send<Callback>(env.fake, slash('ask', { question: 'Who signed the declaration?', private: true }));
    expect(callback.data.flags).toBe(MessageFlags.Ephemeral);
    expect(customIds(callback.data).map(decodeCustomId)).toContainEqual({ kind: 'share' });
  });

  it('pages with "More results" on the stored message (type 7), then shares the private answer publicly', async () => {
    const question = 'What will the UK do?';
    const result = engine().ask(question);
    if (!result.answered) throw new Error('expected an answer');
    expect(result.passages.length).toBeGreaterThan(3);
    const ask = slash('ask', { question, private: true });
    await send(env.fake, ask);
    const stored = await originalMessage(env.fake, ask);
    const more = customIds(stored).find((id) => decodeCustomId(id)?.kind === 'page')!;

    const click = buttonInteraction(env.fake.world, { customId: more, message: stored });
    const paged = await send<Callback>(env.fake, click);
    expect(paged.type).toBe(InteractionResponseType.UpdateMessage);
    expect(readMarkdown(paged.data.embeds![0]!.description!).text).toContain(result.passages[3]!.text);
    expect(paged.data.embeds).toEqual(renderOutcome({ kind: 'ask', result, page: 1, private: true }).embeds);

    // The fake applied the update to the clicked message; share that, as a user would.
    const updated = messageObject(env.fake.world, { ...stored, embeds: paged.data.embeds as APIEmbed[], components: paged.data.components as never, flags: MessageFlags.Ephemeral });
    const shareId = customIds(updated).find((id) => decodeCustomId(id)?.kind === 'share')!;
    const shared = await send<Callback>(env.fake, buttonInteraction(env.fake.world, { customId: shareId, message: updated }));
    expect(shared.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(shared.data.flags).toBeUndefined();
    expect(shared.data.embeds).toEqual(paged.data.embeds);
    expect(shared.data.allowed_mentions).toEqual({ parse: [] });
    expect(customIds(shared.data).map(decodeCustomId)).not.toContainEqual({ kind: 'share' });
  });

  it('offers speakers as /quote autocomplete ("sta" → Starmer), and quotes the chosen one verbatim', async () => {
    const auto = await send<Callback>(env.fake, autocompleteInteraction(env.fake.world, { name: 'quote', focused: { name: 'speaker', value: 'sta' } }));
    expect(auto.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    const expected = engine().speakers('sta').map((s) => s.name);
    expect(expected.length).toBeGreaterThan(0);
    expect(auto.data.choices?.map((c) => c.value)).toEqual(expected);

    const speaker = auto.data.choices![0]!.value;
    const callback = await send<Callback>(env.fake, slash('quote', { speaker }));
    const result = engine().quotes(speaker);
    if (!result.answered) throw new Error('expected quotes');
    expect(callback.data.embeds![0]!.fields!.map((f) => readMarkdown(f.value).text)).toEqual(result.quotes.map((q) => `“${q.text}”`));
  });

  it('lists /commitments as a numbered list', async () => {
    const callback = await send<Callback>(env.fake, slash('commitments'));
    expect(callback.data).toEqual(renderOutcome({ kind: 'commitments', result: engine().commitments(), private: false }));
    expect(callback.data.embeds![0]!.description!.split('\n')[0]).toMatch(/^1\. /);
  });

  it('answers /help and /about', async () => {
    for (const name of ['help', 'about']) {
      const callback = await send<Callback>(env.fake, slash(name));
      expect(callback.type).toBe(InteractionResponseType.ChannelMessageWithSource);
      expectWithinLimits(callback.data);
    }
  });

  it('parses no mention from a question containing @everyone and <@&123>', async () => {
    const question = 'Did @everyone <@&123> agree to send troops?';
    const callback = await send<Callback>(env.fake, slash('ask', { question }));
    expect(callback.data.allowed_mentions).toEqual({ parse: [] });
    expect(callback.data.content).toBeUndefined();
    expect(callback.data.embeds![0]!.footer!.text).toContain(question);
  });

  it('answers an unknown command with a private error', async () => {
    const callback = await send<Callback>(env.fake, slash('frobnicate'));
    expect(callback.data.flags).toBe(MessageFlags.Ephemeral);
    expect(callback.data.content).toBe(t('en', 'error.unknown-command', { name: 'frobnicate' }));
  });

  it('never writes the bot token or an interaction token to its logs', () => {
    const all = env.raw.join('');
    expect(all).not.toContain(TOKEN);
    for (const request of env.fake.requests({ pathIncludes: '/interactions/' })) {
      const token = request.route.split('/')[3]!;
      expect(all).not.toContain(token);
    }
  });
});

describe('deferred commands', () => {
  it('acknowledges with type 5, then edits @original with the answer', async () => {
    const deferred = await bootBot({ bot: { handler: { defer: (c) => c.data.name === 'commitments' } } });
    try {
      const interaction = chatInputInteraction(deferred.fake.world, { name: 'commitments', options: { private: true } });
      const callback = await send<Callback>(deferred.fake, interaction);
      expect(callback).toEqual({ type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral } });
      const edit = await deferred.fake.waitForRequest({ method: 'PATCH', pathIncludes: `${interaction.token}/messages/@original` });
      const expected = renderOutcome({ kind: 'commitments', result: engine().commitments(), private: true });
      expect(edit.body).toMatchObject({ embeds: expected.embeds, allowed_mentions: { parse: [] } });
      expect(edit.status).toBe(200);
    } finally {
      await deferred.stop();
    }
  });
});
