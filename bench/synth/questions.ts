// Benchmark questions: drawn from the passages' own vocabulary (so they hit, partly hit or miss like real
// ones), a quarter with a typo in their longest word (typo tolerance is the expensive path), plus the dev set.
import { readFileSync } from 'node:fs';
import type { Passage } from '../../src/domain/types.ts';
import { pick, seeded } from './random.ts';

const WORD = /[A-Za-z]{4,}/g;
const WRAPPERS = new Set(['that', 'with', 'from', 'they', 'this', 'there', 'would', 'could', 'have', 'when', 'said', 'told', 'last', 'every', 'after', 'since', 'which', 'without', 'nobody', 'across', 'according']);

function typo(rng: () => number, word: string): string {
  const i = 1 + Math.floor(rng() * (word.length - 2));
  const kind = Math.floor(rng() * 3);
  if (kind === 0) return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2); // swap
  if (kind === 1) return word.slice(0, i) + word.slice(i + 1); // drop
  return word.slice(0, i) + pick(rng, [...'aeioustrnl']) + word.slice(i + 1); // replace
}

export function syntheticQuestions(passages: readonly Passage[], count: number, seed: number): string[] {
  const rng = seeded(seed ^ 0x5eed);
  const out: string[] = [];
  while (out.length < count) {
    const p = pick(rng, passages);
    const words = [...new Set(p.text.match(WORD) ?? [])].filter((w) => !WRAPPERS.has(w.toLowerCase()));
    if (words.length < 3) continue;
    const w = Array.from({ length: 3 }, () => pick(rng, words));
    if (rng() < 0.25) {
      const longest = w.reduce((a, b) => (b.length > a.length ? b : a));
      if (longest.length >= 5) w[w.indexOf(longest)] = typo(rng, longest);
    }
    const [a, b, c] = w as [string, string, string];
    out.push(
      pick(rng, [
        `What did ${a} say about the ${b}?`,
        `Why did the ${a} ${b}?`,
        `When will ${a} ${b} ${c}?`,
        `${a} ${b}`,
        `Which ${a} ${b} the ${c}?`,
        `What is the ${a} of ${b} in ${c}?`,
        `${a}`,
      ]),
    );
  }
  return out;
}

/** The dev questions (shared/eval/dev-ask.jsonl), or none when the file is absent. */
export function devQuestions(file: string): string[] {
  try {
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => (JSON.parse(l) as { q: string }).q);
  } catch {
    return [];
  }
}
