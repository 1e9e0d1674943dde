// searchUnit scores straight from MiniSearch's postings (src/domain/postings.ts). These tests hold it to
// MiniSearch's own search() on the same query, passage by passage, so a minisearch upgrade that changes the
// internals or the formula fails here.
import { join } from 'node:path';
import type { SearchResult } from 'minisearch';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/domain/corpus.ts';
import { loadCorpus } from '../../src/domain/load.ts';
import { buildLexicon } from '../../src/domain/query.ts';
import type { QueryUnit } from '../../src/domain/query.ts';
import { buildMiniSearch, DEFAULT_SEARCH_OPTIONS, loadMiniSearch, searchUnit, topLexical, type PassageIndex, type UnitResult } from '../../src/domain/search.ts';
import type { Passage } from '../../src/domain/types.ts';
import { generateArticles } from '../../bench/synth/generate.ts';
import { syntheticQuestions } from '../../bench/synth/questions.ts';

const corpus = loadCorpus(join(import.meta.dirname, '../../corpus'));
const lexicon = buildLexicon(corpus.curated);
const options = DEFAULT_SEARCH_OPTIONS;

/** What searchUnit computed before postings.ts: MiniSearch's search with the same options. */
function reference(index: PassageIndex, unit: QueryUnit): SearchResult[] {
  const credits = new Map(unit.terms.map((t) => [t.term, t.credit]));
  return index.search(unit.terms.map((t) => t.term).join(' '), {
    tokenize: (q) => q.split(' '),
    processTerm: (t) => t,
    combineWith: 'OR',
    boost: options.boost,
    boostTerm: (term) => credits.get(term) ?? 1,
    fuzzy: (term, i) => (i === 0 && term.length >= options.minFuzzyLength ? options.fuzzy : false),
    maxFuzzy: options.maxFuzzy,
    prefix: (term, i) => i === 0 && term.length >= options.minPrefixLength,
  });
}

function expectSameAsMiniSearch(index: PassageIndex, unit: QueryUnit): void {
  const expected = reference(index, unit);
  const got = searchUnit(index, unit, options);
  const scores = new Map<number, number>();
  got.ids.forEach((id, k) => scores.set(id, got.scores[k]!));
  expect(scores.size, unit.label).toBe(expected.length);
  for (const r of expected) {
    expect(scores.get(r.id as number), `${unit.label} #${r.id}`).toBe(r.score);
    const hit = got.hits.get(r.id as number)!;
    expect(new Set(hit.textTerms.keys()), `${unit.label} #${r.id}`).toEqual(new Set(Object.entries(r.match).filter(([, f]) => f.includes('text')).map(([t]) => t)));
  }
  const inText = expected.filter((r) => Object.values(r.match).some((f) => f.includes('text'))).length;
  expect(got.textMatches, unit.label).toBe(inText);
  expect(got.typedInText).toBe(expected.some((r) => r.match[unit.terms[0]!.term]?.includes('text') ?? false));
}

const QUESTIONS = [
  'Which two leaders signed the declaration?',
  'What will the UK undertake as part of the guarantees?',
  'wepons suplies to ukrane', // typos: fuzzy expansion
  'commit monitor', // prefixes
  'What did Starmer say about the Coalition of the Willing?', // names, phrases
  'soldiers deployment skies sea', // synonyms
  'Where is the moon?',
];

describe('scoring from the postings', () => {
  it('gives every passage of the article the score MiniSearch gives it', () => {
    const index = buildMiniSearch(corpus.articles.flatMap((a) => a.passages));
    for (const q of QUESTIONS) for (const unit of lexicon.analyze(q)) expectSameAsMiniSearch(index, unit);
  });

  describe('on a synthetic archive', () => {
    let passages: Passage[];
    let index: PassageIndex;
    beforeAll(() => {
      const synthetic = generateArticles(1500, 7).map((a) => parseArticle(a.markdown, a.name));
      passages = [...corpus.articles, ...synthetic].flatMap((a) => a.passages);
      index = buildMiniSearch(passages);
    });

    it('gives every matching passage the score MiniSearch gives it, typos and prefixes included', () => {
      for (const q of [...QUESTIONS, ...syntheticQuestions(passages, 60, 3)]) for (const unit of lexicon.analyze(q)) expectSameAsMiniSearch(index, unit);
    });

    it('reads a persisted index as well as a built one', () => {
      const loaded = loadMiniSearch(JSON.stringify(index));
      for (const q of syntheticQuestions(passages, 20, 5)) for (const unit of lexicon.analyze(q)) expectSameAsMiniSearch(loaded, unit);
    });
  });
});

describe('topLexical', () => {
  const unit = (ids: number[], scores: number[]): UnitResult =>
    ({ ids: Int32Array.from(ids), scores: Float64Array.from(scores) }) as unknown as UnitResult;

  it('keeps the passages with the highest summed score, best first', () => {
    const results = [unit([1, 2, 3, 4], [1, 5, 2, 0.5]), unit([4, 3], [9, 0.1])];
    expect(topLexical(results, 3)).toEqual([
      [4, 9.5],
      [2, 5],
      [3, 2.1],
    ]);
  });

  it('prefers the earlier passage on equal scores, however the matches arrive', () => {
    expect(topLexical([unit([9, 7, 8, 1], [1, 1, 1, 1])], 2)).toEqual([
      [1, 1],
      [7, 1],
    ]);
  });

  it('returns every match when there are fewer than asked for, and none for none', () => {
    expect(topLexical([unit([5], [2])], 50)).toEqual([[5, 2]]);
    expect(topLexical([unit([], [])], 50)).toEqual([]);
  });
});
