// Typo correction: the closest word of a list within typo distance, counting a swap of neighbouring letters
// as one slip. Used for misspelt names, synonyms and function words of a question.
import { distance } from 'fastest-levenshtein';
import { processWord } from './text.ts';

/**
 * The closest word of a list within typo distance (spelling or stem): one edit up to 7 letters, two from 8;
 * same first letter (people rarely mistype it, and it keeps "born" from becoming "gear"). On a tie between
 * different words, a dropped letter is the likelier typo ("wher" -> "where", not "when"); otherwise none.
 */
export function nearest(typed: string, words: readonly string[]): string | null {
  const max = typed.length >= 8 ? 2 : 1;
  const typedTerm = processWord(typed);
  const candidates: Array<{ w: string; d: number }> = [];
  for (const w of words) {
    if (w[0] !== typed[0] || Math.abs(w.length - typed.length) > max + 1 || w === typed) continue;
    const term = processWord(w);
    // Spelling first; a stem match only ranks after every spelling match ("monitering": monitoring, not munitions).
    const spelling = isSwap(typed, w) ? 1 : distance(typed, w);
    const stem = term && typedTerm ? distance(typedTerm, term) : Infinity;
    const d = spelling <= max ? spelling : stem <= max ? stem + 0.5 : Infinity;
    if (d !== Infinity) candidates.push({ w, d });
  }
  if (candidates.length === 0) return null;
  const best = Math.min(...candidates.map((c) => c.d));
  const same = (w: string) => processWord(w) ?? w;
  const top = [...new Map(candidates.filter((c) => c.d === best).map((c) => [same(c.w), c.w])).values()];
  if (top.length === 1) return top[0]!;
  const dropped = top.filter((w) => w.length === typed.length + 1);
  return dropped.length === 1 ? dropped[0]! : null;
}

/** Two neighbouring letters swapped ("ukriane"): one slip of the fingers, though Levenshtein counts two edits. */
function isSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff = [...a].flatMap((c, i) => (c === b[i] ? [] : [i]));
  return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
}
