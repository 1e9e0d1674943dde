// Specification of what kind of thing a noun names, from WordNet's hierarchy as distilled into corpus/: a kind
// or an instance at any depth counts, the same thing under another name does not, plurals read as their nouns.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWordNet, NOUN_CLASSES, type WordNetFile } from '../../src/domain/wordnet.ts';

const cls = (name: string) => NOUN_CLASSES.indexOf(name as (typeof NOUN_CLASSES)[number]);

// A small hierarchy: weapon <- gun <- rifle; city <- "paris" (an instance); "arms" is weapon itself.
const tiny: WordNetFile = {
  source: 'test',
  classes: [...NOUN_CLASSES],
  synsets: [[cls('artifact')], [cls('artifact'), 0], [cls('artifact'), 1], [cls('location')], [cls('location'), 3], [cls('communication')]],
  nouns: { weapon: [0], arms: [0], gun: [1], rifle: [2], city: [3], paris: [4], name: [5] },
};

describe('word kinds from a distilled hierarchy', () => {
  const kinds = createWordNet(tiny);

  it('knows a kind at any depth, and an instance, as a kind of its category', () => {
    expect(kinds.isKindOf('rifle', 'weapon')).toBe(true);
    expect(kinds.isKindOf('gun', 'weapons')).toBe(true);
    expect(kinds.isKindOf('Paris', 'cities')).toBe(true);
  });

  it('does not count the same thing under another name, the category itself, or an unrelated noun', () => {
    expect(kinds.isKindOf('arms', 'weapons')).toBe(false);
    expect(kinds.isKindOf('weapon', 'weapon')).toBe(false);
    expect(kinds.isKindOf('paris', 'weapon')).toBe(false);
    expect(kinds.isKindOf('unheard', 'weapon')).toBe(false);
  });

  it("gives the broad class of a noun's commonest sense, nothing for a word it does not know", () => {
    expect(kinds.classOf('rifles')).toBe('artifact');
    expect(kinds.classOf('name')).toBe('communication');
    expect(kinds.classOf('unheard')).toBeUndefined();
  });

  it('knows nothing without its file', () => {
    const none = createWordNet(null);
    expect(none.classOf('weapon')).toBeUndefined();
    expect(none.isKindOf('rifle', 'weapon')).toBe(false);
  });
});

describe('the distilled WordNet file in corpus/', () => {
  const kinds = createWordNet(JSON.parse(readFileSync(join(import.meta.dirname, '../../corpus/wordnet.json'), 'utf8')) as WordNetFile);

  it('files everyday nouns as WordNet does', () => {
    expect(kinds.isKindOf('missile', 'weapons')).toBe(true);
    expect(kinds.isKindOf('palace', 'building')).toBe(true);
    expect(kinds.isKindOf('France', 'countries')).toBe(true);
    expect(kinds.isKindOf('minister', 'leader')).toBe(true);
    expect(kinds.classOf('leaders')).toBe('person');
    expect(kinds.classOf('measures')).toBe('act');
  });
});
