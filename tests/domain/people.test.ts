// Specification of name resolution: what a user types for a person ("the PM", "zelenski", "macron's") finds
// that person; a title several people share is a question back, not a guess.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/domain/load.ts';
import { buildPeopleIndex, type PeopleIndex } from '../../src/domain/people.ts';
import type { Person } from '../../src/domain/types.ts';

let people: Person[];
let index: PeopleIndex;
beforeAll(() => {
  people = loadCorpus(join(import.meta.dirname, '../../corpus')).curated.people;
  index = buildPeopleIndex(people);
});

const resolved = (name: string, options?: { strict?: boolean }) => {
  const r = index.resolve(name, options);
  return r.person?.name ?? null;
};

describe('buildPeopleIndex().resolve', () => {
  it('finds everyone by each of their registered names and aliases, whatever the case', () => {
    for (const p of people) {
      for (const alias of [p.name, p.short, ...p.aliases]) {
        // An alias two people could share would make this ambiguous: the registry must not have any.
        expect(resolved(alias), alias).toBe(p.name);
        expect(resolved(alias.toUpperCase()), alias.toUpperCase()).toBe(p.name);
        expect(resolved(alias.toLowerCase()), alias.toLowerCase()).toBe(p.name);
      }
    }
  });

  it('ignores accents, a possessive and a leading "the"', () => {
    expect(resolved('Zelénskyy')).toBe('Volodymyr Zelenskyy');
    expect(resolved("macron's")).toBe('Emmanuel Macron');
    expect(resolved('Macron’s')).toBe('Emmanuel Macron');
    expect(resolved('the French President')).toBe('Emmanuel Macron');
  });

  it('tolerates a typo and an unfinished name', () => {
    expect(resolved('starmr')).toBe('Sir Keir Starmer');
    expect(resolved('witkof')).toBe('Steve Witkoff');
    expect(resolved('Vlad')).toBe('Vladimir Putin');
  });

  it('answers a title several people share with the candidates instead of a guess', () => {
    const r = index.resolve('President');
    expect(r.person).toBeNull();
    const candidates = 'candidates' in r ? r.candidates.map((p) => p.name) : [];
    expect(candidates.length).toBeGreaterThan(1);
    for (const name of candidates) expect(people.find((p) => p.name === name)!.aliases.join(' ')).toMatch(/President/);
  });

  it('finds nobody for an unknown or empty name', () => {
    expect(index.resolve('Bob Smithson')).toEqual({ person: null, candidates: [] });
    expect(index.resolve('  ')).toEqual({ person: null, candidates: [] });
  });

  it('in strict mode, allows a typo but not an unfinished word', () => {
    expect(resolved('starmr', { strict: true })).toBe('Sir Keir Starmer');
    expect(resolved('sta', { strict: true })).toBeNull();
  });
});

describe('buildPeopleIndex().matchPrefix', () => {
  it('finds people by the start of any word of their names', () => {
    expect(index.matchPrefix('zel').map((p) => p.name)).toEqual(['Volodymyr Zelenskyy']);
    expect(index.matchPrefix('KEI').map((p) => p.name)).toEqual(['Sir Keir Starmer']);
    expect(index.matchPrefix('xyz')).toEqual([]);
  });

  it('returns everyone for an empty prefix', () => {
    expect(index.matchPrefix('')).toEqual(people);
  });
});
