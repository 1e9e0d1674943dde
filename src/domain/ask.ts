// Answers a question: ranks passages by relevance and by how much of the question they cover, picks the
// sentence that answers, and declines when the best passage covers too little of what was asked.
import type { AskResult, Passage, RankedPassage, Suggestion } from './types.ts';
import type { Lexicon, QueryUnit } from './query.ts';
import { searchUnit, type PassageIndex, type SearchOptions, type UnitResult } from './search.ts';
import { processWord, tokens } from './text.ts';
import { citationOf } from './citation.ts';

export interface AskOptions {
  /** Passages returned when the question is answered (renderers page through them). */
  limit: number;
  /** Below this share of the question's weighted content covered by the best passage, decline. */
  minCoverage: number;
  /** Candidates re-ranked by coverage after the lexical search (bounds work on big corpora). */
  rerankDepth: number;
  /** Longest question considered, in characters: Discord caps options at 300; this guards the library API. */
  maxQuestionLength: number;
}

export const DEFAULT_ASK_OPTIONS: AskOptions = { limit: 10, minCoverage: 0.5, rerankDepth: 50, maxQuestionLength: 1000 };

export interface AskContext {
  index: PassageIndex;
  passages: Passage[];
  lexicon: Lexicon;
  search: SearchOptions;
  ask: AskOptions;
}

interface Candidate {
  i: number;
  score: number;
  coverage: number;
}

export function ask(ctx: AskContext, rawQuestion: string, overrides: Partial<AskOptions> = {}): AskResult {
  const opts = { ...ctx.ask, ...overrides };
  const question = rawQuestion.trim().slice(0, opts.maxQuestionLength);
  if (!question) return decline(ctx, question, 'empty-question', [], []);
  const units = ctx.lexicon.analyze(question);
  if (units.length === 0) return decline(ctx, question, 'no-content-words', [], []);

  const results = units.map((u) => searchUnit(ctx.index, u, ctx.search));
  const n = ctx.passages.length;
  // Rarity of each unit: a word the article never uses weighs most, a word in every passage least.
  const weights = results.map((r) => Math.log(1 + n / (r.textMatches + 0.5)));
  const totalWeight = weights.reduce((a, b) => a + b, 0);

  const lexical = new Map<number, number>();
  for (const r of results) for (const [i, hit] of r.hits) lexical.set(i, (lexical.get(i) ?? 0) + hit.score);
  const shortlist = [...lexical.entries()].sort((a, b) => b[1] - a[1]).slice(0, opts.rerankDepth);
  if (shortlist.length === 0) return decline(ctx, question, 'no-match', [], []);

  const candidates: Candidate[] = shortlist.map(([i, score]) => {
    let covered = 0;
    results.forEach((r, u) => (covered += weights[u]! * (r.hits.get(i)?.credit ?? 0)));
    const coverage = totalWeight > 0 ? covered / totalWeight : 0;
    // Coverage dominates: a passage answering all of the question beats one repeating a single word.
    return { i, score: score * (0.2 + coverage) ** 2, coverage };
  });
  candidates.sort((a, b) => b.score - a.score || a.i - b.i);

  const ranked = candidates.slice(0, opts.limit).map((c) => rank(ctx, c, results, weights));
  const top = ranked[0]!;
  if (top.coverage < opts.minCoverage) return decline(ctx, question, 'weak-match', ranked, units);
  return {
    answered: true,
    question,
    passages: ranked,
    answer: top.sentences[top.bestSentence] ?? top.text,
    matchedTerms: top.matchedTerms,
  };
}

function rank(ctx: AskContext, c: Candidate, results: UnitResult[], weights: number[]): RankedPassage {
  const p = ctx.passages[c.i]!;
  const docTerms = new Set<string>();
  for (const r of results) for (const t of r.hits.get(c.i)?.docTerms ?? []) docTerms.add(t);
  const matchedTerms = [...new Set(tokens(p.text).filter((t) => docTerms.has(processWord(t.surface) ?? '')).map((t) => t.surface))];
  return {
    text: p.text,
    citation: citationOf(p),
    score: round(c.score),
    coverage: round(c.coverage),
    bestSentence: bestSentence(p.sentences, results, weights, c.i),
    sentences: p.sentences,
    matchedTerms,
  };
}

/** The sentence covering the most (rarity-weighted) units of the question; the earliest on a tie. */
function bestSentence(sentences: string[], results: UnitResult[], weights: number[], i: number): number {
  let best = 0;
  let bestScore = -1;
  sentences.forEach((s, si) => {
    const terms = new Set(tokens(s).map((t) => processWord(t.surface)));
    let score = 0;
    results.forEach((r, u) => {
      const hit = r.hits.get(i);
      if (hit && hit.docTerms.some((t) => terms.has(t))) score += weights[u]! * hit.credit;
    });
    if (score > bestScore) {
      best = si;
      bestScore = score;
    }
  });
  return best;
}

function decline(
  ctx: AskContext,
  question: string,
  reason: Extract<AskResult, { answered: false }>['reason'],
  near: RankedPassage[],
  units: QueryUnit[],
): AskResult {
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
  const sections = [...new Set(ctx.passages.map((p) => p.section).filter((s): s is string => s !== null))];
  for (const section of sections) {
    if (out.length >= 3) break;
    out.push({ label: section, query: section });
  }
  return out;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
