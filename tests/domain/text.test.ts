// Specification of the text primitives: verbatim sentences, folding of typographic variants, tokens, and the
// one word -> term pipeline that the index and the questions share.
import { describe, expect, it } from 'vitest';
import { fold, processWord, splitSentences, terms, tokens } from '../../src/domain/text.ts';

describe('splitSentences', () => {
  it('splits like Intl.Segmenter and keeps every sentence verbatim', () => {
    const text = '"We\'ve had a very constructive meeting," Sir Keir told the media. "This work is more advanced than ever." Is it? Yes!';
    const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
    const expected = [...segmenter.segment(text)].map((s) => s.segment.trim()).filter(Boolean);
    expect(splitSentences(text)).toEqual(expected);
    for (const s of splitSentences(text)) expect(text).toContain(s);
  });

  it('returns nothing for blank text', () => {
    expect(splitSentences('   ')).toEqual([]);
  });
});

describe('fold', () => {
  it('turns curly apostrophes into straight ones and drops accents and zero-width characters', () => {
    expect(fold('Zelénskyy’s\u200b plan')).toBe("Zelenskyy's plan");
  });
});

describe('tokens', () => {
  it('keeps inner apostrophes, splits at hyphens and records positions', () => {
    const text = "US-led Ukraine's we've 20-point";
    const toks = tokens(text);
    expect(toks.map((t) => t.surface)).toEqual(['US', 'led', "Ukraine's", "we've", '20', 'point']);
    for (const t of toks) expect(text.slice(t.start, t.end)).toBe(t.surface);
  });
});

describe('processWord', () => {
  it('drops stop words and one-letter words', () => {
    for (const w of ['the', 'a', 'what', 'x']) expect(processWord(w), w).toBeNull();
  });

  it('keeps the acronym "US" apart from the pronoun "us"', () => {
    expect(processWord('us')).toBeNull();
    expect(processWord('US')).not.toBeNull();
    expect(processWord('US')).not.toBe(processWord('useful'));
  });

  it('gives inflected and irregular forms the same term', () => {
    const same = [
      ['troops', 'troop'],
      ['sent', 'send'],
      ['skies', 'sky'],
      ['met', 'meet'],
      ['verifying', 'verify'],
      ["Ukraine's", 'Ukraine'],
      ['Ukraine’s', 'ukraine'],
    ];
    for (const [a, b] of same) expect(processWord(a!), `${a} ~ ${b}`).toBe(processWord(b!));
  });

  it('keeps numbers as written', () => {
    expect(processWord('2026')).toBe('2026');
    expect(processWord('20')).toBe('20');
  });
});

describe('terms', () => {
  it('lists the terms of a text in order, without stop words', () => {
    expect(terms('The troops were sent')).toEqual([processWord('troops'), processWord('sent')]);
  });
});
