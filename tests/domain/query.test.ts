// Specification of question analysis: each meaningful word or recognised phrase becomes one unit, with the
// terms that count as a match for it; names stand for their person; question words count less than content.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Curated } from '../../src/domain/curated.ts';
import { loadCorpus } from '../../src/domain/load.ts';
import { buildLexicon, DEFAULT_LEXICON_OPTIONS, type Lexicon } from '../../src/domain/query.ts';
import { processWord, terms } from '../../src/domain/text.ts';

let curated: Curated;
let lexicon: Lexicon;
beforeAll(() => {
  curated = loadCorpus(join(import.meta.dirname, '../../corpus')).curated;
  lexicon = buildLexicon(curated);
});

const termsOf = (unit: { terms: Array<{ term: string }> }) => unit.terms.map((t) => t.term);

describe('buildLexicon().analyze', () => {
  it('returns no unit for a question made of stop words', () => {
    expect(lexicon.analyze('what is the')).toEqual([]);
    expect(lexicon.analyze('')).toEqual([]);
  });

  it('makes one unit per content word, the word itself first with full credit', () => {
    const units = lexicon.analyze('Will the UK provide arms?');
    expect(units.map((u) => u.terms[0])).toEqual(
      ['UK', 'provide', 'arms'].map((w) => ({ term: processWord(w), credit: 1 })),
    );
  });

  it('lets a word match its synonyms, for less than the word itself', () => {
    const [unit] = lexicon.analyze('soldiers');
    expect(termsOf(unit!)).toContain(processWord('troops'));
    const troop = unit!.terms.find((t) => t.term === processWord('troops'))!;
    expect(troop.credit).toBe(DEFAULT_LEXICON_OPTIONS.synonymCredit);
    expect(troop.credit).toBeLessThan(1);
  });

  it('reads a person\'s alias as that person: "the French President" asks for Macron', () => {
    const units = lexicon.analyze('the French President');
    const macron = terms('Emmanuel Macron');
    expect(units[0]!.word).toBe(false);
    expect(termsOf(units[0]!)).toEqual(expect.arrayContaining(macron));
  });

  it('reads a multi-word synonym as one unit ("press conference")', () => {
    const units = lexicon.analyze('press conference');
    expect(units).toHaveLength(1);
    expect(units[0]!.label).toBe('press conference');
  });

  it('counts question words and answer-type words less than content', () => {
    const [when] = lexicon.analyze('When');
    expect(when!.weight).toBe(DEFAULT_LEXICON_OPTIONS.questionWordWeight);
    const city = lexicon.analyze('Which city').find((u) => u.label === 'city')!;
    expect(city.weight).toBe(DEFAULT_LEXICON_OPTIONS.answerTypeWeight);
    expect(lexicon.analyze('troops')[0]!.weight).toBe(1);
  });

  it('keeps "US" as a name but drops the pronoun "us"', () => {
    expect(lexicon.analyze('us')).toEqual([]);
    expect(lexicon.analyze('US troops').map((u) => u.label)).toEqual(['US', 'troops']);
  });

  it('never repeats a unit for a repeated word', () => {
    expect(lexicon.analyze('troops troops Troops')).toHaveLength(1);
  });

  it('applies option overrides over the documented defaults', () => {
    const custom = buildLexicon(curated, { synonymCredit: 0.5 });
    const [unit] = custom.analyze('soldiers');
    expect(unit!.terms.find((t) => t.term === processWord('troops'))!.credit).toBe(0.5);
  });
});
