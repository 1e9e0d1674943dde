// Text primitives shared by parsing, indexing and answering: sentence splitting, tokenising and term processing.
// One pipeline serves the index and the query, so a word is always turned into the same term on both sides.
import { stemmer } from 'stemmer';
import lemmatizer from 'wink-lemmatizer';
import { FUNCTION_LEMMAS, STOP_WORDS } from './stopwords.ts';

const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * Sentences of a passage, verbatim (trailing spaces trimmed). Intl.Segmenter breaks inside a quotation
 * ("…ever." He said) correctly but also after abbreviations such as "U.S."; those are rare in news copy
 * and a split only costs a slightly shorter highlighted sentence.
 */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const { segment } of sentenceSegmenter.segment(text)) {
    const s = segment.trim();
    if (s) out.push(s);
  }
  return out;
}

/** Folds typographic variants so that users typing plain ASCII match curly quotes, dashes and accents. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u201b\u02bc]/g, "'")
    .replace(/[\u200b-\u200f\u2060\ufeff]/g, '');
}

export interface Token {
  /** The word as written, e.g. "Ukraine's". */
  surface: string;
  start: number;
  end: number;
}

// Letters and digits, with inner apostrophes ("we've", "Ukraine's"). Hyphens split words: "US-led" -> US, led.
const WORD = /[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu;

export function tokens(text: string): Token[] {
  const out: Token[] = [];
  const folded = fold(text);
  // fold() keeps string length except for removed zero-width characters and decomposed accents, so positions
  // are only exact for plain text; highlighting uses `surface`, never positions into a different string.
  for (const m of folded.matchAll(WORD)) out.push({ surface: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/**
 * The terms of a text as a set, null standing for words without one: `new Set(tokens(text).map((t) =>
 * processWord(t.surface)))` without the token objects and arrays. Ranking builds one for every sentence of every
 * candidate passage, which made it the largest cost of a question on a big corpus.
 */
export function termSet(text: string): Set<string | null> {
  const out = new Set<string | null>();
  const folded = fold(text);
  WORD.lastIndex = 0;
  for (let m = WORD.exec(folded); m; m = WORD.exec(folded)) out.add(processWord(m[0]));
  return out;
}

/** Whether a token is an acronym written in capitals ("US", "UK"): those escape the stop list ("US" is not "us"). */
function isAcronym(word: string): boolean {
  return word.length >= 2 && word.length <= 5 && /^\p{Lu}+$/u.test(word);
}

/**
 * Turns one word into its index term: lower case, possessive dropped, stop words removed, lemmatised, Porter-stemmed.
 * Returns null for words that carry no meaning for retrieval.
 */
export function processWord(word: string): string | null {
  // Memoised: it runs on every token indexed and every word of every candidate sentence at query time, a corpus
  // repeats its words, and lemmatising plus stemming was most of the cost of both. Bounded: cleared when full.
  let term = processed.get(word);
  if (term === undefined) {
    if (processed.size >= MAX_PROCESSED) processed.clear();
    term = termOf(word);
    processed.set(word, term);
  }
  return term;
}

const processed = new Map<string, string | null>();
const MAX_PROCESSED = 200_000;

function termOf(word: string): string | null {
  const acronym = isAcronym(word);
  let w = fold(word).toLowerCase().replace(/'s$/, '').replace(/'/g, '');
  if (!w) return null;
  if (STOP_WORDS.has(w)) {
    // "US" is a name, "us" a pronoun: the acronym keeps its capitals so it never meets "us" (nor a stem like "useful" -> "us").
    return acronym ? word.toUpperCase() : null;
  }
  // Numbers are kept as written ("20", "2026"); stemming would mangle nothing useful there.
  if (/^\p{N}+$/u.test(w)) return w;
  if (w.length === 1) return null;
  // Lemmatise before stemming: Porter leaves irregular forms apart ("sent"/"send", "met"/"meet", "skies"/"sky").
  const lemma = lemmatizer.noun(lemmatizer.verb(w));
  if (FUNCTION_LEMMAS.has(lemma)) return null;
  return stemmer(lemma);
}

/** All terms of a text, in order, skipping stop words. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const t of tokens(text)) {
    const term = processWord(t.surface);
    if (term) out.push(term);
  }
  return out;
}
