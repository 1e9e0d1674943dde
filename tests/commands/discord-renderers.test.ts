// Specification of the Discord renderer: what an answer, a decline, quotes and commitments look like, and
// that no payload ever breaks a Discord limit or lets a mention through, whatever the text (fast-check).
import { MessageFlags } from 'discord-api-types/v10';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/commands/index.ts';
import { createApp, type App } from '../../src/core/app.ts';
import type { Command } from '../../src/commands/command.ts';
import type { CommandOutcome } from '../../src/commands/index.ts';
import { decodeCustomId, questionFromMessage } from '../../src/discord/components.ts';
import { citationText, highlightPassage } from '../../src/discord/render/passage.ts';
import { ELLIPSIS, escapeText, truncate } from '../../src/discord/render/text.ts';
import { renderChoices, renderNotice, renderReply } from '../../src/discord/render/reply.ts';
import { renderOutcome } from '../../src/commands/index.ts';
import { t } from './all-strings.ts';
import type { AskResult, Citation, CommitmentsResult, QuotesResult, RankedPassage } from '../../src/domain/types.ts';
import { customIds, expectWithinLimits, limitViolations, readMarkdown } from '../discord/payload-checks.ts';

let app: App<Command>;
beforeAll(() => {
  app = createApp({ commands: COMMANDS, corpusDir: 'corpus' });
});

const ask = (question: string, page = 0, isPrivate = false): CommandOutcome => ({ kind: 'ask', result: app.context.engine.ask(question), page, private: isPrivate });
const buttons = customIds;

// ---------------------------------------------------------------------------------------------------------
// Hostile text: mentions, markdown, zero-width and bidi characters, emoji, long words.
const hostileFragment = fc.constantFrom(
  '@everyone', '@here', '<@&123>', '<@456>', '<#789>', '**', '__', '*', '_', '~~', '||', '`', '```', '\\', '# ', '## ',
  '> ', '>>> ', '-# ', '- ', '1. ', '[x](https://example.com)', '\u200b', '\u200d', '\u202e', '\u2066', '😀', '👍🏽',
  'é', 'word', 'Starmer', 'the', ' ', ' ', ' ', '\n', '\n\n', '.', 'Ukraine', 'x'.repeat(150),
);
const hostileText = (maxLength: number) =>
  fc.oneof(
    fc.array(hostileFragment, { maxLength }).map((parts) => parts.join('')),
    fc.string({ unit: 'grapheme', maxLength: maxLength * 4 }),
  );

const citationArb: fc.Arbitrary<Citation> = fc.record({
  articleId: fc.constant('a'),
  articleTitle: hostileText(40),
  section: fc.option(hostileText(20), { nil: null }),
  paragraph: fc.nat(999),
});

const passageArb: fc.Arbitrary<RankedPassage> = fc
  .record({ text: hostileText(400), citation: citationArb, best: fc.nat(), terms: fc.array(hostileText(3), { maxLength: 6 }) })
  .map(({ text, citation, best, terms }) => {
    const sentences = text.split(/(?<=\.)\s+/).filter(Boolean);
    return {
      text,
      citation,
      score: 1,
      coverage: 1,
      sentences,
      bestSentence: sentences.length ? best % sentences.length : 0,
      matchedTerms: terms.length ? terms : text.split(/\s+/).slice(0, 3),
    };
  });

const suggestionArb = fc.record({ label: hostileText(60), query: hostileText(20), citation: fc.option(citationArb, { nil: undefined }) });

const askResultArb: fc.Arbitrary<AskResult> = fc.oneof(
  fc.record({ question: hostileText(100), passages: fc.array(passageArb, { minLength: 1, maxLength: 12 }), confidence: fc.constantFrom('high', 'low' as const) }).map(
    ({ question, passages, confidence }): AskResult => ({ answered: true, question, confidence, passages, answer: passages[0]!.text, matchedTerms: [] }),
  ),
  fc.record({
    question: hostileText(100),
    reason: fc.constantFrom('empty-question', 'no-content-words', 'no-match', 'weak-match', 'absent-entity', 'not-together', 'no-answer-of-type', 'unmatched-detail' as const),
    suggestions: fc.array(suggestionArb, { maxLength: 12 }),
    // What the user typed comes back inside the decline sentence: hostile text must stay inert there too.
    entities: fc.array(hostileText(30), { maxLength: 3 }),
    people: fc.array(hostileText(30), { maxLength: 2 }),
    detail: hostileText(30),
    answerType: fc.constantFrom('date', 'place', 'city', 'figure', 'name' as const),
  }).map(({ question, reason, suggestions, entities, people, detail, answerType }): AskResult => ({ answered: false, question, reason, suggestions, passages: [], entities, people, detail, answerType })),
);

const person = fc.record({ name: hostileText(10), short: hostileText(3), role: hostileText(10), aliases: fc.constant<string[]>([]) });

const quotesArb: fc.Arbitrary<QuotesResult> = fc.oneof(
  fc.record({
    query: hostileText(20),
    speaker: person,
    topic: fc.option(hostileText(20), { nil: null }),
    quotes: fc.array(fc.record({ text: hostileText(300), citation: citationArb }), { minLength: 1, maxLength: 40 }),
  }).map(({ query, speaker, topic, quotes }): QuotesResult => ({
    answered: true,
    query,
    speaker,
    topic,
    quotes: quotes.map((q) => ({ ...q, speaker: speaker.name, rule: 'after' as const })),
  })),
  fc.record({
    query: hostileText(40),
    speaker: fc.option(person, { nil: null }),
    reason: fc.constantFrom('unknown-speaker', 'no-quotes', 'empty-query' as const),
    suggestions: fc.array(suggestionArb, { maxLength: 8 }),
    topic: fc.option(hostileText(20), { nil: null }),
  }).map((r): QuotesResult => ({ answered: false, quotes: [], ...r })),
);

const commitmentsArb: fc.Arbitrary<CommitmentsResult> = fc.oneof(
  fc.record({
    party: fc.option(hostileText(10), { nil: null }),
    commitments: fc.array(fc.record({ text: hostileText(200), party: hostileText(10), citation: citationArb, introducedBy: fc.constant('') }), { maxLength: 60 }),
  }).map((r): CommitmentsResult => ({ answered: true, ...r })),
  fc.record({ party: hostileText(40), reason: fc.constantFrom('unknown-party', 'no-commitments' as const), suggestions: fc.array(suggestionArb, { maxLength: 6 }) })
    .map((r): CommitmentsResult => ({ answered: false, commitments: [], ...r })),
);

const outcomeArb: fc.Arbitrary<CommandOutcome> = fc.oneof(
  fc.record({ result: askResultArb, page: fc.integer({ min: -2, max: 6 }), private: fc.boolean() }).map((r) => ({ kind: 'ask' as const, ...r })),
  fc.record({ result: quotesArb, private: fc.boolean() }).map((r) => ({ kind: 'quote' as const, ...r })),
  fc.record({ result: commitmentsArb, private: fc.boolean() }).map((r) => ({ kind: 'commitments' as const, ...r })),
);

// ---------------------------------------------------------------------------------------------------------

describe('truncate', () => {
  it('keeps text that fits untouched', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(truncate(s, s.length)).toBe(s);
      }),
    );
  });

  it('cuts long text to the limit with a visible "…", at a word boundary', () => {
    const words = fc.array(fc.stringMatching(/^[a-zA-Z]{1,12}$/), { minLength: 2, maxLength: 80 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(words, fc.integer({ min: 30, max: 200 }), (text, max) => {
        fc.pre(text.length > max);
        const cut = truncate(text, max);
        expect(cut.length).toBeLessThanOrEqual(max);
        expect(cut.endsWith(ELLIPSIS)).toBe(true);
        const kept = cut.slice(0, -1);
        expect(text.startsWith(kept)).toBe(true);
        // The cut falls on the space after a whole word.
        expect(text[kept.length]).toBe(' ');
      }),
    );
  });

  it('cuts at a line boundary when asked to', () => {
    const lines = fc.array(fc.stringMatching(/^[a-z ]{1,30}$/), { minLength: 3, maxLength: 60 }).map((l) => l.join('\n'));
    fc.assert(
      fc.property(lines, fc.integer({ min: 80, max: 400 }), (text, max) => {
        fc.pre(text.length > max);
        const kept = truncate(text, max, 'line').slice(0, -1);
        expect(text.startsWith(kept)).toBe(true);
        // Only the spaces that ended the kept line are left out before the line break.
        expect(text.slice(kept.length)).toMatch(/^ *\n/);
      }),
    );
  });

  it('never exceeds the limit or splits an emoji, whatever the text', () => {
    fc.assert(
      fc.property(hostileText(200), fc.integer({ min: 0, max: 300 }), (text, max) => {
        const cut = truncate(text, max);
        expect(cut.length).toBeLessThanOrEqual(max);
        expect(/[\uD800-\uDBFF]…$|[\uD800-\uDBFF]$/.test(cut) && !/[\uD800-\uDBFF]$/.test(text.slice(0, cut.length))).toBe(false);
        if (cut !== text && max > 0) expect(cut.endsWith(ELLIPSIS)).toBe(true);
      }),
    );
  });
});

describe('passage highlighting', () => {
  it('bolds the answering sentence and underlines matched terms, with the article text otherwise verbatim', () => {
    const result = app.context.engine.ask('Who signed the declaration?');
    expect(result.answered).toBe(true);
    if (!result.answered) return;
    const best = result.passages[0]!;
    const read = readMarkdown(highlightPassage(best, 4096));
    expect(read.balanced).toBe(true);
    expect(read.text).toBe(best.text);
    expect(read.bold).toEqual([best.sentences[best.bestSentence]]);
    expect(read.underlined.length).toBeGreaterThan(0);
    for (const term of read.underlined) expect(best.matchedTerms.map((m) => m.toLowerCase())).toContain(term.toLowerCase());
  });

  it('keeps markup balanced and the text a verbatim prefix of the passage for any text and any room', () => {
    fc.assert(
      fc.property(passageArb, fc.integer({ min: 1, max: 1200 }), (passage, max) => {
        const out = highlightPassage(passage, max);
        expect(out.length).toBeLessThanOrEqual(max);
        const read = readMarkdown(out);
        expect(read.balanced).toBe(true);
        if (read.text === passage.text) return;
        expect(read.text.endsWith(ELLIPSIS)).toBe(true);
        expect(passage.text.startsWith(read.text.slice(0, -1))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('escapes markdown in echoed text so it reads back as typed', () => {
    fc.assert(
      fc.property(hostileText(60), (s) => {
        expect(readMarkdown(escapeText(s)).text).toBe(s);
      }),
    );
  });
});

describe('renderOutcome', () => {
  it('answers /ask with the best passage, its citation, two more passages and a "More results" button', () => {
    const outcome = ask('What will the UK do?');
    if (outcome.kind !== 'ask' || !outcome.result.answered) throw new Error('expected an answer');
    const data = renderOutcome(outcome);
    const embed = data.embeds![0]!;
    const [first, second, third] = outcome.result.passages;
    expect(readMarkdown(embed.description!).text).toContain(first!.text);
    expect(embed.description).toContain(citationText(first!.citation));
    expect(embed.fields?.map((f) => f.name)).toEqual([second, third].map((p) => `📖 ${citationText(p!.citation)}`));
    expect(questionFromMessage(data)).toBe(outcome.result.question);
    expect(buttons(data).map(decodeCustomId)).toEqual(outcome.result.passages.length > 3 ? [{ kind: 'page', page: 1 }] : []);
    expect(data.flags).toBeUndefined();
    expect(data.allowed_mentions).toEqual({ parse: [] });
  });

  it('shows the citation as "Article title · Section · ¶N"', () => {
    expect(citationText({ articleId: 'a', articleTitle: 'UK and France', section: 'The Summit', paragraph: 3 })).toBe('UK and France · The Summit · ¶3');
    expect(citationText({ articleId: 'a', articleTitle: 'UK and France', section: null, paragraph: 1 })).toBe('UK and France · ¶1');
  });

  it('pages through further passages and offers "Previous" after the first page', () => {
    const first = ask('What will the UK do?');
    if (first.kind !== 'ask' || !first.result.answered) throw new Error('expected an answer');
    fc.pre(first.result.passages.length > 3);
    const data = renderOutcome({ ...first, page: 1 });
    expect(readMarkdown(data.embeds![0]!.description!).text).toContain(first.result.passages[3]!.text);
    expect(data.embeds![0]!.title).toBe(t('en', 'ask.title.page', { page: 2, pages: Math.ceil(first.result.passages.length / 3) }));
    expect(buttons(data).map(decodeCustomId)[0]).toEqual({ kind: 'page', page: 0 });
  });

  it('declines with the reason in plain words and the suggestions', () => {
    const outcome = ask('What is the weather in Paris?');
    if (outcome.kind !== 'ask' || outcome.result.answered) throw new Error('expected a decline');
    const data = renderOutcome(outcome);
    const description = data.embeds![0]!.description!;
    expect(description).toContain(t('en', `decline.${outcome.result.reason}`));
    for (const s of outcome.result.suggestions) expect(readMarkdown(description).text).toContain(s.label);
    expect(buttons(data)).toEqual([]);
  });

  it('labels the closest passage as such, in the title and above the passage, in each language', () => {
    const outcome = ask('Will Britain help check whether the truce is actually being respected?');
    if (outcome.kind !== 'ask' || !outcome.result.answered || outcome.result.confidence !== 'low') throw new Error('expected a closest passage');
    for (const locale of ['en-US', 'fr']) {
      const embed = renderOutcome(outcome, { locale }).embeds![0]!;
      expect(embed.title).toBe(t(locale, 'ask.title.closest'));
      expect(readMarkdown(embed.description!).text).toContain(t(locale, 'ask.closest.note'));
      expect(readMarkdown(embed.description!).text).toContain(outcome.result.answer);
    }
    const confident = renderOutcome(ask('Who signed the declaration?')).embeds![0]!;
    expect(confident.title).toBe(t('en', 'ask.title'));
    expect(confident.description).not.toContain(t('en', 'ask.closest.note'));
  });

  it('names what the article lacks in a structural decline, escaped as typed', () => {
    const outcome = ask('Did *Poland* agree to send troops?');
    if (outcome.kind !== 'ask' || outcome.result.answered) throw new Error('expected a decline');
    expect(outcome.result.reason).toBe('absent-entity');
    const text = readMarkdown(renderOutcome(outcome).embeds![0]!.description!).text;
    expect(text).toContain('“Poland”');
    expect(renderOutcome(outcome, { locale: 'fr' }).embeds![0]!.description).toContain(t('fr', 'decline.absent-entity', { entities: '“Poland”' }));
  });

  it('makes private replies ephemeral with a "Share in channel" button', () => {
    const data = renderOutcome(ask('Who signed the declaration?', 0, true));
    expect(data.flags).toBe(MessageFlags.Ephemeral);
    expect(buttons(data).map(decodeCustomId)).toContainEqual({ kind: 'share' });
  });

  it('lists quotes verbatim with their citations', () => {
    const result = app.context.engine.quotes('Starmer');
    if (!result.answered) throw new Error('expected quotes');
    const data = renderOutcome({ kind: 'quote', result, private: false });
    const fields = data.embeds![0]!.fields!;
    expect(fields.map((f) => readMarkdown(f.value).text)).toEqual(result.quotes.map((q) => `“${q.text}”`));
    expect(fields.map((f) => f.name)).toEqual(result.quotes.map((q) => `📖 ${citationText(q.citation)}`));
  });

  it('numbers the commitments, each with who commits and its citation', () => {
    const result = app.context.engine.commitments();
    if (!result.answered) throw new Error('expected commitments');
    const lines = renderOutcome({ kind: 'commitments', result, private: false }).embeds![0]!.description!.split('\n');
    expect(lines).toHaveLength(result.commitments.length);
    result.commitments.forEach((c, i) => {
      expect(lines[i]!.startsWith(`${i + 1}. `)).toBe(true);
      expect(readMarkdown(lines[i]!).text).toContain(c.text);
      expect(lines[i]).toContain(c.party);
      expect(lines[i]).toContain(citationText(c.citation));
    });
  });

  it('keeps every payload within every Discord limit and lets no mention through, whatever the text', () => {
    fc.assert(
      fc.property(outcomeArb, (outcome) => {
        const data = renderOutcome(outcome);
        expect(limitViolations(data)).toEqual([]);
        for (const e of data.embeds ?? []) {
          for (const text of [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value])]) {
            if (text) expect(readMarkdown(text).balanced).toBe(true);
          }
        }
      }),
      { numRuns: 250 },
    );
  });

  it('renders /help and /about within limits', () => {
    for (const name of ['help', 'about']) {
      const command = app.commands.find((c) => c.data.name === name)!;
      const data = renderReply(command, command.run(app.context, { options: {}, locale: 'en-US' }));
      expectWithinLimits(data);
    }
  });
});

describe('notices and choices', () => {
  it('makes errors private and escapes what they echo', () => {
    const data = renderNotice('en-US', 'error.unknown-command', { name: '**@everyone**' });
    expect(data.flags).toBe(MessageFlags.Ephemeral);
    expect(readMarkdown(data.content!).text).toContain('**@everyone**');
    expectWithinLimits(data);
  });

  it('caps autocomplete at 25 choices of at most 100 characters', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ name: hostileText(60), value: hostileText(60) }), { maxLength: 60 }), (choices) => {
        const out = renderChoices(choices);
        expect(out.length).toBeLessThanOrEqual(25);
        for (const c of out) {
          expect(c.name.length).toBeGreaterThan(0);
          expect(c.name.length).toBeLessThanOrEqual(100);
          expect(c.value.length).toBeLessThanOrEqual(100);
        }
      }),
    );
  });
});
