// Curated data that no parser can derive: the people registry, the parties and the synonym groups.
// Validated here so a typo in corpus/*.json stops start-up with the file and line, like a malformed article.
import { CorpusError } from './corpus.ts';
import type { Person } from './types.ts';

export interface Party {
  name: string;
  aliases: string[];
}

export interface Curated {
  people: Person[];
  parties: Party[];
  /** Groups of words or phrases that mean the same thing to a reader of the article. */
  synonyms: string[][];
  /** Question words that say what kind of passage answers ("when" -> dates), with the words that signal it. */
  questionWords: Record<string, string[]>;
  /** Words that name the kind of answer wanted ("which city", "what date"): they count less toward coverage. */
  answerTypes: string[];
}

/** Parses people.json and synonyms.json; `people`/`synonyms` are the raw file contents. */
export function parseCurated(people: { file: string; text: string }, synonyms: { file: string; text: string }): Curated {
  const p = parseJson(people.file, people.text);
  const s = parseJson(synonyms.file, synonyms.text);
  const fail = (file: string, text: string, needle: string, problem: string): never => {
    throw new CorpusError(file, lineOf(text, needle), problem);
  };

  if (!isRecord(p) || !Array.isArray(p.people)) fail(people.file, people.text, '"people"', 'expected {"people": [...], "parties": [...]}');
  const rec = p as Record<string, unknown>;
  const personList: Person[] = (rec.people as unknown[]).map((entry, i) => {
    const where = isRecord(entry) && typeof entry.name === 'string' ? `"${entry.name}"` : '"people"';
    if (!isRecord(entry) || typeof entry.name !== 'string' || !entry.name.trim()) {
      return fail(people.file, people.text, where, `people[${i}] needs a "name"`);
    }
    if (typeof entry.short !== 'string' || typeof entry.role !== 'string' || !isStringArray(entry.aliases)) {
      return fail(people.file, people.text, where, `people[${i}] (${entry.name}) needs "short", "role" and "aliases" (list of strings)`);
    }
    return { name: entry.name, short: entry.short, role: entry.role, aliases: entry.aliases };
  });
  const partyList: Party[] = (Array.isArray(rec.parties) ? rec.parties : []).map((entry: unknown, i: number) => {
    if (!isRecord(entry) || typeof entry.name !== 'string' || !isStringArray(entry.aliases)) {
      return fail(people.file, people.text, '"parties"', `parties[${i}] needs "name" and "aliases" (list of strings)`);
    }
    return { name: entry.name, aliases: entry.aliases };
  });

  if (!isRecord(s) || !Array.isArray(s.groups)) fail(synonyms.file, synonyms.text, '"groups"', 'expected {"groups": [["word", "synonym", ...], ...]}');
  const groups = ((s as Record<string, unknown>).groups as unknown[]).map((g, i) => {
    if (!isStringArray(g) || g.length < 2) {
      return fail(synonyms.file, synonyms.text, JSON.stringify(Array.isArray(g) ? g[0] : '"groups"'), `groups[${i}] must list at least two strings`);
    }
    return g;
  });
  const srec = s as Record<string, unknown>;
  const questionWords: Record<string, string[]> = {};
  if (srec.questionWords !== undefined) {
    if (!isRecord(srec.questionWords)) fail(synonyms.file, synonyms.text, '"questionWords"', 'questionWords must map a question word to a list of strings');
    for (const [word, list] of Object.entries(srec.questionWords as Record<string, unknown>)) {
      if (!isStringArray(list)) fail(synonyms.file, synonyms.text, `"${word}"`, `questionWords.${word} must be a list of strings`);
      questionWords[word.toLowerCase()] = list as string[];
    }
  }
  const answerTypes = srec.answerTypes ?? [];
  if (!isStringArray(answerTypes)) fail(synonyms.file, synonyms.text, '"answerTypes"', 'answerTypes must be a list of strings');
  return { people: personList, parties: partyList, synonyms: groups, questionWords, answerTypes: answerTypes as string[] };
}

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    // V8 reports "at position N" (or "line L column C" on newer versions): turn either into a line number.
    const msg = (error as Error).message;
    const line = /line (\d+)/.exec(msg)?.[1] ?? (() => {
      const pos = Number(/position (\d+)/.exec(msg)?.[1] ?? 0);
      return String(text.slice(0, pos).split('\n').length);
    })();
    throw new CorpusError(file, Number(line), `invalid JSON: ${msg}`);
  }
}

function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  return at < 0 ? 1 : text.slice(0, at).split('\n').length;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string' && x.trim() !== '');
}
