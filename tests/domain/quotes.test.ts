// Specification of quote attribution: a quote belongs to the person who says it, never to a person it
// mentions. Synthetic passages pin each rule; the real article is checked against the dev and held-out sets.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/domain/engine.ts';
import { loadCorpus } from '../../src/domain/load.ts';
import { extractQuotes } from '../../src/domain/quotes.ts';
import { splitSentences } from '../../src/domain/text.ts';
import type { Passage, Person, Quote } from '../../src/domain/types.ts';

const CORPUS = join(import.meta.dirname, '../../corpus');
const ARTICLE = join(CORPUS, 'uk-france-pact.md');

interface QuoteCase {
  speaker: string;
  who: string;
  must: string[];
  none?: boolean;
}
const readCases = (file: string): QuoteCase[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as QuoteCase);
const QUOTE_CASES = [
  ...readCases(join(import.meta.dirname, '../fixtures/dev-quote.jsonl')),
  ...readCases(join(import.meta.dirname, '../fixtures/holdout-quote.jsonl')),
];

let people: Person[];
let engine: Engine;
beforeAll(() => {
  const corpus = loadCorpus(CORPUS);
  people = corpus.curated.people;
  engine = createEngine(corpus);
});

/** Passages of one synthetic article, one per string. */
function passages(...texts: string[]): Passage[] {
  return texts.map((text, i) => ({
    id: `t#${i + 1}`,
    articleId: 't',
    articleTitle: 'Test',
    section: null,
    paragraph: i + 1,
    kind: 'paragraph',
    text,
    sentences: splitSentences(text),
    line: i + 1,
  }));
}

/** "speaker: text" for each quote the registry of the real corpus attributes. */
const said = (...texts: string[]) => extractQuotes(passages(...texts), people).quotes.map((q) => `${q.speaker}: ${q.text}`);

describe('extractQuotes: attribution patterns', () => {
  it('attributes a quote to the name after it ("…," Sir Keir told the media)', () => {
    expect(said('"We will stand firm," Sir Keir told the media.')).toEqual(['Sir Keir Starmer: We will stand firm']);
  });

  it('attributes a quote to the name after a speech verb ("…," said Macron)', () => {
    expect(said('"Peace is close," said Macron.')).toEqual(['Emmanuel Macron: Peace is close']);
  });

  it('gives a quote that runs on after the attribution to the same speaker', () => {
    const r = extractQuotes(passages('"We have met," Sir Keir told the media. "We will meet again. It went well."'), people).quotes;
    expect(r.map((q) => [q.speaker, q.text, q.rule])).toEqual([
      ['Sir Keir Starmer', 'We have met', 'after'],
      ['Sir Keir Starmer', 'We will meet again. It went well.', 'run-on'],
    ]);
  });

  it('gives "he said" to the subject of the sentence leading into the quote, not to the last name mentioned', () => {
    expect(said('Sir Keir Starmer criticised Vladimir Putin in Paris and spoke of Putin\'s army. "It cannot go on," he said.')).toEqual([
      'Sir Keir Starmer: It cannot go on',
    ]);
    expect(said('Sir Keir Starmer warned that everything depends on Russian President Vladimir Putin\'s willingness. "We must be frank," he said.')).toEqual([
      'Sir Keir Starmer: We must be frank',
    ]);
  });

  it('looks into the previous paragraph when a quote with "he said" opens its paragraph', () => {
    expect(said("Starmer met Putin's envoy in Paris.", '"It cannot go on," he said.')).toEqual(['Sir Keir Starmer: It cannot go on']);
  });

  it('attributes a short quoted phrase to the subject of the speech verb leading into it', () => {
    expect(said('President Zelenskyy hailed the declaration as "very concrete", confirming the plan.')).toEqual(['Volodymyr Zelenskyy: very concrete']);
  });

  it('gives both phrases of "described … as "colleagues" and praised Sir Keir Starmer as "incredible"" to the one who speaks', () => {
    expect(said('Witkoff described European leaders as "colleagues" and praised Sir Keir Starmer as "incredible", signalling support.')).toEqual([
      'Steve Witkoff: colleagues',
      'Steve Witkoff: incredible',
    ]);
  });

  it('discovers a speaker who is not in the registry', () => {
    const r = extractQuotes(passages('"We are ready," said Jane Doe.', '"So are we," John Roe said.', 'Ann Smith called the pact "a good start".'), people);
    expect(r.quotes.map((q) => `${q.speaker}: ${q.text}`)).toEqual(['Jane Doe: We are ready', 'John Roe: So are we', 'Ann Smith: a good start']);
    expect(r.discovered.map((p) => [p.name, p.short])).toEqual([
      ['Jane Doe', 'Doe'],
      ['John Roe', 'Roe'],
      ['Ann Smith', 'Smith'],
    ]);
  });

  it('keeps the quoted text verbatim, without the comma that closes it', () => {
    const text = '"Ukraine\'s sky - and sea - will be safe," Witkoff stated.';
    const [q] = extractQuotes(passages(text), people).quotes;
    expect(text).toContain(q!.text);
    expect(q!.text).toBe("Ukraine's sky - and sea - will be safe");
  });
});

describe('extractQuotes: what is not a quote, or not theirs', () => {
  it('does not take a single-quoted name for a quote', () => {
    expect(said("The leaders met at a meeting of the 'Coalition of the Willing' in Paris, Starmer said.")).toEqual([]);
  });

  it('never gives a quote to a person it mentions', () => {
    expect(said('"President Trump strongly believes that this has to stop," Witkoff stated.')).toEqual([
      'Steve Witkoff: President Trump strongly believes that this has to stop',
    ]);
    expect(said('"Putin is not showing that he is ready for peace," Sir Keir Starmer said.')).toEqual([
      'Sir Keir Starmer: Putin is not showing that he is ready for peace',
    ]);
  });

  it('does not attribute scare quotes that no speech verb introduces', () => {
    expect(said('The so-called "peace dividend" was debated at length.')).toEqual([]);
    expect(said('Sir Keir Starmer visited the "coalition" headquarters.')).toEqual([]);
  });

  it('follows a speaker discovered earlier into a quote-less paragraph that leads into "he said"', () => {
    // Jane Doe is in no registry: she is discovered at her first quote, then named without quotes before the next.
    expect(said('"We are ready," said Jane Doe.', 'Doe then met the envoy in Rome.', '"It went well," he said.')).toEqual([
      'Jane Doe: We are ready',
      'Jane Doe: It went well',
    ]);
  });

  it('leaves a quote unattributed rather than guess ("he said" with nobody named before it)', () => {
    expect(said('"A quote," he said.')).toEqual([]);
    expect(said('"Alone on its line."')).toEqual([]);
  });

  it('does not let a possessive be the speaker ("Trump\'s son-in-law, Jared Kushner, called it…")', () => {
    expect(said('Trump\'s son-in-law, Jared Kushner, called it a "big milestone".')).toEqual(['Jared Kushner: big milestone']);
  });

  it('does not take the source of an "according to" phrase for the speaker', () => {
    expect(said('According to Starmer, Putin described the offer as "unacceptable".')).toEqual(['Vladimir Putin: unacceptable']);
  });
});

describe('quotes of the real article', () => {
  let all: Quote[];
  let article: string;
  beforeAll(() => {
    all = extractQuotes([...engine.passages], people).quotes;
    article = readFileSync(ARTICLE, 'utf8').replace(/\s+/g, ' ');
  });

  it('finds one quote for every double-quoted span of the article', () => {
    const spans = article.match(/"[^"]+"/g) ?? [];
    expect(spans.length).toBeGreaterThan(0);
    expect(all).toHaveLength(spans.length);
  });

  it('returns every quote verbatim: a substring of the article', () => {
    for (const q of all) expect(article).toContain(q.text);
  });

  it('gives each quote to the speaker the dev and held-out sets name for it', () => {
    const expected = QUOTE_CASES.filter((c) => !c.none).flatMap((c) => c.must.map((m) => ({ must: m, who: c.who })));
    for (const q of all) {
      const owners = expected.filter((e) => q.text.includes(e.must)).map((e) => e.who);
      expect(owners.length, `no case names the speaker of "${q.text}"`).toBeGreaterThan(0);
      for (const who of owners) expect(q.speaker, q.text).toContain(who);
    }
  });

  for (const c of QUOTE_CASES) {
    it(`quotes("${c.speaker}") returns ${c.none ? 'no quote' : `only ${c.who}'s quotes, including ${c.must.map((m) => `"${m}"`).join(', ')}`}`, () => {
      const r = engine.quotes(c.speaker);
      for (const q of r.quotes) expect(q.speaker).toContain(c.who);
      for (const m of c.must) expect(r.quotes.some((q) => q.text.includes(m)), m).toBe(true);
      if (c.none) {
        expect(r).toMatchObject({ answered: false, reason: 'no-quotes', quotes: [] });
        expect(r.speaker?.name).toContain(c.who);
      } else {
        expect(r.answered).toBe(true);
        expect(r.speaker?.name).toContain(c.who);
      }
    });
  }
});

describe('engine.quotes(speaker, topic?)', () => {
  const nameOf = (query: string) => engine.quotes(query).speaker?.name ?? null;

  it('resolves aliases whatever their case', () => {
    for (const q of ['the PM', 'sir keir', 'KEIR STARMER', 'Starmer', 'Prime Minister']) expect(nameOf(q), q).toBe('Sir Keir Starmer');
  });

  it('resolves spelling variants and a typo', () => {
    for (const q of ['Zelensky', 'Zelenskiy', 'zelenskyy']) expect(nameOf(q), q).toBe('Volodymyr Zelenskyy');
    expect(nameOf('witkof')).toBe('Steve Witkoff');
  });

  it('lists a speaker\'s quotes in article order', () => {
    const r = engine.quotes('Starmer');
    const article = readFileSync(ARTICLE, 'utf8');
    const positions = r.quotes.map((q) => article.indexOf(q.text));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(r.answered && r.topic).toBe(null);
  });

  it('puts the quote that contains the topic word first, the others after in article order', () => {
    const plain = engine.quotes('Starmer').quotes;
    for (const topic of ['frank', 'constructive', 'Coalition']) {
      const r = engine.quotes('Starmer', topic);
      const match = plain.filter((q) => q.text.toLowerCase().includes(topic.toLowerCase()));
      expect(match).toHaveLength(1);
      expect(r.quotes[0]).toEqual(match[0]);
      expect(r.quotes.slice(1)).toEqual(plain.filter((q) => q !== match[0]));
      expect(r.answered && r.topic).toBe(topic);
    }
  });

  it('answers a person who is named but never quoted with no-quotes and an empty list', () => {
    for (const name of ['Putin', 'Macron', 'Trump']) {
      const r = engine.quotes(name);
      expect(r, name).toMatchObject({ answered: false, reason: 'no-quotes', quotes: [] });
      expect(r.speaker?.short).toBe(name);
      expect(r.answered ? [] : r.suggestions.length).not.toBe(0);
    }
  });

  it('answers an unknown name with unknown-speaker and suggests people who are quoted', () => {
    const r = engine.quotes('Bob Smithson');
    expect(r).toMatchObject({ answered: false, reason: 'unknown-speaker', speaker: null, quotes: [] });
    const quoted = new Set(engine.speakers('').map((s) => s.name));
    expect(r.answered ? [] : r.suggestions.length).toBeGreaterThan(0);
    for (const s of r.answered ? [] : r.suggestions) expect(quoted.has(s.label)).toBe(true);
  });

  it('answers an empty name with empty-query', () => {
    expect(engine.quotes('  ')).toMatchObject({ answered: false, reason: 'empty-query', quotes: [] });
  });
});

describe('engine.speakers(prefix) for autocomplete', () => {
  it('finds Sir Keir Starmer from "sta"', () => {
    expect(engine.speakers('sta').map((s) => s.name)).toEqual(['Sir Keir Starmer']);
  });

  it('lists every quoted speaker, and only those, for an empty prefix, with their quote counts', () => {
    const list = engine.speakers('');
    const quotes = extractQuotes([...engine.passages], people).quotes;
    expect(new Set(list.map((s) => s.name))).toEqual(new Set(quotes.map((q) => q.speaker)));
    for (const s of list) expect(s.quoteCount).toBe(quotes.filter((q) => q.speaker === s.name).length);
    expect(list.map((s) => s.name)).not.toContain('Vladimir Putin');
  });

  it('never offers more than 25 choices, nor more than asked', () => {
    expect(engine.speakers('').length).toBeLessThanOrEqual(25);
    expect(engine.speakers('', 2)).toHaveLength(2);
  });

  it('offers a discovered speaker of another article', () => {
    const extra = createEngine({
      ...loadCorpus(CORPUS),
      articles: [...loadCorpus(CORPUS).articles, { id: 'x', file: 'x.md', title: 'X', subtitle: null, date: null, source: null, passages: passages('"We are ready," said Jane Doe.') }],
    });
    expect(extra.speakers('ja').map((s) => s.name)).toContain('Jane Doe');
    expect(extra.quotes('jane doe')).toMatchObject({ answered: true, quotes: [{ speaker: 'Jane Doe', text: 'We are ready' }] });
  });
});
