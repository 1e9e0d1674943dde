// Answers a question: ranks passages by relevance and by how much of the question they cover, picks the
// sentence that answers, and declines when the best passage covers too little of what was asked.
import type { AskResult, DeclineReason, Passage, RankedPassage } from './types.ts';
import type { Lexicon, QueryUnit } from './query.ts';
import { topLexical, type PassageIndex, type SearchOptions, type UnitResult } from './search.ts';
import { bestSentence, plainWordsOf, wordsOf } from './passage-terms.ts';
import { citationOf } from './citation.ts';
import { expandChat } from './chat.ts';
import { answerTypeOf, asksForList, asksIdentity, DATE_IN_TEXT, IDENTITY_WORDS, isOverview, summaryWords } from './intent.ts';
import { absentEntities, introducesList, isTitleCase, unanswerable, type Unanswerable } from './answerability.ts';
import { isUnmatched, readUnit, unnamedSpeaker } from './reading.ts';
import { decline, declineUnanswerable, overview } from './replies.ts';
import type { WordMeaning } from './word-meaning.ts';

export interface AskOptions {
  /** Passages returned when the question is answered (renderers page through them). */
  limit: number;
  /** From this share of the question's weighted content covered by the best passage, a confident answer. */
  minCoverage: number;
  /** From this share (and below minCoverage), the best passage is given as the closest one, labelled as such. */
  lowCoverage: number;
  /**
   * When the best passage cannot answer by the question's structure (a person missing, no date for "when"), a
   * later one is taken only if it covers at least this share of what the best one covers.
   */
  fallbackCoverageRatio: number;
  /**
   * A question for a fact (when, where, who, how many) is declined when one of its words is absent from the
   * article and has no neighbour in meaning earning at least this credit: it asks about another event.
   */
  factNeighbourCredit: number;
  /** A closest-passage answer is declined when words with nothing near them in the article weigh more than this share. */
  maxUnknownShare: number;
  /** Similarity (cosine) to a word of the answering passage from which a question word is not unknown after all. */
  nearInPassage: number;
  /** Passages after the first must cover at least this share of the question to be listed. */
  minRelatedCoverage: number;
  /** Candidates re-ranked by coverage after the lexical search (bounds work on big corpora). */
  rerankDepth: number;
  /** Longest question considered, in characters: Discord caps options at 300; this guards the library API. */
  maxQuestionLength: number;
  /** Ranking mix: share of the question the passage covers, the best single sentence covers, and BM25 (scaled to the best). */
  passageWeight: number;
  sentenceWeight: number;
  lexicalWeight: number;
  /** How much a word the corpus never uses counts, by kind: a name elsewhere (Gaza, NATO) more, a verb form less. */
  absentNameFactor: number;
  absentVerbFactor: number;
  /** Questions that ask for someone's words; answered only when a person they name is quoted. */
  speechQuestion: RegExp;
  /** Added to the score of a passage quoting the person a speech question names. */
  speakerBonus: number;
  /** Questions that ask when; a passage giving a date gets `dateBonus`. */
  dateQuestion: RegExp;
  dateBonus: number;
  /** Added to a paragraph that introduces a list, for a question asking for a list ("list what the UK pledged"). */
  listBonus: number;
}


export const DEFAULT_ASK_OPTIONS: AskOptions = {
  limit: 10,
  minCoverage: 0.5,
  lowCoverage: 0.35,
  minRelatedCoverage: 0.35,
  fallbackCoverageRatio: 0.8,
  factNeighbourCredit: 0.4,
  maxUnknownShare: 0.45,
  nearInPassage: 0.7,
  rerankDepth: 50,
  maxQuestionLength: 1000,
  passageWeight: 0.6,
  sentenceWeight: 0.4,
  lexicalWeight: 0.1,
  absentNameFactor: 1.5,
  absentVerbFactor: 0.6,
  speakerBonus: 0.15,
  dateQuestion: /\b(when|what (date|day|time|year|month)|which (date|day|year|month))\b/i,
  dateBonus: 0.15,
  listBonus: 0.15,
  speechQuestion:
    /\b(say|says|said|tell|told|think|thinks|thought|react|reacted|reaction|respond|responded|response|comment|comments|commented|quote|quoted|words|describe|described|call|called|characteri[sz]ed?|sum(med)? up|make of|made of|feel|feels|felt|view|views|reckon|reckons|praise|praised|hail|hailed|label|labelled|dub|dubbed)\b/i,
};

function absentFactor(r: UnitResult, opts: AskOptions): number {
  if (r.textMatches > 0) return 1;
  if (r.unit.properNoun) return opts.absentNameFactor;
  if (r.unit.inflectedVerb) return opts.absentVerbFactor;
  return 1;
}

export interface AskContext {
  index: PassageIndex;
  passages: Passage[];
  lexicon: Lexicon;
  search: SearchOptions;
  ask: AskOptions;
  /** Indexes of the passages that quote this person (canonical name); empty when never quoted. */
  quotedIn: (person: string) => ReadonlySet<number>;
  /** Word meaning: neighbours of words the corpus lacks, and which words name places, organisations, people. */
  meaning: WordMeaning;
  /** Lower-case words of the articles' titles and subtitles: an overview request may name them. */
  titleWords: ReadonlySet<string>;
}

interface Candidate {
  i: number;
  score: number;
  coverage: number;
  bestSentence: number;
}

export function ask(ctx: AskContext, rawQuestion: string, overrides: Partial<AskOptions> = {}): AskResult {
  const opts = { ...ctx.ask, ...overrides };
  const question = rawQuestion.trim().slice(0, opts.maxQuestionLength);
  if (!question) return decline(ctx, question, 'empty-question', [], []);
  const plain = expandChat(question);
  if (isOverview(plain, ctx.titleWords)) return overview(ctx, question);
  const units = ctx.lexicon.analyze(plain);
  if (units.length === 0) return decline(ctx, question, 'no-content-words', [], []);

  const asked = new Set(units.flatMap((u) => u.terms.map((t) => t.term)));
  const titleCase = isTitleCase(plain);
  const results = units.map((u) => readUnit(ctx, u, asked, titleCase));
  const n = ctx.passages.length;
  // Rarity of each unit: a word the article never uses weighs most, a word in every passage least.
  // "Summarise the American role": the summary request is no part of the topic a passage must cover.
  const summary = summaryWords(plain);
  const weights = results.map((r) => (summary.has(r.unit.label.toLowerCase()) ? 0 : r.unit.weight * Math.log(1 + n / (r.textMatches + 0.5)) * absentFactor(r, opts)));
  const totalWeight = weights.reduce((a, b) => a + b, 0);

  const shortlist = topLexical(results, opts.rerankDepth);
  if (shortlist.length === 0) return decline(ctx, question, 'no-match', [], []);

  const maxLexical = shortlist[0]![1];
  // A question about what someone said is answered where they speak. The speaker is the first person it
  // names other than in a possessive ("What did Kushner say about Putin" -> Kushner; "Trump's envoy" is an
  // alias of its own): only their quotes when they are quoted, the quotes of anyone named first otherwise.
  const named = results.flatMap((r) => (r.unit.person && !/['’]s$/i.test(r.unit.label) ? [r.unit.person] : []));
  const speech = named.length > 0 && opts.speechQuestion.test(plain);
  const speaker = speech ? named[0]! : null;
  const onlySpeaking = speaker !== null && ctx.quotedIn(speaker).size > 0;
  const speaking = new Set(onlySpeaking ? ctx.quotedIn(speaker!) : speech ? named.flatMap((p) => [...ctx.quotedIn(p)]) : []);
  const wantsDate = opts.dateQuestion.test(plain);
  const wantsList = asksForList(plain);
  const candidates: Candidate[] = shortlist.map(([i, lexicalScore]) => {
    let covered = 0;
    results.forEach((r, u) => (covered += weights[u]! * (r.hits.get(i)?.credit ?? 0)));
    const coverage = totalWeight > 0 ? covered / totalWeight : 0;
    const best = bestSentence(ctx.passages[i]!.sentences, results, weights, i);
    const sentenceCoverage = totalWeight > 0 ? best.score / totalWeight : 0;
    // Coverage decides: a passage answering all of the question beats one repeating a single word; a sentence
    // answering it all at once beats words scattered over a paragraph; BM25 only breaks near-ties.
    const score =
      opts.passageWeight * coverage +
      opts.sentenceWeight * sentenceCoverage +
      opts.lexicalWeight * (lexicalScore / maxLexical) +
      (speaking.has(i) ? opts.speakerBonus : 0) +
      (wantsDate && DATE_IN_TEXT.test(ctx.passages[i]!.text) ? opts.dateBonus : 0) +
      (wantsList && introducesList(ctx.passages, i) ? opts.listBonus : 0);
    return { i, score, coverage, bestSentence: best.index };
  });
  if (onlySpeaking) candidates.splice(0, candidates.length, ...candidates.filter((c) => speaking.has(c.i)));
  if (candidates.length === 0) return decline(ctx, question, 'weak-match', [], units);
  // "Who is Kushner": every passage naming him covers the question; the one introducing him answers it.
  const identity =
    asksIdentity(plain) && results.some((r) => r.unit.person) && results.every((r) => r.unit.person || r.unit.weight < 1 || IDENTITY_WORDS.has(r.unit.label.toLowerCase()));
  const people = results.filter((r) => r.unit.person);
  const introduces = (c: Candidate) => (people.every((r) => (r.hits.get(c.i)?.credit ?? 0) > 0) ? 1 : 0);
  candidates.sort((a, b) => (identity ? introduces(b) - introduces(a) || a.i - b.i : 0) || b.score - a.score || a.i - b.i);
  return judge(ctx, opts, { question, plain, units, results, weights, totalWeight, named, speaker, onlySpeaking }, candidates);
}

/** A question as read: its units and their results, weights, and who it asks to hear from. */
interface Reading {
  question: string;
  /** The question with chat spellings written out: what every check reads. */
  plain: string;
  units: QueryUnit[];
  results: UnitResult[];
  weights: number[];
  totalWeight: number;
  named: string[];
  speaker: string | null;
  onlySpeaking: boolean;
}

type Problem = Exclude<Unanswerable, { reason: 'answered-elsewhere' }>;

/**
 * The best candidate that can answer by the question's structure; a later one is taken over the first only
 * while it covers nearly as much. Moves it to the front; returns why the first could not answer when none can.
 */
function pickAnswerable(ctx: AskContext, opts: AskOptions, reading: Reading, candidates: Candidate[]): { found: boolean; why: Problem | null } {
  const view = { passages: ctx.passages, results: reading.results };
  let why: Problem | null = null;
  const floor = Math.max(opts.lowCoverage, candidates[0]!.coverage * opts.fallbackCoverageRatio);
  const able = candidates.findIndex((c, k) => {
    if (k > 0 && c.coverage < floor) return false;
    const problem = unanswerable(reading.plain, view, c.i, c.bestSentence, ctx.meaning);
    if (problem?.reason === 'answered-elsewhere') c.bestSentence = problem.sentence;
    else if (k === 0) why = problem;
    return problem === null || problem.reason === 'answered-elsewhere';
  });
  if (able > 0) candidates.unshift(...candidates.splice(able, 1));
  return { found: able >= 0, why };
}

/** Answer (confident or closest passage) or decline, in order from what the question asks to how well it is covered. */
function judge(ctx: AskContext, opts: AskOptions, reading: Reading, candidates: Candidate[]): AskResult {
  const { question, plain, units, results, weights, totalWeight, named, speaker, onlySpeaking } = reading;
  const absent = absentEntities(plain, results, ctx.meaning);
  const { found, why } = pickAnswerable(ctx, opts, reading, candidates);
  // Beyond the best passage, only those that answer a fair part of the question: "more results" is not a dump.
  const kept = candidates.filter((c, k) => k === 0 || c.coverage >= opts.minRelatedCoverage);
  const ranked = kept.slice(0, opts.limit).map((c) => rank(ctx, c, results));
  const top = ranked[0]!;
  const no = (reason: DeclineReason) => decline(ctx, question, reason, ranked, units);
  if (absent.length > 0) return { ...no('absent-entity'), entities: absent };
  if (top.coverage < opts.lowCoverage) return no('weak-match');
  // "What did Putin say…" asks for someone's words: if nobody it names is ever quoted, the article has none.
  // ("…according to his envoy", "per his envoy" names the speaker another way: then the question stands.)
  if (speaker !== null && !onlySpeaking && !/\b(according to|per|via)\b/i.test(plain)) return { ...no('not-quoted'), people: [speaker] };
  // "What did the EU Commission president say": words of someone the article never names, so never quotes.
  const unknownSpeaker = speaker !== null || named.length > 0 ? null : unnamedSpeaker(ctx, plain, results, opts.speechQuestion);
  if (unknownSpeaker) return { ...no('not-quoted'), people: [unknownSpeaker] };
  if (!found) return declineUnanswerable(ctx, question, why!, ranked, units);
  // A question for a fact (a date, a place, a name, a figure) is about an event or thing the article must name:
  // a word of it that the article has no word for, even a near one, means another event.
  const factWord = answerTypeOf(plain) ? results.find((r) => isUnmatched(r, opts)) : undefined;
  if (factWord) return { ...no('unmatched-detail'), detail: factWord.unit.label };
  // The closest passage is offered for a paraphrase (words the article lacks, but near ones it has), not for
  // a question mostly about something the article has no word for ("the weather in Paris").
  // A word counts as unknown only if no word of the answering passage is near it either ("coastal", "sea").
  const near = (r: UnitResult) => ctx.meaning.closestIn(r.unit.label, plainWordsOf(ctx.passages[candidates[0]!.i]!)) >= opts.nearInPassage;
  const unknownWeight = results.reduce((sum, r, u) => sum + (isUnmatched(r, opts) && !near(r) ? weights[u]! : 0), 0);
  if (top.coverage < opts.minCoverage && unknownWeight > opts.maxUnknownShare * totalWeight) return no('weak-match');
  return {
    answered: true,
    question,
    confidence: top.coverage >= opts.minCoverage ? 'high' : 'low',
    passages: ranked,
    answer: top.sentences[top.bestSentence] ?? top.text,
    matchedTerms: top.matchedTerms,
  };
}

function rank(ctx: AskContext, c: Candidate, results: UnitResult[]): RankedPassage {
  const p = ctx.passages[c.i]!;
  const docTerms = new Set<string>();
  for (const r of results) for (const t of r.hits.get(c.i)?.textTerms.keys() ?? []) docTerms.add(t);
  const matchedTerms = [...new Set(wordsOf(p).filter((w) => docTerms.has(w.term ?? '')).map((w) => w.surface))];
  return {
    text: p.text,
    citation: citationOf(p),
    score: round(c.score),
    coverage: round(c.coverage),
    bestSentence: c.bestSentence,
    sentences: p.sentences,
    matchedTerms,
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
