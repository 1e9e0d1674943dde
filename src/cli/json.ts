// The JSON shapes of the command line (documented in src/cli/README.md); more fields may be added, none removed.
// The text renderings are each command's own (src/commands/<name>/text.ts).
import type { AskResult, CommitmentsResult, QuotesResult } from '../domain/types.ts';

/** The typed fields a decline carries beside its reason, for scripts. */
function declineDetails(r: Extract<AskResult, { answered: false }>) {
  return { ...(r.people ? { people: r.people } : {}), ...(r.entities ? { entities: r.entities } : {}), ...(r.answerType ? { answerType: r.answerType } : {}), ...(r.detail ? { detail: r.detail } : {}) };
}

export function askJson(r: AskResult) {
  return {
    question: r.question,
    answered: r.answered,
    ...(r.answered
      ? { confidence: r.confidence, answer: r.answer }
      : { reason: r.reason, suggestions: r.suggestions.map((s) => s.label), ...declineDetails(r) }),
    passages: (r.answered ? r.passages : []).map((p) => ({
      text: p.text,
      article: p.citation.articleTitle,
      section: p.citation.section,
      paragraph: p.citation.paragraph,
      score: p.score,
      coverage: p.coverage,
      sentence: p.sentences[p.bestSentence] ?? null,
    })),
  };
}

export function quotesJson(r: QuotesResult) {
  return {
    query: r.query,
    speaker: r.speaker && r.answered ? r.speaker.name : (r.speaker?.name ?? null),
    ...(r.answered ? {} : { reason: r.reason, suggestions: r.suggestions.map((s) => s.label) }),
    quotes: r.quotes.map((q) => ({ speaker: q.speaker, text: q.text, article: q.citation.articleTitle, section: q.citation.section, paragraph: q.citation.paragraph })),
  };
}

export function commitmentsJson(r: CommitmentsResult) {
  return {
    party: r.party,
    ...(r.answered ? {} : { reason: r.reason }),
    commitments: r.commitments.map((c) => ({ text: c.text, party: c.party, article: c.citation.articleTitle, section: c.citation.section, paragraph: c.citation.paragraph })),
  };
}
