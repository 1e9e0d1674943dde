// What the ranking reads of each passage, made once per passage rather than once per question that ranks it:
// its words with their index terms, its plain words (what a question word may be near in meaning), its
// sentences as term sets, and which sentence covers a question best.
import type { Passage } from './types.ts';
import type { UnitResult } from './search.ts';
import { processWord, termSet, tokens } from './text.ts';
import { STOP_WORDS } from './stopwords.ts';

/** Each passage's words with their index terms, made once per passage rather than per answer that shows it. */
const passageWords = new WeakMap<Passage, { surface: string; term: string | null }[]>();

export function wordsOf(p: Passage): { surface: string; term: string | null }[] {
  let words = passageWords.get(p);
  if (!words) passageWords.set(p, (words = tokens(p.text).map((t) => ({ surface: t.surface, term: processWord(t.surface) }))));
  return words;
}

/** Each passage's words in lower case, possessives cut, function words out: what a question word may be near. */
const plainWords = new WeakMap<Passage, string[]>();

export function plainWordsOf(p: Passage): string[] {
  let words = plainWords.get(p);
  if (!words) plainWords.set(p, (words = [...new Set(tokens(p.text).map((t) => t.surface.toLowerCase().replace(/['’]s$/, '')).filter((w) => !STOP_WORDS.has(w)))]));
  return words;
}

/** Each passage's sentences as term sets, made once per passage (its sentences array) rather than per question. */
const sentenceTerms = new WeakMap<readonly string[], Set<string | null>[]>();

function termSetsOf(sentences: readonly string[]): Set<string | null>[] {
  let sets = sentenceTerms.get(sentences);
  if (!sets) sentenceTerms.set(sentences, (sets = sentences.map(termSet)));
  return sets;
}

/** The sentence covering the most (rarity-weighted) units of the question; the earliest on a tie. */
export function bestSentence(sentences: string[], results: UnitResult[], weights: number[], i: number): { index: number; score: number } {
  let best = { index: 0, score: -1 };
  const termSets = termSetsOf(sentences);
  sentences.forEach((_, index) => {
    const terms = termSets[index]!;
    let score = 0;
    results.forEach((r, u) => {
      const hit = r.hits.get(i);
      if (!hit) return;
      let credit = hit.contextCredit;
      for (const [t, c] of hit.textTerms) if (terms.has(t)) credit = Math.max(credit, c);
      score += weights[u]! * credit;
    });
    if (score > best.score) best = { index, score };
  });
  return best;
}
