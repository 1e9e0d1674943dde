// Answers a question: ranks passages by relevance and by how much of the question they cover, picks the
// sentence that answers, and declines when the best passage covers too little of what was asked.
import type { AskResult, Passage, RankedPassage, Suggestion } from './types.ts';
import type { Lexicon, QueryUnit } from './query.ts';
import { searchUnit, topLexical, type PassageIndex, type SearchOptions, type UnitResult } from './search.ts';
import { processWord, termSet, tokens } from './text.ts';
import { citationOf } from './citation.ts';

export interface AskOptions {
  /** Passages returned when the question is answered (renderers page through them). */
  limit: number;
  /** Below this share of the question's weighted content covered by the best passage, decline. */
  minCoverage: number;
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
  /** Questions that ask for a figure; answered only by a sentence that has one. */
  numberQuestion: RegExp;
  /** Questions that ask for someone's words; answered only when a person they name is quoted. */
  speechQuestion: RegExp;
  /** Added to the score of a passage quoting the person a speech question names. */
  speakerBonus: number;
  /** Questions that ask when; a passage giving a date gets `dateBonus`. */
  dateQuestion: RegExp;
  dateBonus: number;
}

/** A date in running text: a month, a weekday or a year. */
const DATE =
  /\b(January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|(19|20)\d\d)\b/;

export const DEFAULT_ASK_OPTIONS: AskOptions = {
  limit: 10,
  minCoverage: 0.5,
  minRelatedCoverage: 0.35,
  rerankDepth: 50,
  maxQuestionLength: 1000,
  passageWeight: 0.6,
  sentenceWeight: 0.4,
  lexicalWeight: 0.1,
  absentNameFactor: 1.5,
  absentVerbFactor: 0.6,
  numberQuestion: /\bhow (many|much)\b/i,
  speakerBonus: 0.15,
  dateQuestion: /\b(when|what (date|day|time|year|month)|which (date|day|year|month))\b/i,
  dateBonus: 0.15,
  speechQuestion: /\b(say|says|said|tell|told|think|thinks|thought|react|reacted|reaction|respond|responded|response|comment|comments|commented|quote|quoted|words)\b/i,
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
  const units = ctx.lexicon.analyze(question);
  if (units.length === 0) return decline(ctx, question, 'no-content-words', [], []);

  const results = units.map((u) => {
    const r = searchUnit(ctx.index, u, ctx.search);
    // A word the corpus never uses may be a misspelt name ("starmr") or a misspelt word with synonyms ("wepons").
    if (!u.word || r.typedInText) return r;
    const other = ctx.lexicon.reinterpret(u);
    return other ? searchUnit(ctx.index, other, ctx.search) : r;
  });
  const n = ctx.passages.length;
  // Rarity of each unit: a word the article never uses weighs most, a word in every passage least.
  const weights = results.map((r) => r.unit.weight * Math.log(1 + n / (r.textMatches + 0.5)) * absentFactor(r, opts));
  const totalWeight = weights.reduce((a, b) => a + b, 0);

  const shortlist = topLexical(results, opts.rerankDepth);
  if (shortlist.length === 0) return decline(ctx, question, 'no-match', [], []);

  const maxLexical = shortlist[0]![1];
  // A question about what someone said is answered where they speak. The speaker is the first person it
  // names other than in a possessive ("What did Kushner say about Putin" -> Kushner; "Trump's envoy" is an
  // alias of its own): only their quotes when they are quoted, the quotes of anyone named first otherwise.
  const named = results.flatMap((r) => (r.unit.person && !/['’]s$/i.test(r.unit.label) ? [r.unit.person] : []));
  const speech = named.length > 0 && opts.speechQuestion.test(question);
  const speaker = speech ? named[0]! : null;
  const onlySpeaking = speaker !== null && ctx.quotedIn(speaker).size > 0;
  const speaking = new Set(onlySpeaking ? ctx.quotedIn(speaker!) : speech ? named.flatMap((p) => [...ctx.quotedIn(p)]) : []);
  const wantsDate = opts.dateQuestion.test(question);
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
      (wantsDate && DATE.test(ctx.passages[i]!.text) ? opts.dateBonus : 0);
    return { i, score, coverage, bestSentence: best.index };
  });
  if (onlySpeaking) candidates.splice(0, candidates.length, ...candidates.filter((c) => speaking.has(c.i)));
  if (candidates.length === 0) return decline(ctx, question, 'weak-match', [], units);
  candidates.sort((a, b) => b.score - a.score || a.i - b.i);

  // Beyond the best passage, only those that answer a fair part of the question: "more results" is not a dump.
  const kept = candidates.filter((c, k) => k === 0 || c.coverage >= opts.minRelatedCoverage);
  const ranked = kept.slice(0, opts.limit).map((c) => rank(ctx, c, results));
  const top = ranked[0]!;
  if (top.coverage < opts.minCoverage) return decline(ctx, question, 'weak-match', ranked, units);
  // "What did Putin say…" asks for someone's words: if nobody it names is ever quoted, the article has none.
  // ("…according to his envoy" names the speaker another way: then the question stands.)
  if (speaker !== null && !onlySpeaking && !/\baccording to\b/i.test(question)) {
    return { ...decline(ctx, question, 'not-quoted', ranked, units), people: [speaker] };
  }
  // "How many…" asks for a figure: a passage without one does not answer it, however well it matches.
  if (opts.numberQuestion.test(question) && !/\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?|millions?)\b/i.test(top.sentences[top.bestSentence] ?? '')) {
    return decline(ctx, question, 'no-figure', ranked, units);
  }
  return {
    answered: true,
    question,
    passages: ranked,
    answer: top.sentences[top.bestSentence] ?? top.text,
    matchedTerms: top.matchedTerms,
  };
}

function rank(ctx: AskContext, c: Candidate, results: UnitResult[]): RankedPassage {
  const p = ctx.passages[c.i]!;
  const docTerms = new Set<string>();
  for (const r of results) for (const t of r.hits.get(c.i)?.textTerms.keys() ?? []) docTerms.add(t);
  const matchedTerms = [...new Set(tokens(p.text).filter((t) => docTerms.has(processWord(t.surface) ?? '')).map((t) => t.surface))];
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

/** The sentence covering the most (rarity-weighted) units of the question; the earliest on a tie. */
function bestSentence(sentences: string[], results: UnitResult[], weights: number[], i: number): { index: number; score: number } {
  let best = { index: 0, score: -1 };
  sentences.forEach((s, index) => {
    const terms = termSet(s);
    let score = 0;
    results.forEach((r, u) => {
      const hit = r.hits.get(i);
      if (!hit) return;
      let credit = hit.contextCredit;
      for (const [t, c] of hit.textTerms) if (terms.has(t)) credit = Math.max(credit, c);
      score += weights[u]! * credit;
    });
    if (score > best.score) best = { index, score };
  });
  return best;
}

function decline(
  ctx: AskContext,
  question: string,
  reason: Extract<AskResult, { answered: false }>['reason'],
  near: RankedPassage[],
  units: QueryUnit[],
): Extract<AskResult, { answered: false }> {
  return { answered: false, question, reason, suggestions: suggest(ctx, near, units), passages: near };
}

/**
 * 1–3 ways forward: passages that answered part of the question (when something matched), else the
 * article's sections, which name what it covers.
 */
function suggest(ctx: AskContext, near: RankedPassage[], units: QueryUnit[]): Suggestion[] {
  const out: Suggestion[] = [];
  if (units.length > 1) {
    for (const p of near.filter((r) => r.coverage >= 0.25).slice(0, 2)) {
      out.push({ label: p.sentences[p.bestSentence] ?? p.text, query: p.matchedTerms.join(' '), citation: p.citation });
    }
  }
  // The first sections in corpus order; stop as soon as there are enough (an archive has thousands of passages).
  const seen = new Set<string>();
  for (const { section } of ctx.passages) {
    if (out.length >= 3) break;
    if (section === null || seen.has(section)) continue;
    seen.add(section);
    out.push({ label: section, query: section });
  }
  return out;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
