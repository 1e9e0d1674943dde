// Specification of word meaning: the distilled vector file round-trips, neighbours are always corpus terms
// whose credit falls with similarity, and the entity lexicon tells names from everyday words.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMeaning } from '../../src/domain/load.ts';
import { processWord } from '../../src/domain/text.ts';
import { createWordMeaning, decodeWordVectors, DEFAULT_MEANING_OPTIONS, encodeWordVectors } from '../../src/domain/word-meaning.ts';

const CORPUS = join(import.meta.dirname, '../../corpus');

describe('the word-vector file format', () => {
  it('decodes what it encodes: the words in order and vectors of the same direction', () => {
    const rows = [[1, 0, 0.5], [-0.2, 0.9, 0], [0.3, 0.3, -0.3]];
    const decoded = decodeWordVectors(encodeWordVectors(['truce', 'ceasefire', 'pizza'], rows, 3, 'test'))!;
    expect(decoded.words).toEqual(['truce', 'ceasefire', 'pizza']);
    expect(decoded.source).toBe('test');
    rows.forEach((row, i) => {
      const q = [...decoded.data.slice(i * 3, i * 3 + 3)];
      const cos = row.reduce((s, x, d) => s + x * q[d]!, 0) / (Math.hypot(...row) * Math.hypot(...q));
      expect(cos).toBeGreaterThan(0.999);
    });
  });

  it('refuses bytes that are not such a file (the engine then works on words alone)', () => {
    for (const bytes of [new Uint8Array(), new TextEncoder().encode('{"format":"other"}\n'), new TextEncoder().encode('not json\nat all')]) {
      expect(decodeWordVectors(bytes)).toBeNull();
    }
    const whole = encodeWordVectors(['a', 'b'], [[1, 0], [0, 1]], 2, 'x');
    expect(decodeWordVectors(whole.slice(0, whole.length - 1))).toBeNull();
  });
});

describe('neighbours in meaning', () => {
  const vectors = decodeWordVectors(encodeWordVectors(['truce', 'ceasefire', 'armistice', 'pizza', 'troops'], [[1, 0.1, 0], [0.95, 0.2, 0], [0.8, 0.5, 0.1], [0, 0, 1], [0.1, 1, 0]], 3, 'toy'));
  const corpusTerms = new Set(['ceasefir', 'troop', 'pizza'].map((t) => processWord(t) ?? t));
  const meaning = createWordMeaning(vectors, null, (term) => corpusTerms.has(term));

  it('are corpus terms only, best first, with credit that falls with similarity and never exceeds maxCredit', () => {
    const near = meaning.neighbours('armistice');
    expect(near.length).toBeGreaterThan(0);
    for (const n of near) expect(corpusTerms.has(n.term)).toBe(true);
    expect(near[0]!.term).toBe(processWord('ceasefire'));
    for (let k = 1; k < near.length; k++) expect(near[k]!.credit).toBeLessThanOrEqual(near[k - 1]!.credit);
    for (const n of near) expect(n.credit).toBeLessThanOrEqual(DEFAULT_MEANING_OPTIONS.maxCredit);
  });

  it('gives nothing for an unrelated word, a word without a vector, or without a vector file', () => {
    expect(meaning.neighbours('pizza').filter((n) => n.term === processWord('ceasefire'))).toEqual([]);
    expect(meaning.neighbours('zzzz')).toEqual([]);
    expect(createWordMeaning(null, null, () => true).neighbours('truce')).toEqual([]);
  });
});

describe('the distilled resources of the corpus', () => {
  const { vectors, entities } = loadMeaning(CORPUS);
  const meaning = createWordMeaning(vectors, entities, () => true);

  it('load from corpus/ and know the article words and everyday English', () => {
    expect(vectors).not.toBeNull();
    for (const w of ['ceasefire', 'troops', 'truce', 'munitions', 'weather']) expect(meaning.isEverydayWord(w)).toBe(true);
  });

  it('name places, organisations and people whatever the case, and not everyday words', () => {
    expect(meaning.entityKind('Poland')).toBe('place');
    expect(meaning.entityKind('paris')).toBe('city');
    expect(meaning.entityKind('nato')).toBe('organization');
    for (const w of ['troops', 'weather', 'peace']) expect(meaning.entityKind(w)).toBeUndefined();
  });
});
