// The content-gap list: declined questions grouped by similar wording, so "Is Germany sending troops?" and
// "Will Germany send troops?" are one line an editor can act on. Wordings are compared by their content words
// as the answer engine sees them (stop words dropped, lemmatised, stemmed: src/domain/text.ts), and a wording
// joins the first, larger group whose words it mostly shares.
import { termSet } from '../domain/text.ts';

export interface DeclinedWording {
  question: string;
  count: number;
  reason: string | null;
}

export interface ContentGap {
  /** The most asked wording of the group. */
  question: string;
  count: number;
  reason: string | null;
  /** The other wordings, most asked first. */
  variants: Array<{ question: string; count: number }>;
}

/** Share of content words two wordings must have in common (Jaccard) to count as the same question. */
export const DEFAULT_SIMILARITY = 0.6;

function contentWords(question: string): Set<string> {
  const out = new Set<string>();
  for (const t of termSet(question)) if (t) out.add(t);
  return out;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Groups wordings (most asked first in, most asked first out); `limit` groups at most. */
export function groupContentGaps(wordings: readonly DeclinedWording[], limit: number, similarity = DEFAULT_SIMILARITY): ContentGap[] {
  const groups: Array<ContentGap & { words: Set<string> }> = [];
  const sorted = [...wordings].sort((a, b) => b.count - a.count);
  for (const w of sorted) {
    const words = contentWords(w.question);
    // Wordings without content words ("???") only group with the same text.
    const home = words.size > 0 ? groups.find((g) => g.words.size > 0 && jaccard(g.words, words) >= similarity) : undefined;
    if (home) {
      home.count += w.count;
      home.variants.push({ question: w.question, count: w.count });
    } else {
      groups.push({ question: w.question, count: w.count, reason: w.reason, variants: [], words });
    }
  }
  return groups
    .sort((a, b) => b.count - a.count)
    .slice(0, limit)
    .map(({ words: _, ...g }) => g);
}
