// End to end: the message check context menu, the 👍/👎 feedback buttons and the question log,
// through the real gateway bot and the fake Discord. The SQLite file is read back after the run. Expected
// replies are derived from the engine and the renderer, never hard-coded.
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InteractionResponseType, MessageFlags, type APIEmbed, type APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { runReport } from '../../src/cli/report.ts';
import { check, CHECK_COMMAND_NAME, plainText } from '../../src/commands/check/index.ts';
import { decodeCustomId } from '../../src/discord/components.ts';
import { renderOutcome } from '../../src/commands/index.ts';
import { withFeedback } from '../../src/discord/render/reply.ts';
import { t } from '../commands/all-strings.ts';
import { customIds, expectWithinLimits, readMarkdown } from '../discord/payload-checks.ts';
import { originalMessage, send } from './bot-harness.ts';
import { bootConfiguredBot, tempDir, type ConfiguredBot, rows } from './configured-bot.ts';
import { buttonInteraction, chatInputInteraction, messageContextMenuInteraction, messageObject, type FakeDiscord } from './fake-discord/index.ts';
import type { APIInteraction } from 'discord-api-types/v10';

type Callback = { type: number; data: APIInteractionResponseCallbackData };

let env: ConfiguredBot | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await env?.stop();
  env = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function boot(extra: Record<string, string> = {}): Promise<ConfiguredBot> {
  env = await bootConfiguredBot(extra);
  return env;
}

function logFile(): string {
  const dir = tempDir('e2e-log');
  dirs.push(dir);
  return join(dir, 'nested', 'pactbot.db');
}

const COVERED = 'The UK will provide long-term arms supplies to Ukraine.';
const UNCOVERED = 'The price of bread went up in Lyon last winter.';
const MESSAGE = `<@123456789012345678> **${COVERED}** ${UNCOVERED} https://example.com/x`;

function checkOn(fake: FakeDiscord, content: string, locale?: 'fr') {
  const targetMessage = messageObject(fake.world, { author: fake.world.user, content });
  return messageContextMenuInteraction(fake.world, { name: CHECK_COMMAND_NAME, targetMessage, ...(locale ? { locale } : {}) });
}

/** What the bot must answer for a check, built the same way from the command and the renderer. */
function expectedCheck(e: ConfiguredBot, content: string, locale = 'en-US'): APIInteractionResponseCallbackData {
  const outcome = check.run(e.bot.app.context, { options: {}, locale, target: { id: 'x', content } });
  return renderOutcome(outcome, { locale });
}

/** The message the fake holds for an interaction, with the ephemeral flag the callback asked for. */
async function stored(fake: FakeDiscord, interaction: APIInteraction, callback: Callback) {
  const message = await originalMessage(fake, interaction);
  return messageObject(fake.world, {
    ...message,
    embeds: callback.data.embeds as APIEmbed[],
    components: callback.data.components as never,
    flags: callback.data.flags ?? 0,
    webhookId: fake.world.applicationId,
    applicationId: fake.world.applicationId,
  });
}

describe('Check against the article (message context menu)', () => {
  it('answers the context-menu payload privately, sentence by sentence, with mentions off and a Share button', async () => {
    const e = await boot();
    const interaction = checkOn(e.fake, MESSAGE);
    const callback = await send<Callback>(e.fake, interaction);
    expect(callback.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(callback.data.flags).toBe(MessageFlags.Ephemeral);
    expect(callback.data.allowed_mentions).toEqual({ parse: [] });
    expectWithinLimits(callback.data);
    // The log is off here: exactly the rendered check, no 👍/👎 row.
    expect(callback.data).toEqual(expectedCheck(e, MESSAGE));
    expect(customIds(callback.data).map(decodeCustomId)).toEqual([{ kind: 'share' }]);

    // One field per sentence of the message (markup and mention stripped), the covered one quoting the article.
    const outcome = check.run(e.bot.app.context, { options: {}, locale: 'en-US', target: { id: 'x', content: MESSAGE } });
    if (outcome.kind !== 'check') throw new Error('expected a check');
    const claims = outcome.result.claims;
    expect(claims.map((c) => c.text)).toEqual([COVERED, UNCOVERED]);
    const fields = callback.data.embeds![0]!.fields!;
    expect(readMarkdown(fields[0]!.value).text).toContain(claims[0]!.passages[0]!.text);
    expect(readMarkdown(fields[1]!.value).text).toBe(t('en', 'check.not-addressed'));
  });

  it('says plainly when the article does not address the message', async () => {
    const e = await boot();
    const callback = await send<Callback>(e.fake, checkOn(e.fake, UNCOVERED));
    expect(callback.data.embeds![0]!.title).toBe(t('en', 'check.title.none'));
    expect(readMarkdown(callback.data.embeds![0]!.description!).text).toContain(t('en', 'check.not-addressed'));
  });

  it('says there is nothing to check in a message without text', async () => {
    const e = await boot();
    const callback = await send<Callback>(e.fake, checkOn(e.fake, '<@123456789012345678> https://example.com'));
    expect(plainText('<@123456789012345678> https://example.com')).toBe('');
    expect(callback.data.embeds![0]!.title).toBe(t('en', 'check.title.empty'));
  });

  it('shares the check in the channel: the same embeds, public, mentions still off', async () => {
    const e = await boot();
    const interaction = checkOn(e.fake, COVERED);
    const callback = await send<Callback>(e.fake, interaction);
    const message = await stored(e.fake, interaction, callback);
    const share = customIds(message).find((id) => decodeCustomId(id)?.kind === 'share')!;
    const shared = await send<Callback>(e.fake, buttonInteraction(e.fake.world, { customId: share, message }));
    expect(shared.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(shared.data.flags).toBeUndefined();
    expect(shared.data.embeds).toEqual(callback.data.embeds);
    expect(shared.data.allowed_mentions).toEqual({ parse: [] });
  });
});

describe('question log and 👍/👎 feedback', () => {
  it('puts 👍/👎 under /ask answers and check results, records the votes, and the SQLite file reads back after the run', async () => {
    const path = logFile();
    const e = await boot({ QUESTION_LOG: path });
    const question = 'Who signed the declaration?';
    const ask = chatInputInteraction(e.fake.world, { name: 'ask', options: { question } });
    const answered = await send<Callback>(e.fake, ask);
    const result = e.bot.app.context.engine.ask(question);
    expect(answered.data).toEqual(withFeedback(renderOutcome({ kind: 'ask', result, page: 0, private: false }), ask.id));
    const votes = customIds(answered.data).map(decodeCustomId).filter((a) => a?.kind === 'vote');
    expect(votes).toEqual([
      { kind: 'vote', vote: 1, questionId: ask.id },
      { kind: 'vote', vote: -1, questionId: ask.id },
    ]);

    const checked = checkOn(e.fake, MESSAGE);
    const checkReply = await send<Callback>(e.fake, checked);
    expect(checkReply.data).toEqual(withFeedback(expectedCheck(e, MESSAGE), checked.id));

    const declined = chatInputInteraction(e.fake.world, { name: 'ask', options: { question: 'What is the weather in Paris?' } });
    await send(e.fake, declined);

    // 👎 on the /ask answer: a private thanks, and the vote is recorded.
    const message = await stored(e.fake, ask, answered);
    const down = customIds(message).find((id) => decodeCustomId(id)?.kind === 'vote' && id.includes(':down:'))!;
    const thanks = await send<Callback>(e.fake, buttonInteraction(e.fake.world, { customId: down, message }));
    expect(thanks.data.flags).toBe(MessageFlags.Ephemeral);
    expect(thanks.data.content).toBe(t('en', 'feedback.thanks.down'));

    await e.stop();
    env = undefined;
    // Closed cleanly on shutdown: the write-ahead log was checkpointed into the file and removed.
    expect(existsSync(path)).toBe(true);
    expect(existsSync(`${path}-wal`)).toBe(false);

    const questions = rows(path, 'SELECT * FROM questions ORDER BY at');
    const top = result.answered ? result.passages[0]!.citation : null;
    expect(questions.map((q) => [q.id, q.kind, q.answered])).toEqual([
      [ask.id, 'ask', 1],
      [checked.id, 'check', 1],
      [declined.id, 'ask', 0],
    ]);
    expect(questions[0]).toMatchObject({ question, top_passage: `${top!.articleId}#${top!.paragraph}`, source: 'gateway', locale: 'en-US' });
    expect(questions[1]).toMatchObject({ claims: 2, addressed: 1 });
    expect(questions[2]!.reason).toBeTruthy();
    const userId = e.fake.world.user.id;
    for (const q of questions) {
      expect(q.user_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(q)).not.toContain(userId);
    }
    expect(rows(path, 'SELECT question_id, vote FROM votes')).toEqual([{ question_id: ask.id, vote: -1 }]);
    expect(rows(path, 'PRAGMA journal_mode')[0]!.journal_mode).toBe('wal');

    // npm run report reads the same file.
    const out: string[] = [];
    expect(await runReport(['--db', path], { stdout: { write: (s: string) => out.push(s) }, stderr: { write: () => undefined } })).toBe(0);
    expect(out.join('')).toContain(question);
    expect(out.join('')).toMatch(/Worst-rated answers\n\s+👎 1 👍 0 {2}Who signed the declaration\?/);
  });

  it('keeps answering when the log path is unwritable, and says so once in the logs', async () => {
    const dir = tempDir('e2e-unwritable');
    dirs.push(dir);
    writeFileSync(join(dir, 'a-file'), 'not a folder');
    const e = await boot({ QUESTION_LOG: join(dir, 'a-file', 'pactbot.db') });
    for (const question of ['Who signed the declaration?', 'What will the UK do?']) {
      const reply = await send<Callback>(e.fake, chatInputInteraction(e.fake.world, { name: 'ask', options: { question } }));
      const result = e.bot.app.context.engine.ask(question);
      expect(reply.data.embeds).toEqual(renderOutcome({ kind: 'ask', result, page: 0, private: false }).embeds);
    }
    await e.waitForLog((l) => l.msg.startsWith('question log unavailable'));
    expect(e.logs.filter((l) => l.msg.startsWith('question log unavailable'))).toHaveLength(1);
    expect(e.logs.filter((l) => l.msg === 'interaction failed')).toEqual([]);
  });
});
