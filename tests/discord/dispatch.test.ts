// Specification of the transport-agnostic interaction core: each interaction type in, the response Discord
// expects out; errors private; deferral; stateless buttons; one log line per interaction without tokens.
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ComponentType,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  type APIInteraction,
  type APIInteractionResponse,
  type APIInteractionResponseCallbackData,
  type APIMessage,
} from 'discord-api-types/v10';
import { Writable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/commands/index.ts';
import { createApp, type App } from '../../src/core/app.ts';
import type { Command } from '../../src/commands/command.ts';
import { decodeCustomId, encodeCustomId } from '../../src/discord/components.ts';
import { createInteractionHandler, type InteractionHandler } from '../../src/discord/dispatch.ts';
import { renderOutcome } from '../../src/commands/index.ts';
import { t } from '../commands/all-strings.ts';
import { createLogger, silentLogger } from '../../src/log.ts';
import { customIds, expectWithinLimits, readMarkdown } from './payload-checks.ts';

let app: App<Command>;
let handle: InteractionHandler;
beforeAll(() => {
  app = createApp({ commands: COMMANDS, corpusDir: 'corpus' });
  handle = createInteractionHandler({ app, logger: silentLogger() });
});

const TOKEN = 'aW50ZXJhY3Rpb24tdG9rZW4tc2VjcmV0';
const envelope = { id: '1234567890123456789', application_id: '2234567890123456789', token: TOKEN, version: 1, locale: 'en-US', entitlements: [], authorizing_integration_owners: {}, app_permissions: '0', attachment_size_limit: 0 } as const;

function slash(name: string, options: Record<string, string | boolean> = {}): APIInteraction {
  return {
    ...envelope,
    type: InteractionType.ApplicationCommand,
    data: {
      id: '1',
      name,
      type: ApplicationCommandType.ChatInput,
      options: Object.entries(options).map(([n, value]) =>
        typeof value === 'boolean' ? { name: n, type: ApplicationCommandOptionType.Boolean, value } : { name: n, type: ApplicationCommandOptionType.String, value },
      ),
    },
  } as unknown as APIInteraction;
}

function click(customId: string, message: Partial<APIMessage>): APIInteraction {
  return {
    ...envelope,
    type: InteractionType.MessageComponent,
    channel_id: '1',
    channel: { id: '1', type: 0 },
    message: { id: '9', channel_id: '1', flags: 0, embeds: [], components: [], ...message } as APIMessage,
    data: { custom_id: customId, component_type: ComponentType.Button },
  } as unknown as APIInteraction;
}

function messageData(response: APIInteractionResponse): APIInteractionResponseCallbackData {
  if (!('data' in response) || !response.data || !('embeds' in response.data || 'content' in response.data)) throw new Error(`no message in response type ${response.type}`);
  return response.data as APIInteractionResponseCallbackData;
}


describe('createInteractionHandler', () => {
  it('answers PING with PONG', async () => {
    const reply = await handle({ ...envelope, type: InteractionType.Ping } as unknown as APIInteraction);
    expect(reply.response).toEqual({ type: InteractionResponseType.Pong });
  });

  it('runs a slash command and replies with its rendered outcome (type 4)', async () => {
    const reply = await handle(slash('ask', { question: 'Who signed the declaration?' }));
    expect(reply.response.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(reply.followUp).toBeUndefined();
    const expected = renderOutcome({ kind: 'ask', result: app.context.engine.ask('Who signed the declaration?'), page: 0, private: false });
    expect(messageData(reply.response)).toEqual(expected);
  });

  it('marks a private answer ephemeral and offers to share it', async () => {
    const data = messageData((await handle(slash('ask', { question: 'Who signed the declaration?', private: true }))).response);
    expect(data.flags).toBe(MessageFlags.Ephemeral);
    expect(customIds(data).map(decodeCustomId)).toContainEqual({ kind: 'share' });
  });

  it('answers an unknown command privately', async () => {
    const data = messageData((await handle(slash('nope'))).response);
    expect(data.flags).toBe(MessageFlags.Ephemeral);
    expect(data.content).toBe(t('en', 'error.unknown-command', { name: 'nope' }));
  });

  it('offers the known speakers as autocomplete choices, aliases included', async () => {
    const reply = await handle({
      ...envelope,
      type: InteractionType.ApplicationCommandAutocomplete,
      data: { id: '1', name: 'quote', type: ApplicationCommandType.ChatInput, options: [{ name: 'speaker', type: ApplicationCommandOptionType.String, value: 'sta', focused: true }] },
    } as unknown as APIInteraction);
    expect(reply.response.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    const choices = (reply.response as { data: { choices: { name: string; value: string }[] } }).data.choices;
    expect(choices.map((c) => c.value)).toEqual(app.context.engine.speakers('sta').map((s) => s.name));
    expect(choices.length).toBeGreaterThan(0);
  });

  it('pages an /ask answer from the question in the clicked message (type 7), keeping it private', async () => {
    const question = 'What will the UK do?';
    const first = messageData((await handle(slash('ask', { question, private: true }))).response);
    const more = customIds(first).find((id) => decodeCustomId(id)?.kind === 'page');
    expect(more).toBeDefined();
    const reply = await handle(click(more!, { embeds: first.embeds!, components: first.components as APIMessage['components'], flags: MessageFlags.Ephemeral }));
    expect(reply.response.type).toBe(InteractionResponseType.UpdateMessage);
    const page = messageData(reply.response);
    const result = app.context.engine.ask(question);
    if (!result.answered) throw new Error('expected an answer');
    expect(readMarkdown(page.embeds![0]!.description!).text).toContain(result.passages[3]!.text);
    expect(page.flags).toBeUndefined();
    expect(customIds(page).map(decodeCustomId)).toContainEqual({ kind: 'share' });
    expectWithinLimits(page);
  });

  it('pages questions longer than a custom_id can hold', async () => {
    const question = `What will the UK do ${'and what will France do '.repeat(11)}?`.slice(0, 300);
    const first = messageData((await handle(slash('ask', { question }))).response);
    const reply = await handle(click(encodeCustomId({ kind: 'page', page: 1 }), { embeds: first.embeds! }));
    const expected = renderOutcome({ kind: 'ask', result: app.context.engine.ask(question), page: 1, private: false });
    expect(messageData(reply.response).embeds).toEqual(expected.embeds);
  });

  it('shares a private answer publicly with the same embeds, mentions still suppressed', async () => {
    const first = messageData((await handle(slash('ask', { question: 'Who signed the declaration? @everyone <@&123>', private: true }))).response);
    const reply = await handle(click(encodeCustomId({ kind: 'share' }), { embeds: first.embeds!, components: first.components as APIMessage['components'], flags: MessageFlags.Ephemeral }));
    expect(reply.response.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    const shared = messageData(reply.response);
    expect(shared.flags).toBeUndefined();
    expect(shared.embeds).toEqual(first.embeds);
    expect(shared.allowed_mentions).toEqual({ parse: [] });
    expect(customIds(shared).map(decodeCustomId)).not.toContainEqual({ kind: 'share' });
  });

  it('answers a click on a message it cannot read, or an unknown button, privately', async () => {
    for (const interaction of [click(encodeCustomId({ kind: 'page', page: 1 }), { embeds: [] }), click('someone-else:1', {})]) {
      const data = messageData((await handle(interaction)).response);
      expect(data.flags).toBe(MessageFlags.Ephemeral);
    }
  });

  it('defers a command flagged as slow and computes the reply in the follow-up', async () => {
    const deferring = createInteractionHandler({ app, logger: silentLogger(), defer: (c) => c.data.name === 'commitments' });
    const reply = await deferring(slash('commitments', { private: true }));
    expect(reply.response).toEqual({ type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral } });
    const body = await reply.followUp!();
    const expected = renderOutcome({ kind: 'commitments', result: app.context.engine.commitments(), private: true });
    expect(body.embeds).toEqual(expected.embeds);
    expect(body.flags).toBeUndefined();
    expect(body.allowed_mentions).toEqual({ parse: [] });
  });

  it('logs and answers a failing command privately without throwing', async () => {
    const broken: Command = { ...COMMANDS[0]!, data: { name: 'broken', description: 'x' }, run: () => { throw new Error('boom'); } };
    const lines: string[] = [];
    const logger = createLogger('info', new Writable({ write: (chunk, _e, done) => { lines.push(String(chunk)); done(); } }));
    const failing = createInteractionHandler({ app: { ...app, commands: [broken] }, logger });
    const data = messageData((await failing(slash('broken'))).response);
    expect(data.flags).toBe(MessageFlags.Ephemeral);
    expect(data.content).toBe(t('en', 'error.internal'));
    const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(logged).toEqual([expect.objectContaining({ command: 'broken', outcome: 'error', level: 50 })]);
  });

  it('writes one log line per interaction with command, latency and outcome, and never the token', async () => {
    const lines: string[] = [];
    const logger = createLogger('info', new Writable({ write: (chunk, _e, done) => { lines.push(String(chunk)); done(); } }));
    const logging = createInteractionHandler({ app, logger });
    await logging(slash('ask', { question: 'Who signed the declaration?' }));
    await logging(slash('ask', { question: 'What is the weather in Paris?' }));
    const logged = lines.map((l) => JSON.parse(l) as { command: string; latencyMs: number; outcome: string });
    expect(logged.map((l) => [l.command, l.outcome])).toEqual([['ask', 'answered'], ['ask', 'declined']]);
    for (const l of logged) expect(l.latencyMs).toBeGreaterThanOrEqual(0);
    expect(lines.join('')).not.toContain(TOKEN);
  });

  it('reads the engine on every call, so a swapped engine answers at once', async () => {
    const local = createApp({ commands: COMMANDS, corpusDir: 'corpus' });
    const handler = createInteractionHandler({ app: local, logger: silentLogger() });
    const engine = local.context.engine;
    local.context.engine = { ...engine, commitments: () => ({ answered: false, party: 'x', commitments: [], reason: 'unknown-party', suggestions: [] }) };
    const data = messageData((await handler(slash('commitments'))).response);
    expect(data.embeds![0]!.title).toBe(t('en', 'commitments.declined.title', { party: 'x' }));
  });
});
