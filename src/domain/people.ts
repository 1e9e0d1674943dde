// Resolves a typed name to a person: exact alias first (case- and accent-insensitive), then a fuzzy search
// over every alias so "Zelenski", "starmr" or "macron's" still find the right person.
import MiniSearch from 'minisearch';
import type { Person } from './types.ts';
import { fold, tokens } from './text.ts';

export type Resolution = { person: Person } | { person: null; candidates: Person[] };

export interface PeopleIndex {
  /** `strict` allows one typo in 5–9 letters and no prefix: for words that may not be names at all. */
  resolve(name: string, options?: { strict?: boolean }): Resolution;
  /** People whose name or an alias has a word starting with `prefix` (all of them for an empty prefix), in list order, at most `limit`. */
  matchPrefix(prefix: string, limit?: number): Person[];
}

const key = (s: string) =>
  tokens(s)
    .map((t) => fold(t.surface).toLowerCase().replace(/'s$/, ''))
    .filter((w) => w !== 'the')
    .join(' ');

export function buildPeopleIndex(people: Person[]): PeopleIndex {
  const exact = new Map<string, Person>();
  for (const p of people) for (const a of [p.name, p.short, ...p.aliases]) if (!exact.has(key(a))) exact.set(key(a), p);
  const index = new MiniSearch<{ id: number; names: string }>({
    fields: ['names'],
    processTerm: (t) => fold(t).toLowerCase().replace(/'s$/, ''),
  });
  index.addAll(people.map((p, id) => ({ id, names: [p.name, ...p.aliases].join(' ') })));
  let aliasKeys: Array<Array<{ key: string; words: string[] }>> | undefined;

  return {
    resolve(name, { strict = false } = {}) {
      const k = key(name);
      if (!k) return { person: null, candidates: [] };
      const hit = exact.get(k);
      if (hit) return { person: hit };
      const results = strict
        ? index.search(k, { fuzzy: 0.2, combineWith: 'AND' })
        : index.search(k, { fuzzy: 0.34, prefix: (t) => t.length >= 3, combineWith: 'AND' });
      const best = results[0];
      if (!best) return { person: null, candidates: [] };
      const second = results[1];
      // Two people equally close ("President") is a question back to the user, not a guess.
      if (second && second.score > best.score * 0.67) {
        return { person: null, candidates: results.slice(0, 3).map((r) => people[r.id as number]!) };
      }
      return { person: people[best.id as number]! };
    },
    matchPrefix(prefix, limit = Infinity) {
      const p = key(prefix);
      if (!p) return people.slice(0, limit);
      // Keys are worked out once, on first use: autocomplete calls this on every keystroke, over thousands of speakers.
      aliasKeys ??= people.map((person) => [person.name, person.short, ...person.aliases].map((a) => ({ key: key(a), words: key(a).split(' ') })));
      const out: Person[] = [];
      for (let i = 0; i < people.length && out.length < limit; i++) {
        if (aliasKeys[i]!.some(({ key: k, words }) => k.startsWith(p) || words.some((w) => w.startsWith(p)))) out.push(people[i]!);
      }
      return out;
    },
  };
}

/**
 * The ways a question may name a person by their office: a role "<Title> of <Party>" ("President of Ukraine")
 * is also "Ukraine's president", "the Ukrainian president", "Kyiv's leader", "president of Kyiv": every form of
 * the party (its aliases) with every form of the title (the synonym groups the title belongs to).
 */
export function roleAliases(person: Person, parties: ReadonlyArray<{ name: string; aliases: string[] }>, synonyms: ReadonlyArray<string[]>): string[] {
  const m = /^(.+?) of (?:the )?(.+)$/i.exec(person.role);
  if (!m) return [];
  const [, title, partyName] = m;
  const party = parties.find((p) => p.name.toLowerCase() === partyName!.toLowerCase());
  if (!party) return [];
  const lower = title!.toLowerCase();
  const titles = new Set([lower, ...synonyms.filter((g) => g.some((w) => w.toLowerCase() === lower)).flat().map((w) => w.toLowerCase())]);
  const places = [party.name, ...party.aliases];
  return [...titles].flatMap((t) => places.flatMap((p) => [`${p}'s ${t}`, `${p} ${t}`, `${t} of ${p}`]));
}
