// Whether a passage can answer a question, by the question's structure rather than by how many of its words
// the passage shares: what the question names must be in the article, the people it asks about must be in
// the same passage, the kind of answer it asks for (a date, a place, a figure) must be in the answering
// sentence, and a word that picks one of a series ("the next meeting") must be matched.
import type { UnitResult } from './search.ts';
import type { QueryUnit } from './query.ts';
import { answerTypeOf, askedKind, hasFigure, type AskedKind, SERIES_MODIFIERS, TIME_IN_TEXT, type AnswerType } from './intent.ts';
import type { WordMeaning } from './word-meaning.ts';
import type { Passage } from './types.ts';
import { processWord, tokens } from './text.ts';
import { STOP_WORDS } from './stopwords.ts';
import type { NounClass } from './wordnet.ts';

/** Why a passage cannot answer, when it cannot. */
export type Unanswerable =
  | { reason: 'not-together'; people: string[] }
  | { reason: 'no-answer-of-type'; answerType: AnswerType }
  /** "Which weapons…" where the passage names no weapon in particular: `kind` is the noun phrase asked about. */
  | { reason: 'no-answer-of-type'; answerType: 'kind'; kind: string }
  | { reason: 'unmatched-detail'; detail: string }
  /** Not a failure: the passage answers, in another sentence than the one that best matched the words. */
  | { reason: 'answered-elsewhere'; sentence: number };

/** A word without its possessive ending ("Poland's" -> "Poland"). */
const bare = (surface: string) => surface.replace(/['’]s$/i, '');

/** Credit of a curated synonym: what a series modifier must be matched with at least. */
const MIN_DETAIL_CREDIT = 0.8;
/** A question in Title Case makes capitals meaningless as a sign of a name. */
const TITLE_CASE_SHARE = 0.6;
const MIN_TITLE_CASE_WORDS = 4;

/**
 * Things the question names that the article never mentions (no word, alias or synonym of them in any
 * passage): a place or organisation the entity lexicon knows ("poland", "NATO"), or a word written as a name
 * mid-sentence that is no everyday word ("Merz"). A question about them is about something else.
 */
export function absentEntities(question: string, results: UnitResult[], meaning: WordMeaning): string[] {
  const titleCase = isTitleCase(question);
  return results.filter((r) => r.textMatches === 0 && namesEntity(r.unit, meaning, titleCase)).map((r) => bare(r.unit.label));
}

export function isTitleCase(question: string): boolean {
  const words = tokens(question);
  const capitals = words.filter((t) => /^\p{Lu}/u.test(t.surface)).length;
  return words.length >= MIN_TITLE_CASE_WORDS && capitals / words.length >= TITLE_CASE_SHARE;
}

/**
 * Whether a plain word of the question names something: a place or organisation the entity lexicon knows, an
 * acronym, or a capitalised word mid-sentence that is a known first or last name or no everyday word. Such a
 * word is matched by itself, an alias or a curated synonym, never by a word merely near it in meaning
 * ("Poland" is near "Ukraine" in every vector space, and means something else).
 */
export function namesEntity(u: QueryUnit, meaning: WordMeaning, titleCase: boolean): boolean {
  if (!u.word) return false;
  const word = bare(u.label);
  const kind = meaning.entityKind(word);
  const written = u.properNoun === true && !titleCase;
  return kind === 'place' || kind === 'organization' || /^\p{Lu}{2,}$/u.test(word) || (written && (kind === 'person' || !meaning.isEverydayWord(word)));
}

export interface PassageView {
  passages: readonly Passage[];
  results: UnitResult[];
}

/** Whether passage i names the person of result r, or follows a passage that does and refers back ("he said"). */
function mentions(view: PassageView, r: UnitResult, i: number): boolean {
  if ((r.hits.get(i)?.credit ?? 0) > 0) return true;
  const p = view.passages[i]!;
  const prev = view.passages[i - 1];
  return prev !== undefined && prev.articleId === p.articleId && /\b(he|she|his|her|they|their)\b/i.test(p.text) && (r.hits.get(i - 1)?.credit ?? 0) > 0;
}

/** Terms the question itself supplies: a "where" answered by a place the question already names is no answer. */
function questionTerms(results: UnitResult[]): Set<string> {
  return new Set(results.filter((r) => !r.unit.questionWord).flatMap((r) => r.unit.terms.filter((t) => t.credit >= MIN_DETAIL_CREDIT).map((t) => t.term)));
}


/** A name the question does not give: a capitalised word mid-sentence, a known entity word, or a person's name. */
function newNames(sentence: string, given: Set<string>, meaning: WordMeaning, kinds: ReadonlyArray<string> | null): boolean {
  return tokens(sentence).some((t, k) => {
    const term = processWord(bare(t.surface));
    if (!term || given.has(term)) return false;
    const kind = meaning.entityKind(bare(t.surface));
    if (kinds) return kind !== undefined && kinds.includes(kind);
    return kind !== undefined || (k > 0 && /^\p{Lu}/u.test(t.surface));
  });
}

/** Words after an event connective that name the event ("following a ceasefire agreement"). */
const EVENT_WORDS = 3;

/**
 * A time the question does not already name: a date, or an event the sentence ties it to ("following a
 * ceasefire agreement") unless that event is what the question asks about ("when will the ceasefire begin").
 */
function timeIn(sentence: string, given: Set<string>): boolean {
  const global = new RegExp(TIME_IN_TEXT.source, 'gi');
  for (const m of sentence.matchAll(global)) {
    if (!/^(after|following|before|until|once|since)$/i.test(m[0])) return true;
    const next = tokens(sentence.slice(m.index + m[0].length)).slice(0, EVENT_WORDS).map((t) => processWord(t.surface));
    if (!next.some((t) => t !== null && given.has(t))) return true;
  }
  return false;
}

/** Words before a list of names that may say what they are ("high-level US representatives, Jared Kushner and …"). */
const NAMES_INTRODUCED_WITHIN = 3;
/** Two full names joined by "and" ("Jared Kushner and Steve Witkoff"): a count of people, given by naming them. */
const NAMES_LISTED = /\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+,? and (\p{Lu}\p{Ll}+ )*\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+/u;

/** A paragraph followed by list items of the same article: "These include:" and what it introduces. */
export function introducesList(passages: readonly Passage[], i: number): boolean {
  const p = passages[i]!;
  const next = passages[i + 1];
  return p.kind === 'paragraph' && next !== undefined && next.kind === 'item' && next.articleId === p.articleId;
}

/**
 * "How many X" is answered by a figure, by naming them when X is people and the sentence says they are X or a
 * kind of X ("high-level US representatives, Jared Kushner and Steve Witkoff"; "Prime Minister … and President …"
 * for leaders), or by the list a passage introduces ("how many measures"). Places and bodies are not counted by
 * naming: "the United Kingdom and France" agreed, which says nothing of how many are in a coalition.
 */
function countsByNaming(asked: AskedKind | null, sentence: string, view: PassageView, i: number, meaning: WordMeaning): boolean {
  const listed = NAMES_LISTED.exec(sentence);
  if (!asked || !listed || meaning.wordnet.classOf(asked.noun) !== 'person') return false;
  const said = askedNounTerms(asked.noun, view, i);
  // The names and the words just before them: "US representatives, Jared Kushner and …", "Prime Minister …".
  const before = tokens(sentence.slice(0, listed.index)).slice(-NAMES_INTRODUCED_WITHIN);
  const named = [...before, ...tokens(listed[0])];
  return named.some((t) => said.has(processWord(t.surface) ?? '') || meaning.wordnet.isKindOf(t.surface, asked.noun));
}

/** The passage's terms that say the asked noun itself or a curated synonym of it ("arms" for weapons). */
function askedNounTerms(noun: string, view: PassageView, i: number): Set<string> {
  const unit = view.results.find((r) => r.unit.label.toLowerCase() === noun.toLowerCase());
  return new Set([...(unit?.hits.get(i)?.textTerms ?? [])].flatMap(([term, credit]) => (credit >= MIN_DETAIL_CREDIT ? [term] : [])));
}

/** "How many measures": the passage introduces a list of them (it says the noun asked about), which counts them. */
function countsItems(asked: AskedKind | null, view: PassageView, i: number): boolean {
  return asked !== null && askedNounTerms(asked.noun, view, i).size > 0 && introducesList(view.passages, i);
}

function hasAnswerOfType(type: AnswerType, sentence: string, given: Set<string>, meaning: WordMeaning, countsNamed: (sentence: string) => boolean): boolean {
  switch (type) {
    case 'date':
      return timeIn(sentence, given);
    case 'figure':
      return hasFigure(sentence) || countsNamed(sentence);
    case 'city':
      return newNames(sentence, given, meaning, ['city']);
    case 'place':
      return newNames(sentence, given, meaning, ['city', 'place']);
    case 'name':
      return newNames(sentence, given, meaning, null);
  }
}

/** Why passage i cannot answer (null: it can); `sentence` is where the answer would be marked. */
export function unanswerable(question: string, view: PassageView, i: number, sentence: number, meaning: WordMeaning): Unanswerable | null {
  const people = [...new Map(view.results.filter((r) => r.unit.person).map((r) => [r.unit.person!, r])).values()];
  const missing = people.filter((r) => !mentions(view, r, i));
  if (people.length > 0 && missing.length > 0) return { reason: 'not-together', people: people.map((r) => r.unit.person!) };
  for (const r of view.results) {
    const word = r.unit.label.toLowerCase();
    if (!SERIES_MODIFIERS.has(word)) continue;
    // The word itself or a curated synonym of it: "next" is not matched by a word merely near it in meaning.
    const hit = r.hits.get(i);
    if (![...(hit?.textTerms.values() ?? [])].some((credit) => credit >= MIN_DETAIL_CREDIT)) return { reason: 'unmatched-detail', detail: r.unit.label };
  }
  const type = answerTypeOf(question);
  // Read once per passage checked, not once per sentence: the noun phrase "which/how many X" asks about.
  const asked = askedKind(question);
  if (type) {
    const given = questionTerms(view.results);
    const sentences = view.passages[i]!.sentences;
    // The marked sentence first; another sentence of the passage that has the answer will do (it is then marked).
    const order = [sentence, ...sentences.keys()].filter((k, n, all) => all.indexOf(k) === n);
    if (type === 'figure' && countsItems(asked, view, i)) return null;
    const countsNamed = (s: string) => type === 'figure' && countsByNaming(asked, s, view, i, meaning);
    const found = order.find((k) => hasAnswerOfType(type, sentences[k] ?? '', given, meaning, countsNamed));
    if (found === undefined) return { reason: 'no-answer-of-type', answerType: type };
    if (found !== sentence) return { reason: 'answered-elsewhere', sentence: found };
    return null;
  }
  return kindUnanswered(question, asked, view, i, sentence, meaning);
}

/**
 * Classes of things a "which X" question can be checked for: concrete things, places, people and bodies of
 * people. Abstract nouns ("which measures", "what role") are answered by any passage that covers them.
 */
const CHECKED_CLASSES: ReadonlySet<NounClass> = new Set(['artifact', 'location', 'person', 'group', 'object', 'animal', 'plant', 'food', 'substance']);
/** Classes whose members are mostly named: a name the question does not give answers "which leaders". */
const NAMED_CLASSES: ReadonlySet<NounClass> = new Set(['location', 'person', 'group']);

/** "Which weapons…": the passage must name a kind of weapon, or say which ones ("defensive equipment"). */
function kindUnanswered(question: string, asked: AskedKind | null, view: PassageView, i: number, sentence: number, meaning: WordMeaning): Unanswerable | null {
  const cls = asked ? meaning.wordnet.classOf(asked.noun) : undefined;
  if (!asked || !cls || !CHECKED_CLASSES.has(cls)) return null;
  // The question's own words too, as typed: a phrase unit ("long-term") keeps its parts out of its terms.
  const given = new Set([...questionTerms(view.results), ...tokens(question).flatMap((t) => processWord(bare(t.surface)) ?? [])]);
  // A word merely near the asked noun in meaning ("troops" for tanks) says nothing of which ones.
  const nounTerms = askedNounTerms(asked.noun, view, i);
  const sentences = view.passages[i]!.sentences;
  const names = (k: number) => namesKind(sentences[k] ?? '', asked.noun, cls, nounTerms, given, meaning);
  const found = [sentence, ...sentences.keys()].find(names);
  if (found === undefined) return { reason: 'no-answer-of-type', answerType: 'kind', kind: asked.phrase };
  return found === sentence ? null : { reason: 'answered-elsewhere', sentence: found };
}

/**
 * Whether a sentence names one of the kind asked for that the question does not give: a word filed under it
 * ("missile" for weapons), a name for people or places, or a word qualifying the asked noun as the sentence
 * says it ("defensive equipment"; "long-term arms" qualifies nothing when the question says "long-term").
 */
function namesKind(sentence: string, noun: string, cls: NounClass, nounTerms: Set<string>, given: Set<string>, meaning: WordMeaning): boolean {
  const words = tokens(sentence).map((t) => ({ surface: bare(t.surface), term: processWord(bare(t.surface)) }));
  const fresh = (w: { surface: string; term: string | null }) => w.term !== null && !given.has(w.term) && !STOP_WORDS.has(w.surface.toLowerCase());
  if (words.some((w) => fresh(w) && meaning.wordnet.isKindOf(w.surface, noun))) return true;
  if (NAMED_CLASSES.has(cls) && newNames(sentence, given, meaning, null)) return true;
  // The asked noun as a noun ("arms"), not another word of the same stem ("armed attack").
  return words.some((w, k) => k > 0 && w.term !== null && nounTerms.has(w.term) && meaning.wordnet.classOf(w.surface) !== undefined && fresh(words[k - 1]!));
}
