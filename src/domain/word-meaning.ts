// Word meaning from pre-trained resources, distilled by `npm run build:word-meaning` (src/cli/build-word-meaning.ts):
// word vectors, to credit a question word the article never uses by the article words nearest in meaning
// ("truce" -> ceasefire), and a lexicon of entity words, to know that "poland" names a place even in lower case.
// Plain data in, plain data out: the files are read by load.ts.
import { stemmer } from 'stemmer';
import { processWord } from './text.ts';
import { createWordNet, type WordNet } from './wordnet.ts';

/** 'city' is a place too: "which cities" wants one, "where" any place. */
export const ENTITY_KINDS = ['city', 'place', 'organization', 'person'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** corpus/entity-words.json: lower-case words by the kind of entity they name. */
export interface EntityWords extends Record<EntityKind, string[]> {
  source: string;
}

/** corpus/word-vectors.bin, decoded: word i has the vector data[i*dims .. (i+1)*dims) (quantised, any scale). */
export interface WordVectors {
  dims: number;
  words: string[];
  data: Int8Array;
  source: string;
}

const FORMAT = 'pactbot-word-vectors';
const NEWLINE = 10;
const QUANT_MAX = 127;

/**
 * Header line (JSON), then one word a line, then the vectors: one signed byte a dimension, each row scaled so
 * that its largest component is ±127. Cosine similarity ignores a row's scale, so none is stored.
 */
export function encodeWordVectors(words: string[], rows: number[][], dims: number, source: string): Uint8Array {
  const head = new TextEncoder().encode(JSON.stringify({ format: FORMAT, version: 1, dims, count: words.length, source }) + '\n' + words.join('\n') + '\n');
  const out = new Uint8Array(head.length + words.length * dims);
  out.set(head);
  const data = new Int8Array(out.buffer, head.length);
  rows.forEach((row, i) => {
    const max = Math.max(...row.map(Math.abs)) || 1;
    for (let d = 0; d < dims; d++) data[i * dims + d] = Math.round((row[d]! / max) * QUANT_MAX);
  });
  return out;
}

/** Null when the bytes are not a word-vector file: the engine then works without word meaning. */
export function decodeWordVectors(bytes: Uint8Array): WordVectors | null {
  const end = bytes.indexOf(NEWLINE);
  if (end < 0) return null;
  let header: { format?: string; dims?: number; count?: number; source?: string };
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(0, end)));
  } catch {
    return null;
  }
  const { dims, count } = header;
  if (header.format !== FORMAT || !Number.isInteger(dims) || !Number.isInteger(count)) return null;
  let at = end + 1;
  const words: string[] = [];
  const decoder = new TextDecoder();
  for (let i = 0; i < count!; i++) {
    const next = bytes.indexOf(NEWLINE, at);
    if (next < 0) return null;
    words.push(decoder.decode(bytes.subarray(at, next)));
    at = next + 1;
  }
  if (bytes.length - at !== count! * dims!) return null;
  // A copy, so that the file's buffer (a Node Buffer may sit inside a shared pool) can be dropped.
  const data = new Int8Array(bytes.buffer, bytes.byteOffset + at, count! * dims!).slice();
  return { dims: dims!, words, data, source: header.source ?? '' };
}

export interface MeaningOptions {
  /** Similarity (cosine) at which a neighbour starts to earn credit: unrelated pairs reach ~0.5 in GloVe. */
  minSimilarity: number;
  /** Similarity at which a neighbour earns the full `maxCredit` (near-synonyms: truce~ceasefire 0.91). */
  fullSimilarity: number;
  /** Credit of the closest neighbour: below a curated synonym's, since relatedness is not sameness. */
  maxCredit: number;
  /** Neighbours kept per word. */
  neighbours: number;
  /** Words whose neighbours are remembered (the same words recur across questions). */
  cacheSize: number;
}

export const DEFAULT_MEANING_OPTIONS: MeaningOptions = {
  minSimilarity: 0.55,
  fullSimilarity: 0.85,
  maxCredit: 0.7,
  neighbours: 3,
  cacheSize: 5000,
};

export interface Neighbour {
  term: string;
  similarity: number;
  credit: number;
}

export interface WordMeaning {
  /** The index terms of the corpus nearest in meaning to a word, with the credit each earns (best first). */
  neighbours(word: string): Neighbour[];
  /** The highest similarity (cosine) of a word to any of `words` (lower case); 0 when either lacks a vector. */
  closestIn(word: string, words: readonly string[]): number;
  /** The kind of entity a word names (any case), if the lexicon knows it as one. */
  entityKind(word: string): EntityKind | undefined;
  /** Whether the word is among the everyday words of the vector file (a rare capitalised word is likely a name). */
  isEverydayWord(word: string): boolean;
  /** What kind of thing a noun names (WordNet's hierarchy); knows nothing without its file. */
  wordnet: WordNet;
}

/** Row i of the vectors as a unit vector. */
function unitRow(vectors: WordVectors, i: number): Float32Array {
  const { dims, data } = vectors;
  const v = new Float32Array(dims);
  let norm = 0;
  for (let d = 0; d < dims; d++) norm += data[i * dims + d]! ** 2;
  norm = Math.sqrt(norm) || 1;
  for (let d = 0; d < dims; d++) v[d] = data[i * dims + d]! / norm;
  return v;
}

/** The dot product of `q` with the row of `matrix` starting at `at`. */
function dot(q: Float32Array, matrix: Float32Array, at: number): number {
  let s = 0;
  for (let d = 0; d < q.length; d++) s += q[d]! * matrix[at + d]!;
  return s;
}

/** The corpus terms with a vector each: the normalised mean of the vectors of the words that make the term. */
interface TermTable {
  names: string[];
  matrix: Float32Array;
}

function termTable(vectors: WordVectors, hasTerm: (term: string) => boolean): TermTable {
  const sums = new Map<string, Float32Array>();
  vectors.words.forEach((w, i) => {
    // Porter alone first (a few µs; lemmatising every one of 50k words took a second): a word whose plain stem
    // is no corpus term is skipped. An irregular form missed so ("skies") leaves its lemma ("sky") to carry the term.
    if (!hasTerm(stemmer(w))) return;
    const term = processWord(w);
    if (!term || !hasTerm(term)) return;
    const v = unitRow(vectors, i);
    const sum = sums.get(term);
    if (sum) for (let d = 0; d < v.length; d++) sum[d]! += v[d]!;
    else sums.set(term, v);
  });
  const names = [...sums.keys()];
  const dims = vectors.dims;
  const matrix = new Float32Array(names.length * dims);
  names.forEach((name, k) => {
    const sum = sums.get(name)!;
    const norm = Math.sqrt(sum.reduce((a, x) => a + x * x, 0)) || 1;
    for (let d = 0; d < dims; d++) matrix[k * dims + d] = sum[d]! / norm;
  });
  return { names, matrix };
}

/**
 * `hasTerm` says whether the corpus text uses an index term: neighbours are only ever corpus terms, and a
 * term's vector is the mean of the vectors of the words that make it ("supplies", "supply" -> suppli).
 */
export function createWordMeaning(
  vectors: WordVectors | null,
  entities: EntityWords | null,
  hasTerm: (term: string) => boolean,
  options: Partial<MeaningOptions> = {},
  wordnet: WordNet = createWordNet(null),
): WordMeaning {
  const opts = { ...DEFAULT_MEANING_OPTIONS, ...options };
  const kinds = new Map<string, EntityKind>();
  for (const kind of ENTITY_KINDS) for (const w of entities?.[kind] ?? []) if (!kinds.has(w)) kinds.set(w, kind);
  const row = vectors ? new Map(vectors.words.map((w, i) => [w, i])) : new Map<string, number>();
  let terms: TermTable | null = null;
  const cache = new Map<string, Neighbour[]>();

  const unit = (i: number) => unitRow(vectors!, i);
  // Built on first use: a corpus that never meets an unknown word never pays for it.
  const corpusTerms = () => (terms ??= termTable(vectors!, hasTerm));

  const credit = (similarity: number) =>
    opts.maxCredit * Math.min(1, Math.max(0, (similarity - opts.minSimilarity) / (opts.fullSimilarity - opts.minSimilarity)));

  return {
    neighbours(word) {
      const key = word.toLowerCase();
      const hit = cache.get(key);
      if (hit) return hit;
      const i = row.get(key);
      let found: Neighbour[] = [];
      if (vectors && i !== undefined) {
        const q = unit(i);
        const { names, matrix } = corpusTerms();
        const dims = vectors.dims;
        const own = processWord(key);
        const best: Neighbour[] = [];
        for (let k = 0; k < names.length; k++) {
          const s = dot(q, matrix, k * dims);
          if (s < opts.minSimilarity || names[k] === own) continue;
          best.push({ term: names[k]!, similarity: s, credit: credit(s) });
        }
        found = best.sort((a, b) => b.similarity - a.similarity).slice(0, opts.neighbours).filter((n) => n.credit > 0);
      }
      if (cache.size >= opts.cacheSize) cache.delete(cache.keys().next().value!);
      cache.set(key, found);
      return found;
    },
    closestIn(word, words) {
      const i = row.get(word.toLowerCase());
      if (!vectors || i === undefined) return 0;
      const q = unit(i);
      let best = 0;
      for (const w of words) {
        const j = row.get(w);
        if (j === undefined) continue;
        best = Math.max(best, dot(q, unit(j), 0));
      }
      return best;
    },
    entityKind: (word) => kinds.get(word.toLowerCase()),
    // Without vectors every word counts as everyday: nothing is declined for merely being capitalised.
    isEverydayWord: (word) => !vectors || row.has(word.toLowerCase()),
    wordnet,
  };
}
