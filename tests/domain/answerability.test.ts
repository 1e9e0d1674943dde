// Specification of answerability on the real article: a question is answered only where what it asks about
// belongs together, a paraphrase gets the closest passage labelled as such, and the overview, chat spellings and
// offices named through their country are understood. Expected passages are found in the article by their words.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ASK_OPTIONS } from '../../src/domain/ask.ts';
import { createEngine, type Engine } from '../../src/domain/engine.ts';
import { loadCorpus } from '../../src/domain/load.ts';
import type { AskResult } from '../../src/domain/types.ts';

let engine: Engine;
beforeAll(() => {
  engine = createEngine(loadCorpus(join(import.meta.dirname, '../../corpus')));
});

const passageWith = (words: string) => engine.passages.find((p) => p.text.includes(words))!.text;
const declined = (r: AskResult) => (r.answered ? null : r);
/** Each question is answered, first by the passage holding its words. */
const expectAnsweredBy = (cases: ReadonlyArray<readonly [question: string, words: string]>) => {
  for (const [q, words] of cases) {
    const r = engine.ask(q);
    expect(r.answered, q).toBe(true);
    expect(r.passages[0]!.text, q).toBe(passageWith(words));
  }
};

describe('what the question names must be in the article', () => {
  it('declines a place, an organisation or a name the article never mentions, and names it', () => {
    for (const [q, entity] of [['Did Poland agree to send troops too?', 'Poland'], ['what does nato think of the deal', 'nato'], ['Is Merz sending soldiers?', 'Merz']] as const) {
      const r = declined(engine.ask(q));
      expect(r, q).not.toBeNull();
      expect(r!.reason).toBe('absent-entity');
      expect(r!.entities).toContain(entity);
    }
  });

  it('still answers a place the article names through a synonym (Kyiv for Ukraine, London for the UK)', () => {
    const r = engine.ask('Will London keep sending arms to Kyiv?');
    expect(r.answered).toBe(true);
  });
});

describe('people asked about together must be in one passage', () => {
  it('declines when no passage has them both', () => {
    const r = declined(engine.ask('Has Putin agreed to meet Zelenskyy?'));
    expect(r?.reason).toBe('not-together');
    expect(r?.people).toEqual(expect.arrayContaining(['Vladimir Putin', 'Volodymyr Zelenskyy']));
  });

  it("declines someone's view of a person they never speak about", () => {
    expect(declined(engine.ask('What did Zelenskyy think of Witkoff?'))?.reason).toBe('not-together');
  });

  it('prefers the passage that names the person over one that only shares words', () => {
    const r = engine.ask("What did Kyiv's president make of the signed document?");
    expect(r.answered && r.passages[0]!.text).toBe(passageWith('hailed the declaration'));
  });
});

describe('the kind of answer asked for must be there', () => {
  it('declines "which cities" when the passage names no city the question lacks', () => {
    const r = declined(engine.ask('Which cities will the military hubs be built in?'));
    expect(r).toMatchObject({ reason: 'no-answer-of-type', answerType: 'city' });
  });

  it('declines "which X" for a thing, a place or people when the passage names none of that kind (WordNet)', () => {
    for (const [q, kind] of [['Which building hosted the news conference in Paris?', 'building'], ['Which tanks will Britain send in the arms supplies?', 'tanks'], ['Which Ukrainian towns will get the military hubs?', 'Ukrainian towns']] as const) {
      const r = declined(engine.ask(q));
      expect(r, q).toMatchObject({ reason: 'no-answer-of-type', answerType: 'kind', detail: kind });
    }
  });

  it('answers "which X" with a kind of X, a name, or the words that say which ones', () => {
    expectAnsweredBy([
      ['Which leaders signed the joint declaration?', 'signed by Prime Minister Sir Keir Starmer'],
      ['What sort of equipment will the hubs deploy?', 'defensive equipment'],
      ['What weapons will Britain supply to Ukraine?', 'long-term arms supplies'],
    ]);
  });

  it('does not hold abstract nouns to a kind ("which measures")', () => {
    expectAnsweredBy([['Which measures will the UK undertake?', 'several concrete measures']]);
  });

  it('answers "how many" people by the names the passage lists as such, and "how many" items by the list it introduces', () => {
    expectAnsweredBy([
      ['How many high-level US representatives were present?', 'Jared Kushner and Steve Witkoff, was seen'],
      ['How many leaders signed the declaration?', 'signed by Prime Minister Sir Keir Starmer'],
      ['How many concrete measures does the declaration outline?', 'several concrete measures'],
    ]);
  });

  it('does not count people by names the passage gives as someone else ("how many soldiers": two leaders named)', () => {
    expect(declined(engine.ask('How many soldiers is France sending?'))?.reason).toBe('no-figure');
  });

  it('declines "how many" when the answer has no figure, a date not counting as one', () => {
    expect(declined(engine.ask('How many countries are in the Coalition of the Willing?'))?.reason).toBe('no-figure');
  });

  it('declines a "when" about an event the article never reports', () => {
    const r = declined(engine.ask('When will the troops be pulled out of Ukraine?'));
    expect(r).toMatchObject({ reason: 'unmatched-detail' });
  });

  it('answers a "when" with the date, or with the event the article ties it to', () => {
    const unveiled = engine.ask('When was the pact unveiled?');
    expect(unveiled.answered && unveiled.answer).toContain('6 January 2026');
    const sent = engine.ask('When will the troops be sent?');
    expect(sent.answered && sent.passages[0]!.text).toBe(passageWith('following a ceasefire agreement'));
  });

  it('declines a question about one of a series ("the next meeting") the article does not mention', () => {
    const r = declined(engine.ask('Where will the next Coalition of the Willing meeting be held?'));
    expect(r).toMatchObject({ reason: 'unmatched-detail', detail: 'next' });
  });

  it('declines the words of someone the article never names', () => {
    const r = declined(engine.ask('What did the French foreign minister say about it?'));
    expect(r?.reason).toBe('not-quoted');
    expect(r?.people?.[0]).toContain('foreign minister');
  });
});

describe('the closest passage', () => {
  it('is given, labelled low confidence, for a paraphrase whose words the article lacks but has near ones of', () => {
    const r = engine.ask('Will Britain help check whether the truce is actually being respected?');
    expect(r.answered).toBe(true);
    if (!r.answered) return;
    expect(r.confidence).toBe('low');
    expect(r.passages[0]!.coverage).toBeGreaterThanOrEqual(DEFAULT_ASK_OPTIONS.lowCoverage);
    expect(r.passages[0]!.coverage).toBeLessThan(DEFAULT_ASK_OPTIONS.minCoverage);
    expect(r.passages[0]!.text).toBe(passageWith('verification of any ceasefire'));
  });

  it('is given when the words the article lacks are near words of that passage ("delegation", "supportive")', () => {
    for (const [q, words] of [['Did the US delegation seem supportive?', 'supportive stance'], ['Does the Ukrainian army need a safe space to rebuild?', 'secure environment']] as const) {
      const r = engine.ask(q);
      expect(r.answered && r.confidence, q).toBe('low');
      expect(r.passages[0]!.text, q).toBe(passageWith(words));
      expect(engine.ask(q, { nearInPassage: Infinity }).answered, `${q} (without)`).toBe(false);
    }
  });

  it('is not given for a question mostly about something the article has no word for', () => {
    for (const q of ['What is the weather in Paris?', 'How do I bake sourdough bread?']) expect(engine.ask(q).answered, q).toBe(false);
  });

  it('a confident answer says so', () => {
    const r = engine.ask('Who signed the declaration?');
    expect(r.answered && r.confidence).toBe('high');
  });
});

describe('overviews, chat and offices', () => {
  it('answers "what is this about" with the lead paragraph', () => {
    for (const q of ["what's this article about", 'tl;dr', 'summary pls']) {
      const r = engine.ask(q);
      expect(r.answered && r.passages[0]!.text, q).toBe(engine.passages[0]!.text);
    }
  });

  it('answers a summary of a topic with the passage on that topic, the summary request counting for nothing', () => {
    const r = engine.ask('Give me the key takeaways on the Coalition of the Willing meeting');
    expect(r.answered && r.confidence).toBe('high');
    expect(r.passages[0]!.text).toBe(passageWith("following a meeting of the 'Coalition of the Willing'"));
    expect(engine.ask('tl;dr of the weather in Paris').answered).toBe(false);
  });

  it('reads chat spellings and contractions', () => {
    const r = engine.ask('wut did witkoff call the european leaders');
    expect(r.answered && r.passages[0]!.text).toBe(passageWith('described European leaders as "colleagues"'));
    const t = engine.ask("who'd the summit get attended by");
    expect(t.answered && t.passages[0]!.text).toBe(passageWith('notably attended by'));
  });

  it('knows a person by an office named through their country', () => {
    const r = engine.ask("What did Moscow's leader refuse to show, according to Starmer?");
    expect(r.answered && r.passages[0]!.text).toBe(passageWith('Putin is not showing'));
  });

  it('answers "who is X" with the passage that introduces them', () => {
    const r = engine.ask('who is jared kusner');
    expect(r.answered && r.passages[0]!.text).toBe(passageWith("Donald Trump's son-in-law, Jared Kushner"));
  });
});
