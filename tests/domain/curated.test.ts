// Specification of the curated data files: the real ones parse; a typo in either stops start-up with one
// error naming the file and line, like a malformed article.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CorpusError } from '../../src/domain/corpus.ts';
import { parseCurated } from '../../src/domain/curated.ts';

const CORPUS = join(import.meta.dirname, '../../corpus');
const PEOPLE = { file: 'corpus/people.json', text: readFileSync(join(CORPUS, 'people.json'), 'utf8') };
const SYNONYMS = { file: 'corpus/synonyms.json', text: readFileSync(join(CORPUS, 'synonyms.json'), 'utf8') };
const NO_PEOPLE = { file: 'corpus/people.json', text: '{"people": [], "parties": []}' };
const ONE_GROUP = { file: 'corpus/synonyms.json', text: '{"groups": [["troops", "soldiers"]]}' };

/** The error parseCurated throws for these contents (fails the test if none). */
function curatedError(people: { file: string; text: string }, synonyms: { file: string; text: string }): CorpusError {
  try {
    parseCurated(people, synonyms);
  } catch (error) {
    expect(error).toBeInstanceOf(CorpusError);
    return error as CorpusError;
  }
  throw new Error('test: expected a CorpusError, the files parsed');
}

describe('parseCurated', () => {
  it('reads the real people.json and synonyms.json', () => {
    const c = parseCurated(PEOPLE, SYNONYMS);
    const raw = JSON.parse(PEOPLE.text) as { people: unknown[]; parties: unknown[] };
    expect(c.people).toHaveLength(raw.people.length);
    expect(c.parties).toHaveLength(raw.parties.length);
    expect(c.synonyms).toHaveLength((JSON.parse(SYNONYMS.text) as { groups: unknown[] }).groups.length);
    expect(new Set(c.people.map((p) => p.name)).size).toBe(c.people.length);
    expect(Object.keys(c.questionWords)).toEqual(expect.arrayContaining(['why', 'when', 'where']));
  });

  it('lower-cases question words and defaults optional sections', () => {
    const c = parseCurated(NO_PEOPLE, { file: 's.json', text: '{"groups": [["a", "b"]], "questionWords": {"WHEN": ["date", "day"]}}' });
    expect(c.questionWords).toEqual({ when: ['date', 'day'] });
    expect(c.answerTypes).toEqual([]);
    expect(parseCurated({ file: 'p.json', text: '{"people": []}' }, ONE_GROUP).parties).toEqual([]);
  });

  const cases: Array<{ name: string; people?: string; synonyms?: string; file: string; line: number; problem: RegExp }> = [
    { name: 'invalid JSON in people.json', people: '{\n  "people": [\n    {"name": "A",}\n  ]\n}', file: 'people.json', line: 3, problem: /invalid JSON/ },
    { name: 'invalid JSON in synonyms.json', synonyms: '{\n "groups": [\n  ["a", "b"\n ]\n}', file: 'synonyms.json', line: 5, problem: /invalid JSON/ },
    { name: 'people that is not a list', people: '{"people": {}}', file: 'people.json', line: 1, problem: /expected \{"people"/ },
    { name: 'a person without a name', people: '{\n"people": [\n {"short": "x"}\n]}', file: 'people.json', line: 2, problem: /people\[0\] needs a "name"/ },
    { name: 'a person without aliases', people: '{\n"people": [\n {"name": "Ann", "short": "A", "role": "r"}\n]}', file: 'people.json', line: 3, problem: /people\[0\] \(Ann\) needs/ },
    { name: 'an alias that is not a string', people: '{"people": [{"name": "Ann", "short": "A", "role": "r", "aliases": [1]}]}', file: 'people.json', line: 1, problem: /aliases/ },
    { name: 'a party without aliases', people: '{"people": [],\n"parties": [{"name": "X"}]}', file: 'people.json', line: 2, problem: /parties\[0\]/ },
    { name: 'a synonym group of one word', synonyms: '{\n"groups": [\n ["alone"]\n]}', file: 'synonyms.json', line: 3, problem: /groups\[0\] must list at least two/ },
    { name: 'no groups', synonyms: '{"words": []}', file: 'synonyms.json', line: 1, problem: /expected \{"groups"/ },
    { name: 'a question word without a list', synonyms: '{"groups": [["a","b"]],\n"questionWords": {"why": "because"}}', file: 'synonyms.json', line: 2, problem: /questionWords\.why/ },
    { name: 'answer types that are not strings', synonyms: '{"groups": [["a","b"]],\n"answerTypes": [3]}', file: 'synonyms.json', line: 2, problem: /answerTypes/ },
  ];
  for (const c of cases) {
    it(`reports ${c.name} with the file and line`, () => {
      const error = curatedError(
        { file: 'corpus/people.json', text: c.people ?? NO_PEOPLE.text },
        { file: 'corpus/synonyms.json', text: c.synonyms ?? ONE_GROUP.text },
      );
      expect(error.message.startsWith(`corpus: corpus/${c.file}:${c.line}: `), error.message).toBe(true);
      expect(error.message).toMatch(c.problem);
      expect(error.message).not.toContain('\n');
    });
  }
});
