// The interaction dispatch with its services: the question log (one entry per /ask and check, 👍/👎 rows,
// votes), the cooldown, and the message context menu. The log is a recording fake here; the SQLite file
// itself is specified in tests/store and read back end to end in tests/e2e/check-and-feedback.test.ts and question-log-processes.test.ts.
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ComponentType,
  InteractionType,
  MessageFlags,
  type APIInteraction,
  type APIInteractionResponseCallbackData,
  type APIMessage,
} from 'discord-api-types/v10';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/commands/index.ts';
import { createApp, type App } from '../../src/core/app.ts';
import type { Command } from '../../src/commands/command.ts';
import { CHECK_COMMAND_NAME } from '../../src/commands/check/index.ts';
import { decodeCustomId } from '../../src/discord/components.ts';
import { createCooldown } from '../../src/core/cooldown.ts';
import { createInteractionHandler } from '../../src/discord/dispatch.ts';
import { t } from '../commands/all-strings.ts';
import { silentLogger } from '../../src/log.ts';
import type { QuestionEntry, QuestionLog, VoteEntry } from '../../src/store/question-log.ts';
import { customIds } from './payload-checks.ts';

let app: App<Command>;
beforeAll(() => {
  app = createApp({ commands: COMMANDS, corpusDir: 'corpus' });
});

/** A question log that keeps what it is given, in memory. */
function recordingLog(): QuestionLog & { entries: QuestionEntry[]; votes: VoteEntry[] } {
  const entries: QuestionEntry[] = [];
  const votes: VoteEntry[] = [];
  return { enabled: true, entries, votes, record: (e) => entries.push(e), vote: (v) => votes.push(v), flush: () => true, close() {} };
}

let next = 1000;
const base = (user = '42') => ({
  id: String(++next),
  application_id: '2234567890123456789',
  token: 'tok',
  version: 1,
  locale: 'en-US',
  entitlements: [],
  authorizing_integration_owners: {},
  app_permissions: '0',
  attachment_size_limit: 0,
  member: { user: { id: user, username: 'u', discriminator: '0', global_name: null, avatar: null }, roles: [], joined_at: '', deaf: false, mute: false, flags: 0, permissions: '0' },
});

const askPayload = (question: string, user?: string, isPrivate = false) =>
  ({
    ...base(user),
    type: InteractionType.ApplicationCommand,
    data: {
      id: '1',
      name: 'ask',
      type: ApplicationCommandType.ChatInput,
      options: [
        { name: 'question', type: ApplicationCommandOptionType.String, value: question },
        { name: 'private', type: ApplicationCommandOptionType.Boolean, value: isPrivate },
      ],
    },
  }) as unknown as APIInteraction;

const checkPayload = (content: string, user?: string) =>
  ({
    ...base(user),
    type: InteractionType.ApplicationCommand,
    data: { id: '2', name: CHECK_COMMAND_NAME, type: ApplicationCommandType.Message, target_id: '77', resolved: { messages: { '77': { id: '77', content } } } },
  }) as unknown as APIInteraction;

const click = (customId: string, message: Partial<APIMessage>, user?: string) =>
  ({
    ...base(user),
    type: InteractionType.MessageComponent,
    channel_id: '1',
    message: { id: '9', channel_id: '1', flags: 0, embeds: [], components: [], ...message },
    data: { custom_id: customId, component_type: ComponentType.Button },
  }) as unknown as APIInteraction;

const data = (r: { response: unknown }) => (r.response as { data: APIInteractionResponseCallbackData }).data;

describe('the core with a question log', () => {
  it('records each /ask and check once, keyed on the interaction id, with the user id for the log to hash', async () => {
    const log = recordingLog();
    const handle = createInteractionHandler({ app, logger: silentLogger(), questionLog: log, source: 'test' });
    const ask = askPayload('Who signed the declaration?');
    await handle(ask);
    const check = checkPayload('The UK will provide long-term arms supplies to Ukraine.');
    await handle(check);
    await handle({ ...askPayload('x'), data: { id: '3', name: 'help', type: ApplicationCommandType.ChatInput } } as unknown as APIInteraction);
    expect(log.entries.map((e) => [e.id, e.kind, e.answered, e.userId, e.source])).toEqual([
      [ask.id, 'ask', true, '42', 'test'],
      [check.id, 'check', true, '42', 'test'],
    ]);
    expect(log.entries[0]!.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('keeps the 👍/👎 row through a page turn and a share, and records a click as the user’s vote', async () => {
    const log = recordingLog();
    const handle = createInteractionHandler({ app, logger: silentLogger(), questionLog: log });
    const ask = askPayload('What will the UK do?');
    const first = data(await handle(ask));
    const votes = (d: APIInteractionResponseCallbackData) => customIds(d).map(decodeCustomId).filter((a) => a?.kind === 'vote');
    expect(votes(first)).toHaveLength(2);

    const more = customIds(first).find((id) => decodeCustomId(id)?.kind === 'page')!;
    const paged = data(await handle(click(more, { embeds: first.embeds!, components: first.components as never })));
    expect(votes(paged)).toEqual(votes(first));

    const privately = data(await handle(askPayload('What will the UK do?', '42', true)));
    const share = customIds(privately).find((id) => decodeCustomId(id)?.kind === 'share')!;
    const shared = data(await handle(click(share, { embeds: privately.embeds!, components: privately.components as never, flags: MessageFlags.Ephemeral })));
    expect(votes(shared)).toEqual(votes(privately));

    const down = customIds(first).find((id) => decodeCustomId(id)?.kind === 'vote' && id.includes(':down:'))!;
    const thanks = data(await handle(click(down, { components: first.components as never }, '77')));
    expect(thanks).toMatchObject({ content: t('en', 'feedback.thanks.down'), flags: MessageFlags.Ephemeral });
    expect(log.votes).toEqual([{ questionId: ask.id, userId: '77', vote: -1 }]);
  });

  it('adds no 👍/👎 row when the log is off', async () => {
    const handle = createInteractionHandler({ app, logger: silentLogger() });
    expect(customIds(data(await handle(askPayload('Who signed the declaration?')))).map((id) => decodeCustomId(id)?.kind)).not.toContain('vote');
  });
});

describe('the core with a cooldown', () => {
  it('refuses a user over the limit privately, before running the command, and leaves other users alone', async () => {
    let now = 1_700_000_000_000;
    const log = recordingLog();
    const handle = createInteractionHandler({ app, logger: silentLogger(), questionLog: log, cooldown: createCooldown({ uses: 1, seconds: 10, now: () => now }) });
    await handle(askPayload('Who signed the declaration?', 'a'));
    const refused = data(await handle(checkPayload('Starmer signed.', 'a')));
    expect(refused).toMatchObject({ content: t('en', 'cooldown.wait', { when: `<t:${(now + 10_000) / 1000}:R>` }), flags: MessageFlags.Ephemeral });
    expect(log.entries).toHaveLength(1); // the refused check never ran
    expect(data(await handle(askPayload('Who signed the declaration?', 'b'))).embeds).toHaveLength(1);
    now += 10_000;
    expect(data(await handle(askPayload('Who signed the declaration?', 'a'))).embeds).toHaveLength(1);
  });
});
