// The answer engine: everything a command answers, computed without Discord. Built by a factory from
// loaded corpus files; holds only read-only data, so one engine can serve any number of requests.
import { ask as answer, DEFAULT_ASK_OPTIONS, type AskOptions } from './ask.ts';
import { extractAll, type Extracted } from './extract.ts';
import type { CorpusFiles } from './load.ts';
import { buildPeopleIndex } from './people.ts';
import { buildLexicon, DEFAULT_LEXICON_OPTIONS, type LexiconOptions } from './query.ts';
import { buildMiniSearch, DEFAULT_SEARCH_OPTIONS, termInText, type PassageIndex, type SearchOptions } from './search.ts';
import { createWordMeaning, type MeaningOptions } from './word-meaning.ts';
import { createWordNet } from './wordnet.ts';
import { rankByTopic } from './topic.ts';
import { tokens } from './text.ts';
import type { AskResult, CommitmentsResult, CorpusInfo, Passage, Person, Quote, QuotesResult, SpeakerChoice } from './types.ts';

export interface EngineOptions {
  lexicon: Partial<LexiconOptions>;
  search: Partial<SearchOptions>;
  ask: Partial<AskOptions>;
  meaning?: Partial<MeaningOptions>;
  /** A prebuilt index (e.g. loaded from the persisted cache); must have been built from the same passages. */
  index?: PassageIndex;
  /** Quotes, speakers and commitments extracted beforehand (e.g. loaded from the cache), from the same corpus. */
  extracted?: Extracted;
}

export const DEFAULT_ENGINE_OPTIONS: EngineOptions = { lexicon: {}, search: {}, ask: {} };

export interface Engine {
  ask(question: string, options?: Partial<AskOptions>): AskResult;
  quotes(speaker: string, topic?: string | null): QuotesResult;
  speakers(prefix?: string, limit?: number): SpeakerChoice[];
  commitments(party?: string | null): CommitmentsResult;
  info(): CorpusInfo;
  readonly passages: readonly Passage[];
}

/** Discord's cap on autocomplete choices: the natural default for a list of names. */
const MAX_CHOICES = 25;
/** Longest speaker name and quote topic considered, as Discord's option limits. */
const MAX_NAME_LENGTH = 100;
const MAX_TOPIC_LENGTH = 200;

/** How many quotes each speaker has, and the passages (by position) that quote them. */
function quoteTallies(quotes: readonly Quote[], passages: readonly Passage[]): { quoteCount: Map<string, number>; quotedIn: Map<string, Set<number>> } {
  const quoteCount = new Map<string, number>();
  for (const q of quotes) quoteCount.set(q.speaker, (quoteCount.get(q.speaker) ?? 0) + 1);
  const passageIndex = new Map(passages.map((p, i) => [p.id, i]));
  const quotedIn = new Map<string, Set<number>>();
  for (const q of quotes) {
    const i = passageIndex.get(`${q.citation.articleId}#${q.citation.paragraph}`);
    if (i !== undefined) quotedIn.set(q.speaker, (quotedIn.get(q.speaker) ?? new Set()).add(i));
  }
  return { quoteCount, quotedIn };
}

export function createEngine(corpus: CorpusFiles, options: Partial<EngineOptions> = {}): Engine {
  const opts = { ...DEFAULT_ENGINE_OPTIONS, ...options };
  const passages = corpus.articles.flatMap((a) => a.passages);
  const lexicon = buildLexicon(corpus.curated, opts.lexicon);
  const { quotes: allQuotes, discovered, commitments: commitmentList } = opts.extracted ?? extractAll(corpus);
  const people = [...corpus.curated.people, ...discovered];
  const peopleIndex = buildPeopleIndex(people);
  const { quoteCount, quotedIn } = quoteTallies(allQuotes, passages);
  const index = opts.index ?? buildMiniSearch(passages);
  const meaning = createWordMeaning(corpus.meaning?.vectors ?? null, corpus.meaning?.entities ?? null, (term) => termInText(index, term), opts.meaning, createWordNet(corpus.meaning?.wordnet ?? null));
  const ctx = {
    index,
    meaning,
    titleWords: new Set(corpus.articles.flatMap((a) => tokens(`${a.title} ${a.subtitle ?? ''}`).map((t) => t.surface.toLowerCase()))),
    passages,
    lexicon,
    search: { ...DEFAULT_SEARCH_OPTIONS, ...opts.search },
    ask: { ...DEFAULT_ASK_OPTIONS, ...opts.ask },
    quotedIn: (person: string) => quotedIn.get(person) ?? new Set<number>(),
  };
  const speakerList = people.filter((p) => quoteCount.has(p.name));
  // Autocomplete order, sorted once (it runs on every keystroke): most quoted first, then by name.
  const count = (p: Person) => quoteCount.get(p.name) ?? 0;
  const speakerIndex = buildPeopleIndex([...speakerList].sort((a, b) => count(b) - count(a) || a.name.localeCompare(b.name)));
  const partyIndex = buildPeopleIndex(corpus.curated.parties.map((p) => ({ name: p.name, short: p.name, role: '', aliases: p.aliases })));
  const loadedAt = new Date().toISOString();
  const speakerSuggestions = () => speakerList.map((p) => ({ label: p.name, query: p.short }));

  return {
    passages,
    ask: (question, overrides) => answer(ctx, question, overrides),

    quotes(rawQuery, topic = null) {
      // Names and topics are short; longer input only costs fuzzy matching time (Discord caps them at 100/200).
      const query = rawQuery.slice(0, MAX_NAME_LENGTH);
      const t = topic?.trim().slice(0, MAX_TOPIC_LENGTH) || null;
      if (!query.trim()) return { answered: false, query, speaker: null, quotes: [], reason: 'empty-query', suggestions: speakerSuggestions(), topic: t };
      const resolution = peopleIndex.resolve(query);
      if (!resolution.person) {
        const near = resolution.candidates.filter((p) => quoteCount.has(p.name));
        const suggestions = (near.length ? near : speakerList).slice(0, 3).map((p) => ({ label: p.name, query: p.short }));
        return { answered: false, query, speaker: null, quotes: [], reason: 'unknown-speaker', suggestions, topic: t };
      }
      const person = resolution.person;
      const own = allQuotes.filter((q) => q.speaker === person.name);
      if (own.length === 0) {
        return { answered: false, query, speaker: person, quotes: [], reason: 'no-quotes', suggestions: speakerSuggestions().slice(0, 3), topic: t };
      }
      return { answered: true, query, speaker: person, quotes: t ? rankByTopic(own, t, lexicon) : own, topic: t };
    },

    speakers(prefix = '', limit = MAX_CHOICES) {
      // speakerIndex lists speakers in autocomplete order already: the first `limit` matches are the answer.
      return speakerIndex.matchPrefix(prefix.slice(0, MAX_NAME_LENGTH), limit).map((p) => ({ name: p.name, role: p.role, quoteCount: count(p) }));
    },

    commitments(rawParty = null) {
      const party = rawParty?.slice(0, MAX_NAME_LENGTH) ?? null;
      if (!party?.trim()) return { answered: true, party: null, commitments: commitmentList };
      const partySuggestions = [...new Set(commitmentList.map((c) => c.party))].map((p) => ({ label: p, query: p }));
      const resolution = partyIndex.resolve(party);
      if (!resolution.person) return { answered: false, party, commitments: [], reason: 'unknown-party', suggestions: partySuggestions };
      const name = resolution.person.name;
      const mine = commitmentList.filter((c) => c.party === name);
      if (mine.length === 0) return { answered: false, party: name, commitments: [], reason: 'no-commitments', suggestions: partySuggestions };
      return { answered: true, party: name, commitments: mine };
    },

    info() {
      return {
        articles: corpus.articles.map((a) => ({ id: a.id, title: a.title, subtitle: a.subtitle, date: a.date, source: a.source, passages: a.passages.length })),
        passages: passages.length,
        speakers: speakerList.length,
        loadedAt,
      };
    },
  };
}
