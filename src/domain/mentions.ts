// Where a passage quotes and where it names people: quotation-mark spans, mentions of registered people
// outside them (longest alias first, possessives marked), and the registry that keeps that search linear in an
// archive of thousands of speakers. What quotes.ts attributes is read from these.
import type { Person } from './types.ts';

export interface Span {
  start: number;
  end: number;
}
export interface QuoteSpan extends Span {
  inner: string;
}
export interface Mention extends Span {
  person: Person;
  possessive: boolean;
}

/** The spans between double quotation marks, with what they hold. */
export function quoteSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  if (!OPENING_QUOTE.test(text)) return spans;
  // Straight or curly double quotes. Single quotes mark names ('Coalition of the Willing') or apostrophes.
  for (const m of text.matchAll(/["“]([^"“”]+)["”]/g)) {
    spans.push({ start: m.index, end: m.index + m[0].length, inner: m[1]! });
  }
  return spans;
}

/** Where registered people are named outside quotation marks, longest alias first at each position. */
export function findMentions(text: string, people: Person[], spans: Span[]): Mention[] {
  const found: Mention[] = [];
  for (const person of people) {
    // Only capitalised aliases name someone in running text; "son-in-law" or "the envoy" are descriptions.
    for (const alias of [person.name, ...person.aliases].filter((a) => /^\p{Lu}/u.test(a))) {
      for (const start of occurrences(text, alias)) {
        const end = start + alias.length;
        if (spans.some((s) => start >= s.start && start < s.end)) continue;
        found.push({ start, end, person, possessive: /^['’]s?\b/.test(text.slice(end)) });
      }
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Mention[] = [];
  for (const m of found) {
    const last = out[out.length - 1];
    if (last && m.start < last.end) continue;
    out.push(m);
  }
  // "Vladimir Putin's" is possessive as a whole: propagate to the title right before it ("Russian President").
  for (let i = out.length - 2; i >= 0; i--) {
    const a = out[i]!;
    const b = out[i + 1]!;
    if (b.possessive && a.person === b.person && /^\s*$/.test(text.slice(a.end, b.start))) a.possessive = true;
  }
  return out;
}

/**
 * The people a passage may name, indexed by the last word of each capitalised alias: an archive has thousands
 * of speakers, and trying every alias's pattern on every passage made extraction quadratic. An alias can only
 * match where its every word stands whole in the text (its pattern is bounded by non-letters), so a passage only
 * tries the people with an alias whose last word it contains, still in registration order.
 */
export class Registry {
  private readonly people: Person[] = [];
  private readonly byWord = new Map<string, number[]>();

  constructor(people: Person[]) {
    for (const p of people) this.add(p);
  }

  add(person: Person): void {
    const i = this.people.push(person) - 1;
    for (const alias of [person.name, ...person.aliases].filter((a) => /^\p{Lu}/u.test(a))) {
      const last = alias.match(WORD_RUN)!.pop()!;
      const list = this.byWord.get(last) ?? [];
      if (list[list.length - 1] !== i) list.push(i);
      this.byWord.set(last, list);
    }
  }

  candidates(text: string): Person[] {
    const ids = new Set<number>();
    for (const word of new Set(text.match(WORD_RUN))) for (const i of this.byWord.get(word) ?? []) ids.add(i);
    return [...ids].sort((a, b) => a - b).map((i) => this.people[i]!);
  }
}

const WORD_RUN = /[\p{L}\p{N}]+/gu;
const OPENING_QUOTE = /["“]/;

const WORD_CHAR = /^[\p{L}\p{N}]$/u;

/**
 * Where `alias` (well-formed text) stands as a whole word in `text` (no letter or digit right before or after), without
 * overlaps: what a `(?<![\p{L}\p{N}])alias(?![\p{L}\p{N}])` pattern finds. Compiling such a Unicode pattern per
 * alias cost ~50 µs each time, most of a 100k-passage archive's start-up; indexOf and one shared test do not.
 */
function* occurrences(text: string, alias: string): Generator<number> {
  for (let at = text.indexOf(alias); at >= 0; ) {
    const end = at + alias.length;
    const after = text.codePointAt(end);
    if (!isWordChar(codePointBefore(text, at)) && !isWordChar(after)) {
      yield at;
      at = text.indexOf(alias, end);
    } else at = text.indexOf(alias, at + 1);
  }
}

function codePointBefore(text: string, at: number): number | undefined {
  if (at === 0) return undefined;
  const low = text.charCodeAt(at - 1);
  // The second half of a surrogate pair: the character is the pair.
  if (low >= 0xdc00 && low <= 0xdfff && at >= 2) {
    const high = text.charCodeAt(at - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.codePointAt(at - 2);
  }
  return low;
}

function isWordChar(codePoint: number | undefined): boolean {
  return codePoint !== undefined && WORD_CHAR.test(String.fromCodePoint(codePoint));
}
