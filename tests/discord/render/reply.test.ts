// Rendering of the replies beside the answers: the message check, the 👍/👎 row, the cooldown notice and /about's
// documents, all within Discord's limits, in English and French.
import fc from 'fast-check';
import { ComponentType, MessageFlags } from 'discord-api-types/v10';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../src/commands/index.ts';
import { createApp, type App } from '../../../src/core/app.ts';
import { check } from '../../../src/commands/check/index.ts';
import type { CommandOutcome } from '../../../src/commands/index.ts';
import { decodeCustomId } from '../../../src/discord/components.ts';
import { renderCooldown, withFeedback } from '../../../src/discord/render/reply.ts';
import { renderOutcome } from '../../../src/commands/index.ts';
import { t } from '../../commands/all-strings.ts';
import { customIds, expectWithinLimits, readMarkdown } from '../payload-checks.ts';

let app: App;
beforeAll(() => {
  app = createApp({ commands: COMMANDS, corpusDir: new URL('../../../corpus', import.meta.url).pathname });
});

const run = (content: string) => check.run(app.context, { options: {}, locale: 'en-US', target: { id: '1', content } });

describe('the message check', () => {
  it('stays within every limit, whatever the message, in English and French', () => {
    // Sentences from the article itself and random text, so both addressed and unaddressed claims occur.
    const sentences = app.context.engine.passages.flatMap((p) => p.sentences);
    const message = fc
      .array(fc.oneof(fc.constantFrom(...sentences), fc.string({ maxLength: 300 })), { minLength: 0, maxLength: 12 })
      .map((parts) => parts.join(' '));
    fc.assert(
      fc.property(message, fc.constantFrom('en-US', 'fr'), (content, locale) => {
        const data = renderOutcome(run(content), { locale });
        expectWithinLimits(data);
        expect(data.flags).toBe(MessageFlags.Ephemeral);
        expect(data.allowed_mentions).toEqual({ parse: [] });
      }),
      { numRuns: 150 },
    );
  });

  it('shows a one-sentence message quoted, then the passages bearing on it, each cited', () => {
    const claim = 'Witkoff called Starmer incredible.';
    const outcome = run(claim);
    if (outcome.kind !== 'check') throw new Error('expected a check');
    const [checked] = outcome.result.claims;
    expect(checked!.status).toBe('addressed');
    const embed = renderOutcome(outcome).embeds![0]!;
    const text = readMarkdown(embed.description!).text;
    expect(text.startsWith(`> ${claim}`)).toBe(true);
    expect(text).toContain(checked!.passages[0]!.text);
    expect(embed.title).toBe(t('en', 'check.title'));
    expect(embed.footer!.text).toContain(t('en', 'check.note'));
  });

  it('counts the sentences it left unchecked', () => {
    const long = Array.from({ length: 12 }, (_, i) => `Troops number ${i} will go to Ukraine.`).join(' ');
    const outcome = run(long);
    if (outcome.kind !== 'check') throw new Error('expected a check');
    expect(outcome.result.unchecked).toBeGreaterThan(0);
    const embed = renderOutcome(outcome, { locale: 'fr' }).embeds![0]!;
    expect(embed.footer!.text).toContain(t('fr', 'check.unchecked', { count: outcome.result.unchecked }));
    expect(embed.fields).toHaveLength(outcome.result.claims.length);
  });
});

describe('the 👍/👎 row', () => {
  it('adds two vote buttons carrying the question id, under the existing rows', () => {
    const outcome: CommandOutcome = { kind: 'ask', result: app.context.engine.ask('What will the UK do?'), page: 0, private: true };
    const plain = renderOutcome(outcome);
    const data = withFeedback(plain, '123456789012345678');
    expect(data.components!.slice(0, -1)).toEqual(plain.components);
    expect(data.components!.at(-1)!.type).toBe(ComponentType.ActionRow);
    expect(customIds(data).map(decodeCustomId).filter((a) => a?.kind === 'vote')).toEqual([
      { kind: 'vote', vote: 1, questionId: '123456789012345678' },
      { kind: 'vote', vote: -1, questionId: '123456789012345678' },
    ]);
    expectWithinLimits(data);
  });

  it('adds nothing to a message that already has Discord’s five rows', () => {
    const full = { components: Array.from({ length: 5 }, () => ({ type: ComponentType.ActionRow as const, components: [] })) };
    expect(withFeedback(full, '1')).toBe(full);
  });
});

describe('the cooldown notice', () => {
  it('is private and says when to retry with a relative Discord timestamp, rounded up to the second', () => {
    const data = renderCooldown('fr', 1_700_000_000_400);
    expect(data.flags).toBe(MessageFlags.Ephemeral);
    expect(data.content).toBe(t('fr', 'cooldown.wait', { when: '<t:1700000001:R>' }));
  });
});

describe('/about', () => {
  it('lists every document of the corpus and when it was loaded', () => {
    const info = app.context.engine.info();
    const data = renderOutcome({ kind: 'about', info, app: app.context.app, private: true });
    const fields = data.embeds![0]!.fields!;
    const documents = fields.find((f) => f.name === t('en', 'about.documents'))!;
    for (const a of info.articles) expect(readMarkdown(documents.value).text).toContain(a.title);
    const loaded = fields.find((f) => f.name === t('en', 'about.loaded'))!;
    expect(loaded.value).toContain(`<t:${Math.floor(new Date(info.loadedAt).getTime() / 1000)}:R>`);
  });
});
