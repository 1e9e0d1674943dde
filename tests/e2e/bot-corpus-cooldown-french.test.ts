// End to end: a live corpus (an article added to the bot's corpus folder while it runs, then
// answered from), a cooldown reached, and a French locale, through the real gateway bot and the fake
// Discord; plus the French definitions deploy-commands registers. Expected text comes from the engine, the
// renderer and the string tables.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApplicationCommandType, InteractionResponseType, MessageFlags, type APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { CHECK_COMMAND_NAME } from '../../src/commands/check/index.ts';
import { COMMANDS } from '../../src/commands/index.ts';
import { decodeCustomId } from '../../src/discord/components.ts';
import { deployCommands } from '../../src/discord/deploy.ts';
import { renderOutcome } from '../../src/commands/index.ts';
import { t } from '../commands/all-strings.ts';
import { loadConfig } from '../../src/config.ts';
import { customIds, readMarkdown } from '../discord/payload-checks.ts';
import { send, TOKEN } from './bot-harness.ts';
import { bootConfiguredBot, corpusCopy, type ConfiguredBot } from './configured-bot.ts';
import { autocompleteInteraction, chatInputInteraction, messageContextMenuInteraction, startFakeDiscord, type FakeDiscord } from './fake-discord/index.ts';

type Callback = { type: number; data: APIInteractionResponseCallbackData & { choices?: Array<{ name: string; value: string }> } };

let env: ConfiguredBot | undefined;
let fake: FakeDiscord | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await env?.stop();
  env = undefined;
  await fake?.close();
  fake = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function boot(extra: Record<string, string> = {}): Promise<ConfiguredBot> {
  env = await bootConfiguredBot(extra);
  return env;
}

const ask = (e: ConfiguredBot, question: string, locale?: 'fr') =>
  chatInputInteraction(e.fake.world, { name: 'ask', options: { question }, ...(locale ? { locale } : {}) });

/** An article on a matter the pact article never mentions, so an answer can only come from it. */
const TITLE = 'Norway Sends Icebreakers to the Baltic';
const ARTICLE = `---
title: ${TITLE}
date: 2026-01-20
---

# ${TITLE}

Norway announced on Tuesday that it will send three icebreakers to keep Baltic harbours open through the winter.
`;
const QUESTION = 'How many icebreakers will Norway send?';

describe('live corpus', () => {
  it('answers from an article added to the corpus folder while the bot runs, and /about lists it', async () => {
    const dir = corpusCopy();
    dirs.push(dir);
    const e = await boot({ CORPUS_DIR: dir });
    const before = await send<Callback>(e.fake, ask(e, QUESTION));
    expect(before.data.embeds![0]!.title).toBe(t('en', 'ask.declined.title'));

    writeFileSync(join(dir, 'norway.md'), ARTICLE);
    const reloaded = await e.waitForLog((l) => l.msg === 'corpus reloaded');
    expect(reloaded.articles).toBe(2);

    const after = await send<Callback>(e.fake, ask(e, QUESTION));
    const result = e.bot.app.context.engine.ask(QUESTION);
    expect(result.answered && result.passages[0]!.citation.articleTitle).toBe(TITLE);
    expect(after.data.embeds).toEqual(renderOutcome({ kind: 'ask', result, page: 0, private: false }).embeds);
    expect(readMarkdown(after.data.embeds![0]!.description!).text).toContain(ARTICLE.split('\n').at(-2)!);

    const about = await send<Callback>(e.fake, chatInputInteraction(e.fake.world, { name: 'about' }));
    const documents = about.data.embeds![0]!.fields!.find((f) => f.name === t('en', 'about.documents'))!;
    expect(readMarkdown(documents.value).text).toContain(TITLE);
    const loaded = about.data.embeds![0]!.fields!.find((f) => f.name === t('en', 'about.loaded'))!;
    const seconds = Math.floor(new Date(e.bot.app.context.engine.info().loadedAt).getTime() / 1000);
    expect(loaded.value).toContain(`<t:${seconds}:R>`);
  });

  it('keeps answering from the previous corpus when a file is malformed, and logs the file', async () => {
    const dir = corpusCopy();
    dirs.push(dir);
    const e = await boot({ CORPUS_DIR: dir });
    const engine = e.bot.app.context.engine;
    writeFileSync(join(dir, 'broken.md'), 'no front matter\n\nJust a paragraph.\n');
    const failed = await e.waitForLog((l) => l.msg.startsWith('corpus reload failed'));
    expect(String(failed.problem)).toContain('broken.md');
    expect(e.bot.app.context.engine).toBe(engine);
    const question = 'Who signed the declaration?';
    const reply = await send<Callback>(e.fake, ask(e, question));
    expect(reply.data.embeds).toEqual(renderOutcome({ kind: 'ask', result: engine.ask(question), page: 0, private: false }).embeds);
  });
});

describe('cooldown', () => {
  it('refuses the third limited command in the window privately, with when to retry; autocomplete and /help stay free', async () => {
    const e = await boot({ COOLDOWN_USES: '2', COOLDOWN_SECONDS: '60' });
    const first = Date.now();
    for (const q of ['Who signed the declaration?', 'What will the UK do?']) {
      const ok = await send<Callback>(e.fake, ask(e, q));
      expect(ok.data.embeds?.length).toBe(1);
    }
    const refused = await send<Callback>(e.fake, ask(e, 'Where was the pact unveiled?'));
    expect(refused.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(refused.data.flags).toBe(MessageFlags.Ephemeral);
    const when = /<t:(\d+):R>/.exec(refused.data.content ?? '');
    expect(when).not.toBeNull();
    expect(refused.data.content).toBe(t('en', 'cooldown.wait', { when: when![0] }));
    // The oldest use leaves the 60 s window then: between the first ask + 60 s and now + 60 s.
    expect(Number(when![1])).toBeGreaterThanOrEqual(Math.floor((first + 60_000) / 1000));
    expect(Number(when![1])).toBeLessThanOrEqual(Math.ceil((Date.now() + 60_000) / 1000));

    // One budget for /quote and the context menu too.
    const quote = await send<Callback>(e.fake, chatInputInteraction(e.fake.world, { name: 'quote', options: { speaker: 'Starmer' } }));
    expect(quote.data.content).toMatch(/<t:\d+:R>/);
    const menu = await send<Callback>(e.fake, messageContextMenuInteraction(e.fake.world, { name: CHECK_COMMAND_NAME }));
    expect(menu.data.content).toMatch(/<t:\d+:R>/);

    // Exempt: autocomplete (fired on every keystroke) and /help.
    const auto = await send<Callback>(e.fake, autocompleteInteraction(e.fake.world, { name: 'quote', focused: { name: 'speaker', value: 'sta' } }));
    expect(auto.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    expect(auto.data.choices!.length).toBeGreaterThan(0);
    const help = await send<Callback>(e.fake, chatInputInteraction(e.fake.world, { name: 'help' }));
    expect(help.data.embeds?.length).toBe(1);
    expect(e.logs.filter((l) => l.outcome === 'cooldown')).toHaveLength(3);
  });
});

describe('French', () => {
  it('answers a French user with the French interface strings and the article text verbatim', async () => {
    const e = await boot({ COOLDOWN_USES: '100' });
    const question = 'Who signed the declaration?';
    const reply = await send<Callback>(e.fake, chatInputInteraction(e.fake.world, { name: 'ask', options: { question, private: true }, locale: 'fr' }));
    const result = e.bot.app.context.engine.ask(question);
    expect(reply.data).toEqual(renderOutcome({ kind: 'ask', result, page: 0, private: true }, { locale: 'fr' }));
    expect(reply.data.embeds![0]!.title).toBe(t('fr', 'ask.title'));
    expect(t('fr', 'ask.title')).not.toBe(t('en', 'ask.title'));
    // The passage is the article's English, word for word.
    expect(readMarkdown(reply.data.embeds![0]!.description!).text).toContain(result.answered ? result.passages[0]!.text : '∅');
    const rows = (reply.data.components ?? []) as Array<{ components?: Array<{ label?: string }> }>;
    const labels = rows.flatMap((row) => row.components ?? []).map((b) => b.label);
    expect(labels).toContain(t('fr', 'share.button'));

    const declined = await send<Callback>(e.fake, ask(e, 'What is the weather in Paris?', 'fr'));
    expect(declined.data.embeds![0]!.title).toBe(t('fr', 'ask.declined.title'));

    const checked = await send<Callback>(e.fake, messageContextMenuInteraction(e.fake.world, { name: CHECK_COMMAND_NAME, locale: 'fr' }));
    expect([t('fr', 'check.title.none'), t('fr', 'check.title'), t('fr', 'check.title.empty')]).toContain(checked.data.embeds![0]!.title);
    expect(customIds(checked.data).map(decodeCustomId)).toContainEqual({ kind: 'share' });

    const help = await send<Callback>(e.fake, chatInputInteraction(e.fake.world, { name: 'help', locale: 'fr' }));
    const names = help.data.embeds![0]!.fields!.map((f) => f.name);
    expect(names).toContain('/demander');
    expect(names).toContain("Vérifier avec l'article");

    // English for every other locale.
    const german = await send<Callback>(e.fake, chatInputInteraction(e.fake.world, { name: 'ask', options: { question }, locale: 'de' }));
    expect(german.data.embeds![0]!.title).toBe(t('en', 'ask.title'));
  });

  it('registers every command with French names and descriptions, the context menu (type 3) among them', async () => {
    fake = await startFakeDiscord({ token: TOKEN });
    const config = loadConfig({
      mode: 'deploy',
      dotenvPath: false,
      env: { DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: fake.world.applicationId, DISCORD_API_BASE: fake.apiBase },
    });
    await deployCommands(config, { out: () => undefined });
    const put = await fake.waitForRequest({ method: 'PUT', pathIncludes: '/commands' });
    const body = put.body as typeof COMMANDS extends readonly { data: infer D }[] ? D[] : never;
    expect(body.map((c) => c.name)).toEqual(COMMANDS.map((c) => c.data.name));
    expect(body.find((c) => c.name === CHECK_COMMAND_NAME)).toMatchObject({ type: ApplicationCommandType.Message, name_localizations: { fr: expect.any(String) } });
    for (const c of body) {
      expect(c.name_localizations?.fr, c.name).toBeTruthy();
      if (c.type !== ApplicationCommandType.Message) {
        expect(c.description_localizations?.fr, c.name).toBeTruthy();
        for (const o of c.options ?? []) expect([o.name_localizations?.fr, o.description_localizations?.fr].every(Boolean), o.name).toBe(true);
      }
    }
  });
});
