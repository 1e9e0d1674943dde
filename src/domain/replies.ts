// The AskResult values that are not a ranked answer: a decline with its ways forward, and the overview
// answer ("what's this article about"). Plain values; renderers turn them into words.
import type { AskContext } from './ask.ts';
import type { Unanswerable } from './answerability.ts';
import { citationOf } from './citation.ts';
import type { QueryUnit } from './query.ts';
import type { AskResult, Passage, RankedPassage, Suggestion } from './types.ts';

/** The first paragraph of an article, which says what the article is about. */
function isLead(passages: readonly Passage[], i: number): boolean {
  const p = passages[i]!;
  return p.kind === 'paragraph' && (i === 0 || passages[i - 1]!.articleId !== p.articleId);
}

/** "What's this article about", "tl;dr": the lead paragraph of each article says what it is about. */
export function overview(ctx: AskContext, question: string): AskResult {
  const leads = ctx.passages.filter((_, i) => isLead(ctx.passages, i));
  const ranked: RankedPassage[] = leads.slice(0, ctx.ask.limit).map((p) => ({
    text: p.text,
    citation: citationOf(p),
    score: 1,
    coverage: 1,
    bestSentence: 0,
    sentences: p.sentences,
    matchedTerms: [],
  }));
  if (ranked.length === 0) return decline(ctx, question, 'no-match', [], []);
  return { answered: true, question, confidence: 'high', passages: ranked, answer: ranked[0]!.sentences[0] ?? ranked[0]!.text, matchedTerms: [] };
}

export function declineUnanswerable(ctx: AskContext, question: string, why: Exclude<Unanswerable, { reason: 'answered-elsewhere' }>, ranked: RankedPassage[], units: QueryUnit[]): AskResult {
  if (why.reason === 'not-together') return { ...decline(ctx, question, 'not-together', ranked, units), people: why.people };
  if (why.reason === 'unmatched-detail') return { ...decline(ctx, question, 'unmatched-detail', ranked, units), detail: why.detail };
  // "How many" keeps its own reason: the article gives no figure.
  if (why.answerType === 'figure') return decline(ctx, question, 'no-figure', ranked, units);
  const declined = { ...decline(ctx, question, 'no-answer-of-type', ranked, units), answerType: why.answerType };
  return why.answerType === 'kind' ? { ...declined, detail: why.kind } : declined;
}

export function decline(
  ctx: AskContext,
  question: string,
  reason: Extract<AskResult, { answered: false }>['reason'],
  near: RankedPassage[],
  units: QueryUnit[],
): Extract<AskResult, { answered: false }> {
  return { answered: false, question, reason, suggestions: suggest(ctx, near, units), passages: near };
}

/**
 * 1–3 ways forward, always passages the user can read: those that answered part of the question, else the
 * lead paragraph of the articles, which says what they cover. Never a bare heading.
 */
function suggest(ctx: AskContext, near: RankedPassage[], units: QueryUnit[]): Suggestion[] {
  const out: Suggestion[] = [];
  if (units.length > 1) {
    for (const p of near.filter((r) => r.coverage >= SUGGESTION_COVERAGE).slice(0, 2)) {
      out.push({ label: p.sentences[p.bestSentence] ?? p.text, query: p.matchedTerms.join(' '), citation: p.citation });
    }
  }
  // The lead paragraph of the first articles in corpus order; stop as soon as there are enough (an archive has
  // thousands of passages).
  const seen = new Set<string>(out.map((s) => `${s.citation!.articleId}#${s.citation!.paragraph}`));
  for (let i = 0; i < ctx.passages.length && out.length < MAX_SUGGESTIONS; i++) {
    const p = ctx.passages[i]!;
    if (!isLead(ctx.passages, i) || seen.has(p.id)) continue;
    seen.add(p.id);
    out.push({ label: p.sentences[0] ?? p.text, query: p.section ?? p.articleTitle, citation: citationOf(p) });
  }
  return out;
}

/** A near passage is suggested from this share of the question covered. */
const SUGGESTION_COVERAGE = 0.25;
const MAX_SUGGESTIONS = 3;
